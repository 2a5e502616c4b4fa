import { useId, useState } from 'react';
import type { FileRootsReply } from '../../src/api/contract';
import { api } from '../api';
import { useLoad } from '../lib/useLoad';
import { toastInfo } from '../state/toast';

type Which = 'importRoot' | 'exportRoot';

const LABEL: Record<Which, string> = { importRoot: 'Importmapp', exportRoot: 'Exportmapp' };
const HELP: Record<Which, string> = {
  importRoot: 'Insyn läser bara filer i den här mappen (och dess undermappar).',
  exportRoot: 'Exporter hamnar bara i den här mappen (eller en undermapp).',
};

/**
 * The import and export folders the workbench may read from and write to (issue 13): shown with
 * whether they exist, and changeable. Paths outside them are refused by the service.
 */
export function FileRoots({ onChange }: { onChange?: (roots: FileRootsReply) => void }) {
  const roots = useLoad(() => api.fileRootsGet({}), []);
  if (!roots.data) return roots.error ? <p className="error-text" role="alert">{roots.error}</p> : null;
  const saved = (r: FileRootsReply) => {
    roots.reload();
    onChange?.(r);
  };
  return (
    <section className="card" aria-labelledby="h-roots" data-testid="file-roots">
      <h2 id="h-roots">Mappar</h2>
      <div className="stack">
        <RootRow which="importRoot" roots={roots.data} onSaved={saved} />
        <RootRow which="exportRoot" roots={roots.data} onSaved={saved} />
      </div>
    </section>
  );
}

function RootRow({ which, roots, onSaved }: { which: Which; roots: FileRootsReply; onSaved: (r: FileRootsReply) => void }) {
  const uid = useId();
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(roots[which]);
  const [err, setErr] = useState<string | null>(null);
  const exists = which === 'importRoot' ? roots.importRootExists : roots.exportRootExists;
  const save = async () => {
    const env = await api.fileRootsSet({ [which]: value.trim() });
    if (!env.ok) { setErr(env.error.message); return; }
    setErr(null);
    setEditing(false);
    toastInfo(`${LABEL[which]} ändrad till ${env.value[which]}`);
    onSaved(env.value);
  };
  return (
    <div>
      {editing ? (
        <form className="row" onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <label className="field" style={{ flex: 1, minWidth: 320 }}>{LABEL[which]}
            <input type="text" value={value} onChange={(e) => setValue(e.target.value)} spellCheck={false} aria-describedby={`${uid}-help`} autoFocus />
          </label>
          <button type="submit" className="btn primary sm">Spara</button>
          <button type="button" className="btn sm" onClick={() => { setEditing(false); setErr(null); setValue(roots[which]); }}>Avbryt</button>
        </form>
      ) : (
        <div className="row">
          <span><strong>{LABEL[which]}:</strong> <span className="mono" data-testid={`root-${which}`}>{roots[which]}</span></span>
          {exists ? <span className="badge ok">finns</span> : <span className="badge no">finns inte än</span>}
          <button type="button" className="btn sm" onClick={() => { setValue(roots[which]); setEditing(true); }} aria-label={`Ändra ${LABEL[which].toLowerCase()}`}>Ändra</button>
        </div>
      )}
      <span id={`${uid}-help`} className="small muted">
        {HELP[which]}{!exists && which === 'importRoot' ? ' Skapa mappen och lägg filerna där, eller välj en annan.' : ''}
        {!exists && which === 'exportRoot' ? ' Den skapas vid första exporten.' : ''}
      </span>
      {err && <p className="error-text" role="alert">{err}</p>}
    </div>
  );
}

import { useId, useState } from 'react';
import type { Req, Res } from '../../src/api/contract';
import { api } from '../api';
import { exportOutcome } from '../lib/exportText';
import { toastInfo } from '../state/toast';

type Format = Req<'exportRun'>['format'];
type Scope = Req<'exportRun'>['scope'];
type Dialect = NonNullable<Req<'exportRun'>['csvDialect']>;

export const EXPORT_FORMATS: { value: Format; label: string }[] = [
  { value: 'gexf', label: 'GEXF (Gephi)' },
  { value: 'graphml', label: 'GraphML' },
  { value: 'csv', label: 'CSV (noder och kanter)' },
  { value: 'ftm', label: 'FtM (FollowTheMoney)' },
  { value: 'html', label: 'HTML-rapport' },
];

/** Export of a case or a subject's network to a folder (issue 6). The folder defaults to the service's export folder. */
export function ExportPanel({ scope, title = 'Exportera' }: { scope: Scope; title?: string }) {
  const uid = useId();
  const [format, setFormat] = useState<Format>('html');
  const [pseudonymise, setPseudonymise] = useState(false);
  const [dir, setDir] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [csvDialect, setCsvDialect] = useState<Dialect>('excel');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Res<'exportRun'> | null>(null);
  const [err, setErr] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    setErr(null);
    setResult(null);
    const env = await api.exportRun({ format, scope, pseudonymise, overwrite, csvDialect, ...(dir.trim() ? { dir: dir.trim() } : {}) });
    setBusy(false);
    if (!env.ok) { setErr(env.error.message); return; }
    setResult(env.value);
    if (env.value.existing.length === 0) toastInfo(exportOutcome(env.value).text);
  };

  const outcome = result ? exportOutcome(result) : null;
  return (
    <section className="card export-panel" aria-labelledby={`${uid}-h`} data-testid="export-panel">
      <h3 id={`${uid}-h`}>{title}</h3>
      <form className="stack" onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <label className="field">Format
          <select value={format} onChange={(e) => setFormat(e.target.value as Format)}>
            {EXPORT_FORMATS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
          </select>
        </label>
        {format === 'csv' && (
          <label className="field">CSV för
            <select value={csvDialect} onChange={(e) => setCsvDialect(e.target.value as Dialect)}>
              <option value="excel">Excel (semikolon, decimalkomma, id-nummer som text)</option>
              <option value="standard">Andra verktyg (kommatecken, RFC 4180)</option>
            </select>
          </label>
        )}
        <label className="field">Målmapp
          <input type="text" value={dir} onChange={(e) => setDir(e.target.value)} placeholder="Exportmappen" aria-describedby={`${uid}-dirhelp`} />
        </label>
        <span id={`${uid}-dirhelp`} className="small muted">Lämna tomt för exportmappen; en relativ sökväg blir en undermapp. Exportmappen väljs under Importera → Mappar.</span>
        <label className="check"><input type="checkbox" checked={pseudonymise} onChange={(e) => setPseudonymise(e.target.checked)} /> Pseudonymisera (ersätt namn, personnummer och bostadsadresser)</label>
        <label className="check"><input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} /> Skriv över befintliga filer</label>
        <div><button type="submit" className="btn primary sm" disabled={busy}>{busy ? 'Exporterar …' : 'Exportera'}</button></div>
      </form>
      <div aria-live="polite">
        {err && <p className="error-text" role="alert">{err}</p>}
        {outcome && <p className={outcome.kind === 'exists' ? 'error-text' : 'small'} role={outcome.kind === 'exists' ? 'alert' : undefined}>{outcome.text}</p>}
        {result && result.existing.length > 0 && (
          <ul className="small mono" data-testid="export-existing">{result.existing.map((p) => <li key={p}>{p}</li>)}</ul>
        )}
        {result && result.files.length > 0 && (
          <ul className="small mono" data-testid="export-files">{result.files.map((f) => <li key={f.path}>{f.path} <span className="muted">({f.bytes} byte)</span></li>)}</ul>
        )}
      </div>
    </section>
  );
}

// The entity profile's known-time history (issue 11): for each fact about the entity, which
// dataset first stated it and when, which changed it (before → after, with both sources), which
// last stated it, and since when it is no longer reported. Plus a watch toggle for the profile.
import { useState } from 'react';
import type { FactHistoryEntry } from '../../src/api/contract';
import { api } from '../api';
import { ErrorBox, Loading } from '../components/bits';
import { fmtDate } from '../lib/format';
import { useLoad } from '../lib/useLoad';
import { toastError, toastInfo } from '../state/toast';
import { CHANGE_SV, fieldSv, valueText } from './Changes';
import './monitor.css';

const ds = (d: FactHistoryEntry['firstStated']): string => `${d.name} (#${d.id}, ${fmtDate(d.importedAt)})`;

export function FactHistorySection({ id }: { id: string }) {
  const h = useLoad(() => api.factHistory({ id }), [id]);
  const [all, setAll] = useState(false);
  const items = h.data?.items ?? [];
  const eventful = items.filter((f) => f.events.length > 1 || f.endedBy);
  const shown = all ? items : eventful;
  return (
    <section className="card fact-history" aria-labelledby="h-known" data-testid="fact-history">
      <div className="between">
        <h2 id="h-known">Ändringshistorik</h2>
        {items.length > 0 && (
          <label className="row small"><input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> Visa alla uppgifter ({items.length}), inte bara ändrade</label>
        )}
      </div>
      <ErrorBox error={h.error} />
      {!h.data && !h.error && <Loading />}
      {h.data && shown.length === 0 && <p className="muted">{items.length ? 'Inga uppgifter har ändrats eller slutat rapporteras sedan de först lästes in.' : 'Inga lagrade uppgifter.'}</p>}
      <ul className="stack" style={{ paddingLeft: 16 }}>
        {shown.map((f) => (
          <li key={`${f.table}|${f.key}`}>
            <strong>{f.label}</strong>
            {f.endedBy && <span className="badge no" style={{ marginLeft: 6 }}>rapporteras inte längre sedan {ds(f.endedBy)}</span>}
            <div className="small muted">Uppgiven först av {ds(f.firstStated)}; senast av {ds(f.lastStated)}</div>
            <ul className="events">
              {f.events.map((e, i) => (
                <li key={i}>
                  <span className="badge">{CHANGE_SV[e.kind]}</span> {ds(e.dataset)}
                  {e.kind === 'changed' && e.field && <>: {fieldSv(e.field)} <del>{valueText(e.before, f.table, e.field)}</del> → <ins>{valueText(e.after, f.table, e.field)}</ins></>}
                  {' '}<span className="src">{e.source}</span>
                  {e.beforeSource && e.beforeSource !== e.source && <span className="small muted"> (före: {e.beforeSource})</span>}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Follow or stop following the entity on the watch list (audited in the core). */
export function WatchToggle({ id, label }: { id: string; label: string }) {
  const list = useLoad(() => api.watchList({}), [id]);
  const watched = list.data?.items.some((w) => w.id === id) ?? false;
  const toggle = async () => {
    if (watched) {
      const env = await api.watchRemove({ id });
      if (!env.ok) return toastError(env.error.message);
      toastInfo(`Bevakar inte längre ${label}.`, async () => { await api.watchAdd({ id }); list.reload(); });
    } else {
      const env = await api.watchAdd({ id });
      if (!env.ok) return toastError(env.error.message);
      toastInfo(`Bevakar ${label}. Ändringar visas under Nytt sedan ….`);
    }
    list.reload();
  };
  if (!list.data) return null;
  return <button type="button" className="btn" aria-pressed={watched} onClick={() => void toggle()} data-testid="watch-toggle">{watched ? 'Sluta bevaka' : 'Bevaka'}</button>;
}

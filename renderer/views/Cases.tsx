import { useState } from 'react';
import type { EntityRef } from '../../src/api/contract';
import { countSv } from '../../src/model/labels-sv';
import { api } from '../api';
import { EntityLink, ErrorBox, Loading, Sev, StatusBadge } from '../components/bits';
import { ExportPanel } from '../components/ExportPanel';
import { KIND_SV } from '../lib/format';
import { useLoad } from '../lib/useLoad';
import { useNav } from '../state/nav';
import { useNetwork } from '../state/network';
import { toastError, toastInfo } from '../state/toast';

export function CasesView({ caseId }: { caseId: string | null }) {
  const list = useLoad(() => api.casesList({}), []);
  const go = useNav((s) => s.go);
  const [name, setName] = useState('');
  const [err, setErr] = useState<string | null>(null);

  const create = async () => {
    const env = await api.caseSave({ name });
    if (!env.ok) { setErr(env.error.message); return; }
    setErr(null);
    setName('');
    list.reload();
    go('cases', String(env.value.id));
  };

  return (
    <>
      <h1>Ärenden</h1>
      <div className="grid2" style={{ gridTemplateColumns: '340px 1fr' }}>
        <section className="card" aria-labelledby="h-cl">
          <h2 id="h-cl">Alla ärenden</h2>
          <form className="row" onSubmit={(e) => { e.preventDefault(); void create(); }}>
            <input type="text" aria-label="Namn på nytt ärende" placeholder="Nytt ärende …" value={name} onChange={(e) => setName(e.target.value)} style={{ flex: 1 }} />
            <button type="submit" className="btn primary sm">Skapa</button>
          </form>
          {err && <p className="error-text" role="alert">{err}</p>}
          <ErrorBox error={list.error} />
          {list.data?.items.length === 0 && <p className="muted">Inga ärenden ännu. Skapa ett här, eller spara en nätverksvy i ett nytt ärende.</p>}
          <ul style={{ listStyle: 'none', padding: 0 }}>
            {list.data?.items.map((c) => (
              <li key={c.id} style={{ padding: '6px 0', borderBottom: '1px solid var(--line)' }}>
                <button type="button" className="linkbtn" aria-current={caseId === String(c.id) ? 'true' : undefined} onClick={() => go('cases', String(c.id))}>{c.name}</button>
                <div className="small muted">{countSv(c.hitCount, 'larm', 'larm')} · {countSv(c.entityCount, 'entitet', 'entiteter')} · {countSv(c.noteCount, 'anteckning', 'anteckningar')} · ändrad {c.updatedAt.slice(0, 10)}</div>
              </li>
            ))}
          </ul>
        </section>
        {caseId ? <CaseDetailPanel id={Number(caseId)} onChanged={list.reload} /> : <section className="card empty-state">Välj ett ärende i listan.</section>}
      </div>
    </>
  );
}

function CaseDetailPanel({ id, onChanged }: { id: number; onChanged: () => void }) {
  const c = useLoad(() => api.caseGet({ id }), [id]);
  const go = useNav((s) => s.go);
  const openSaved = useNetwork((s) => s.openSaved);
  const [note, setNote] = useState('');
  const addNote = async () => {
    const env = await api.caseAddNote({ caseId: id, text: note });
    if (!env.ok) { toastError(env.error.message); return; }
    setNote('');
    c.reload();
    onChanged();
  };
  /** Takes alerts or entities out of the case; the toast puts them back. */
  const remove = async (change: { removeHits?: string[]; removeEntities?: string[] }, what: string, entities: EntityRef[] = []) => {
    const env = await api.caseChangeItems({ caseId: id, ...change });
    if (!env.ok) { toastError(env.error.message); return; }
    c.reload();
    onChanged();
    toastInfo(`${what} togs bort ur ärendet`, async () => {
      const back = await api.caseChangeItems({ caseId: id, addHits: env.value.hitsRemoved, addEntities: entities.filter((e) => env.value.entitiesRemoved.includes(e.id)).map((e) => ({ id: e.id, kind: e.kind })) });
      if (!back.ok) toastError(back.error.message);
      c.reload();
      onChanged();
    });
  };
  const d = c.data && c.data.id === id ? c.data : null;
  if (!d) return <section className="card"><ErrorBox error={c.error} />{!c.error && <Loading />}</section>;
  return (
    <section className="card" aria-labelledby="h-case">
      <h2 id="h-case">{d.name}</h2>
      {d.description && <p>{d.description}</p>}
      <p className="small muted">Skapat {d.createdAt.slice(0, 16).replace('T', ' ')} · ändrat {d.updatedAt.slice(0, 16).replace('T', ' ')}</p>
      <h3>Sparade nätverksvyer</h3>
      {d.views.length === 0 ? <p className="muted">Inga sparade vyer. Spara från Nätverk-vyn.</p> : (
        <ul>
          {d.views.map((v) => (
            <li key={v.id}>
              {v.name} <span className="small muted">({countSv(v.view.nodeIds.length, 'nod', 'noder')}{v.view.asOf ? `, per ${v.view.asOf}` : ''}, sparad {v.savedAt.slice(0, 16).replace('T', ' ')})</span>{' '}
              <button type="button" className="btn sm" onClick={() => { openSaved(v.view); toastInfo(`Öppnar ”${v.name}”`); go('network', `vy-${v.id}`); }}>Öppna igen</button>
            </li>
          ))}
        </ul>
      )}
      <h3>Larm ({d.hits.length})</h3>
      {d.hits.length === 0 && d.missingHitKeys.length === 0 && <p className="muted">Inga larm. Lägg till från Larm (markera och tryck Ä), ett öppet larm eller en profil.</p>}
      {d.hits.length > 0 && (
        <table className="t" data-testid="case-hits">
          <thead><tr><th>Allv.</th><th>Signal</th><th>Subjekt</th><th>Status</th><th><span className="sr-only">Ta bort</span></th></tr></thead>
          <tbody>
            {d.hits.map((h) => (
              <tr key={h.hitKey}>
                <td><Sev n={h.severity} /></td>
                <td><button type="button" className="linkbtn" onClick={() => go('alerts', h.hitKey)}>{h.signalTitle}</button></td>
                <td>{h.subjectLabel}</td>
                <td><StatusBadge status={h.status} changed={h.changed} /></td>
                <td><button type="button" className="btn sm" aria-label={`Ta bort larmet ${h.signalTitle} (${h.subjectLabel}) ur ärendet`} onClick={() => void remove({ removeHits: [h.hitKey] }, `Larmet ${h.signalTitle}`)}>Ta bort</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {d.missingHitKeys.length > 0 && (
        <p className="small muted">
          {countSv(d.missingHitKeys.length, 'larm', 'larm')} i ärendet finns inte i den senaste analysen (underlaget har ändrats).{' '}
          <button type="button" className="btn sm" onClick={() => void remove({ removeHits: d.missingHitKeys }, countSv(d.missingHitKeys.length, 'inaktuellt larm', 'inaktuella larm'))}>Ta bort dem</button>
        </p>
      )}
      <h3>Entiteter ({d.entities.length})</h3>
      <div className="scroll-y max-h-300">
        {d.entities.length === 0 ? <p className="muted">Inga. Lägg till från en profil, markerade noder i Nätverk eller genom att spara en nätverksvy.</p> : (
          <ul className="case-entities" data-testid="case-entities">
            {d.entities.map((e) => (
              <li key={e.id}>
                <span className="badge">{KIND_SV[e.kind]}</span> <EntityLink id={e.id} label={e.label} />{' '}
                <button type="button" className="btn sm" aria-label={`Ta bort ${e.label} ur ärendet`} onClick={() => void remove({ removeEntities: [e.id] }, e.label, [e])}>Ta bort</button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <h3>Anteckningar</h3>
      <ul style={{ listStyle: 'none', padding: 0 }}>
        {d.notes.map((n) => (
          <li key={n.id} style={{ marginBottom: 8 }}>
            <div className="small muted">{n.at.slice(0, 16).replace('T', ' ')} · {n.author}</div>
            <div style={{ whiteSpace: 'pre-wrap' }}>{n.text}</div>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => { e.preventDefault(); void addNote(); }}>
        <label className="field">Ny anteckning<textarea value={note} onChange={(e) => setNote(e.target.value)} /></label>
        <button type="submit" className="btn primary sm" disabled={!note.trim()} style={{ marginTop: 6 }}>Lägg till</button>
      </form>
      <ExportPanel key={id} scope={{ case: id }} title="Exportera ärendet" />
    </section>
  );
}

// "Nytt sedan …" (issue 11): what changed between the latest analysis run and an earlier one —
// new alerts first, changed alerts with the evidence that changed highlighted, alerts that went
// away — and the watch list with what later imports did around each watched entity.
import { useState } from 'react';
import type { ChangeHit, ChangedHit, ChangesReply, RunInfo, WatchEntry, WatchedChange, WatchedEntity } from '../../src/api/contract';
import { api } from '../api';
import { EntityLink, ErrorBox, Loading, Sev, StatusBadge } from '../components/bits';
import { KIND_SV, fmtDate, fmtInt } from '../lib/format';
import { useLoad } from '../lib/useLoad';
import {
  COMPANY_STATUS_SV, FINANCIAL_KIND_SV, INSPECTION_OUTCOME_SV, LICENCE_KIND_SV, LICENCE_STATUS_SV, OFFENCE_SV, PAYMENT_PURPOSE_SV,
  PROFESSION_SV, RELATION_KIND_SV, REVIEW_OUTCOME_SV, ROLE_SV, SANCTION_KIND_SV,
} from '../lib/enumLabels';
import { useNav } from '../state/nav';
import { toastError, toastInfo } from '../state/toast';
import './monitor.css';

export const TABLE_SV: Record<string, string> = {
  companies: 'Bolag', persons: 'Person', roles: 'Roll', licences: 'Tillstånd', inspections: 'Inspektion', reviewed_persons: 'Prövning',
  foster_homes: 'Familjehem', placements: 'Placering', employments: 'Anställning', legitimations: 'Legitimation',
  financial_events: 'Ekonomisk händelse', sanctions: 'Sanktion', relations: 'Relation', residences: 'Folkbokföring', payments: 'Utbetalning',
};

export const CHANGE_SV: Record<WatchedChange['change'], string> = { added: 'Ny uppgift', changed: 'Ändrad', ended: 'Rapporteras inte längre', reported_again: 'Rapporteras igen' };

const runLabel = (r: RunInfo): string =>
  `Körning ${r.runId} – per ${r.asOf}, ${fmtInt(r.hitCount)} larm, ${r.startedAt.slice(0, 16).replace('T', ' ')}${r.asKnown !== null ? ` (som känt efter datamängd ${r.asKnown})` : ''}`;

/** Swedish names of the columns a change names most often; others show as the contract column. */
const FIELD_SV: Record<string, string> = {
  name: 'namn', status: 'status', status_on: 'statusdatum', granted_on: 'beviljat', from: 'från', to: 'till', role: 'roll',
  share_pct: 'ägarandel', address: 'adress', postal_code: 'postnummer', city: 'ort', resolved_on: 'reglerad', amount_sek: 'belopp',
  occurred_on: 'datum', deregistered_on: 'avregistrerad', registered_on: 'registrerad', capacity: 'platser', kind: 'slag',
  holder_id: 'innehavare', org_nr: 'org.nr', person_id: 'personnummer', outcome: 'utfall', offence: 'brott', deceased_on: 'avliden',
};
export const fieldSv = (field: string): string => FIELD_SV[field] ?? field;

const VALUE_LABELS: Record<string, Readonly<Record<string, string>>> = {
  'companies.status': COMPANY_STATUS_SV, 'licences.status': LICENCE_STATUS_SV, 'licences.kind': LICENCE_KIND_SV, 'roles.role': ROLE_SV,
  'financial_events.kind': FINANCIAL_KIND_SV, 'sanctions.kind': SANCTION_KIND_SV, 'sanctions.offence': OFFENCE_SV,
  'inspections.outcome': INSPECTION_OUTCOME_SV, 'relations.kind': RELATION_KIND_SV, 'employments.profession': PROFESSION_SV,
  'legitimations.profession': PROFESSION_SV, 'reviewed_persons.outcome': REVIEW_OUTCOME_SV, 'payments.purpose': PAYMENT_PURPOSE_SV,
};

/** A value in a fact change: short text (enum codes in Swedish), a whole row as its non-empty fields. */
export function valueText(v: unknown, table = '', field = ''): string {
  if (v === null || v === undefined || v === '') return '–';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .filter(([k, x]) => x !== null && x !== '' && !k.endsWith('_kind') && !(Array.isArray(x) && x.length === 0))
      .map(([k, x]) => `${fieldSv(k)}: ${valueText(x, table, k)}`).join(' · ');
  }
  const label = VALUE_LABELS[`${table}.${field}`]?.[String(v)];
  return label ? `${label} (${String(v)})` : String(v);
}

export function ChangesView() {
  const { arg, go } = useNav();
  const since = arg && /^\d+$/.test(arg) ? Number(arg) : undefined;
  const runs = useLoad(() => api.runsList({}), []);
  const changes = useLoad(() => api.changesGet(since !== undefined ? { since } : {}), [since]);
  const watch = useLoad(() => api.watchList({}), []);
  const reloadAll = () => { changes.reload(); watch.reload(); };
  const c = changes.data;
  const earlier = (runs.data?.items ?? []).filter((r) => !c || r.runId !== c.toRun.runId);

  return (
    <>
      <div className="between">
        <h1>Nytt sedan …</h1>
        {c && <span className="small muted">Senaste körning: {runLabel(c.toRun)}</span>}
      </div>
      <section className="card" aria-labelledby="h-cmp">
        <h2 id="h-cmp">Jämför</h2>
        <label className="field" style={{ maxWidth: 640 }}>Den senaste analysen jämförs med
          <select value={c?.fromRun.runId ?? ''} onChange={(e) => go('changes', e.target.value)} aria-label="Tidigare körning att jämföra med" data-testid="since-run">
            {!c && <option value="">Välj körning …</option>}
            {earlier.map((r) => <option key={r.runId} value={r.runId}>{runLabel(r)}</option>)}
          </select>
        </label>
        {c?.paramsDiffer || (c && c.differences.length > 0) ? <Differences c={c} /> : null}
        {changes.error && (
          <div className="notice" role="status">
            {changes.error}. Kör analysen efter varje ny import (Importera → Kör analys), så kan två körningar jämföras här.
          </div>
        )}
      </section>
      {!c && !changes.error && <Loading what="förändringarna" />}
      {c && (
        <>
          <div className="kpis" data-testid="change-kpis">
            <div className="kpi"><div className="v">{fmtInt(c.new.length)}</div><div className="l">Nya larm</div></div>
            <div className="kpi"><div className="v">{fmtInt(c.changed.length)}</div><div className="l">Ändrade larm</div></div>
            <div className="kpi"><div className="v">{fmtInt(c.gone.length)}</div><div className="l">Försvunna larm</div></div>
            <div className="kpi"><div className="v">{fmtInt(c.watched.reduce((n, w) => n + w.changes.length, 0))}</div><div className="l">Ändringar kring bevakade</div></div>
          </div>
          <HitSection title="Nya larm" testId="new-hits" hits={c.new} empty="Inga nya larm sedan den tidigare körningen." />
          <ChangedSection hits={c.changed} />
          <HitSection title="Försvunna larm" testId="gone-hits" hits={c.gone} empty="Inga larm har försvunnit." gone />
        </>
      )}
      <WatchSection entries={watch.data?.items ?? null} feed={c?.watched ?? null} sinceDataset={c?.sinceDataset ?? null} onChange={reloadAll} error={watch.error} />
    </>
  );
}

function Differences({ c }: { c: ChangesReply }) {
  return (
    <div className="notice" role="status" data-testid="params-differ" style={{ marginTop: 8 }}>
      <strong>Körningarna är inte gjorda på samma sätt</strong> – jämförelsen visas ändå, men skillnader kan bero på detta:
      <ul className="small">
        {c.differences.map((d, i) => (
          <li key={i}>
            {d.what === 'params' ? <>Parameter <span className="mono">{d.signal}.{d.param}</span>: {valueText(d.from)} → {valueText(d.to)}</>
              : d.what === 'as_of' ? <>Analysdatum: {valueText(d.from)} → {valueText(d.to)}</>
                : <>Som känt efter datamängd: {valueText(d.from)} → {valueText(d.to)}</>}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Casework({ h }: { h: ChangeHit }) {
  return (
    <>
      {h.status ? <StatusBadge status={h.status} /> : <span className="small muted">Ej bedömd</span>}
      {h.cases.map((k) => <div key={k.id} className="small"><button type="button" className="linkbtn" onClick={() => useNav.getState().go('cases', String(k.id))}>Ärende: {k.name}</button></div>)}
    </>
  );
}

function Subject({ h }: { h: ChangeHit }) {
  return (
    <>
      <span className="badge">{KIND_SV[h.subjectKind]}</span> <EntityLink id={h.subjectId} label={h.subjectLabel} />
      {h.relatedIds.length > 0 && (
        <div className="small muted">
          {h.relatedIds.slice(0, 4).map((id, i) => <span key={id}>{i ? ', ' : '→ '}<EntityLink id={id} label={h.relatedLabels[i]} /></span>)}
          {h.relatedIds.length > 4 ? ` … (+${h.relatedIds.length - 4})` : ''}
        </div>
      )}
    </>
  );
}

function openHit(h: ChangeHit, gone: boolean): void {
  if (gone) toastInfo('Larmet finns inte i den senaste körningen; dess status och ärenden finns kvar och visas här.');
  else useNav.getState().go('alerts', h.hitKeys[0] ?? null);
}

function HitSection({ title, hits, empty, testId, gone = false }: { title: string; hits: ChangeHit[]; empty: string; testId: string; gone?: boolean }) {
  return (
    <section className="card" aria-labelledby={`h-${testId}`} data-testid={testId}>
      <h2 id={`h-${testId}`}>{title} ({fmtInt(hits.length)})</h2>
      {hits.length === 0 ? <p className="muted">{empty}</p> : (
        <table className={`t ${gone ? 'hits-gone' : 'hits-new'}`}>
          <thead><tr><th>Allv.</th><th>Signal</th><th>Subjekt</th><th>Första bevis</th><th>Status och ärenden</th><th /></tr></thead>
          <tbody>
            {hits.map((h) => (
              <tr key={h.identity}>
                <td><Sev n={h.severity} /></td>
                <td>{h.signalTitle}</td>
                <td><Subject h={h} /></td>
                <td className="small">{h.evidence[0]?.text} {h.evidence[0] && <span className="src">{h.evidence[0].source}</span>}{h.evidence.length > 1 ? <span className="muted"> (+{h.evidence.length - 1})</span> : null}</td>
                <td><Casework h={h} /></td>
                <td>{!gone && <button type="button" className="btn sm" onClick={() => openHit(h, gone)}>Öppna larmet</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ChangedSection({ hits }: { hits: ChangedHit[] }) {
  return (
    <section className="card" aria-labelledby="h-changed" data-testid="changed-hits">
      <h2 id="h-changed">Ändrade larm ({fmtInt(hits.length)})</h2>
      {hits.length === 0 ? <p className="muted">Inga larm har fått ändrade bevis.</p> : hits.map((h) => {
        const changedTexts = new Set(h.evidenceAdded.map((e) => `${e.text}|${e.source}`));
        const same = h.evidence.filter((e) => !changedTexts.has(`${e.text}|${e.source}`));
        return (
          <article key={h.identity} className="changed-hit">
            <div className="between">
              <div className="row">
                {h.severityBefore !== null && <><Sev n={h.severityBefore} /><span aria-label="ändrad till">→</span></>}
                <Sev n={h.severity} /> <strong>{h.signalTitle}</strong> <Subject h={h} />
              </div>
              <div className="row"><Casework h={h} /><button type="button" className="btn sm" onClick={() => openHit(h, false)}>Öppna larmet</button></div>
            </div>
            <ul className="evidence-diff">
              {h.evidenceAdded.map((e, i) => <li key={`a${i}`} className="ev-added"><span className="ev-mark" aria-label="nytt bevis">+</span> {e.text} <span className="src">{e.source}</span></li>)}
              {h.evidenceRemoved.map((e, i) => <li key={`r${i}`} className="ev-removed"><span className="ev-mark" aria-label="borttaget bevis">−</span> <del>{e.text}</del> <span className="src">{e.source}</span></li>)}
              {h.relatedIdsBefore && <li className="ev-added small">Relaterade före: {h.relatedIdsBefore.join(', ')}</li>}
            </ul>
            {same.length > 0 && (
              <details className="small">
                <summary>{same.length} oförändrade bevis</summary>
                <ul className="evidence">{same.map((e, i) => <li key={i}>{e.text} <span className="src">{e.source}</span></li>)}</ul>
              </details>
            )}
          </article>
        );
      })}
    </section>
  );
}

function WatchSection({ entries, feed, sinceDataset, onChange, error }: { entries: WatchEntry[] | null; feed: WatchedEntity[] | null; sinceDataset: number | null; onChange: () => void; error: string | null }) {
  const [id, setId] = useState('');
  const [note, setNote] = useState('');
  const [warning, setWarning] = useState<string | null>(null);
  const add = async () => {
    const env = await api.watchAdd({ id, note });
    if (!env.ok) { toastError(env.error.message); return; }
    setWarning(env.value.warning);
    setId('');
    setNote('');
    toastInfo(`${env.value.updated ? 'Anteckningen uppdaterad för' : 'Bevakar nu'} ${env.value.entry.label}.`);
    onChange();
  };
  const remove = async (w: WatchEntry) => {
    const env = await api.watchRemove({ id: w.id });
    if (!env.ok) { toastError(env.error.message); return; }
    toastInfo(`Bevakar inte längre ${w.label}.`, async () => {
      const back = await api.watchAdd({ id: w.id, note: w.note });
      if (!back.ok) toastError(back.error.message);
      onChange();
    });
    onChange();
  };
  const byWatched = new Map<string, WatchedEntity[]>();
  for (const e of feed ?? []) byWatched.set(e.watchedId, [...(byWatched.get(e.watchedId) ?? []), e]);
  return (
    <section className="card" aria-labelledby="h-watch" data-testid="watch">
      <h2 id="h-watch">Bevakning</h2>
      <p className="small muted">
        Bolag, personer, tillstånd, familjehem eller adresser du följer. För varje bevakad entitet och allt ett steg ifrån den i nätverket
        visas vad importer efter den tidigare körningen{sinceDataset !== null ? ` (datamängder efter nr ${sinceDataset})` : ''} har lagt till, ändrat eller slutat rapportera.
      </p>
      <form className="row" onSubmit={(e) => { e.preventDefault(); if (id.trim()) void add(); }}>
        <label className="field">Id att bevaka
          <input type="text" value={id} onChange={(e) => setId(e.target.value)} placeholder="556677-8899, personnummer, tillstånds-id …" spellCheck={false} style={{ width: 260 }} />
        </label>
        <label className="field">Anteckning
          <input type="text" value={note} onChange={(e) => setNote(e.target.value)} placeholder="Varför följs den?" style={{ width: 320 }} />
        </label>
        <button type="submit" className="btn primary" disabled={!id.trim()} style={{ alignSelf: 'flex-end' }}>Bevaka</button>
      </form>
      {warning && <div className="notice" role="status" style={{ marginTop: 8 }}>{warning}</div>}
      <ErrorBox error={error} />
      {entries && entries.length === 0 && <p className="muted">Inget bevakas ännu.</p>}
      {entries && entries.length > 0 && entries.map((w) => {
        const group = byWatched.get(w.id) ?? [];
        const count = group.reduce((n, e) => n + e.changes.length, 0);
        return (
          <article key={w.id} className="watched" data-testid="watched-entity">
            <div className="between">
              <div>
                <span className="badge">{KIND_SV[w.kind] ?? 'Okänt id'}</span>{' '}
                {w.inStore ? <EntityLink id={w.id} label={w.label} /> : <span className="mono">{w.id}</span>}
                {w.label !== w.id && <span className="mono muted small"> {w.id}</span>}
                {!w.inStore && <span className="badge no" title="Id:t bevakas och följs när en import nämner det">finns inte i databasen ännu</span>}
                {w.note && <div className="small">{w.note}</div>}
                <div className="small muted">Bevakas sedan {fmtDate(w.addedAt)} av {w.addedBy}</div>
              </div>
              <div className="row">
                <span className={count ? 'badge st-under_utredning' : 'badge'}>{fmtInt(count)} ändringar</span>
                <button type="button" className="btn sm danger" onClick={() => void remove(w)} aria-label={`Sluta bevaka ${w.label}`}>Sluta bevaka</button>
              </div>
            </div>
            {group.filter((e) => e.changes.length > 0).map((e) => <FeedTable key={`${e.kind}:${e.id}`} entity={e} />)}
          </article>
        );
      })}
    </section>
  );
}

function FeedTable({ entity }: { entity: WatchedEntity }) {
  return (
    <div className="feed">
      <h3>
        {entity.step === 1 ? 'Granne: ' : ''}<span className="badge">{KIND_SV[entity.kind] ?? entity.kind}</span>{' '}
        {entity.kind === 'unknown' ? entity.id : <EntityLink id={entity.id} label={entity.label} />}
      </h3>
      <table className="t" data-testid="watch-feed">
        <thead><tr><th>Datamängd</th><th>Uppgift</th><th>Ändring</th><th>Före</th><th>Efter</th><th>Källa</th></tr></thead>
        <tbody>
          {entity.changes.map((c, i) => (
            <tr key={i} className={`chg-${c.change}`}>
              <td className="small nowrap">{c.dataset.name} <span className="muted">#{c.dataset.id}, {fmtDate(c.dataset.importedAt)}</span></td>
              <td>{TABLE_SV[c.table] ?? c.table}{c.field ? <span className="small"> – {fieldSv(c.field)}</span> : null}</td>
              <td><span className="badge">{CHANGE_SV[c.change]}</span></td>
              <td className="small">{c.change === 'added' ? '–' : <del>{valueText(c.before, c.table, c.field ?? '')}</del>}</td>
              <td className="small">{c.change === 'ended' ? '–' : <ins>{valueText(c.after, c.table, c.field ?? '')}</ins>}</td>
              <td className="nowrap"><span className="src">{c.source}</span>{c.beforeSource && c.beforeSource !== c.source ? <div className="small muted">före: {c.beforeSource}</div> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

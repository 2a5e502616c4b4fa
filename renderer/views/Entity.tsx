import { useMemo } from 'react';
import type { EntityProfile, RoleSpan } from '../../src/api/contract';
import { api } from '../api';
import { EntityLink, ErrorBox, Loading, Sev, SourceTag, StatusBadge } from '../components/bits';
import { AddToCaseButton } from '../components/AddToCase';
import { KIND_SV, fmtDate, fmtScore, fmtSek } from '../lib/format';
import { EnumLabel, FINANCIAL_KIND_SV, INSPECTION_OUTCOME_SV, INSPECTION_TAG_SV, LICENCE_KIND_SV, LICENCE_STATUS_SV, OFFENCE_SV, SANCTION_KIND_SV, factTable, labelOf } from '../lib/enumLabels';
import { barExtent, timelineScale, yearTicks } from '../lib/timeline';
import { useLoad } from '../lib/useLoad';
import { useNav } from '../state/nav';
import { todayIso } from '../../src/model/dates';
// Monitoring across imports (issue 11).
import { FactHistorySection, WatchToggle } from './FactHistory';
import { EntityMatches } from './EntityMatches';

export function EntityView({ id }: { id: string | null }) {
  const go = useNav((s) => s.go);
  const prof = useLoad(() => (id ? api.entityGet({ id }) : null), [id]);
  if (!id) {
    return (
      <>
        <h1>Entitet</h1>
        <div className="card empty-state">Ingen entitet vald. Sök i fältet överst (Ctrl+K) eller öppna ett larm.</div>
      </>
    );
  }
  const p = prof.data && prof.data.id === id ? prof.data : null;
  if (!p) return <><h1>Entitet</h1><ErrorBox error={prof.error} />{!prof.error && <Loading />}</>;
  return (
    <>
      <div className="between">
        <h1 data-testid="entity-name">
          <span className="badge">{KIND_SV[p.kind] ?? p.kind}</span> {p.name ?? p.id} <span className="mono muted">{p.id}</span>
        </h1>
        <div className="row">
          <WatchToggle id={p.id} label={p.name ?? p.id} />
          <button type="button" className="btn primary" onClick={() => go('network', p.id)}>Öppna nätverk</button>
          {/* issue 14: the entity joins a case */}
          <AddToCaseButton items={{ entities: [{ id: p.id, kind: p.kind }], hitKeys: [] }} className="btn" />
        </div>
      </div>
      <div className="grid2">
        <section className="card" aria-labelledby="h-facts">
          <h2 id="h-facts">Uppgifter</h2>
          <dl className="facts">
            {p.facts.map((f, i) => (
              <FactRow key={i} label={f.label} value={f.value} table={factTable(p.kind, f.field)} source={f.value ? <SourceTag source={f.source} /> : null} />
            ))}
          </dl>
        </section>
        <section className="card" aria-labelledby="h-score">
          <h2 id="h-score">Signaler och poäng</h2>
          <ScoreBlock p={p} />
        </section>
      </div>
      {(p.kind === 'person' || p.kind === 'company') && <EntityMatches id={p.id} />}
      {p.roles.length > 0 && (
        <section className="card timeline" aria-labelledby="h-roles">
          <h2 id="h-roles">Roller över tid</h2>
          <RoleTimeline roles={p.roles} selfId={p.id} />
        </section>
      )}
      {p.licences.length > 0 && (
        <section className="card" aria-labelledby="h-lic">
          <h2 id="h-lic">Tillstånd och beslut</h2>
          <table className="t">
            <thead><tr><th>Tillstånd</th><th>Verksamhet</th><th>Status</th><th>Beviljat</th><th>Beslut</th><th>Inspektioner</th><th>Källa</th></tr></thead>
            <tbody>
              {p.licences.map((l) => (
                <tr key={l.licenceId}>
                  <td><EntityLink id={l.licenceId} label={l.unitName ?? l.licenceId} /><div className="small"><EnumLabel table={LICENCE_KIND_SV} code={l.kind} /></div></td>
                  <td>{l.orgName ? <EntityLink id={l.orgNr} label={l.orgName} /> : l.orgNr}<div className="small muted">{l.address}</div></td>
                  <td><span className={['revoked', 'banned', 'temporarily_banned'].includes(l.status) ? 'badge no' : 'badge'} title={l.status}>{labelOf(LICENCE_STATUS_SV, l.status)}</span><div className="small">{fmtDate(l.statusOn)}</div></td>
                  <td>{fmtDate(l.grantedOn)}</td>
                  <td className="small">{l.decisionRef}{l.reason ? ` – ${l.reason}` : ''}</td>
                  <td className="small">{l.inspections.map((x, i) => <div key={i}>{fmtDate(x.decidedOn)} <span title={x.outcome}>{labelOf(INSPECTION_OUTCOME_SV, x.outcome)}</span>{x.tags.length ? ` (${x.tags.map((t) => labelOf(INSPECTION_TAG_SV, t)).join(', ')})` : ''}</div>)}</td>
                  <td><SourceTag source={l.source} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <div className="grid2">
        <section className="card" aria-labelledby="h-fin">
          <h2 id="h-fin">Ekonomiska händelser</h2>
          {p.financialEvents.length === 0 ? <p className="muted">Inga registrerade.</p> : (
            <table className="t">
              <thead><tr><th>Typ</th><th className="num">Belopp</th><th>Datum</th><th>Reglerad</th><th>Källa</th></tr></thead>
              <tbody>
                {p.financialEvents.map((f, i) => (
                  <tr key={i}><td><EnumLabel table={FINANCIAL_KIND_SV} code={f.kind} /></td><td className="num nowrap">{fmtSek(f.amountSek)}</td><td className="nowrap">{fmtDate(f.occurredOn)}</td><td className="nowrap">{f.resolvedOn ? fmtDate(f.resolvedOn) : <span className="badge no">Nej</span>}</td><td><SourceTag source={f.source} /></td></tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <section className="card" aria-labelledby="h-sanc">
          <h2 id="h-sanc">Sanktioner</h2>
          {p.sanctions.length === 0 ? <p className="muted">Inga registrerade.</p> : (
            <table className="t">
              <thead><tr><th>Typ</th><th>Brott</th><th>Från</th><th>Till</th><th>Källa</th></tr></thead>
              <tbody>
                {p.sanctions.map((s, i) => (
                  <tr key={i}><td><EnumLabel table={SANCTION_KIND_SV} code={s.kind} /></td><td><EnumLabel table={OFFENCE_SV} code={s.offence} /></td><td className="nowrap">{fmtDate(s.from)}</td><td className="nowrap">{fmtDate(s.to)}</td><td><SourceTag source={s.source} /></td></tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
      <div className="grid2">
        <section className="card" aria-labelledby="h-rel">
          <h2 id="h-rel">Relaterade entiteter</h2>
          {p.related.length === 0 ? <p className="muted">Inga.</p> : (
            <div className="scroll-y max-h-400">
              <table className="t">
                <thead><tr><th>Relation</th><th>Entitet</th><th>Period</th><th>Källa</th></tr></thead>
                <tbody>
                  {p.related.map((r, i) => (
                    <tr key={i}>
                      <td>{r.relation}</td>
                      <td><span className="badge">{KIND_SV[r.kind]}</span> <EntityLink id={r.id} label={r.label} /></td>
                      <td className="small nowrap">{fmtDate(r.from)} – {r.to ? fmtDate(r.to) : ''}</td>
                      <td><SourceTag source={r.source} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section className="card" aria-labelledby="h-hits2">
          <h2 id="h-hits2">Larm</h2>
          {p.hits.length === 0 ? <p className="muted">Inga larm.</p> : (
            <table className="t">
              <thead><tr><th>Allv.</th><th>Signal</th><th>Subjekt</th><th>Status</th></tr></thead>
              <tbody>
                {p.hits.map((h) => (
                  <tr key={h.hitKey} className="clickable" onClick={() => go('alerts', h.hitKey)}>
                    <td><Sev n={h.severity} /></td>
                    <td><button type="button" className="linkbtn" onClick={(e) => { e.stopPropagation(); go('alerts', h.hitKey); }}>{h.signalTitle}</button></td>
                    <td>{h.subjectLabel}</td>
                    <td><StatusBadge status={h.status} changed={h.changed} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </div>
      <FactHistorySection id={p.id} />
    </>
  );
}

function FactRow({ label, value, table, source }: { label: string; value: string | null; table: Readonly<Record<string, string>> | null; source: React.ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{table && value ? <EnumLabel table={table} code={value} /> : (value ?? '–')} {source}</dd>
    </>
  );
}

function ScoreBlock({ p }: { p: EntityProfile }) {
  const s = p.score;
  if (!s) return <p className="muted">Ingen poäng (ingen analys eller inga larm).</p>;
  const inOthers = p.hits.filter((h) => h.subjectId !== p.id).length;
  return (
    <>
      <div className="kpis" style={{ gridTemplateColumns: '1fr 1fr' }}>
        <div className="kpi" data-testid="score-direct"><div className="v">{fmtScore(s.direct)}</div><div className="l">direkt poäng (egna larm)</div></div>
        <div className="kpi" data-testid="score-network"><div className="v">{fmtScore(s.network)}</div><div className="l">nätverkspoäng (separat från direkta bevis)</div></div>
      </div>
      {s.network > 0 && s.direct === 0 && (
        <p className="small" data-testid="network-only">Inga egna larm. Nätverkspoängen kommer från närliggande entiteter via styrande roller, relationer eller adresser och är inget direkt bevis mot entiteten.</p>
      )}
      {s.direct === 0 && s.network === 0 && inOthers > 0 && (
        <p className="small muted">Entiteten ingår i {inOthers} larm där någon annan (t.ex. en anställd) är subjekt. Sådana larm ger ingen egen poäng; anställningar sprider inte nätverkspoäng.</p>
      )}
      {s.directParts.length > 0 && (
        <>
          <h3>Direkt</h3>
          <table className="t"><tbody>
            {s.directParts.map((d) => <tr key={d.hitKey}><td><Sev n={d.severity} /></td><td title={d.signal}>{p.hits.find((h) => h.hitKey === d.hitKey)?.signalTitle ?? d.signal}</td><td className="num">{fmtScore(d.contribution)}</td></tr>)}
          </tbody></table>
        </>
      )}
      {s.networkParts.length > 0 && (
        <>
          <h3>Nätverk</h3>
          <div className="scroll-y max-h-300">
            <table className="t">
              <thead><tr><th>Från</th><th>Via</th><th className="num">Avstånd</th><th className="num">Bidrag</th></tr></thead>
              <tbody>
                {s.networkParts.map((n, i) => <tr key={i}><td><EntityLink id={n.from.id} label={n.from.label} /></td><td className="small">{n.via}</td><td className="num">{n.distance}</td><td className="num">{fmtScore(n.contribution)}</td></tr>)}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

const ROW_H = 22;
const LEFT = 250;

function RoleTimeline({ roles, selfId }: { roles: RoleSpan[]; selfId: string }) {
  const today = todayIso();
  const width = 1000;
  const sorted = useMemo(() => [...roles].sort((a, b) => (a.from ?? '').localeCompare(b.from ?? '')), [roles]);
  const scale = timelineScale(sorted, today, width, LEFT);
  const height = sorted.length * ROW_H + 24;
  const ticks = yearTicks(scale);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Roller över tid" preserveAspectRatio="xMinYMin meet">
      {ticks.map((y) => {
        const x = scale.x(`${y}-01-01`);
        return (
          <g key={y}>
            <line x1={x} x2={x} y1={0} y2={height - 18} stroke="#e9ecef" />
            <text x={x} y={height - 4} textAnchor="middle">{y}</text>
          </g>
        );
      })}
      <line x1={scale.x(today)} x2={scale.x(today)} y1={0} y2={height - 18} stroke="#f59f00" strokeDasharray="3 3" />
      {sorted.map((r, i) => {
        const y = i * ROW_H + 4;
        const { x0, x1 } = barExtent(r, scale, today);
        const other = r.holderId === selfId ? (r.orgName ?? r.orgNr) : (r.holderName ?? r.holderId);
        const label = `${r.roleLabel} · ${other}`;
        return (
          <g key={i}>
            <title>{`${label} (${r.from ?? '?'} – ${r.to ?? 'pågår'})${r.source ? ` · ${r.source.file}:${r.source.line ?? ''}` : ''}`}</title>
            <text x={0} y={y + 13}>{label.length > 40 ? `${label.slice(0, 39)}…` : label}</text>
            <rect x={x0} y={y + 2} width={x1 - x0} height={ROW_H - 8} rx={3} fill={r.controlling ? '#1c5fb8' : '#adb5bd'} opacity={r.to ? 0.65 : 1} />
          </g>
        );
      })}
    </svg>
  );
}

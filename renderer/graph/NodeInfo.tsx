import { KIND_SV, fmtScore } from '../lib/format';
import { edgeHoldsOn } from './reducers';
import { scoreAt, signalsAt } from './risk';
import type { InsynGraph } from './model';

const MAX_RELATIONS = 12;

interface Props {
  graph: InsynGraph;
  id: string;
  asOf: string | null;
  absent: boolean;
  twoSelected: boolean;
  onProfile: () => void;
  onExpand: () => void;
  onTogglePin: () => void;
}

const period = (from: string | null, to: string | null): string => (from || to ? `${from ?? '…'}–${to ?? ''}` : '');

/** The selected node: its score on the chosen day, its signals and its relations in Swedish. */
export function NodeInfo({ graph, id, asOf, absent, twoSelected, onProfile, onExpand, onTogglePin }: Props) {
  const a = graph.getNodeAttributes(id);
  const score = scoreAt(a, asOf);
  const signals = asOf === null ? a.signals : signalsAt(a, asOf);
  const relations = graph.mapEdges(id, (edge, e, s, t) => ({ edge, e, other: s === id ? t : s })).slice(0, MAX_RELATIONS);
  return (
    <div className="info" data-testid="node-info">
      <div><span className="badge">{KIND_SV[a.kind] ?? a.kind}</span> <strong>{a.label}</strong>{a.pinned && <span className="small muted"> · fäst</span>}</div>
      <div className="mono muted">{id}</div>
      {asOf === null
        ? <div data-testid="node-score">Poäng: {fmtScore(a.score)}</div>
        : <div data-testid="node-score">Poäng per {asOf}: {fmtScore(score)} <span className="small muted">(hela analysen: {fmtScore(a.score)})</span></div>}
      {a.network > 0 && <div className="small">Nätverkspoäng: {fmtScore(a.network)}</div>}
      {signals.length > 0 && <div className="small">Signaler: {signals.join(', ')}</div>}
      {absent && <div className="small muted">Inga kopplingar gällde {asOf}: noden döljs i grafen.</div>}
      {relations.length > 0 && (
        <ul className="relations" aria-label="Kopplingar">
          {relations.map(({ edge, e, other }) => (
            <li key={edge} className={edgeHoldsOn(e, asOf) ? undefined : 'muted'}>
              <strong>{e.label}</strong> · {graph.getNodeAttribute(other, 'label')}
              {period(e.from, e.to) && <span className="small muted"> {period(e.from, e.to)}</span>}
            </li>
          ))}
          {graph.degree(id) > MAX_RELATIONS && <li className="small muted">… och {graph.degree(id) - MAX_RELATIONS} till</li>}
        </ul>
      )}
      <div className="row" style={{ marginTop: 6 }}>
        <button type="button" className="btn sm" onClick={onProfile}>Profil</button>
        <button type="button" className="btn sm" onClick={onExpand}>Expandera</button>
        <button type="button" className="btn sm" onClick={onTogglePin} aria-pressed={a.pinned} title="En fäst nod flyttas inte av layouten">{a.pinned ? 'Lossa' : 'Fäst'}</button>
      </div>
      {twoSelected && <div className="small muted">Två noder valda: ”Kortaste väg” är möjlig.</div>}
    </div>
  );
}

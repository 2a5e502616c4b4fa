import type { MatchItem } from '../../src/api/contract';
import { api } from '../api';
import { EntityLink, ErrorBox } from '../components/bits';
import { DecisionForm, DecisionLine, MatchParts, useMatchActions } from '../components/MatchDecision';
import { fmtScore } from '../lib/format';
import { useLoad } from '../lib/useLoad';
import { useNav } from '../state/nav';

/**
 * The entity profile's part of entity resolution (issue 15): records confirmed to be this entity,
 * and pairs proposed or marked unsure, each decided here as in the queue. Hidden when the entity
 * has none.
 */
export function EntityMatches({ id }: { id: string }) {
  const list = useLoad(() => api.matchesList({ status: 'all', entityId: id, limit: 200 }), [id]);
  const actions = useMatchActions(list.reload);
  const go = useNav((s) => s.go);
  const items = (list.data?.items ?? []).filter((i) => i.status !== 'rejected' || i.a.id === id || i.b.id === id);
  if (list.error) return <ErrorBox error={list.error} />;
  if (items.length === 0) return null;
  const confirmed = items.filter((i) => i.status === 'confirmed');
  const open = items.filter((i) => i.status === 'proposed' || i.status === 'unsure');
  const rejected = items.filter((i) => i.status === 'rejected');
  const other = (i: MatchItem) => (i.a.id === id ? i.b : i.b.id === id ? i.a : i.b);
  return (
    <section className="card" aria-labelledby="h-matches" data-testid="entity-matches">
      <div className="between">
        <h2 id="h-matches">Matchningar mot andra poster</h2>
        <button type="button" className="btn sm" onClick={() => go('matches')}>Alla matchningar</button>
      </div>
      {confirmed.length > 0 && (
        <>
          <h3>Samma {confirmed[0]!.kind === 'person' ? 'person' : 'bolag'} (bekräftat)</h3>
          <ul className="plain">
            {confirmed.map((i) => (
              <li key={`${i.a.id}|${i.b.id}`} className="between">
                <span><EntityLink id={other(i).id} label={`${other(i).label} (${other(i).id})`} /> <MatchParts item={i} /> <DecisionLine item={i} /></span>
                <DecisionForm item={i} actions={actions} compact />
              </li>
            ))}
          </ul>
        </>
      )}
      {open.length > 0 && (
        <>
          <h3>Möjligen samma ({open.length})</h3>
          {open.map((i) => (
            <div key={`${i.a.id}|${i.b.id}`} className="match-open">
              <p>
                <strong>{fmtScore(i.score)}</strong> <EntityLink id={other(i).id} label={`${other(i).label} (${other(i).id})`} />{' '}
                <MatchParts item={i} />
              </p>
              <DecisionLine item={i} />
              <DecisionForm item={i} actions={actions} compact />
            </div>
          ))}
        </>
      )}
      {rejected.length > 0 && (
        <p className="small muted">
          Avvisade: {rejected.map((i, k) => <span key={k}>{k > 0 ? ', ' : ''}<EntityLink id={other(i).id} label={other(i).label} /> <button type="button" className="linkbtn small" onClick={() => void actions.undo(i)}>ångra</button></span>)}
        </p>
      )}
    </section>
  );
}

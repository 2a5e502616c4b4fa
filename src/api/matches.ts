import type { Db } from '../store/db';
import type { DecisionInfo, MatchItem as CoreItem } from '../matching/queue';
import type { MatchRecord } from '../matching/records';
import type { DecisionRow } from '../store/matches';
import type { MatchDecisionInfo, MatchItem, MatchSide } from './contract';
import { InsynError } from '../model/errors';
import type { ServiceImpl } from './handler';

/**
 * The entity-resolution methods of the API (issue 15): the review queue and the decisions.
 * Decisions are audited by the core (src/matching/decisions.ts) with the workbench's actor.
 */
type MatchMethods = Pick<ServiceImpl, 'matchesList' | 'matchesDecide' | 'matchesUndo'>;

const side = (r: MatchRecord): MatchSide => ({
  id: r.id, label: r.name || r.id, birthDate: r.birthDate, country: r.country, addressKey: r.addressKey, source: r.source || null, swedishId: r.swedish,
});
const info = (d: DecisionInfo): MatchDecisionInfo => ({ id: d.id, decision: d.decision, note: d.note, actor: d.actor, at: d.at });
const rowInfo = (d: DecisionRow): MatchDecisionInfo => ({ id: d.id, decision: d.decision, note: d.note, actor: d.actor, at: d.decided_at });

export function toMatchItem(i: CoreItem): MatchItem {
  return {
    kind: i.kind, a: side(i.a), b: side(i.b), score: i.score, parts: i.parts.map((p) => ({ code: p.code, text: p.text, weight: p.weight })),
    explanation: i.explanation, status: i.status, decision: i.decision ? info(i.decision) : null, previous: i.previous ? info(i.previous) : null,
  };
}

/** The matching core, loaded on first use (any-ascii's tables stay out of job workers and start-up). */
const matching = async () => ({ ...(await import('../matching/decisions')), ...(await import('../matching/queue')) });

async function refused<T>(f: (m: Awaited<ReturnType<typeof matching>>) => T): Promise<T> {
  const m = await matching();
  try {
    return f(m);
  } catch (err) {
    if (err instanceof m.MatchError) throw new InsynError('invalid_input', err.message);
    throw err;
  }
}

export function matchMethods(db: Db, actor: string): MatchMethods {
  return {
    matchesList: async ({ status, entityId, offset, limit }) => {
      const r = (await matching()).listMatches(db, { status, entityId, offset, limit });
      return { total: r.total, items: r.items.map(toMatchItem), stats: r.stats ? { records: r.stats.records, compared: r.stats.compared, ms: r.stats.ms } : null };
    },
    matchesDecide: async ({ a, b, decision, note }) => ({ decision: rowInfo(await refused((m) => m.decideMatch(db, { a, b, decision, note, actor }))) }),
    matchesUndo: async ({ a, b }) => {
      const r = await refused((m) => m.undoMatch(db, a, b, actor));
      return { undone: rowInfo(r.undone), restored: r.restored ? rowInfo(r.restored) : null };
    },
  };
}

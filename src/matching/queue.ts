import { dataVersion } from '../store/analysis';
import type { Db } from '../store/db';
import { currentDecisions, decisionsVersion, recordsByIds, type DecisionRow, type MatchDecisionValue } from '../store/matches';
import { findCandidates, type Candidate, type CandidateStats } from './candidates';
import { loadCanon } from './canon';
import { toRecord, type MatchRecord } from './records';
import { DEFAULT_MIN_SCORE, type ScorePart } from './score';
import type { MatchStatus } from './constants';

/**
 * The review queue: proposed candidates (no decision yet, or an earlier rejection whose data has
 * since changed) and pairs marked unsure; and the decided pairs by decision. The candidate list is
 * computed from the store and cached until a dataset is imported or a decision changes.
 */
export { MATCH_STATUSES, type MatchStatus } from './constants';

export interface DecisionInfo {
  id: number;
  decision: MatchDecisionValue;
  note: string;
  actor: string;
  at: string;
}

/** A candidate (or decided pair) with where it stands. */
export interface MatchItem extends Omit<Candidate, 'fingerprint'> {
  status: MatchStatus;
  decision: DecisionInfo | null;
  /** A rejection made when the compared data was different (the pair is proposed again). */
  previous: DecisionInfo | null;
}

export interface ListOptions {
  /** 'queue' (default) = proposed + unsure; 'all' = every status. */
  status?: MatchStatus | 'queue' | 'all';
  /** Only pairs with this id (or a record confirmed into the same entity) on either side. */
  entityId?: string;
  minScore?: number;
  offset?: number;
  limit?: number;
}

const info = (d: DecisionRow): DecisionInfo => ({ id: d.id, decision: d.decision, note: d.note, actor: d.actor, at: d.decided_at });

const cache = new WeakMap<Db, { key: string; candidates: Candidate[]; stats: CandidateStats }>();

/** Candidates of the store (cached per data version, decisions and threshold). */
export function cachedCandidates(db: Db, minScore = DEFAULT_MIN_SCORE): { candidates: Candidate[]; stats: CandidateStats } {
  const key = `${dataVersion(db)}|${decisionsVersion(db)}|${minScore}`;
  const hit = cache.get(db);
  if (hit && hit.key === key) return hit;
  const r = findCandidates(db, { minScore });
  cache.set(db, { key, ...r });
  return r;
}

function parts(json: string): ScorePart[] {
  try {
    return JSON.parse(json) as ScorePart[];
  } catch {
    return [];
  }
}

/** Decided pairs as items, with the records as they are stored now. */
function decidedItems(db: Db, decisions: readonly DecisionRow[]): MatchItem[] {
  const out: MatchItem[] = [];
  for (const kind of ['person', 'company'] as const) {
    const mine = decisions.filter((d) => d.kind === kind);
    const records = new Map(recordsByIds(db, kind, [...new Set(mine.flatMap((d) => [d.a_id, d.b_id]))]).map((r) => [r[0], toRecord(kind, r)]));
    for (const d of mine) {
      const ps = parts(d.parts);
      const stub = (id: string): MatchRecord => ({ id, kind, name: '', tokens: [], birthDate: null, country: null, addressKey: null, source: '', swedish: !id.startsWith('ext:') });
      out.push({
        kind, a: records.get(d.a_id) ?? stub(d.a_id), b: records.get(d.b_id) ?? stub(d.b_id), score: d.score ?? 0, parts: ps,
        explanation: ps.map((p) => p.text).join(', '), status: d.decision, decision: info(d), previous: null,
      });
    }
  }
  return out.sort((x, y) => (y.decision?.at ?? '').localeCompare(x.decision?.at ?? ''));
}

/** Proposed candidates: undecided, or rejected on data that has changed since. */
function proposedItems(candidates: readonly Candidate[], decided: ReadonlyMap<string, DecisionRow>): MatchItem[] {
  const out: MatchItem[] = [];
  for (const c of candidates) {
    const d = decided.get(`${c.a.id}\u0000${c.b.id}`);
    if (d && d.decision !== 'rejected') continue; // unsure and confirmed are listed from the decisions
    if (d && d.fingerprint === c.fingerprint) continue; // rejected for this very data: never again
    out.push({ kind: c.kind, a: c.a, b: c.b, score: c.score, parts: c.parts, explanation: c.explanation, status: 'proposed', decision: null, previous: d ? info(d) : null });
  }
  return out;
}

export function listMatches(db: Db, opts: ListOptions = {}): { total: number; items: MatchItem[]; stats: CandidateStats | null } {
  const status = opts.status ?? 'queue';
  const decisions = currentDecisions(db);
  const decided = new Map(decisions.map((d) => [`${d.a_id}\u0000${d.b_id}`, d]));
  const wants = (s: MatchStatus) => status === 'all' || status === s || (status === 'queue' && (s === 'proposed' || s === 'unsure'));
  let stats: CandidateStats | null = null;
  let items: MatchItem[] = [];
  if (wants('proposed')) {
    const r = cachedCandidates(db, opts.minScore);
    stats = r.stats;
    items.push(...proposedItems(r.candidates, decided));
  }
  const decidedWanted = decisions.filter((d) => wants(d.decision));
  // Unsure pairs lead the queue: someone has looked at them already.
  items = [...decidedItems(db, decidedWanted.filter((d) => d.decision === 'unsure')), ...items, ...decidedItems(db, decidedWanted.filter((d) => d.decision !== 'unsure'))];
  if (opts.entityId) {
    // An entity stands for all records confirmed into it.
    const ids = new Set(loadCanon(db).members(opts.entityId.trim()));
    items = items.filter((i) => ids.has(i.a.id) || ids.has(i.b.id));
  }
  const offset = opts.offset ?? 0;
  const limit = opts.limit ?? 100;
  return { total: items.length, items: items.slice(offset, offset + limit), stats };
}

import { appendAudit, defaultActor } from '../audit/log';
import type { Db } from '../store/db';
import {
  companyLinksOf, currentDecision, insertDecision, markDecisionUndone, namesOf, officersOf, recordsByIds,
  type DecisionRow, type MatchDecisionValue, type MatchKind,
} from '../store/matches';
import { fingerprint } from './candidates';
import { loadCanon, type IdCanon } from './canon';
import { isSwedishId, orderedPair } from './ids';
import { MATCH_DECISIONS } from './constants';
import { toRecord, type MatchRecord } from './records';
import { explain, scorePair, type PairScore } from './score';

/**
 * A person's decision on a candidate pair: confirmed (the same entity), rejected (not the same) or
 * unsure, always with who and when, in its own table (migration 009) and in the audit log.
 * Decisions are reversible: undo restores the decision before it.
 */
export { MATCH_DECISIONS, MATCH_DECISION_SV } from './constants';

export class MatchError extends Error {
  override name = 'MatchError';
}

export interface DecisionInput {
  a: string;
  b: string;
  decision: MatchDecisionValue;
  note?: string | null;
  actor?: string;
}

/** The two stored records of a pair (persons or companies, both of one kind), a < b. */
export function pairRecords(db: Db, x: string, y: string): { kind: MatchKind; a: MatchRecord; b: MatchRecord } {
  const [a, b] = orderedPair(x.trim(), y.trim());
  if (a === b) throw new MatchError(`En post kan inte matchas mot sig själv (${a})`);
  for (const kind of ['person', 'company'] as const) {
    const rows = recordsByIds(db, kind, [a, b]);
    const ra = rows.find((r) => r[0] === a);
    const rb = rows.find((r) => r[0] === b);
    if (ra && rb) return { kind, a: toRecord(kind, ra), b: toRecord(kind, rb) };
    if (ra || rb) {
      const other = kind === 'person' ? 'company' : 'person';
      if (recordsByIds(db, other, [ra ? b : a]).length > 0) throw new MatchError(`${a} och ${b} är inte av samma slag (en person och ett bolag)`);
    }
  }
  const missing = [a, b].filter((id) => recordsByIds(db, 'person', [id]).length === 0 && recordsByIds(db, 'company', [id]).length === 0);
  throw new MatchError(`Finns inte i databasen som person eller bolag: ${missing.join(', ')}`);
}

/** The score of one pair as the candidate list would show it (also below the list's threshold). */
export function scoreStoredPair(db: Db, a: MatchRecord, b: MatchRecord): PairScore & { explanation: string; fingerprint: string } {
  const canon = loadCanon(db);
  const ids = [...canon.members(a.id), ...canon.members(b.id)];
  const rows = a.kind === 'person'
    ? companyLinksOf(db, ids).map((r) => ({ id: r.id, other: r.org_nr, role: r.role }))
    : officersOf(db, ids).map((r) => ({ id: r.id, other: r.holder_id, role: r.role }));
  const links = new Map<string, { other: string; role: string }[]>();
  for (const r of rows) {
    const owner = canon.canonical(r.id) === canon.canonical(a.id) ? a.id : b.id;
    links.set(owner, [...(links.get(owner) ?? []), { other: canon.canonical(r.other), role: r.role }]);
  }
  const names = namesOf(db, [...new Set(rows.map((r) => canon.canonical(r.other)))]);
  const s = scorePair(a, b, links, names);
  const explanation = explain(s.parts);
  return { ...s, explanation, fingerprint: fingerprint(a, b, explanation) };
}

/** How many different Swedish ids one entity would hold if a and b were joined (must stay ≤ 1). */
function swedishIdsJoined(canon: IdCanon, a: string, b: string): number {
  return new Set([...canon.members(a), ...canon.members(b)].filter(isSwedishId)).size;
}

/**
 * Records a decision (one audit entry in the same transaction). A confirmation that would put two
 * different Swedish ids into one entity is refused; so is any decision on two Swedish ids.
 * Confirming and rejecting need a note (why), as triage does.
 */
export function decideMatch(db: Db, input: DecisionInput): DecisionRow {
  if (!MATCH_DECISIONS.includes(input.decision)) throw new MatchError(`Okänt beslut: ${String(input.decision)} (bekräfta, avvisa eller osäker)`);
  const note = (input.note ?? '').trim();
  if (input.decision !== 'unsure' && note.length === 0) throw new MatchError('En anteckning krävs när en matchning bekräftas eller avvisas');
  const actor = input.actor ?? defaultActor();
  const { kind, a, b } = pairRecords(db, input.a, input.b);
  if (isSwedishId(a.id) && isSwedishId(b.id)) {
    throw new MatchError(`${a.id} och ${b.id} är båda svenska ${kind === 'person' ? 'personnummer' : 'organisationsnummer'}: sådana slås aldrig samman`);
  }
  return db.transaction((): DecisionRow => {
    const previous = currentDecision(db, a.id, b.id);
    if (input.decision === 'confirmed') {
      if (swedishIdsJoined(loadCanon(db), a.id, b.id) > 1) {
        throw new MatchError(`Att slå samman ${a.id} och ${b.id} skulle göra två olika svenska id till en ${kind === 'person' ? 'person' : 'juridisk person'}; ångra först den bekräftelse som binder dem`);
      }
    }
    const s = scoreStoredPair(db, a, b);
    const at = new Date().toISOString();
    const row = { kind, a_id: a.id, b_id: b.id, decision: input.decision, note, actor, decided_at: at, score: s.score, parts: JSON.stringify(s.parts), fingerprint: s.fingerprint };
    const id = insertDecision(db, row);
    appendAudit(db, {
      actor, at, action: 'match_decision',
      details: { decisionId: id, kind, a: a.id, b: b.id, decision: input.decision, note, score: s.score, explanation: s.explanation, previous: previous?.decision ?? null },
    });
    return { id, ...row, undone_at: null, undone_by: null };
  })();
}

/**
 * Undoes the decision in force on a pair; the one before it (if any) holds again. Restoring a
 * confirmation that now conflicts with another (two Swedish ids in one entity) is refused.
 */
export function undoMatch(db: Db, x: string, y: string, actor: string = defaultActor()): { undone: DecisionRow; restored: DecisionRow | null } {
  const [a, b] = orderedPair(x.trim(), y.trim());
  return db.transaction(() => {
    const current = currentDecision(db, a, b);
    if (!current) throw new MatchError(`Det finns inget beslut att ångra för ${a} och ${b}`);
    const at = new Date().toISOString();
    markDecisionUndone(db, current.id, actor, at);
    const restored = currentDecision(db, a, b);
    if (restored?.decision === 'confirmed') {
      if (swedishIdsJoined(loadCanon(db), a, b) > 1) {
        throw new MatchError(`Det tidigare beslutet (bekräftad) kan inte återställas: ${a} och ${b} skulle då binda två olika svenska id`);
      }
    }
    appendAudit(db, {
      actor, at, action: 'match_undo',
      details: { decisionId: current.id, kind: current.kind, a, b, undone: current.decision, restored: restored?.decision ?? null, restoredId: restored?.id ?? null },
    });
    return { undone: { ...current, undone_at: at, undone_by: actor }, restored };
  })();
}

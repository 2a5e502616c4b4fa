import type { Db } from './db';
import { stmt } from './statements';

/**
 * SQL of entity resolution (issue 15): the records compared (persons and companies with their
 * names, birth dates, addresses and extra columns), the company links of candidate records, and
 * the decisions table of migration 009.
 */

export type MatchKind = 'person' | 'company';
export type MatchDecisionValue = 'confirmed' | 'rejected' | 'unsure';

/** One stored person or company as entity resolution reads it (raw row, positional). */
export type RecordRow = [id: string, name: string | null, birthDate: string | null, addressKey: string | null, extra: string | null, file: string, line: number];

const PERSON_COLS = 'person_id, name, birth_date, address_key, extra, src_file, src_line';
const COMPANY_COLS = 'org_nr, name, NULL, address_key, extra, src_file, src_line';
// ext: ids sort between 'ext:' and 'ext;' (':' + 1), so the id index serves the range.
const EXT_RANGE = (col: string) => `${col} >= 'ext:' AND ${col} < 'ext;'`;

/** Records without a Swedish id (ext: ids) that have a name: the ones entity resolution resolves. */
export function extRecords(db: Db, kind: MatchKind): RecordRow[] {
  const sql = kind === 'person'
    ? `SELECT ${PERSON_COLS} FROM persons WHERE ${EXT_RANGE('person_id')} AND name IS NOT NULL ORDER BY row_id`
    : `SELECT ${COMPANY_COLS} FROM companies WHERE ${EXT_RANGE('org_nr')} AND name IS NOT NULL ORDER BY row_id`;
  return stmt(db, sql).raw(true).all() as RecordRow[];
}

/** Every named record of a kind, streamed (national scale: a million rows, never all in memory). */
export function iterateRecords(db: Db, kind: MatchKind): IterableIterator<RecordRow> {
  const sql = kind === 'person'
    ? `SELECT ${PERSON_COLS} FROM persons WHERE name IS NOT NULL`
    : `SELECT ${COMPANY_COLS} FROM companies WHERE name IS NOT NULL`;
  return stmt(db, sql).raw(true).iterate() as IterableIterator<RecordRow>;
}

/** The records with these ids (persons or companies). */
export function recordsByIds(db: Db, kind: MatchKind, ids: readonly string[]): RecordRow[] {
  if (ids.length === 0) return [];
  const sql = kind === 'person'
    ? `SELECT ${PERSON_COLS} FROM persons WHERE person_id IN (SELECT value FROM json_each(?))`
    : `SELECT ${COMPANY_COLS} FROM companies WHERE org_nr IN (SELECT value FROM json_each(?))`;
  return stmt(db, sql).raw(true).all(JSON.stringify(ids)) as RecordRow[];
}

/** Companies a holder is linked to: roles held (with the role) and employments. */
export function companyLinksOf(db: Db, ids: readonly string[]): { id: string; org_nr: string; role: string }[] {
  if (ids.length === 0) return [];
  return stmt(db, `SELECT holder_id AS id, org_nr, role FROM roles WHERE holder_id IN (SELECT value FROM json_each(@ids))
    UNION ALL SELECT person_id AS id, org_nr, 'employee' AS role FROM employments WHERE person_id IN (SELECT value FROM json_each(@ids))`)
    .all({ ids: JSON.stringify(ids) }) as { id: string; org_nr: string; role: string }[];
}

/** The holders of roles in these companies (a company's officers and owners). */
export function officersOf(db: Db, orgIds: readonly string[]): { id: string; holder_id: string; role: string }[] {
  if (orgIds.length === 0) return [];
  return stmt(db, 'SELECT org_nr AS id, holder_id, role FROM roles WHERE org_nr IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(orgIds)) as { id: string; holder_id: string; role: string }[];
}

/** Names for ids (persons, then companies), for labels in explanations. */
export function namesOf(db: Db, ids: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const json = JSON.stringify(ids);
  for (const r of stmt(db, 'SELECT org_nr AS id, name FROM companies WHERE org_nr IN (SELECT value FROM json_each(?)) AND name IS NOT NULL').all(json) as { id: string; name: string }[]) out.set(r.id, r.name);
  for (const r of stmt(db, 'SELECT person_id AS id, name FROM persons WHERE person_id IN (SELECT value FROM json_each(?)) AND name IS NOT NULL').all(json) as { id: string; name: string }[]) if (!out.has(r.id)) out.set(r.id, r.name);
  return out;
}

// ---------------------------------------------------------------- decisions

export interface DecisionRow {
  id: number;
  kind: MatchKind;
  a_id: string;
  b_id: string;
  decision: MatchDecisionValue;
  note: string;
  actor: string;
  decided_at: string;
  score: number | null;
  parts: string;
  fingerprint: string | null;
  undone_at: string | null;
  undone_by: string | null;
}

export function insertDecision(db: Db, d: Omit<DecisionRow, 'id' | 'undone_at' | 'undone_by'>): number {
  return Number(stmt(db, `INSERT INTO match_decisions (kind, a_id, b_id, decision, note, actor, decided_at, score, parts, fingerprint)
    VALUES (@kind, @a_id, @b_id, @decision, @note, @actor, @decided_at, @score, @parts, @fingerprint)`).run(d).lastInsertRowid);
}

export function markDecisionUndone(db: Db, id: number, actor: string, at: string): void {
  stmt(db, 'UPDATE match_decisions SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL').run(at, actor, id);
}

/** The decision in force for a pair: its newest row not undone. */
export function currentDecision(db: Db, a: string, b: string): DecisionRow | null {
  return (stmt(db, 'SELECT * FROM match_decisions WHERE a_id = ? AND b_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1').get(a, b) as DecisionRow | undefined) ?? null;
}

/** Every decision in force (one per pair), oldest first. */
export function currentDecisions(db: Db): DecisionRow[] {
  return stmt(db, `SELECT d.* FROM match_decisions d
    WHERE d.undone_at IS NULL AND d.id = (SELECT max(x.id) FROM match_decisions x WHERE x.a_id = d.a_id AND x.b_id = d.b_id AND x.undone_at IS NULL)
    ORDER BY d.id`).all() as DecisionRow[];
}

/** All decisions on a pair, undone ones included, oldest first. */
export function decisionHistory(db: Db, a: string, b: string): DecisionRow[] {
  return stmt(db, 'SELECT * FROM match_decisions WHERE a_id = ? AND b_id = ? ORDER BY id').all(a, b) as DecisionRow[];
}

/** Changes whenever a decision is made or undone (cache key for id canonicalisation). */
export function decisionsVersion(db: Db): string {
  const r = stmt(db, 'SELECT coalesce(max(id), 0) AS n, count(undone_at) AS u FROM match_decisions').get() as { n: number; u: number };
  return `${r.n}:${r.u}`;
}

import type { Db } from './db';
import { stmt } from './statements';

/**
 * All SQL for casework: triage statuses, cases, the audit log, the export key and the
 * dossier's fact look-ups. Statements are prepared once per connection.
 */

// ---------------------------------------------------------------- meta

export function getMeta(db: Db, k: string): string | null {
  const row = stmt(db, 'SELECT v FROM meta WHERE k = ?').get(k) as { v: string | null } | undefined;
  return row?.v ?? null;
}

export function setMetaIfAbsent(db: Db, k: string, v: string): void {
  stmt(db, 'INSERT OR IGNORE INTO meta (k, v) VALUES (?, ?)').run(k, v);
}

export function setMeta(db: Db, k: string, v: string): void {
  stmt(db, 'INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v').run(k, v);
}

// ---------------------------------------------------------------- audit log

export interface AuditRow {
  id: number;
  seq: number;
  at: string;
  actor: string;
  action: string;
  details: string;
  prev_hash: string;
  hash: string;
  /** Id of the key the entry's HMAC was made with; null = written before keys (plain SHA-256). */
  key_id: string | null;
}

export function lastAuditRow(db: Db): AuditRow | null {
  return (stmt(db, 'SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as AuditRow | undefined) ?? null;
}

export function insertAuditRow(db: Db, row: Omit<AuditRow, 'id'>): number {
  const r = stmt(db, 'INSERT INTO audit_log (seq, at, actor, action, details, prev_hash, hash, key_id) VALUES (@seq, @at, @actor, @action, @details, @prev_hash, @hash, @key_id)').run(row);
  return Number(r.lastInsertRowid);
}

export function pageAuditRows(db: Db, offset: number, limit: number, newestFirst: boolean): AuditRow[] {
  const sql = newestFirst
    ? 'SELECT * FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?'
    : 'SELECT * FROM audit_log ORDER BY id ASC LIMIT ? OFFSET ?';
  return stmt(db, sql).all(limit, offset) as AuditRow[];
}

export function countAuditRows(db: Db): number {
  return (stmt(db, 'SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}

export function iterateAuditRows(db: Db): IterableIterator<AuditRow> {
  return stmt(db, 'SELECT * FROM audit_log ORDER BY id ASC').iterate() as IterableIterator<AuditRow>;
}

export function newestUnkeyedAt(db: Db): string | null {
  return (stmt(db, 'SELECT max(at) AS at FROM audit_log WHERE key_id IS NULL').get() as { at: string | null }).at;
}

export function auditRowBySeq(db: Db, seq: number): AuditRow | null {
  return (stmt(db, 'SELECT * FROM audit_log WHERE seq = ? ORDER BY id LIMIT 1').get(seq) as AuditRow | undefined) ?? null;
}

/** Whether the store holds work that is always logged (imports, runs, cases): then the log cannot be empty. */
export function loggedWorkCount(db: Db): number {
  return (stmt(db, 'SELECT (SELECT count(*) FROM datasets) + (SELECT count(*) FROM analysis_runs) + (SELECT count(*) FROM cases) AS n').get() as { n: number }).n;
}

export function auditSeqs(db: Db): number[] {
  return (stmt(db, 'SELECT seq FROM audit_log').pluck().all() as number[]);
}

// ---------------------------------------------------------------- triage

export interface HitStatusRow {
  hit_key: string;
  status: string;
  reason: string | null;
  actor: string;
  evidence_hash: string | null;
  updated_at: string;
}

export function hitStatusRows(db: Db, hitKeys: readonly string[]): HitStatusRow[] {
  const s = stmt(db, 'SELECT * FROM hit_status WHERE hit_key = ?');
  const out: HitStatusRow[] = [];
  for (const k of hitKeys) {
    const r = s.get(k) as HitStatusRow | undefined;
    if (r) out.push(r);
  }
  return out;
}

export function upsertHitStatus(db: Db, row: HitStatusRow): void {
  stmt(
    db,
    `INSERT INTO hit_status (hit_key, status, reason, actor, evidence_hash, updated_at)
     VALUES (@hit_key, @status, @reason, @actor, @evidence_hash, @updated_at)
     ON CONFLICT(hit_key) DO UPDATE SET status = excluded.status, reason = excluded.reason, actor = excluded.actor,
       evidence_hash = excluded.evidence_hash, updated_at = excluded.updated_at`,
  ).run(row);
  stmt(
    db,
    `INSERT INTO hit_status_history (hit_key, status, reason, actor, evidence_hash, at)
     VALUES (@hit_key, @status, @reason, @actor, @evidence_hash, @updated_at)`,
  ).run(row);
}

export function hitStatusHistoryRows(db: Db, hitKey: string): (Omit<HitStatusRow, 'updated_at'> & { id: number; at: string })[] {
  return stmt(db, 'SELECT * FROM hit_status_history WHERE hit_key = ? ORDER BY id ASC').all(hitKey) as never;
}

// ---------------------------------------------------------------- cases

export interface CaseRow {
  id: number;
  name: string;
  description: string;
  created_at: string;
  created_by: string;
  updated_at: string;
}
export interface CaseEntityRow { case_id: number; entity_id: string; entity_kind: string | null; added_at: string; added_by: string }
export interface CaseHitRow { case_id: number; hit_key: string; added_at: string; added_by: string }
export interface CaseNoteRow { id: number; case_id: number; text: string; author: string; created_at: string }
export interface CaseViewRow {
  id: number; case_id: number; name: string; as_of: string | null; view_json: string;
  created_at: string; created_by: string; updated_at: string;
}

export function insertCase(db: Db, row: Omit<CaseRow, 'id'>): number {
  return Number(stmt(db, 'INSERT INTO cases (name, description, created_at, created_by, updated_at) VALUES (@name, @description, @created_at, @created_by, @updated_at)').run(row).lastInsertRowid);
}
export function updateCaseRow(db: Db, id: number, name: string, description: string, at: string): number {
  return stmt(db, 'UPDATE cases SET name = ?, description = ?, updated_at = ? WHERE id = ?').run(name, description, at, id).changes;
}
export function touchCase(db: Db, id: number, at: string): void {
  stmt(db, 'UPDATE cases SET updated_at = ? WHERE id = ?').run(at, id);
}
export function deleteCaseRow(db: Db, id: number): number {
  return stmt(db, 'DELETE FROM cases WHERE id = ?').run(id).changes;
}
export function caseRow(db: Db, id: number): CaseRow | null {
  return (stmt(db, 'SELECT * FROM cases WHERE id = ?').get(id) as CaseRow | undefined) ?? null;
}
export function caseRows(db: Db): (CaseRow & { entities: number; hits: number; notes: number })[] {
  return stmt(
    db,
    `SELECT c.*, (SELECT count(*) FROM case_entities e WHERE e.case_id = c.id) AS entities,
       (SELECT count(*) FROM case_hits h WHERE h.case_id = c.id) AS hits,
       (SELECT count(*) FROM case_notes n WHERE n.case_id = c.id) AS notes
     FROM cases c ORDER BY c.updated_at DESC, c.id DESC`,
  ).all() as never;
}
export function insertCaseEntity(db: Db, row: CaseEntityRow): void {
  stmt(db, 'INSERT OR IGNORE INTO case_entities (case_id, entity_id, entity_kind, added_at, added_by) VALUES (@case_id, @entity_id, @entity_kind, @added_at, @added_by)').run(row);
}
export function deleteCaseEntity(db: Db, caseId: number, entityId: string): number {
  return stmt(db, 'DELETE FROM case_entities WHERE case_id = ? AND entity_id = ?').run(caseId, entityId).changes;
}
export function caseEntityRows(db: Db, caseId: number): CaseEntityRow[] {
  return stmt(db, 'SELECT * FROM case_entities WHERE case_id = ? ORDER BY added_at, entity_id').all(caseId) as CaseEntityRow[];
}
export function insertCaseHit(db: Db, row: CaseHitRow): void {
  stmt(db, 'INSERT OR IGNORE INTO case_hits (case_id, hit_key, added_at, added_by) VALUES (@case_id, @hit_key, @added_at, @added_by)').run(row);
}
export function deleteCaseHit(db: Db, caseId: number, hitKey: string): number {
  return stmt(db, 'DELETE FROM case_hits WHERE case_id = ? AND hit_key = ?').run(caseId, hitKey).changes;
}
export function caseHitRows(db: Db, caseId: number): CaseHitRow[] {
  return stmt(db, 'SELECT * FROM case_hits WHERE case_id = ? ORDER BY added_at, hit_key').all(caseId) as CaseHitRow[];
}
export function insertCaseNote(db: Db, row: Omit<CaseNoteRow, 'id'>): number {
  return Number(stmt(db, 'INSERT INTO case_notes (case_id, text, author, created_at) VALUES (@case_id, @text, @author, @created_at)').run(row).lastInsertRowid);
}
export function caseNoteRows(db: Db, caseId: number): CaseNoteRow[] {
  return stmt(db, 'SELECT * FROM case_notes WHERE case_id = ? ORDER BY id').all(caseId) as CaseNoteRow[];
}
export function insertCaseView(db: Db, row: Omit<CaseViewRow, 'id'>): number {
  return Number(
    stmt(db, 'INSERT INTO case_views (case_id, name, as_of, view_json, created_at, created_by, updated_at) VALUES (@case_id, @name, @as_of, @view_json, @created_at, @created_by, @updated_at)').run(row).lastInsertRowid,
  );
}
export function updateCaseViewRow(db: Db, id: number, name: string, asOf: string | null, viewJson: string, at: string): number {
  return stmt(db, 'UPDATE case_views SET name = ?, as_of = ?, view_json = ?, updated_at = ? WHERE id = ?').run(name, asOf, viewJson, at, id).changes;
}
export function caseViewRow(db: Db, id: number): CaseViewRow | null {
  return (stmt(db, 'SELECT * FROM case_views WHERE id = ?').get(id) as CaseViewRow | undefined) ?? null;
}
export function caseViewRows(db: Db, caseId: number): CaseViewRow[] {
  return stmt(db, 'SELECT * FROM case_views WHERE case_id = ? ORDER BY id').all(caseId) as CaseViewRow[];
}

// ---------------------------------------------------------------- fact look-ups for exports and dossiers

export interface SanctionFactRow {
  subject_id: string; subject_kind: string | null; kind: string; from_date: string | null; to_date: string | null;
  offence: string | null; decision_ref: string | null; src_file: string; src_line: number;
}

export function sanctionRowsFor(db: Db, subjectIds: readonly string[]): SanctionFactRow[] {
  const s = stmt(db, 'SELECT subject_id, subject_kind, kind, from_date, to_date, offence, decision_ref, src_file, src_line FROM sanctions WHERE subject_id = ? ORDER BY from_date, row_id');
  return subjectIds.flatMap((id) => s.all(id) as SanctionFactRow[]);
}

export function personNames(db: Db, personIds: readonly string[]): Map<string, string> {
  const s = stmt(db, 'SELECT name FROM persons WHERE person_id = ? AND name IS NOT NULL LIMIT 1').pluck();
  const out = new Map<string, string>();
  for (const id of personIds) {
    const name = s.get(id) as string | undefined;
    if (name) out.set(id, name);
  }
  return out;
}

/** Provenance columns every fact row carries, for `file:line` in dossiers. */
interface Prov { src_file: string; src_line: number }
export interface CompanyLookup extends Prov { org_nr: string; name: string | null; legal_form: string | null; status: string | null; registered_on: string | null; deregistered_on: string | null }
export interface PersonLookup extends Prov { person_id: string; name: string | null; birth_date: string | null; deceased_on: string | null }
export interface LicenceLookup extends Prov { licence_id: string; org_nr: string; kind: string; status: string; unit_name: string | null; granted_on: string | null; status_on: string | null; decision_ref: string | null; reason: string | null }
export interface RoleLookup extends Prov { org_nr: string; holder_id: string; holder_kind: string | null; role: string; share_pct: number | null; from_date: string | null; to_date: string | null }
export interface FinancialLookup extends Prov { subject_id: string; kind: string; amount_sek: number | null; occurred_on: string | null; resolved_on: string | null; source: string | null }
export interface EmploymentLookup extends Prov { org_nr: string; person_id: string; title: string | null; profession: string | null; from_date: string | null; to_date: string | null }
export interface ReviewLookup extends Prov { org_nr: string; person_id: string; role: string | null; reviewed_on: string | null; outcome: string | null }

const PROV = 'src_file, src_line';

export function companyLookup(db: Db, orgNr: string): CompanyLookup | null {
  return (stmt(db, `SELECT org_nr, name, legal_form, status, registered_on, deregistered_on, ${PROV} FROM companies WHERE org_nr = ? LIMIT 1`).get(orgNr) as CompanyLookup | undefined) ?? null;
}
export function personLookup(db: Db, personId: string): PersonLookup | null {
  return (stmt(db, `SELECT person_id, name, birth_date, deceased_on, ${PROV} FROM persons WHERE person_id = ? LIMIT 1`).get(personId) as PersonLookup | undefined) ?? null;
}
export function licenceLookup(db: Db, licenceId: string): LicenceLookup | null {
  return (stmt(db, `SELECT licence_id, org_nr, kind, status, unit_name, granted_on, status_on, decision_ref, reason, ${PROV} FROM licences WHERE licence_id = ? LIMIT 1`).get(licenceId) as LicenceLookup | undefined) ?? null;
}
export function licencesOfOrg(db: Db, orgNr: string): LicenceLookup[] {
  return stmt(db, `SELECT licence_id, org_nr, kind, status, unit_name, granted_on, status_on, decision_ref, reason, ${PROV} FROM licences WHERE org_nr = ? ORDER BY status_on, licence_id`).all(orgNr) as LicenceLookup[];
}
export function rolesOfHolder(db: Db, holderId: string): RoleLookup[] {
  return stmt(db, `SELECT org_nr, holder_id, holder_kind, role, share_pct, from_date, to_date, ${PROV} FROM roles WHERE holder_id = ? ORDER BY from_date, org_nr`).all(holderId) as RoleLookup[];
}
export function rolesOfOrg(db: Db, orgNr: string): RoleLookup[] {
  return stmt(db, `SELECT org_nr, holder_id, holder_kind, role, share_pct, from_date, to_date, ${PROV} FROM roles WHERE org_nr = ? ORDER BY from_date, holder_id`).all(orgNr) as RoleLookup[];
}
export function financialEventsOf(db: Db, subjectId: string): FinancialLookup[] {
  return stmt(db, `SELECT subject_id, kind, amount_sek, occurred_on, resolved_on, source, ${PROV} FROM financial_events WHERE subject_id = ? ORDER BY occurred_on`).all(subjectId) as FinancialLookup[];
}
export function employmentsAt(db: Db, orgNr: string, personId: string): EmploymentLookup[] {
  return stmt(db, `SELECT org_nr, person_id, title, profession, from_date, to_date, ${PROV} FROM employments WHERE org_nr = ? AND person_id = ? ORDER BY from_date`).all(orgNr, personId) as EmploymentLookup[];
}
export function reviewsOfOrg(db: Db, orgNr: string): ReviewLookup[] {
  return stmt(db, `SELECT org_nr, person_id, role, reviewed_on, outcome, ${PROV} FROM reviewed_persons WHERE org_nr = ? ORDER BY reviewed_on, person_id`).all(orgNr) as ReviewLookup[];
}

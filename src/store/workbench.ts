import { TABLE_NAMES, type TableName } from '../model/tables';
import type { Db } from './db';
import { stmt } from './statements';

/**
 * Read queries behind the workbench API (src/api/service.ts): overview, quarantine browsing,
 * the alert table, labels and provenance lookups, the search corpus. Read-only; parameterised.
 */


// ---------------------------------------------------------------- datasets and quarantine

export interface DatasetInfoRow {
  id: number;
  name: string;
  source_path: string;
  imported_at: string;
  summary: string | null;
  quarantined: number;
}

export function datasetInfoRows(db: Db): DatasetInfoRow[] {
  return stmt(
    db,
    `SELECT d.id, d.name, d.source_path, d.imported_at, d.summary,
            (SELECT count(*) FROM quarantine q WHERE q.dataset_id = d.id) AS quarantined
     FROM datasets d ORDER BY d.id`,
  ).all() as DatasetInfoRow[];
}

export interface QuarantineFilter {
  datasetId?: number;
  file?: string;
  text?: string;
}

export interface QuarantineDbRow {
  id: number;
  dataset_id: number;
  file: string;
  line: number;
  column_name: string | null;
  value: string | null;
  reason: string;
  reason_sv: string;
}

function quarantineWhere(f: QuarantineFilter): { where: string; args: unknown[] } {
  const parts: string[] = ['1 = 1'];
  const args: unknown[] = [];
  if (f.datasetId !== undefined) { parts.push('dataset_id = ?'); args.push(f.datasetId); }
  if (f.file) { parts.push('file = ?'); args.push(f.file); }
  if (f.text) {
    // instr() instead of LIKE: the user's text is matched literally (no wildcard characters).
    parts.push("(instr(lower(coalesce(value, '')), ?) > 0 OR instr(lower(coalesce(column_name, '')), ?) > 0 OR instr(lower(reason_sv), ?) > 0 OR instr(lower(reason), ?) > 0)");
    const t = f.text.toLowerCase();
    args.push(t, t, t, t);
  }
  return { where: parts.join(' AND '), args };
}

export function countQuarantine(db: Db, f: QuarantineFilter): number {
  const { where, args } = quarantineWhere(f);
  return (stmt(db, `SELECT count(*) AS n FROM quarantine WHERE ${where}`).get(...args) as { n: number }).n;
}

export function pageQuarantine(db: Db, f: QuarantineFilter, offset: number, limit: number): QuarantineDbRow[] {
  const { where, args } = quarantineWhere(f);
  return stmt(db, `SELECT id, dataset_id, file, line, column_name, value, reason, reason_sv FROM quarantine WHERE ${where} ORDER BY id LIMIT ? OFFSET ?`)
    .all(...args, limit, offset) as QuarantineDbRow[];
}

export function iterateQuarantine(db: Db, f: QuarantineFilter): IterableIterator<QuarantineDbRow> {
  const { where, args } = quarantineWhere(f);
  return stmt(db, `SELECT id, dataset_id, file, line, column_name, value, reason, reason_sv FROM quarantine WHERE ${where} ORDER BY id`)
    .iterate(...args) as IterableIterator<QuarantineDbRow>;
}

// ---------------------------------------------------------------- hits

export function hitCountsBySignalSeverity(db: Db, runId: number): { signal: string; severity: number; count: number }[] {
  return stmt(db, 'SELECT signal, severity, count(*) AS count FROM hits WHERE run_id = ? GROUP BY signal, severity ORDER BY signal, severity DESC')
    .all(runId) as { signal: string; severity: number; count: number }[];
}

export interface HitTableRow {
  hit_key: string;
  signal: string;
  subject_kind: string;
  subject_id: string;
  related_ids: string;
  severity: number;
  evidence: string;
  evidence_hash: string;
  status: string | null;
  status_hash: string | null;
  score: number | null;
  /** Name of the subject (company, person, licence unit, foster home address); null when not stored. */
  subject_label: string | null;
  subject_city: string | null;
}

/** Every hit of a run with its triage status and the subject's score (labels are looked up separately). */
export function hitTableRows(db: Db, runId: number): HitTableRow[] {
  return stmt(
    db,
    `SELECT h.hit_key, h.signal, h.subject_kind, h.subject_id, h.related_ids, h.severity, h.evidence, h.evidence_hash,
            st.status, st.evidence_hash AS status_hash, sc.score,
            CASE h.subject_kind
              WHEN 'company' THEN (SELECT name FROM companies WHERE org_nr = h.subject_id LIMIT 1)
              WHEN 'person' THEN (SELECT name FROM persons WHERE person_id = h.subject_id LIMIT 1)
              WHEN 'licence' THEN (SELECT unit_name FROM licences WHERE licence_id = h.subject_id LIMIT 1)
              WHEN 'foster_home' THEN (SELECT address FROM foster_homes WHERE home_id = h.subject_id LIMIT 1)
            END AS subject_label,
            CASE h.subject_kind
              WHEN 'company' THEN (SELECT city FROM companies WHERE org_nr = h.subject_id LIMIT 1)
              WHEN 'person' THEN (SELECT city FROM persons WHERE person_id = h.subject_id LIMIT 1)
              WHEN 'licence' THEN (SELECT city FROM licences WHERE licence_id = h.subject_id LIMIT 1)
              WHEN 'foster_home' THEN (SELECT coalesce(municipality, city) FROM foster_homes WHERE home_id = h.subject_id LIMIT 1)
            END AS subject_city
     FROM hits h
     LEFT JOIN hit_status st ON st.hit_key = h.hit_key
     LEFT JOIN scores sc ON sc.run_id = h.run_id AND sc.subject_kind = h.subject_kind AND sc.subject_id = h.subject_id
     WHERE h.run_id = ?
     ORDER BY h.id`,
  ).all(runId) as HitTableRow[];
}

// ---------------------------------------------------------------- labels and provenance

export interface EntityLabel {
  id: string;
  kind: 'company' | 'person' | 'licence' | 'foster_home';
  label: string | null;
  municipality: string | null;
  detail: string | null;
}

/** Name, kind and municipality of an id, trying each entity table (null when unknown). */
export function entityLabel(db: Db, id: string): EntityLabel | null {
  const company = stmt(db, 'SELECT name, city FROM companies WHERE org_nr = ? LIMIT 1').get(id) as { name: string | null; city: string | null } | undefined;
  if (company) return { id, kind: 'company', label: company.name, municipality: company.city, detail: company.city };
  const person = stmt(db, 'SELECT name, city FROM persons WHERE person_id = ? LIMIT 1').get(id) as { name: string | null; city: string | null } | undefined;
  if (person) return { id, kind: 'person', label: person.name, municipality: person.city, detail: person.city };
  const licence = stmt(db, 'SELECT unit_name, kind, city FROM licences WHERE licence_id = ? LIMIT 1').get(id) as { unit_name: string | null; kind: string; city: string | null } | undefined;
  if (licence) return { id, kind: 'licence', label: licence.unit_name, municipality: licence.city, detail: licence.kind };
  const home = stmt(db, 'SELECT address, municipality, city FROM foster_homes WHERE home_id = ? LIMIT 1').get(id) as { address: string | null; municipality: string | null; city: string | null } | undefined;
  if (home) return { id, kind: 'foster_home', label: home.address, municipality: home.municipality ?? home.city, detail: home.municipality ?? home.city };
  return null;
}

/** Municipality of an address key: the city of any company, licence or foster home registered there. */
export function addressCity(db: Db, addressKey: string): string | null {
  const r = stmt(
    db,
    `SELECT city FROM companies WHERE address_key = ? AND city IS NOT NULL
     UNION ALL SELECT city FROM licences WHERE address_key = ? AND city IS NOT NULL
     UNION ALL SELECT coalesce(municipality, city) FROM foster_homes WHERE address_key = ? LIMIT 1`,
  ).get(addressKey, addressKey, addressKey) as { city: string | null } | undefined;
  return r?.city ?? null;
}

export interface FactProvenanceRow {
  dataset_id: number;
  dataset_name: string | null;
  src_file: string;
  src_line: number;
  imported_at: string;
}

/** Provenance of one stored fact by table and natural key; the table name is checked against the contract. */
export function factProvenance(db: Db, table: string, key: string): FactProvenanceRow | null {
  if (!(TABLE_NAMES as readonly string[]).includes(table)) return null;
  const t = table as TableName;
  return (stmt(
    db,
    `SELECT f.dataset_id, d.name AS dataset_name, f.src_file, f.src_line, f.imported_at
     FROM ${t} f LEFT JOIN datasets d ON d.id = f.dataset_id WHERE f.key = ? LIMIT 1`,
  ).get(key) as FactProvenanceRow | undefined) ?? null;
}

/** Provenance by `file:line` (evidence without a fact key): the newest dataset that has a fact from that line. */
export function provenanceByFileLine(db: Db, file: string, line: number): FactProvenanceRow | null {
  const base = file.replace(/^.*[\\/]/, '');
  const table = TABLE_NAMES.find((t) => base.toLowerCase().startsWith(`${t}.`));
  if (!table) return null;
  return (stmt(
    db,
    `SELECT f.dataset_id, d.name AS dataset_name, f.src_file, f.src_line, f.imported_at
     FROM ${table} f LEFT JOIN datasets d ON d.id = f.dataset_id WHERE f.src_file = ? AND f.src_line = ? ORDER BY f.dataset_id DESC LIMIT 1`,
  ).get(file, line) as FactProvenanceRow | undefined) ?? null;
}

export function datasetName(db: Db, id: number): string | null {
  return (stmt(db, 'SELECT name FROM datasets WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? null;
}

// ---------------------------------------------------------------- search corpus

export interface SearchDocRow {
  id: string;
  kind: 'company' | 'person' | 'licence' | 'foster_home';
  name: string | null;
  detail: string | null;
}

/** Everything global search can find: companies, persons, licence units, foster homes. */
export function* searchCorpus(db: Db): Generator<SearchDocRow> {
  yield* stmt(db, "SELECT org_nr AS id, 'company' AS kind, name, city AS detail FROM companies WHERE org_nr IS NOT NULL").iterate() as IterableIterator<SearchDocRow>;
  yield* stmt(db, "SELECT person_id AS id, 'person' AS kind, name, city AS detail FROM persons WHERE person_id IS NOT NULL").iterate() as IterableIterator<SearchDocRow>;
  yield* stmt(db, "SELECT licence_id AS id, 'licence' AS kind, unit_name AS name, kind || coalesce(' · ' || city, '') AS detail FROM licences WHERE licence_id IS NOT NULL").iterate() as IterableIterator<SearchDocRow>;
  yield* stmt(db, "SELECT home_id AS id, 'foster_home' AS kind, 'Familjehem ' || coalesce(address, home_id) AS name, coalesce(municipality, city) AS detail FROM foster_homes WHERE home_id IS NOT NULL").iterate() as IterableIterator<SearchDocRow>;
}

const CORPUS_PAGES = [
  "SELECT row_id, org_nr AS id, 'company' AS kind, name, city AS detail FROM companies WHERE org_nr IS NOT NULL AND row_id > ? ORDER BY row_id LIMIT ?",
  "SELECT row_id, person_id AS id, 'person' AS kind, name, city AS detail FROM persons WHERE person_id IS NOT NULL AND row_id > ? ORDER BY row_id LIMIT ?",
  "SELECT row_id, licence_id AS id, 'licence' AS kind, unit_name AS name, kind || coalesce(' · ' || city, '') AS detail FROM licences WHERE licence_id IS NOT NULL AND row_id > ? ORDER BY row_id LIMIT ?",
  "SELECT row_id, home_id AS id, 'foster_home' AS kind, 'Familjehem ' || coalesce(address, home_id) AS name, coalesce(municipality, city) AS detail FROM foster_homes WHERE home_id IS NOT NULL AND row_id > ? ORDER BY row_id LIMIT ?",
] as const;

/**
 * The search corpus one page at a time (keyset paging on row_id), so a caller can build its index
 * between other queries instead of holding the connection with one long-running iterator.
 * `cursor` = [table index, last row_id]; returns the rows and the next cursor (null when done).
 */
export function searchCorpusPage(db: Db, cursor: [number, number], limit: number): { rows: SearchDocRow[]; next: [number, number] | null } {
  let [t, after] = cursor;
  while (t < CORPUS_PAGES.length) {
    const rows = stmt(db, CORPUS_PAGES[t]!).all(after, limit) as (SearchDocRow & { row_id: number })[];
    if (rows.length > 0) return { rows, next: [t, rows[rows.length - 1]!.row_id] };
    t++;
    after = 0;
  }
  return { rows: [], next: null };
}

/** Cheap fingerprint of the searchable tables: the index is rebuilt when it changes (after an import). */
export function searchFingerprint(db: Db): string {
  const r = stmt(
    db,
    `SELECT (SELECT count(*) FROM companies) || ':' || (SELECT count(*) FROM persons) || ':' || (SELECT count(*) FROM licences) || ':' ||
            (SELECT count(*) FROM foster_homes) || ':' || (SELECT coalesce(max(id), 0) FROM datasets) AS f`,
  ).get() as { f: string };
  return r.f;
}

import { TABLE_NAMES, type TableName } from '../model/tables';
import type { Db } from './db';
import { factColumns } from './facts';
import type { RowIdSet } from './row-id-set';
import { stmt } from './statements';

/**
 * Known time: which dataset told the store what, and the store as it was right after a dataset.
 * The schema and its semantics are described in migrations/006_known_time.ts; in short, a fact's
 * versions are the fact_history rows of its key (oldest first) followed by the current row, each
 * known from its `dataset_id` until the next version's (or `ended_by`, or `replaced_by_dataset`
 * with `ended = 1`).
 */

// ---------------------------------------------------------------------------------------------
// Dataset-level records (written by the importer)

export function setDatasetSource(db: Db, datasetId: number, source: string | null): void {
  stmt(db, 'UPDATE datasets SET source = ? WHERE id = ?').run(source, datasetId);
}

export function recordDatasetTable(db: Db, datasetId: number, table: TableName, full: boolean, ended: number): void {
  stmt(db, 'INSERT OR REPLACE INTO dataset_tables (dataset_id, table_name, full, ended) VALUES (?, ?, ?, ?)').run(datasetId, table, full ? 1 : 0, ended);
}

export interface DatasetTableRow { dataset_id: number; table_name: string; full: number; ended: number }

export function datasetTables(db: Db, datasetId?: number): DatasetTableRow[] {
  return (datasetId === undefined
    ? stmt(db, 'SELECT dataset_id, table_name, full, ended FROM dataset_tables ORDER BY dataset_id, table_name').all()
    : stmt(db, 'SELECT dataset_id, table_name, full, ended FROM dataset_tables WHERE dataset_id = ? ORDER BY table_name').all(datasetId)) as DatasetTableRow[];
}

/**
 * After a full extract of `table` by dataset `datasetId` of `source`: every row still reported,
 * last written by a dataset of the same source and not stated by this one, is marked as no longer
 * reported from this dataset on (`ended_by`). Nothing is deleted. Returns how many rows ended.
 * One scan of the table's rows (row_id, dataset_id, ended_by); writes only the rows that end.
 */
export function endUnstated(db: Db, table: TableName, datasetId: number, source: string | null, stated: RowIdSet, onEnded?: (rowId: number) => void): number {
  const sameSource = stmt(db, 'SELECT id FROM datasets WHERE source IS ? AND id <> ?').pluck().all(source, datasetId) as number[];
  if (sameSource.length === 0) return 0;
  // Only the rows that end are kept in memory (a national table has millions of candidates).
  const unstated: number[] = [];
  const candidates = db.prepare(`SELECT row_id FROM ${table} WHERE ended_by IS NULL AND dataset_id IN (SELECT value FROM json_each(?))`).pluck();
  for (const rowId of candidates.iterate(JSON.stringify(sameSource)) as Iterable<number>) if (!stated.has(rowId)) unstated.push(rowId);
  const end = db.prepare(`UPDATE ${table} SET ended_by = ? WHERE row_id = ?`);
  for (const rowId of unstated) {
    end.run(datasetId, rowId);
    onEnded?.(rowId);
  }
  return unstated.length;
}

// ---------------------------------------------------------------------------------------------
// The as-known view: the fact tables as they were right after dataset K

/** Tables holding at least one row that a full extract ended (uses the partial index). */
function tablesWithEndedRows(db: Db): TableName[] {
  return TABLE_NAMES.filter((t) => stmt(db, `SELECT 1 FROM main.${t} WHERE ended_by IS NOT NULL LIMIT 1`).get() !== undefined);
}

function storedColumns(db: Db, table: string): string[] {
  return (db.prepare(`PRAGMA main.table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
}


function knownViewSql(db: Db, table: TableName, asKnown: number | null): string {
  const cols = storedColumns(db, table);
  const current = `SELECT ${cols.join(', ')} FROM main.${table} WHERE ended_by IS NULL`;
  if (asKnown === null) return current;
  const k = String(asKnown);
  // History versions carry every content and provenance column in old_row (src/store/facts.ts);
  // the row id of the key's current row keeps the loader's row order what it was at K.
  const fromHistory = cols.map((c) => (c === 'row_id' ? 'm.row_id' : c === 'key' ? 'h.key' : c === 'ended_by' ? 'NULL' : `json_extract(h.old_row, '$.${c}')`));
  return `SELECT ${cols.join(', ')} FROM main.${table} WHERE dataset_id <= ${k} AND (ended_by IS NULL OR ended_by > ${k})
    UNION ALL
    SELECT ${fromHistory.join(', ')} FROM main.fact_history h JOIN main.${table} m ON m.key = h.key
    WHERE h.table_name = '${table}' AND h.replaced_by_dataset > ${k} AND json_extract(h.old_row, '$.dataset_id') <= ${k}`;
}

export class UnknownDatasetError extends Error {
  override name = 'UnknownDatasetError';
  constructor(readonly datasetId: number) {
    super(`datamängd ${datasetId} finns inte i databasen / dataset ${datasetId} does not exist in the store`);
  }
}

export function datasetExists(db: Db, id: number): boolean {
  return Number.isInteger(id) && stmt(db, 'SELECT 1 FROM main.datasets WHERE id = ?').get(id) !== undefined;
}

/**
 * Runs `fn` (synchronously) with the fact tables seen as known: rows a full extract ended are
 * left out, and with `asKnown` = K exactly the versions the store held right after dataset K was
 * imported (later datasets invisible, later value changes undone, rows ended later present).
 *
 * It works by shadowing: TEMP views named like the fact tables (and `datasets`) are searched
 * before the main schema, so every unqualified query inside `fn` — the analysis loader's as much
 * as anyone's — reads the known view without knowing it. The views exist only while `fn` runs;
 * `fn` must not write fact tables. With nothing ended and no `asKnown`, no view is created.
 */
export function withKnownView<T>(db: Db, asKnown: number | null, fn: () => T): T {
  if (asKnown !== null && !datasetExists(db, asKnown)) throw new UnknownDatasetError(asKnown);
  const tables = asKnown === null ? tablesWithEndedRows(db) : [...TABLE_NAMES];
  if (tables.length === 0) return fn();
  const created: string[] = [];
  try {
    for (const t of tables) {
      db.exec(`CREATE TEMP VIEW ${t} AS ${knownViewSql(db, t, asKnown)}`);
      created.push(t);
    }
    if (asKnown !== null) {
      db.exec(`CREATE TEMP VIEW datasets AS SELECT * FROM main.datasets WHERE id <= ${String(asKnown)}`);
      created.push('datasets');
    }
    return fn();
  } finally {
    for (const t of created.reverse()) db.exec(`DROP VIEW IF EXISTS temp.${t}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Version chains of facts (entity profile, watch feed)

/** One version of a fact: its values and where they came from, known from `datasetId` until `until`. */
export interface FactVersion {
  /** Content columns (factColumns), as stored. */
  values: Record<string, unknown>;
  datasetId: number;
  file: string;
  line: number;
  importedAt: string;
  /** The dataset that replaced (or ended) this version; null = current and still reported. */
  until: number | null;
  /** True when `until` is a full extract that no longer reported it, not a new value. */
  ended: boolean;
}

export interface FactChain {
  table: TableName;
  key: string;
  versions: FactVersion[];
}

function asVersion(table: TableName, row: Record<string, unknown>, until: number | null, ended: boolean): FactVersion {
  const values: Record<string, unknown> = {};
  for (const c of factColumns(table)) values[c] = row[c] ?? null;
  return { values, datasetId: Number(row.dataset_id), file: String(row.src_file), line: Number(row.src_line), importedAt: String(row.imported_at), until, ended };
}

/** Every version of the given keys of a table, oldest first (keys not stored are left out). */
export function factChains(db: Db, table: TableName, keys: readonly string[]): FactChain[] {
  if (keys.length === 0) return [];
  const ids = JSON.stringify([...new Set(keys)]);
  const current = db.prepare(`SELECT * FROM main.${table} WHERE key IN (SELECT value FROM json_each(?)) ORDER BY row_id`).all(ids) as Record<string, unknown>[];
  const history = stmt(db, 'SELECT key, old_row, replaced_by_dataset, ended FROM main.fact_history WHERE table_name = ? AND key IN (SELECT value FROM json_each(?)) ORDER BY id')
    .all(table, ids) as { key: string; old_row: string; replaced_by_dataset: number; ended: number }[];
  const byKey = new Map<string, FactVersion[]>();
  for (const h of history) {
    const list = byKey.get(h.key) ?? [];
    list.push(asVersion(table, JSON.parse(h.old_row) as Record<string, unknown>, h.replaced_by_dataset, h.ended === 1));
    byKey.set(h.key, list);
  }
  return current.map((r) => {
    const key = String(r.key);
    const endedBy = r.ended_by == null ? null : Number(r.ended_by);
    return { table, key, versions: [...(byKey.get(key) ?? []), asVersion(table, r, endedBy, endedBy !== null)] };
  });
}

/** The full extracts after a dataset, per table and source: the basis of "last stated". */
export interface FullExtract { datasetId: number; table: string; source: string | null }

export function fullExtracts(db: Db): FullExtract[] {
  return stmt(db, 'SELECT t.dataset_id AS datasetId, t.table_name AS "table", d.source AS source FROM dataset_tables t JOIN main.datasets d ON d.id = t.dataset_id WHERE t.full = 1 ORDER BY t.dataset_id')
    .all() as FullExtract[];
}

export interface DatasetInfo { id: number; name: string; imported_at: string; source: string | null }

export function datasetInfos(db: Db): Map<number, DatasetInfo> {
  const rows = stmt(db, 'SELECT id, name, imported_at, source FROM main.datasets ORDER BY id').all() as DatasetInfo[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function maxDatasetId(db: Db): number {
  return (stmt(db, 'SELECT coalesce(max(id), 0) FROM main.datasets').pluck().get() as number) ?? 0;
}

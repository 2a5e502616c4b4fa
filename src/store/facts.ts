import { OCCURRENCE_KEYED, TABLES, TABLE_NAMES, type TableName } from '../model/tables';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';
import { buildIndexes } from './index-build';
import { logIsCurrent, logOutgrown, rebuildLog, RecordLog } from './record-log';
import { RowIdSet } from './row-id-set';

/**
 * Writes of the importer: datasets, fact upserts with history, quarantine. Rows are upserted by
 * their natural key (`key`, the JSON-encoded normalised key values of TableSpec.key).
 */

/** Holder-id columns whose kind (person|company) is stored in a sibling column. */
export const KIND_COLUMN: Readonly<Record<string, string>> = { holder_id: 'holder_kind', subject_id: 'subject_kind', a_id: 'a_kind', b_id: 'b_kind' };

/** Content columns of a fact table in storage order (spec columns, derived columns, `extra`). */
export function factColumns(table: TableName): readonly string[] {
  const cached = COLUMNS.get(table);
  if (cached) return cached;
  const spec = TABLES[table];
  const cols = spec.columns.map((c) => c.sql);
  for (const c of spec.columns) {
    const kind = c.type === 'holder_id' ? KIND_COLUMN[c.sql] : undefined;
    if (kind && !cols.includes(kind)) cols.push(kind);
  }
  if (spec.address) cols.push('address_key');
  if (table === 'companies') cols.push('alt_names', 'co');
  cols.push('extra');
  COLUMNS.set(table, cols);
  return cols;
}
const COLUMNS = new Map<TableName, string[]>();

export interface DatasetRow {
  id: number;
  name: string;
  source_path: string;
  content_hash: string;
  imported_at: string;
  summary: string | null;
}

export function findDatasetByHash(db: Db, hash: string): DatasetRow | undefined {
  return db.prepare('SELECT * FROM datasets WHERE content_hash = ? ORDER BY id DESC LIMIT 1').get(hash) as DatasetRow | undefined;
}

/** Every imported dataset, oldest first (ids grow in import order). */
export function listDatasets(db: Db): DatasetRow[] {
  return db.prepare('SELECT * FROM datasets ORDER BY id').all() as DatasetRow[];
}

export function insertDataset(db: Db, d: { name: string; source_path: string; content_hash: string; imported_at: string }): number {
  return Number(db.prepare('INSERT INTO datasets (name, source_path, content_hash, imported_at) VALUES (?, ?, ?, ?)').run(d.name, d.source_path, d.content_hash, d.imported_at).lastInsertRowid);
}

export function setDatasetSummary(db: Db, id: number, summary: unknown): void {
  db.prepare('UPDATE datasets SET summary = ? WHERE id = ?').run(JSON.stringify(summary), id);
}

/**
 * Tables that some imported dataset provided, even with 0 rows (a header-only file): coverage
 * treats them as present, so their signals are evaluable with no hits rather than "not evaluable".
 * Read from each dataset's summary (`rows` lists every table whose file had a header).
 */
export function providedTables(db: Db): Set<TableName> {
  const known = new Set<string>(TABLE_NAMES);
  const out = new Set<TableName>();
  for (const summary of db.prepare('SELECT summary FROM datasets WHERE summary IS NOT NULL').pluck().iterate() as IterableIterator<string>) {
    let rows: unknown;
    try {
      rows = (JSON.parse(summary) as { rows?: unknown }).rows;
    } catch {
      continue;
    }
    if (rows && typeof rows === 'object') for (const t of Object.keys(rows)) if (known.has(t)) out.add(t as TableName);
  }
  return out;
}

export interface StoredQuarantine {
  file: string;
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
  reason_sv: string;
}

export function datasetQuarantine(db: Db, datasetId: number, limit = 100_000, offset = 0): StoredQuarantine[] {
  return db
    .prepare('SELECT file, line, column_name AS column, value, reason, reason_sv FROM quarantine WHERE dataset_id = ? ORDER BY id LIMIT ? OFFSET ?')
    .all(datasetId, limit, offset) as StoredQuarantine[];
}

/** Row counts of every fact table (plus datasets, quarantine, history): used by tests and the UI. */
export function tableCounts(db: Db): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of [...TABLE_NAMES, 'datasets', 'quarantine', 'fact_history']) {
    out[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return out;
}

export type UpsertOutcome = 'inserted' | 'updated' | 'unchanged' | { duplicateOfLine: number };

interface TableStatements {
  insert: Statement<unknown[]>;
  /** The stored row by key, and by row id (see upsert's rowHint): content, provenance, row id, ended_by, key. */
  select: Statement<unknown[]>;
  selectRow: Statement<unknown[]>;
  /** UPDATEs by the content columns they set (see updateOf). */
  updates: Map<string, Statement<unknown[]>>;
  columns: readonly string[];
  /** Upserts so far that inserted / that found the key stored (see upsert: which to try first). */
  inserted: number;
  found: number;
}

/** Provenance columns stored with every version of a fact (also in fact_history.old_row). */
const PROVENANCE = ['dataset_id', 'src_file', 'src_line', 'imported_at'] as const;

/** Stored with every row a record wrote (src/import/unchanged.ts); not content, never compared. */
const RECORD = ['line_hash', 'key_hash', 'key_occ'] as const;

/** The record a row was written from: its hash, and for event tables its key's hash and occurrence. */
export interface RecordId {
  lineHash: number;
  keyHash: number;
  occ: number;
}
const NO_RECORD: RecordId = { lineHash: 0, keyHash: 0, occ: 0 };

/** An index of ended rows only (migration 006): no row an import inserts belongs to it. */
const ENDED_ONLY = /\bWHERE ended_by IS NOT NULL\s*$/i;

/** A table being bulk-loaded: the file whose rows it takes, and the indexes to build afterwards. */
interface BulkLoad {
  file: string;
  indexes: string[];
  insert: Statement<unknown[]>;
}

/**
 * Upserts facts of one dataset import. Must be used inside the caller's transaction.
 * A row whose key already exists with the same dataset and file is a duplicate within the file.
 *
 * Known time (migration 006): a changed row's old version goes to fact_history; an unchanged row
 * is not written at all. For a table imported as a full extract (trackStated), the row ids the
 * dataset stated are remembered in memory, so endUnstated (src/store/known.ts) can mark the rows
 * it did not state as no longer reported. Whoever changes this write path must keep feeding
 * `stated` for every row the dataset states (inserted, updated or unchanged — also the unchanged
 * rows the reader recognised without reading them: statedUnchanged()).
 *
 * Bulk load (issue 10, `opts.bulk`): a table that is empty when the import first writes to it has all its
 * indexes (the unique key index too, migration 010) dropped and takes plain inserts; they are
 * built when the file is done (another file writing the same table, or finish()). Building an
 * index from the finished table is one sort, where updating it row by row in random key order
 * rewrites its pages again and again once it outgrows the page cache. Duplicates within the file
 * are then known from the reader (`dupOfLine`, the line of the key's first row), not from the
 * index. All inside the import's transaction: a rollback or crash restores the indexes too.
 */
export class FactWriter {
  private readonly stmts = new Map<TableName, TableStatements>();
  private readonly bulk = new Map<TableName, BulkLoad>();
  /** Tables this writer has written to (only the first write can start a bulk load). */
  private readonly touched = new Set<TableName>();
  private readonly history: Statement<unknown[]>;
  private readonly quarantineStmt: Statement<unknown[]>;
  private readonly stated = new Map<TableName, RowIdSet>();
  /** The record log of each table it keeps one for (opts.log), and the tables it cannot (rebuilt at closeLogs). */
  private readonly logs = new Map<TableName, RecordLog>();
  private readonly unlogged = new Set<TableName>();

  /**
   * `opts.bulk`: load empty tables without indexes (the importer); the caller must then call
   * finish() before committing, or the tables stay without their indexes.
   * `opts.log`: keep the record log (src/store/record-log.ts) of each table written; the caller
   * must then call closeLogs() last before committing.
   */
  constructor(
    private readonly db: Db,
    readonly datasetId: number,
    readonly importedAt: string,
    private readonly opts: { bulk?: boolean; log?: boolean } = {},
  ) {
    this.history = db.prepare('INSERT INTO fact_history (table_name, key, old_row, replaced_by_dataset, replaced_at, ended) VALUES (?, ?, ?, ?, ?, ?)');
    this.quarantineStmt = db.prepare('INSERT INTO quarantine (dataset_id, file, line, column_name, value, reason, reason_sv, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  }

  private statements(table: TableName): TableStatements {
    let s = this.stmts.get(table);
    if (s) return s;
    const columns = factColumns(table);
    const all = ['key', ...columns, ...PROVENANCE, ...RECORD];
    const stored = [...columns, ...PROVENANCE, 'row_id', 'ended_by', 'key'].join(', ');
    s = {
      columns,
      insert: this.db.prepare(`INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')}) ON CONFLICT(key) DO NOTHING`),
      select: this.db.prepare(`SELECT ${stored} FROM ${table} WHERE key = ?`).raw(true),
      selectRow: this.db.prepare(`SELECT ${stored} FROM ${table} WHERE row_id = ?`).raw(true),
      updates: new Map(),
      inserted: 0,
      found: 0,
    };
    this.stmts.set(table, s);
    return s;
  }

  /** Records which rows of `table` this dataset states (call before its rows, for a full extract). */
  trackStated(table: TableName): void {
    if (!this.stated.has(table)) this.stated.set(table, new RowIdSet());
  }

  /** The rows of `table` this dataset stated, when tracked. */
  statedRows(table: TableName): RowIdSet | undefined {
    return this.stated.get(table);
  }

  /** A row the dataset states unchanged, recognised by the reader without a write (unchanged.ts). */
  statedUnchanged(table: TableName, rowId: number): void {
    this.stated.get(table)?.add(rowId);
  }

  /** Starts a bulk load of `table` by `file` when the table is empty; see the class comment. */
  private startBulk(table: TableName, file: string): BulkLoad | undefined {
    this.touched.add(table);
    this.startLog(table);
    if (!this.opts.bulk || this.db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined) return undefined;
    const indexes = this.db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table) as { name: string; sql: string }[];
    // A store whose key is still a column constraint (not migrated) cannot drop it: no bulk load.
    if (!indexes.some((i) => i.name === `${table}_key`)) return undefined;
    // The partial index of ended rows (migration 006) stays: the import writes ended_by NULL, so
    // no insert touches it, where rebuilding it would scan the whole table for nothing.
    const rebuilt = indexes.filter((i) => !ENDED_ONLY.test(i.sql));
    for (const i of rebuilt) this.db.exec(`DROP INDEX ${i.name}`);
    const all = ['key', ...factColumns(table), ...PROVENANCE, ...RECORD];
    const load: BulkLoad = { file, indexes: rebuilt.map((i) => i.sql), insert: this.db.prepare(`INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`) };
    this.bulk.set(table, load);
    return load;
  }

  /** Builds the indexes of a bulk-loaded table; it takes ordinary upserts from then on. */
  private endBulk(table: TableName): void {
    const load = this.bulk.get(table);
    if (!load) return;
    this.bulk.delete(table);
    buildIndexes(this.db, load.indexes);
  }

  /** Builds the indexes of every bulk-loaded table; call before committing. */
  finish(): void {
    for (const table of [...this.bulk.keys()]) this.endBulk(table);
  }

  /**
   * `dupOfLine`: the line of an earlier row of the same file with the same key, as the reader saw
   * it (0 = none; the reader does not track event tables, whose keys never repeat in a file).
   * `rowHint`: the row id of the stored row this record likely updates (0 = no guess). Looked up
   * first and used only if its key is `key`: a re-import's changed record then costs a read of a
   * row next to the last one written instead of a search of the key index (national: 24 µs each).
   */
  upsert(table: TableName, key: string, values: unknown[], file: string, line: number, dupOfLine = 0, rec: RecordId = NO_RECORD, rowHint = 0): UpsertOutcome {
    let load = this.bulk.get(table);
    if (load && load.file !== file) {
      this.endBulk(table);
      load = undefined;
    } else if (!load && !this.touched.has(table)) load = this.startBulk(table, file);
    const stated = this.stated.get(table);
    if (load) {
      if (dupOfLine > 0) return { duplicateOfLine: dupOfLine };
      const info = load.insert.run(key, ...values, this.datasetId, file, line, this.importedAt, rec.lineHash || null, rec.keyHash || null, rec.occ || null);
      const rowId = Number(info.lastInsertRowid);
      stated?.add(rowId);
      this.logs.get(table)?.add(rowId, rec.lineHash, rec.keyHash, rec.occ);
      return 'inserted';
    }
    const s = this.statements(table);
    // Whichever of insert and select usually succeeds goes first: a new extract mostly inserts, a
    // re-import's changed rows (all that reach here; unchanged ones are skipped unread) mostly
    // exist, and a failed insert attempt costs a key lookup of its own.
    const n = s.columns.length;
    let existing = rowHint > 0 ? (s.selectRow.get(rowHint) as unknown[] | undefined) : undefined;
    if (existing && existing[n + 6] !== key) existing = undefined;
    if (!existing && s.found > s.inserted) existing = s.select.get(key) as unknown[] | undefined;
    if (!existing) {
      const info = s.insert.run(key, ...values, this.datasetId, file, line, this.importedAt, rec.lineHash || null, rec.keyHash || null, rec.occ || null);
      if (info.changes === 1) {
        s.inserted++;
        const rowId = Number(info.lastInsertRowid);
        stated?.add(rowId);
        this.logs.get(table)?.add(rowId, rec.lineHash, rec.keyHash, rec.occ);
        return 'inserted';
      }
      existing = s.select.get(key) as unknown[];
    }
    s.found++;
    if (existing[n] === this.datasetId && existing[n + 1] === file) return { duplicateOfLine: existing[n + 2] as number };
    stated?.add(existing[n + 4] as number);
    const endedBy = existing[n + 5] as number | null;
    const next = table === 'companies' ? mergeCompany(s.columns, existing, values) : values;
    const changed: number[] = [];
    for (let i = 0; i < n; i++) if (existing[i] !== next[i]) changed.push(i);
    // A row a full extract had ended is reported again: its ended version joins the history.
    if (changed.length === 0 && endedBy === null) return 'unchanged';
    const old: Record<string, unknown> = {};
    const names = [...s.columns, ...PROVENANCE];
    names.forEach((c, i) => (old[c] = existing[i]));
    if (endedBy === null) this.history.run(table, key, JSON.stringify(old), this.datasetId, this.importedAt, 0);
    else this.history.run(table, key, JSON.stringify(old), endedBy, this.datasetTime(endedBy), 1);
    const update = this.updateOf(table, s, changed, endedBy !== null);
    update.run(...changed.map((i) => next[i]), this.datasetId, file, line, this.importedAt, rec.lineHash || null, rec.keyHash || null, rec.occ || null, existing[n + 4]);
    this.logs.get(table)?.add(existing[n + 4] as number, rec.lineHash, rec.keyHash, rec.occ);
    return 'updated';
  }

  /**
   * Decides, before the first write to `table`, whether this import can keep its record log: when
   * the log describes the table, or the table is empty (the log starts here). Otherwise the table
   * is logged anew from its rows at closeLogs().
   */
  private startLog(table: TableName): void {
    if (!this.opts.log || this.logs.has(table) || this.unlogged.has(table)) return;
    const current = logIsCurrent(this.db, table);
    if (current || this.db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() === undefined) {
      // An empty table starts its log here (a stale one, should there be one, goes).
      if (!current) this.db.prepare('DELETE FROM record_log WHERE table_name = ?').run(table);
      this.logs.set(table, new RecordLog(this.db, table, this.datasetId, OCCURRENCE_KEYED.has(table)));
    } else {
      this.unlogged.add(table);
    }
  }

  /** A row a full extract ended (known.ts endUnstated): no longer current, so out of the log. */
  logEnded(table: TableName, rowId: number): void {
    this.startLog(table);
    this.logs.get(table)?.add(rowId, 0);
  }

  /**
   * Ends this import's record logs, after its last write: each table written, ended, or in
   * `tables` (those the dataset read) gets its segment. A table that could not be logged, or whose
   * log has outgrown it (logOutgrown), is logged anew from its rows (once for a store from before
   * the log).
   */
  closeLogs(tables: Iterable<TableName>): void {
    if (!this.opts.log) return;
    for (const t of tables) this.startLog(t);
    for (const [table, log] of this.logs) {
      const event = OCCURRENCE_KEYED.has(table);
      log.close();
      if (logOutgrown(this.db, table, event)) rebuildLog(this.db, table, this.datasetId, event);
    }
    for (const table of this.unlogged) rebuildLog(this.db, table, this.datasetId, OCCURRENCE_KEYED.has(table));
  }

  /**
   * The UPDATE that sets just the changed content columns (with provenance), by row id. Setting
   * every column would rewrite every index of the row — at national scale each a random page of
   * a table far larger than the cache — where a changed name touches none.
   */
  private updateOf(table: TableName, s: TableStatements, changed: readonly number[], reopen: boolean): Statement<unknown[]> {
    const id = `${changed.join(',')}${reopen ? 'r' : ''}`;
    let stmt = s.updates.get(id);
    if (!stmt) {
      const set = [...changed.map((i) => s.columns[i]!), ...PROVENANCE, ...RECORD].map((c) => `${c} = ?`);
      if (reopen) set.push('ended_by = NULL');
      stmt = this.db.prepare(`UPDATE ${table} SET ${set.join(', ')} WHERE row_id = ?`);
      s.updates.set(id, stmt);
    }
    return stmt;
  }

  private datasetTime(id: number): string {
    return (this.db.prepare('SELECT imported_at FROM datasets WHERE id = ?').pluck().get(id) as string | undefined) ?? this.importedAt;
  }

  quarantine(q: StoredQuarantine, raw: string | null): void {
    this.quarantineStmt.run(this.datasetId, q.file, q.line, q.column, q.value, q.reason, q.reason_sv, raw);
  }
}

/**
 * One company from several sources (Bolagsverket bulk file, companies.csv): non-empty new values
 * win, `extra` objects merge, and alternative names accumulate (a replaced name becomes one).
 */
export function mergeCompany(columns: readonly string[], existing: unknown[], incoming: unknown[]): unknown[] {
  const out = incoming.slice();
  let nameIdx = -1;
  let altIdx = -1;
  let extraIdx = -1;
  columns.forEach((c, i) => {
    if (c === 'name') nameIdx = i;
    else if (c === 'alt_names') altIdx = i;
    else if (c === 'extra') extraIdx = i;
  });
  for (let i = 0; i < columns.length; i++) {
    if (i === altIdx || i === extraIdx) continue;
    if (out[i] === null || out[i] === undefined || out[i] === '') out[i] = existing[i] ?? null;
  }
  const names = new Set<string>([...parseList(existing[altIdx]), ...parseList(incoming[altIdx])]);
  const oldName = existing[nameIdx];
  if (typeof oldName === 'string' && oldName) names.add(oldName);
  if (typeof out[nameIdx] === 'string') names.delete(out[nameIdx] as string);
  out[altIdx] = names.size ? JSON.stringify([...names].sort()) : null;
  const ex = parseObject(existing[extraIdx]);
  const inc = parseObject(incoming[extraIdx]);
  out[extraIdx] = ex || inc ? JSON.stringify({ ...ex, ...inc }) : null;
  return out;
}

function parseList(v: unknown): string[] {
  if (typeof v !== 'string' || !v) return [];
  try {
    const a = JSON.parse(v) as unknown;
    return Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function parseObject(v: unknown): Record<string, unknown> | null {
  if (typeof v !== 'string' || !v) return null;
  try {
    const o = JSON.parse(v) as unknown;
    return o && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

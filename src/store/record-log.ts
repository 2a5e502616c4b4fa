import type { Statement } from 'better-sqlite3';
import type { TableName } from '../model/tables';
import type { Db } from './db';

/**
 * The record log (issue 10.2, migration 012): per fact table, the stored record hashes of its
 * current rows (src/import/unchanged.ts) kept compact beside the table, so a re-import reads a few
 * bytes a row instead of scanning the whole table (national: 2.4 GB of rows for 8 M hashes).
 *
 * A table's log is a sequence of segments, each a blob of fixed-width entries (record hash, row
 * id, and for event tables key hash and occurrence). Every import appends what it wrote: each
 * row it inserted or updated (its new record hash), each row a full extract ended (hash 0: no
 * longer current). Reading the segments newest first, the first entry of a row id is its current
 * state. An import that touched the table ends with a segment (empty if nothing changed).
 *
 * Trust: a log describes its table only while the table's guard count (triggers count every
 * change of a record hash or end, and every delete, whoever makes it) and largest row id (inserts)
 * are what its newest segment saw. Otherwise it is ignored (the reader scans the table) until the
 * next import logs the table anew from its rows.
 */

/** Bytes of an entry's record hash (8) and row id (6, so row ids up to 2^48). */
const RECORD_BYTES = 14;
/** Bytes of an event row's key hash (8) and occurrence number (4). */
const KEY_BYTES = 12;
/** Entries a segment holds at most (1.7 MB for an event table). */
const SEGMENT_ENTRIES = 1 << 16;
const TWO_32 = 4294967296;

export const entryBytes = (event: boolean): number => (event ? RECORD_BYTES + KEY_BYTES : RECORD_BYTES);

/** One entry, big-endian: the layout entriesPageSql gives a scanned row too. */
export function writeEntry(view: DataView, at: number, hash: number, rowId: number, keyHash: number, occ: number, event: boolean): void {
  view.setUint32(at, Math.floor(hash / TWO_32));
  view.setUint32(at + 4, hash >>> 0);
  view.setUint16(at + 8, Math.floor(rowId / TWO_32));
  view.setUint32(at + 10, rowId >>> 0);
  if (event) {
    view.setUint32(at + 14, Math.floor(keyHash / TWO_32));
    view.setUint32(at + 18, keyHash >>> 0);
    view.setUint32(at + 22, occ);
  }
}

/** Whether `table`'s log describes the table as it stands (see the trust rule above). */
export function logIsCurrent(db: Db, table: TableName): boolean {
  if (!hasLogTable(db)) return false;
  const newest = db.prepare('SELECT writes, last_row_id FROM record_log WHERE table_name = ? ORDER BY id DESC LIMIT 1').get(table) as { writes: number; last_row_id: number } | undefined;
  if (!newest) return false;
  const { writes, last } = tableState(db, table);
  // No guard row (a fact table added after migration 012 without one): its changes are not counted.
  return writes >= 0 && newest.writes === writes && newest.last_row_id === last;
}

/** The segments of `table`'s log, newest first, when the log describes the table; else null. */
export function logSegments(db: Db, table: TableName): IterableIterator<Uint8Array> | null {
  if (!logIsCurrent(db, table)) return null;
  // Ids first, then each blob by id: an ORDER BY over the blobs themselves could copy them into a sorter.
  const ids = db.prepare('SELECT id FROM record_log WHERE table_name = ? ORDER BY id DESC').pluck().all(table) as number[];
  const data = db.prepare('SELECT data FROM record_log WHERE id = ?').pluck();
  return (function* () {
    for (const id of ids) yield data.get(id) as Uint8Array;
  })();
}

/** The table's guard count and largest row id. */
function tableState(db: Db, table: TableName): { writes: number; last: number } {
  const writes = (db.prepare('SELECT writes FROM record_log_guard WHERE table_name = ?').pluck().get(table) as number | undefined) ?? -1;
  const last = (db.prepare(`SELECT max(row_id) FROM ${table}`).pluck().get() as number | null) ?? 0;
  return { writes, last };
}

/** A segment: table, dataset, the table's guard count and last row id, entries. */
function segmentInsert(db: Db): Statement<unknown[]> {
  return db.prepare('INSERT INTO record_log (table_name, dataset_id, writes, last_row_id, data) VALUES (?, ?, ?, ?, ?)');
}

function hasLogTable(db: Db): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'record_log'").get() !== undefined;
}

/** Appends one import's entries for a table, a segment at a time (inside the import's transaction). */
export class RecordLog {
  private readonly width: number;
  private buf: Uint8Array;
  private view: DataView;
  private n = 0;
  private readonly insert: Statement<unknown[]>;

  /** `segmentEntries`: entries a segment holds at most (smaller only to test segment order). */
  constructor(
    private readonly db: Db,
    readonly table: TableName,
    private readonly datasetId: number,
    private readonly event: boolean,
    private readonly segmentEntries = SEGMENT_ENTRIES,
  ) {
    this.width = entryBytes(event);
    this.buf = new Uint8Array(segmentEntries * this.width);
    this.view = new DataView(this.buf.buffer);
    this.insert = segmentInsert(db);
  }

  /** Row `rowId` now holds the record `hash` (0: none, or the row is no longer current). */
  add(rowId: number, hash: number, keyHash = 0, occ = 0): void {
    writeEntry(this.view, this.n * this.width, hash, rowId, keyHash, occ, this.event);
    if (++this.n === this.segmentEntries) this.write();
  }

  /** Writes what is pending, and at least one segment, after the import's last write to the table (see the trust rule). */
  close(): void {
    this.write();
  }

  private write(): void {
    // An empty segment only stamps the log (see the trust rule), and only the newest stamp counts:
    // a store imported into every month keeps one, not one per import.
    if (this.n === 0) this.db.prepare('DELETE FROM record_log WHERE table_name = ? AND length(data) = 0').run(this.table);
    const { writes, last } = tableState(this.db, this.table);
    this.insert.run(this.table, this.datasetId, writes, last, this.buf.subarray(0, this.n * this.width));
    this.n = 0;
  }
}

/**
 * Replaces `table`'s log with one read from the table itself (its current rows' stored hashes):
 * for a table no import has logged yet, and to compact a log grown far past the table. SQLite
 * writes each page of rows as one segment (entriesPageSql), without a JS value per row.
 */
export function rebuildLog(db: Db, table: TableName, datasetId: number, event: boolean): void {
  db.prepare('DELETE FROM record_log WHERE table_name = ?').run(table);
  const { writes, last } = tableState(db, table);
  const insert = segmentInsert(db);
  const page = db.prepare(entriesPageSql(db, table, event)).pluck();
  let written = 0;
  for (let after = 0; after < last; after += ENTRY_PAGE) {
    const bytes = page.get(after, after + ENTRY_PAGE) as Uint8Array | null;
    if (bytes) written += insert.run(table, datasetId, writes, last, bytes).changes;
  }
  // A table without a single record still gets its segment: the mark of this import.
  if (written === 0) insert.run(table, datasetId, writes, last, new Uint8Array(0));
}

/** Row ids a page of entriesPageSql spans. */
export const ENTRY_PAGE = 50_000;

/**
 * SQL for the current rows of `table` with row ids in (?, ?] as one blob of entries (NULL when
 * none): SQLite formats each row's numbers as fixed-width hex, unhexes and concatenates them, so
 * no JS value is made per row (per-row arrays cost about three times as much at national scale,
 * a text of decimal numbers a third more).
 */
export function entriesPageSql(db: Db, table: TableName, event: boolean): string {
  const format = event ? "'%016X%012X%016X%08X', line_hash, row_id, ifnull(key_hash, 0), ifnull(key_occ, 0)" : "'%016X%012X', line_hash, row_id";
  return `SELECT CAST(group_concat(unhex(printf(${format})), '') AS BLOB)
    FROM ${table} WHERE row_id > ? AND row_id <= ? AND line_hash IS NOT NULL${endedFilter(db, table)}`;
}

/** Rows a full extract ended (known time, when the store has it) are not current. */
function endedFilter(db: Db, table: TableName): string {
  const cols = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
  return cols.some((c) => c.name === 'ended_by') ? ' AND ended_by IS NULL' : '';
}

/**
 * Whether `table`'s log has grown past twice its row ids (and some slack): each import adds an
 * entry for every row it wrote, so a table rewritten again and again would make re-imports read
 * ever more. Such a log is rebuilt from the table.
 */
export function logOutgrown(db: Db, table: TableName, event: boolean): boolean {
  const bytes = db.prepare('SELECT sum(length(data)) FROM record_log WHERE table_name = ?').pluck().get(table) as number | null;
  return (bytes ?? 0) / entryBytes(event) > 2 * tableState(db, table).last + OUTGROWN_SLACK;
}

const OUTGROWN_SLACK = 1024;

import { openDb, type Db } from '../store/db';
import { entriesPageSql, entryBytes, ENTRY_PAGE, logSegments } from '../store/record-log';
import type { TableName } from '../model/tables';
import { OCCURRENCE_KEYED, spread as slot } from './occurrences';

/**
 * Re-import without re-reading (issue 10.2): every stored fact row keeps `line_hash`, a 53-bit
 * hash of the record that wrote it (its cells, with the file's table, header and the normaliser's
 * version as seed). When a newer extract repeats a record exactly, the reader finds its hash among
 * the table's current rows and reports the row as unchanged before normalising, keying or sending
 * it anywhere. Everything else (new, changed, quarantined, hash not found) takes the full path, so
 * a collision-free hash gives the same store and counts as the full path would.
 *
 * Event tables number repeated keys within a file (occurrences.ts): a skipped row still counts its
 * key (`key_hash`, stored with the row), and is skipped only when its occurrence number is the one
 * stored (`key_occ`); otherwise it takes the full path with the number it was given.
 */

/** Bump when normalisation changes what a record is stored as: old hashes then never match. */
const NORMALISER_VERSION = 1;

const TWO_32 = 4294967296;

/** 53-bit hash state of a string, continuing from (h1, h2); cyrb53's mixing. */
function mix(s: string, h1: number, h2: number): [number, number] {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  return [h1, h2];
}

function finish(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // 0 marks an empty slot in the lookup table.
  return (2097151 & h2) * TWO_32 + (h1 >>> 0) || 1;
}

/** The seed of a file's record hashes: same table, header and normaliser ⇒ same meaning of cells. */
export function lineSeed(table: TableName, headers: readonly string[], allowExtOrgNr: boolean): [number, number] {
  return mix(`${NORMALISER_VERSION}\u0000${table}\u0000${allowExtOrgNr ? 1 : 0}\u0000${headers.join('\u0001')}`, 0xdeadbeef, 0x41c6ce57);
}

/** Hash of one record's cells under a file's seed. */
export function lineHash(seed: readonly [number, number], cells: readonly string[]): number {
  let h1 = seed[0];
  let h2 = seed[1];
  for (let j = 0; j < cells.length; j++) {
    const s = cells[j]!;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    // A separator the cells cannot hold in this position: ["ab", "c"] and ["a", "bc"] differ.
    h1 = Math.imul(h1 ^ 0x1f, 2654435761);
    h2 = Math.imul(h2 ^ (j + 0x10000), 1597334677);
  }
  return finish(h1, h2);
}

/**
 * lineHash of the cells of `s.slice(start, end)` split at `delim`, read straight from the text:
 * a re-import recognises an unchanged line without tokenising it. Only a line with no quote and
 * no CR splits so simply; for any other line this returns 0 and the tokenizer reads it as usual.
 */
export function rawLineHash(seed: readonly [number, number], s: string, start: number, end: number, delim: number): number {
  let h1 = seed[0];
  let h2 = seed[1];
  let j = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c === delim) {
      h1 = Math.imul(h1 ^ 0x1f, 2654435761);
      h2 = Math.imul(h2 ^ (j + 0x10000), 1597334677);
      j++;
    } else if (c === 34 || c === 13) {
      return 0;
    } else {
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  }
  h1 = Math.imul(h1 ^ 0x1f, 2654435761);
  h2 = Math.imul(h2 ^ (j + 0x10000), 1597334677);
  return finish(h1, h2);
}

/**
 * The 53-bit hash of an event table's natural key (the occurrence counter's key): the hash of
 * `${table}\u0000${key}`, stored with each row, so it must not change. The table's part is mixed
 * once per table and the key's characters continue from it: joining the two strings for every
 * row (and the string flattening its reading then forced) was most of this hash's cost.
 */
export function keyHash(table: TableName, key: string): number {
  const seed = keySeed(table);
  const [h1, h2] = mix(key, seed[0], seed[1]);
  return finish(h1, h2);
}
const KEY_SEEDS = new Map<TableName, [number, number]>();

function keySeed(table: TableName): [number, number] {
  let seed = KEY_SEEDS.get(table);
  if (!seed) KEY_SEEDS.set(table, (seed = mix(`${table}\u0000`, 0xdeadbeef, 0x41c6ce57)));
  return seed;
}

/**
 * keyHash of a key given piece by piece (reset, add each piece, value): the same number as
 * keyHash of the pieces joined. The reader builds its keys by concatenation, and reading such a
 * string character by character first flattens it (about 1 s of a national import's reading).
 */
export class KeyHasher {
  private readonly seed: [number, number];
  private h1 = 0;
  private h2 = 0;

  constructor(table: TableName) {
    this.seed = keySeed(table);
  }

  reset(): void {
    this.h1 = this.seed[0];
    this.h2 = this.seed[1];
  }

  add(s: string): void {
    [this.h1, this.h2] = mix(s, this.h1, this.h2);
  }

  value(): number {
    return finish(this.h1, this.h2);
  }
}

/**
 * The current rows of one table, each with the hash of the record that wrote it, in row-id order:
 * one typed array (no objects) addressed by row id, `stride` numbers a row (record hash, row id,
 * and for event tables key hash and occurrence; 32 bytes a row for event tables, 16 for others:
 * national roles, 3.5 M rows, 113 MB). Filling it from the record log is sequential writes.
 *
 * A re-import mostly repeats the stored rows in the order they were written, so take() first
 * looks at the rows just after the last one it took (a cache line or two, no hash probe); an index
 * of row positions by record hash (4 bytes a slot, built with the array) answers the rest. Each
 * entry can be taken once, so a record repeated within a file takes the full path the second time.
 */
export class UnchangedRows {
  /** `stride` numbers a row id: hash (0 = no current row), row id (0 = unset; negative once taken or unusable), key hash, occurrence. */
  private readonly slots: Float64Array;
  private readonly stride: number;
  /** Row ids the array has room for (the store's largest row id: an upper bound, not a count). */
  readonly size: number;
  /** Key hashes stored with an occurrence other than 1, while loading (see markShared). */
  private multi: number[] = [];
  /** Own keys → slot (see skippedOwnKey), built on first use. */
  private keyIndex: Int32Array | null = null;
  /** Record hash → row position + 1 (open addressing; see take), built once the rows are in. */
  private hashIndex: Int32Array;
  /** Where take() looks first: the slot after the last one it took. */
  private cursor = 0;

  /** `event`: keeps each row's key hash and occurrence too (event tables; others store none). */
  private constructor(n: number, event: boolean, parts?: UnchangedRowsParts) {
    this.stride = event ? 4 : 2;
    this.slots = parts?.slots ?? new Float64Array((n + 1) * this.stride);
    this.hashIndex = parts?.index ?? new Int32Array(0);
    this.size = n;
  }

  /** The table's arrays, to move to another thread (their buffers can be transferred). */
  parts(): UnchangedRowsParts {
    return { size: this.size, event: this.stride === 4, slots: this.slots, index: this.hashIndex };
  }

  static fromParts(p: UnchangedRowsParts): UnchangedRows {
    return new UnchangedRows(p.size, p.event, p);
  }

  /**
   * The table's rows still current in the store read by `db` (a read connection: its last commit),
   * from the table's record log when it describes the table (src/store/record-log.ts), else from
   * the rows themselves (`fromLog: false`: always so).
   */
  static load(db: Db, table: TableName, opts: { fromLog?: boolean } = {}): UnchangedRows | null {
    const last = (db.prepare(`SELECT max(row_id) FROM ${table}`).pluck().get() as number | null) ?? 0;
    if (last === 0) return null;
    const event = OCCURRENCE_KEYED.has(table);
    const out = new UnchangedRows(last, event);
    const segments = opts.fromLog === false ? null : logSegments(db, table);
    let rows: UnchangedRows | null;
    if (segments) {
      const put = out.fromLog(segments, last, entryBytes(event));
      // -1: the log does not match the table; read the table instead.
      rows = put >= 0 ? (put === 0 ? null : out) : UnchangedRows.scan(db, table, last, event, new UnchangedRows(last, event));
    } else {
      rows = UnchangedRows.scan(db, table, last, event, out);
    }
    if (rows) {
      rows.markShared();
      // Every row with a hash, taken ones too (takeIndexed skips them).
      rows.hashIndex = rows.positionsBy(0, false);
    }
    return rows;
  }

  /**
   * Event tables: a row whose key no other current row has (its occurrence is 1 and no row of its
   * key has a later one) keeps its key hash; the others get it negated. A re-import then counts
   * occurrences only of shared keys and of the records it reads in full (parse.ts).
   */
  private markShared(): void {
    if (this.stride !== 4 || this.multi.length === 0) return;
    const shared = new Set(this.multi);
    const slots = this.slots;
    for (let at = 0; at < slots.length; at += 4) if (slots[at] !== 0 && shared.has(slots[at + 2]!)) slots[at + 2] = -slots[at + 2]!;
    this.multi = [];
  }

  /**
   * Fills the table from its record log's segments (newest first): the first entry of a row id
   * is its current state (hash 0: none). Returns the entries put, or -1 when a segment is not
   * whole entries or an entry names a row id past `last` (a log that does not match the table).
   */
  private fromLog(segments: Iterable<Uint8Array>, last: number, width: number): number {
    const slots = this.slots;
    const stride = this.stride;
    let put = 0;
    for (const bytes of segments) {
      if (bytes.length % width !== 0) return -1;
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
      // Newest entry first within a segment too (a row written twice by one import).
      for (let o = bytes.length - width; o >= 0; o -= width) {
        const rowId = view.getUint16(o + 8) * TWO_32 + view.getUint32(o + 10);
        if (rowId > last || rowId < 1) return -1;
        const at = rowId * stride;
        // Set already: a newer entry of this row id came first.
        if (slots[at + 1] !== 0) continue;
        const hash = view.getUint32(o) * TWO_32 + view.getUint32(o + 4);
        if (hash === 0) {
          slots[at + 1] = UNUSABLE;
          continue;
        }
        if (stride === 4) this.set(at, hash, rowId, view.getUint32(o + 14) * TWO_32 + view.getUint32(o + 18), view.getUint32(o + 22));
        else this.set(at, hash, rowId, 0, 0);
        put++;
      }
    }
    return put;
  }

  /** Fills `out` from the table's rows themselves (a table without a complete record log). */
  private static scan(db: Db, table: TableName, last: number, event: boolean, out: UnchangedRows): UnchangedRows | null {
    // SQLite writes a page of rows as one blob of log entries (entriesPageSql), read here without
    // a JS value per row or any number parsing (the national tables read alone: 7.7 → 5.8 s).
    const width = entryBytes(event);
    const page = db.prepare(entriesPageSql(db, table, event)).pluck();
    let put = 0;
    // The scan reads every page of the table: mapped, a page is read without a system call and a
    // copy (national re-import 19.2 → 16.9 s). Unmapped after each table, so the mapped pages that
    // count in the resident set are one table's at most (peak RSS 0.99 → 1.40 GB).
    db.pragma(`mmap_size = ${MMAP_BYTES}`);
    try {
      for (let after = 0; after < last; after += ENTRY_PAGE) {
        const bytes = page.get(after, after + ENTRY_PAGE) as Uint8Array | null;
        if (!bytes) continue;
        if (bytes.length % width !== 0) throw new Error(`record hashes of ${table}: ${bytes.length} bytes is not a multiple of ${width}`);
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
        for (let o = 0; o < bytes.length; o += width) {
          const hash = view.getUint32(o) * TWO_32 + view.getUint32(o + 4);
          const rowId = view.getUint16(o + 8) * TWO_32 + view.getUint32(o + 10);
          // A row committed after `last` was read (this connection reads without a transaction) or an id below 1: not recognised, read in full.
          if (rowId > last || rowId < 1) continue;
          if (event) out.set(rowId * 4, hash, rowId, view.getUint32(o + 14) * TWO_32 + view.getUint32(o + 18), view.getUint32(o + 22));
          else out.set(rowId * 2, hash, rowId, 0, 0);
          put++;
        }
      }
    } finally {
      db.pragma('mmap_size = 0');
    }
    return put === 0 ? null : out;
  }

  private set(at: number, hash: number, rowId: number, keyHash: number, occ: number): void {
    const slots = this.slots;
    slots[at] = hash;
    slots[at + 1] = rowId;
    if (this.stride === 4) {
      slots[at + 2] = keyHash;
      slots[at + 3] = occ;
      if (occ !== 1) this.multi.push(keyHash);
    }
  }

  /**
   * The slot of a current row with record hash `hash` not yet taken, taken now; -1 when there is
   * none. Fastest with the file's records in the order their rows were written.
   */
  take(hash: number): number {
    let at = this.takeNext(hash);
    if (at < 0) at = this.takeIndexed(hash);
    if (at < 0) return -1;
    const slots = this.slots;
    slots[at + 1] = -slots[at + 1]! - 1;
    this.cursor = at + this.stride;
    return at;
  }

  /**
   * The row id of the first untaken row past the cursor (0: none near): after a miss, the stored
   * row a changed record most likely replaces — in a re-import, the row it was read into before.
   * A hint for the writer (it checks the row's key), never an answer.
   */
  expected(): number {
    const slots = this.slots;
    const stride = this.stride;
    const end = Math.min(slots.length, this.cursor + NEAR_SCAN * stride);
    for (let at = this.cursor; at < end; at += stride) if (slots[at] !== 0 && slots[at + 1]! > 0) return slots[at + 1]!;
    return 0;
  }

  /** The slot of an untaken row with `hash` among the next NEAR rows from the cursor (rows with no hash not counted), or -1. */
  private takeNext(hash: number): number {
    const slots = this.slots;
    const stride = this.stride;
    const end = Math.min(slots.length, this.cursor + NEAR_SCAN * stride);
    let near = 0;
    for (let at = this.cursor; at < end; at += stride) {
      const h = slots[at]!;
      if (h === 0) continue;
      if (h === hash && slots[at + 1]! > 0) return at;
      if (++near === NEAR) break;
    }
    return -1;
  }

  private takeIndexed(hash: number): number {
    const index = this.hashIndex;
    if (index.length === 0) return -1;
    const mask = index.length - 1;
    const slots = this.slots;
    for (let i = slot(hash) & mask; ; i = (i + 1) & mask) {
      const p = index[i]!;
      if (p === 0) return -1;
      const at = (p - 1) * this.stride;
      if (slots[at] === hash && slots[at + 1]! > 0) return at;
    }
  }

  /** Every entry not yet taken, as [record hash, row id, key hash, occurrence], by hash (for checks). */
  entries(): number[][] {
    const out: number[][] = [];
    for (let at = 0; at < this.slots.length; at += this.stride) {
      const s = this.slots;
      if (s[at] !== 0 && s[at + 1]! > 0) out.push(this.stride === 4 ? [s[at]!, s[at + 1]!, s[at + 2]!, s[at + 3]!] : [s[at]!, s[at + 1]!, 0, 0]);
    }
    return out.sort((a, b) => a[0]! - b[0]!);
  }

  rowId(slotAt: number): number {
    return -this.slots[slotAt + 1]! - 1;
  }

  keyHash(slotAt: number): number {
    return Math.abs(this.slots[slotAt + 2]!);
  }

  /** A taken event row whose key is its own: the one current row of its key (see markShared). */
  ownKey(slotAt: number): boolean {
    return this.slots[slotAt + 2]! > 0 && this.slots[slotAt + 3] === 1;
  }

  /** A taken own-key row is skipped as unchanged (its key was not counted: see skippedOwnKey). */
  markSkipped(slotAt: number): void {
    this.slots[slotAt + 3] = SKIPPED;
  }

  /**
   * Whether the own-key row of key hash `keyHash` was skipped already: a record read in full with
   * that key then comes after it in the file (its occurrence is one more than counted). Looked up
   * in an index of own keys built on first use (only a re-import with new or changed event records needs it).
   */
  skippedOwnKey(keyHash: number): boolean {
    const index = (this.keyIndex ??= this.ownKeyIndex());
    const mask = index.length - 1;
    const slots = this.slots;
    for (let i = slot(keyHash) & mask; ; i = (i + 1) & mask) {
      const s = index[i]!;
      if (s === 0) return false;
      const at = (s - 1) * 4;
      if (slots[at + 2] === keyHash) return slots[at + 3] === SKIPPED;
    }
  }

  private ownKeyIndex(): Int32Array {
    return this.positionsBy(2, true);
  }

  /**
   * Row positions + 1 by the hash in field `field` of each row (0: record hash, 2: key hash), of
   * every row with a record hash or (`ownOnly`) of own-key rows only; open addressing over at
   * least twice as many slots. The index behind take() and skippedOwnKey().
   */
  private positionsBy(field: 0 | 2, ownOnly: boolean): Int32Array {
    const slots = this.slots;
    const stride = this.stride;
    let n = 0;
    for (let at = 0; at < slots.length; at += stride) if (this.indexed(at, ownOnly)) n++;
    let cap = 16;
    while (cap < n * 2) cap *= 2;
    const index = new Int32Array(cap);
    const mask = cap - 1;
    for (let at = 0; at < slots.length; at += stride) {
      if (!this.indexed(at, ownOnly)) continue;
      let i = slot(slots[at + field]!) & mask;
      while (index[i] !== 0) i = (i + 1) & mask;
      index[i] = at / stride + 1;
    }
    return index;
  }

  private indexed(at: number, ownOnly: boolean): boolean {
    const s = this.slots;
    return s[at] !== 0 && (!ownOnly || (s[at + 2]! > 0 && (s[at + 3] === 1 || s[at + 3] === SKIPPED)));
  }

  occ(slotAt: number): number {
    return this.slots[slotAt + 3]!;
  }
}

/** The row-id field of a row the log ended (no current record): set, never taken. */
const UNUSABLE = -1;
/** take() looks at the next NEAR rows with a hash after the cursor, passing at most NEAR_SCAN row ids. */
const NEAR = 8;
const NEAR_SCAN = 64;

/** The occurrence field of an own-key row skipped as unchanged. */
const SKIPPED = -1;
/** SQLite's own ceiling for a mapping (SQLITE_MAX_MMAP_SIZE): pages past it are read as usual. */
const MMAP_BYTES = 0x7fff0000;

/** A read connection for UnchangedRows.load, which reads each table once, front to back. */
export function openStoreReader(file: string): Db {
  const db = openDb(file, { readonly: true });
  // A small cache: the writer's connection has the big one.
  db.pragma('cache_size = -16384');
  return db;
}

/** An UnchangedRows as a plain typed array (what crosses a thread boundary). */
export interface UnchangedRowsParts {
  size: number;
  event: boolean;
  slots: Float64Array;
  index: Int32Array;
}

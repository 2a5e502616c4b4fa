import { TABLE_NAMES, type TableName } from '../model/tables';
import { factColumns } from '../store/facts';
import type { Db } from '../store/db';
import { OCCURRENCE_KEYED, OccurrenceCounter, occurrenceKey } from './occurrences';
import { FirstLines } from './first-lines';
import type { PlannedFile } from './plan';
import { readFile } from './read-file';
import type { RowSink } from './readers/sink';
import { mapHeader, RowNormaliser, type NormaliserOptions } from './rows';
import { fileSize, unreadable, type ByteCounter } from './source';
import { ImportError } from './types';
import { lineHash, lineSeed, openStoreReader, rawLineHash, UnchangedRows, type UnchangedRowsParts } from './unchanged';
import { spawnWorker } from '../threads/spawn-worker';
import type { Worker } from 'node:worker_threads';
import type { EncodedBatch } from './batch-codec';

/**
 * The read side of an import: every planned file is read, its rows normalised and keyed, and the
 * results handed on in batches to a consumer that writes them (src/import/importer.ts). The same
 * code runs on the importer's thread for small inputs and in a worker thread for large ones
 * (parse-worker.ts), where reading overlaps with the writes on the main thread.
 *
 * A batch is one flat array of operations (few objects cross the thread boundary):
 *   OP_HEADER, table, header cells, allowExtOrgNr
 *   OP_ROW, table index, line, key, …values (factColumns(table).length), raw cells or null, dupOf,
 *           line hash, key hash, occurrence (these two 0 outside event tables; see unchanged.ts),
 *           row hint (the stored row the record likely updates, UnchangedRows.expected; 0: none)
 *   OP_BAD, line, column, value, reason, reasonSv, raw cells or null
 *   OP_SAME, table index, row id, count: `count` records stored exactly so already (unchanged.ts),
 *           the rows first row id, first row id + 1, … (a re-import repeats long runs of them)
 * A row's raw cells travel only when its key was already seen in the file (a duplicate, which the
 * writer quarantines with the cells); then dupOf is the line of the key's first row, else 0.
 * A bad row always carries its cells.
 */
export const OP_HEADER = 0;
export const OP_ROW = 1;
export const OP_BAD = 2;
export const OP_SAME = 3;

export interface ParseConsumer {
  startFile(index: number): void;
  batch(ops: unknown[], bytes: ByteCounter): void;
  endFile(index: number, bytes: ByteCounter): void;
}

/** Back-pressure: a promise to await before reading on, or null to go on at once. */
export type Ready = () => Promise<void> | null;

/**
 * Ops a batch holds (about 450 roles rows): its array stays under V8's large-object size, and the
 * reader's young generation collects the batches it has sent; 4× this doubled the reader's
 * garbage collection and cost ~1 ms of array handling per batch at national scale.
 */
const BATCH_OPS = 1 << 13;
/** Room past BATCH_OPS for the row that crosses it (the widest table has fewer values). */
const OPS_SLACK = 64;
const FLUSH_EVERY_MS = 200;

/**
 * Reads `files` in order into `consumer`. Errors: ImportError, or TypeError for internal faults.
 * `storeFile`: the store being imported into; records stored exactly so already are then reported
 * as OP_SAME (read through a connection of its own, which sees the store as last committed).
 * `prefetch`: read the tables' stored records in a thread of its own, ahead of the files (large imports).
 * `start`: read no file before it resolves (the stored records are read meanwhile).
 */
export async function parseFiles(files: readonly PlannedFile[], consumer: ParseConsumer, ready: Ready, storeFile?: string, opts: { prefetch?: boolean; start?: Promise<void> } = {}): Promise<void> {
  const store = new StoredRows(storeFile, opts.prefetch ?? false);
  try {
    // The loaders read the tables in file order, as fast as they can: at national scale all of them
    // held at once cost a few hundred MB (typed arrays), and the reader then waits only for the first.
    for (const f of files) store.prefetch(f.table, fileSize(f.path));
    await opts.start;
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      await store.ready(f.table);
      const counter: ByteCounter = { bytesRead: 0, bytesTotal: 0 };
      const sink = new NormalisingSink(f.label, consumer, counter, ready, store);
      consumer.startFile(i);
      try {
        await readFile(f, sink, counter);
      } catch (err) {
        // The writer's own errors (SQLite, on this thread) pass as they are; a read failure names the file.
        throw err === sink.consumerError || err instanceof ImportError || err instanceof TypeError ? err : unreadable(f.label, err);
      }
      sink.flush();
      store.fileDone(sink.tables());
      consumer.endFile(i, { ...counter });
    }
  } finally {
    store.close();
  }
}

/** Loader threads reading stored records: two, so a large table loads beside the ones before it. */
const LOADERS = 2;

interface Loader {
  worker: Worker;
  /** Tables asked of this loader: their answer's resolver. */
  waiting: Map<TableName, (rows: UnchangedRows | null | undefined) => void>;
  /** Bytes of the files whose tables it was asked for (the work queued on it). */
  bytes: number;
}

/**
 * The store's current rows by record hash, per table. Not for a table an earlier file of this
 * import wrote: the read connection cannot see those uncommitted rows. With `prefetch`, tables
 * are read by loader threads (stored-rows-worker.ts) while the files before them are parsed;
 * a table not asked for ahead (several tables in one file) is read here when its header comes.
 */
class StoredRows {
  private db: Db | null = null;
  private readonly written = new Set<TableName>();
  /** Loader threads (at most LOADERS); null once one failed or stopped. */
  private readonly loaders: (Loader | null)[] = [];
  private readonly pending = new Map<TableName, Promise<UnchangedRows | null>>();
  private readonly loaded = new Map<TableName, UnchangedRows | null>();
  private closed = false;

  constructor(
    private readonly file: string | undefined,
    private readonly usePrefetch: boolean,
  ) {}

  /**
   * Starts reading `table` (`bytes`: the size of its file) in a loader thread (once; a no-op
   * without prefetch). Each table goes to the loader with the fewest bytes to read before it, so
   * the national roles table is read beside companies rather than after it.
   */
  prefetch(table: TableName | null | undefined, bytes = 0): void {
    if (!table || !this.file || !this.usePrefetch || this.pending.has(table) || this.loaded.has(table) || this.written.has(table)) return;
    if (this.loaders.length < LOADERS) this.loaders.push(this.spawnLoader());
    let loader: Loader | null = null;
    for (const l of this.loaders) if (l && (!loader || l.bytes < loader.bytes)) loader = l;
    // No loader left (they failed): read it here when its file comes.
    if (!loader) return;
    loader.bytes += bytes;
    const answer = new Promise<UnchangedRows | null | undefined>((resolve) => loader.waiting.set(table, resolve));
    // No answer (the loader failed): read it here — unless the import is over (it stopped the loader).
    this.pending.set(table, answer.then((rows) => (rows !== undefined ? rows : this.closed ? null : this.load(table))));
    loader.worker.postMessage(table);
  }

  private spawnLoader(): Loader {
    const loader: Loader = { worker: spawnWorker(import.meta.url, './stored-rows-worker', { storeFile: this.file }), waiting: new Map(), bytes: 0 };
    loader.worker.unref();
    // Without its loader (it failed or stopped) the tables it owed are read here, as without prefetch.
    const fail = (): void => {
      const i = this.loaders.indexOf(loader);
      if (i >= 0) this.loaders[i] = null;
      for (const resolve of loader.waiting.values()) resolve(undefined);
      loader.waiting.clear();
    };
    loader.worker.on('message', (m: { table: TableName; parts?: UnchangedRowsParts | null; error?: string }) => {
      const resolve = loader.waiting.get(m.table);
      loader.waiting.delete(m.table);
      resolve?.(m.error !== undefined ? undefined : m.parts ? UnchangedRows.fromParts(m.parts) : null);
    });
    loader.worker.on('error', fail);
    loader.worker.on('exit', fail);
    return loader;
  }

  /** Waits for a prefetched table, so rows() has it at hand. */
  async ready(table: TableName | null | undefined): Promise<void> {
    const p = table ? this.pending.get(table) : undefined;
    if (!p) return;
    const rows = await p;
    this.pending.delete(table!);
    this.loaded.set(table!, rows);
  }

  rows(table: TableName): UnchangedRows | null {
    if (!this.file || this.written.has(table)) return null;
    if (this.loaded.has(table)) {
      const rows = this.loaded.get(table)!;
      // Handed out once: the next file of this table is written by then (see fileDone).
      this.loaded.delete(table);
      return rows;
    }
    return this.load(table);
  }

  private load(table: TableName): UnchangedRows | null {
    this.db ??= openStoreReader(this.file!);
    return UnchangedRows.load(this.db, table);
  }

  fileDone(tables: Iterable<TableName>): void {
    for (const t of tables) this.written.add(t);
  }

  close(): void {
    this.closed = true;
    for (const l of this.loaders) void l?.worker.terminate();
    this.loaders.length = 0;
    this.db?.close();
    this.db = null;
  }
}

interface TableState {
  normaliser: RowNormaliser;
  index: number;
  seed: [number, number];
  event: boolean;
  stored: UnchangedRows | null;
}

/** Rows sampled for a file's row estimate (NormalisingSink.sample). */
const SIZE_SAMPLE = 4096;
/** The most keys reserved ahead (4 M: 128 MiB of occurrence counts); beyond it the tables grow as they fill. */
const MAX_RESERVED_KEYS = (1 << 22) - 1;

/** Normalises one file's rows (header mapping, ids, dates, keys) and batches the outcome. */
class NormalisingSink implements RowSink {
  private readonly state = new Map<TableName, TableState>();
  private readonly occurrences = new OccurrenceCounter();
  /** Keys of the file's id tables so far (short: the id itself) with their first line, to spot duplicates. */
  private readonly keys = new Map<TableName, FirstLines>();
  // Written by index into a preallocated array (pushing into a growing one costs as much as the tokenizer).
  private ops: unknown[] = new Array(BATCH_OPS + OPS_SLACK);
  private n = 0;
  private lastFlush = Date.now();
  private sinceCheck = 0;
  /** Position in `ops` of the last OP_SAME while it is the last op (a run can still grow), else -1. */
  private lastSame = -1;
  /** An event record's occurrence, counted by a line filter for the line it then let row() read. */
  private pendingOcc = 0;
  private pendingLine = -1;
  /** An error the consumer threw (passed through unwrapped). */
  consumerError: unknown = undefined;
  /** Rows still to sample for the file's row estimate (presize), and the characters of those sampled. */
  private sampleLeft = SIZE_SAMPLE;
  private sampleChars = 0;

  constructor(
    private readonly label: string,
    private readonly consumer: ParseConsumer,
    private readonly counter: ByteCounter,
    readonly ready: Ready,
    private readonly store: StoredRows,
  ) {}

  tables(): IterableIterator<TableName> {
    return this.state.keys();
  }

  header(table: TableName, headers: string[], opts?: NormaliserOptions): void {
    const mapping = mapHeader(table, headers);
    if (mapping.missingRequired.length) {
      const cols = mapping.missingRequired.join(', ');
      throw new ImportError('missing_headers', `${this.label}: obligatoriska kolumner saknas: ${cols}`, `${this.label}: required columns missing: ${cols}`, this.label);
    }
    const allowExt = opts?.allowExtOrgNr ?? false;
    const stored = this.store.rows(table);
    const event = OCCURRENCE_KEYED.has(table);
    this.state.set(table, {
      normaliser: new RowNormaliser(mapping, opts),
      index: TABLE_INDEX.get(table)!,
      seed: lineSeed(table, headers, allowExt),
      event,
      stored,
    });
    this.put4(OP_HEADER, table, headers, allowExt);
  }

  lineFilter(table: TableName, delim: number): ((s: string, start: number, end: number, line: number) => boolean) | null {
    const st = this.state.get(table)!;
    const stored = st.stored;
    // Nothing stored (a first import): no line could be known, so none is looked at twice.
    if (!stored) return null;
    const { seed, event, index } = st;
    return (s, start, end, line) => {
      const h = rawLineHash(seed, s, start, end, delim);
      if (h === 0) return false;
      const slot = stored.take(h);
      if (slot < 0) return false;
      if (event) {
        const occ = this.storedOccurrence(stored, slot);
        if (occ !== 0) {
          // Read in full next (row() is called for this very line), with the occurrence counted here.
          this.pendingOcc = occ;
          this.pendingLine = line;
          return false;
        }
      }
      this.putSame(index, stored.rowId(slot));
      return true;
    };
  }

  row(table: TableName, line: number, cells: string[]): void {
    const st = this.state.get(table)!;
    if (this.sampleLeft > 0) this.sample(st, table, cells);
    const lh = lineHash(st.seed, cells);
    // Occurrence number already counted for this row (an event-table record found in the store).
    let occ = 0;
    let hint = 0;
    if (this.pendingLine === line) {
      occ = this.pendingOcc;
      this.pendingLine = -1;
    } else if (st.stored) {
      const slot = st.stored.take(lh);
      if (slot >= 0) {
        if (st.event) occ = this.storedOccurrence(st.stored, slot);
        if (occ === 0) {
          this.putSame(st.index, st.stored.rowId(slot));
          return;
        }
      } else {
        hint = st.stored.expected();
      }
    }
    const r = st.normaliser.normalise(cells);
    if (!r.ok) {
      this.putBad(line, r.column, r.value, r.reason, r.reasonSv, cells);
    } else {
      let key = r.key;
      let dupOf = 0;
      let kh = 0;
      if (st.event) {
        kh = r.keyHash;
        // Rows before it with its key: those read in full (counted), and its key's own stored row if that was skipped.
        if (occ === 0) occ = this.occurrences.next(kh) + (st.stored?.skippedOwnKey(kh) ? 1 : 0);
        key = occurrenceKey(r.key, occ);
      } else {
        dupOf = this.seenKeys(table).firstOr(key, line);
      }
      this.put4(OP_ROW, st.index, line, key);
      const ops = this.ops;
      const values = r.values;
      let n = this.n;
      for (let i = 0; i < values.length; i++) ops[n++] = values[i];
      ops[n++] = dupOf > 0 ? cells : null;
      ops[n++] = dupOf;
      ops[n++] = lh;
      ops[n++] = kh;
      ops[n++] = occ;
      ops[n++] = hint;
      this.n = n;
    }
    if (this.n >= BATCH_OPS) this.flush();
  }

  /**
   * An event record found among the stored rows (`slot`, taken): 0 when it is stored with the
   * occurrence number it has here (skip it), else that number. A row whose key is its own
   * (UnchangedRows.ownKey) is not counted when skipped — most of a re-import, and counting every
   * key of a national roles file is a random probe of a table of millions each — since no
   * other stored row can share its key: rows before it with that key were all read in full (and
   * counted), and a record read in full later learns of it from skippedOwnKey.
   */
  private storedOccurrence(stored: UnchangedRows, slot: number): number {
    const kh = stored.keyHash(slot);
    if (stored.ownKey(slot)) {
      if (this.occurrences.count(kh) === 0) {
        stored.markSkipped(slot);
        return 0;
      }
      return this.occurrences.next(kh);
    }
    const occ = this.occurrences.next(kh);
    return occ === stored.occ(slot) ? 0 : occ;
  }

  /**
   * Sizes the file's key table (occurrences of an event table, first lines of an id table) for
   * the rows the file will hold, estimated from the characters of its first rows: growing one
   * doubling at a time rehashed every key again and again (2.2 s of a national import's reader).
   * Only when every row is read (nothing stored): a re-import reads a few rows in full. Capped, so
   * a file whose first rows are unusually short costs at most that much memory before it grows.
   */
  private sample(st: TableState, table: TableName, cells: string[]): void {
    let chars = cells.length; // the delimiters and the line end
    for (let i = 0; i < cells.length; i++) chars += cells[i]!.length;
    this.sampleChars += chars;
    if (--this.sampleLeft > 0 || st.stored || this.counter.bytesTotal <= 0) return;
    const rows = Math.min(MAX_RESERVED_KEYS, Math.ceil((this.counter.bytesTotal / this.sampleChars) * SIZE_SAMPLE * 1.1));
    if (st.event) this.occurrences.reserve(rows);
    else this.seenKeys(table).reserve(rows);
  }

  private seenKeys(table: TableName): FirstLines {
    let seen = this.keys.get(table);
    if (!seen) this.keys.set(table, (seen = new FirstLines()));
    return seen;
  }

  bad(line: number, column: string | null, value: string | null, reason: string, reasonSv: string): void {
    this.putBad(line, column, value, reason, reasonSv, null);
    if (this.n >= BATCH_OPS) this.flush();
  }

  /** A record stored exactly so already: extends the last OP_SAME when its row id follows on. */
  private putSame(tableIndex: number, rowId: number): void {
    const ops = this.ops;
    const k = this.lastSame;
    if (k >= 0 && ops[k + 1] === tableIndex && (ops[k + 2] as number) + (ops[k + 3] as number) === rowId) {
      ops[k + 3] = (ops[k + 3] as number) + 1;
      return;
    }
    this.put4(OP_SAME, tableIndex, rowId, 1);
    this.lastSame = this.n - 4;
    if (this.n >= BATCH_OPS) this.flush();
  }

  private put4(a: unknown, b: unknown, c: unknown, d: unknown): void {
    this.lastSame = -1;
    const ops = this.ops;
    const n = this.n;
    ops[n] = a;
    ops[n + 1] = b;
    ops[n + 2] = c;
    ops[n + 3] = d;
    this.n = n + 4;
  }

  private putBad(line: number, column: string | null, value: string | null, reason: string, reasonSv: string, cells: string[] | null): void {
    this.lastSame = -1;
    const ops = this.ops;
    const n = this.n;
    ops[n] = OP_BAD;
    ops[n + 1] = line;
    ops[n + 2] = column;
    ops[n + 3] = value;
    ops[n + 4] = reason;
    ops[n + 5] = reasonSv;
    ops[n + 6] = cells;
    this.n = n + 7;
  }

  tick(): boolean {
    // A slow file (xlsx) still reports progress: flush a partial batch now and then.
    if (++this.sinceCheck >= 256) {
      this.sinceCheck = 0;
      if (this.n > 0 && Date.now() - this.lastFlush > FLUSH_EVERY_MS) this.flush();
    }
    return false;
  }

  flush(): void {
    this.lastFlush = Date.now();
    if (this.n === 0) return;
    const ops = this.ops;
    ops.length = this.n;
    this.ops = new Array(BATCH_OPS + OPS_SLACK);
    this.n = 0;
    this.lastSame = -1;
    try {
      this.consumer.batch(ops, { ...this.counter });
    } catch (err) {
      this.consumerError = err;
      throw err;
    }
  }
}

export const TABLE_INDEX: ReadonlyMap<TableName, number> = new Map(TABLE_NAMES.map((t, i) => [t, i]));

/** Width of a row's values in a batch. */
export const valueCount = (table: TableName): number => factColumns(table).length;

// Messages of the worker mode (parse-worker.ts → importer.ts); the importer answers each batch with 'ack'.
/**
 * Worker mode: bytes of batches posted but not yet acknowledged by the writer (encodedSize), at
 * most. The reader banks rows while the writer builds a bulk-loaded table's indexes (national
 * roles: 15–17 s) and the writer draws on them while the reader is slower (companies' addresses):
 * with 100 MB in flight the two waited 10 and 18 s for each other in a 73 s national import, with
 * 400 MB 65 s (peak RSS 1.13 → 1.41 GB).
 */
export const MAX_IN_FLIGHT_BYTES = 400 << 20;

export type ParseMessage =
  | { t: 'start'; index: number }
  | { t: 'batch'; batch: EncodedBatch; bytesRead: number; bytesTotal: number }
  | { t: 'end'; index: number; bytesRead: number; bytesTotal: number }
  | { t: 'done'; busyMs: number }
  | { t: 'error'; error: SerialisedError };

export type SerialisedError =
  | { kind: 'import'; code: ImportError['code']; messageSv: string; messageEn: string; file?: string }
  | { kind: 'internal'; message: string; stack?: string };

export function serialiseError(err: unknown): SerialisedError {
  if (err instanceof ImportError) return { kind: 'import', code: err.code, messageSv: err.messageSv, messageEn: err.messageEn, file: err.file };
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? err.stack : undefined };
}

/** The importer's view of a worker failure: the same error classes the in-thread path throws. */
export function deserialiseError(e: SerialisedError): Error {
  if (e.kind === 'import') return new ImportError(e.code, e.messageSv, e.messageEn, e.file);
  return Object.assign(new TypeError(e.message), { stack: e.stack });
}

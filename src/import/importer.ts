import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { TABLE_NAMES, type TableName } from '../model/tables';
import { isSqliteError, type Db } from '../store/db';
import { datasetQuarantine, FactWriter, type RecordId, findDatasetByHash, insertDataset, setDatasetSummary, type DatasetRow } from '../store/facts';
import { endUnstated, recordDatasetTable, setDatasetSource } from '../store/known';
import { holdsNoFacts, journalForFirstLoad } from '../store/first-load';
import { beginWrite, StoreBusyError } from '../store/write-lock';
import { decodeBatch } from './batch-codec';
import { ImportEta } from './eta';
import { extractKind, type ExtractKind } from './extract-kind';
import { spawnWorker } from '../threads/spawn-worker';
import { deserialiseError, OP_BAD, OP_ROW, OP_SAME, parseFiles, valueCount, type ParseConsumer, type ParseMessage } from './parse';
import { planImport, type PlannedFile } from './plan';
import { mapHeader, RowNormaliser } from './rows';
import { fileSize, type ByteCounter } from './source';
import { ImportError, QUARANTINE_LIST_CAP, type ImportOptions, type ImportProgress, type ImportResult, type QuarantineEntry } from './types';

export { ImportError } from './types';
export type { ImportOptions, ImportProgress, ImportResult, QuarantineEntry } from './types';

/**
 * Import a dataset (a folder of contract tables, or one file) into the store, in one transaction:
 * either every row of it is stored or quarantined, or — when a file cannot be read at all — the
 * store is left exactly as it was and an ImportError is thrown. Content already imported (same
 * file hashes) is recognised and changes nothing.
 */
export async function importPath(db: Db, inputPath: string, opts: ImportOptions = {}): Promise<ImportResult> {
  try {
    const t0 = performance.now();
    const plan = planImport(inputPath);
    const early = startReaderEarly(db, plan.files, opts);
    try {
      const hash = await contentHash(plan.files);
      const hashMs = performance.now() - t0;
      const name = opts.datasetName ?? path.basename(path.resolve(inputPath));
      const previous = findDatasetByHash(db, hash);
      if (previous) return previousResult(db, previous);
      if (db.inTransaction) throw new Error('importPath must not run inside another transaction');
      const kind = extractKind(plan, opts);
      const importedAt = new Date().toISOString();
      const backToWal = journalForFirstLoad(db);
      const restoreCache = cacheForImport(db);
      try {
        return await importInto(db, inputPath, opts, { plan, hash, hashMs, name, kind, importedAt, t0, fresh: backToWal !== null, early });
      } finally {
        restoreCache();
        backToWal?.();
      }
    } finally {
      // Not taken by the import (content already imported, or a failure before it read): stop it.
      if (early && !early.taken) void early.worker.terminate();
    }
  } catch (err) {
    throw asImportError(err);
  }
}

interface Prepared {
  plan: ReturnType<typeof planImport>;
  hash: string;
  hashMs: number;
  name: string;
  kind: ExtractKind;
  importedAt: string;
  t0: number;
  /** The store held no facts (first import): there is nothing stored for the reader to match. */
  fresh: boolean;
  early: EarlyReader | null;
}

/**
 * A reader thread started before the import's transaction, so that it reads the stored records
 * (unchanged.ts) while this thread hashes the files and waits for the write lock: the reader of a
 * re-import otherwise starts by waiting for its first table. It reads no file before 'go'.
 * What it read is valid only if no other connection committed before the transaction began
 * (`dataVersion`, PRAGMA data_version, which changes with every commit of another connection).
 */
interface EarlyReader {
  worker: Worker;
  dataVersion: number;
  /** It failed or stopped before it was taken. */
  failed: boolean;
  /** Dealt with: parseInto took it over (and stops it when done), or it was discarded and stopped. */
  taken: boolean;
}

/** An EarlyReader when the import will read in a worker against a store holding facts, else null. */
function startReaderEarly(db: Db, files: readonly PlannedFile[], opts: ImportOptions): EarlyReader | null {
  const storeFile = storeFileOf(db);
  if (!storeFile || opts.rereadUnchanged || db.inTransaction || !readsInWorker(files, opts) || holdsNoFacts(db)) return null;
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  const worker = spawnWorker(import.meta.url, './parse-worker', { files, storeFile, readAheadBytes: opts.readAheadBytes, hold: true }, PARSE_WORKER_LIMITS);
  const early: EarlyReader = { worker, dataVersion, failed: false, taken: false };
  // Until parseInto listens: an error event without a listener would throw.
  const failed = (): void => void (early.failed = true);
  worker.once('error', failed);
  worker.once('exit', failed);
  return early;
}

/** The early reader, when wanted and what it read still holds (call inside the import's transaction); else stops it. */
function takeEarlyReader(db: Db, early: EarlyReader | null, wanted: boolean): EarlyReader | null {
  if (!early) return null;
  if (wanted && !early.failed && db.pragma('data_version', { simple: true }) === early.dataVersion) return early;
  void early.worker.terminate();
  early.taken = true;
  return null;
}

/** importPath's transaction: waits for the write lock, then reads and writes every file. */
async function importInto(db: Db, inputPath: string, opts: ImportOptions, p: Prepared): Promise<ImportResult> {
  const { plan, hash, hashMs, name, kind, importedAt, t0 } = p;
  // Another writer (a second import, the app beside a CLI run) makes this wait its turn, not fail.
  await beginWrite(db, { onWait: opts.onWaitForStore, maxWaitMs: opts.storeWaitMs });
  try {
    // Another writer committed since the early reader started: what it read may be stale.
    const early = takeEarlyReader(db, p.early, !p.fresh);
    // The same content may have been imported by the writer we waited for.
    const meanwhile = findDatasetByHash(db, hash);
    if (meanwhile) {
      db.exec('ROLLBACK');
      return previousResult(db, meanwhile);
    }
    const datasetId = insertDataset(db, { name, source_path: path.resolve(inputPath), content_hash: hash, imported_at: importedAt });
    setDatasetSource(db, datasetId, kind.source);
    const run = new ImportRun(db, datasetId, importedAt, plan.files, kind, opts.onProgress);
    const tp = performance.now();
    const parsed = await parseInto(plan.files, run, opts, opts.rereadUnchanged || p.fresh ? undefined : storeFileOf(db), early);
    const readMs = parsed.busyMs ?? performance.now() - tp - run.writeMs;
    run.finish();
    run.finishExtract();
    const result = run.result(name, plan.skipped.filter((f) => f !== kind.manifest));
    setDatasetSummary(db, datasetId, summaryOf(result));
    opts.beforeCommit?.(result);
    const tc = performance.now();
    db.exec('COMMIT');
    const commitMs = performance.now() - tc;
    const ms = (x: number): number => Math.round(x);
    result.timings = {
      total_ms: ms(performance.now() - t0), hash_ms: ms(hashMs), write_ms: ms(run.writeMs + commitMs), read_ms: ms(readMs), parse_in_worker: parsed.inWorker, unchanged_unread: run.unread,
      index_build_ms: ms(run.indexMs), commit_ms: ms(commitMs),
    };
    return result;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

/**
 * The page cache (KiB) an import works with. The store's connection keeps 256 MiB for the
 * analysis's joins, but an import touches most pages once: a bulk load appends, a re-import
 * updates rows in file order. Filling a large cache only cost fresh memory to fault in and a
 * malloc per page: national re-import 8.4-9.3 → 7.7-8.0 s (three alternating pairs), peak RSS
 * 850 → 660 MB; the first import no slower (two pairs), 170 MB smaller.
 */
export const IMPORT_CACHE_KIB = 65536;

/** Lowers the connection's page cache to IMPORT_CACHE_KIB for an import; returns what restores it. */
function cacheForImport(db: Db): () => void {
  const cache = db.pragma('cache_size', { simple: true }) as number;
  // Negative: KiB; positive: pages.
  const kib = cache < 0 ? -cache : (cache * (db.pragma('page_size', { simple: true }) as number)) / 1024;
  if (kib <= IMPORT_CACHE_KIB) return () => {};
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  return () => void db.pragma(`cache_size = ${cache}`);
}

function asImportError(err: unknown): ImportError {
  if (err instanceof ImportError) return err;
  if (err instanceof StoreBusyError) return new ImportError('busy', err.messageSv, err.message);
  const msg = err instanceof Error ? err.message : String(err);
  if (isSqliteError(err)) return new ImportError('store', `lagringsfel: ${msg}`, `store error: ${msg}`);
  if (err instanceof TypeError || err instanceof ReferenceError) return new ImportError('internal', `internt fel: ${msg}`, `internal error: ${msg}`);
  return new ImportError('unreadable', `importen misslyckades: ${msg}`, `import failed: ${msg}`);
}

/**
 * SHA-256 over the files' names and bytes: the identity of a dataset's content. Every import
 * starts with it, before anything else can run: the next 4 MB are read while the last are hashed
 * (national extract 0.46-0.74 s with a 1 MB read stream, 0.35 s so).
 */
export async function contentHash(files: readonly PlannedFile[]): Promise<string> {
  const h = createHash('sha256');
  const buffers = [Buffer.allocUnsafe(HASH_READ), Buffer.allocUnsafe(HASH_READ)];
  for (const f of [...files].sort((a, b) => a.label.localeCompare(b.label))) {
    h.update(`${f.label.toLowerCase()}\0`);
    const fh = await fs.promises.open(f.path, 'r');
    try {
      let k = 0;
      let next = fh.read(buffers[k]!, 0, HASH_READ, null);
      for (;;) {
        const { bytesRead, buffer } = await next;
        if (bytesRead === 0) break;
        k ^= 1;
        next = fh.read(buffers[k]!, 0, HASH_READ, null);
        h.update(buffer.subarray(0, bytesRead));
      }
    } finally {
      await fh.close();
    }
    h.update('\0');
  }
  return h.digest('hex');
}

const HASH_READ = 1 << 22;

interface Summary {
  rows: Record<string, number>;
  records: Record<string, number>;
  quarantined: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: string[];
  source?: string | null;
  full?: string[];
  ended?: Record<string, number>;
}

function summaryOf(r: ImportResult): Summary {
  return { rows: r.rows, records: r.records, quarantined: r.quarantined, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, skipped: r.skipped, source: r.source ?? null, full: r.full ?? [], ended: r.ended ?? {} };
}

function previousResult(db: Db, d: DatasetRow): ImportResult {
  const s = (d.summary ? JSON.parse(d.summary) : {}) as Partial<Summary>;
  const rows = s.rows ?? {};
  return {
    dataset: d.name,
    dataset_id: d.id,
    rows,
    quarantined: s.quarantined ?? 0,
    quarantine: datasetQuarantine(db, d.id, QUARANTINE_LIST_CAP),
    inserted: 0,
    updated: 0,
    unchanged: Object.values(rows).reduce((a, b) => a + b, 0),
    skipped: s.skipped ?? [],
    already_imported: true,
    records: s.records ?? {},
    source: s.source ?? null,
    full: s.full ?? [],
    ended: {},
  };
}

const VALUE_CAP = 2000;
const PROGRESS_EVERY_MS = 250;
/** Below this many bytes of input, a worker thread costs more to start than it saves. */
const WORKER_MIN_BYTES = 4 << 20;
/**
 * The reader allocates a few dozen short-lived objects per row (cells, values, keys). A young
 * generation of 192 MB (64 MB semi-spaces; Node's default lets them grow to 16 MB) collects
 * them in fewer scavenges: in a profiled bulk-file import the reader spent 2.5 s in GC, not 3.9 s.
 */
const PARSE_WORKER_LIMITS = { maxYoungGenerationSizeMb: 192 };

/** The store's file when another connection can read it (not an in-memory store). */
function readsInWorker(files: readonly PlannedFile[], opts: Pick<ImportOptions, 'parseInWorker'>): boolean {
  return opts.parseInWorker ?? files.reduce((a, f) => a + fs.statSync(f.path).size, 0) >= WORKER_MIN_BYTES;
}

function storeFileOf(db: Db): string | undefined {
  return db.memory || !db.name || db.name === ':memory:' ? undefined : db.name;
}

/**
 * Reads the planned files into `run`: in a worker thread (large inputs) or on this thread.
 * `busyMs` is the worker's time spent reading (not waiting for the writer).
 */
async function parseInto(files: readonly PlannedFile[], run: ImportRun, opts: Pick<ImportOptions, 'parseInWorker' | 'readAheadBytes'>, storeFile: string | undefined, early: EarlyReader | null): Promise<{ inWorker: boolean; busyMs?: number }> {
  const inWorker = early !== null || readsInWorker(files, opts);
  if (!inWorker) {
    await parseFiles(files, run, () => null, storeFile);
    return { inWorker };
  }
  let busyMs = 0;
  await new Promise<void>((resolve, reject) => {
    if (early) early.taken = true;
    const worker = early?.worker ?? spawnWorker(import.meta.url, './parse-worker', { files, storeFile, readAheadBytes: opts.readAheadBytes }, PARSE_WORKER_LIMITS);
    let settled = false;
    const settle = (err: unknown): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (err) reject(err);
      else resolve();
    };
    worker.on('message', (m: ParseMessage) => {
      if (settled) return;
      try {
        if (m.t === 'batch') {
          run.batch(decodeBatch(m.batch), m);
          worker.postMessage('ack');
        } else if (m.t === 'start') run.startFile(m.index);
        else if (m.t === 'end') run.endFile(m.index, m);
        else if (m.t === 'done') {
          busyMs = m.busyMs;
          settle(null);
        }
        else settle(deserialiseError(m.error));
      } catch (err) {
        settle(err);
      }
    });
    worker.on('error', (err: Error) => settle(new TypeError(`the import reader thread failed: ${err.message}`)));
    worker.on('exit', (code) => settle(new TypeError(`the import reader thread stopped (exit ${code})`)));
    if (early) worker.postMessage('go');
  });
  return { inWorker, busyMs };
}

/**
 * The write side of one dataset import (the consumer of parse.ts batches). Exported for
 * bench:import, which times it alone on batches parsed beforehand.
 */
export class ImportRun implements ParseConsumer {
  private readonly writer: FactWriter;
  private readonly rows: Record<string, number> = {};
  private readonly records: Record<string, number> = {};
  private readonly quarantineList: QuarantineEntry[] = [];
  private quarantined = 0;
  /** Records the reader recognised as stored already (OP_SAME). */
  unread = 0;
  /** Time spent writing batches (the write path's share of the import). */
  writeMs = 0;
  /** Of writeMs: building the indexes of bulk-loaded tables, at each file's end and at the finish. */
  indexMs = 0;
  private inserted = 0;
  private updated = 0;
  private unchanged = 0;
  private lastProgress = 0;
  // Per-file state.
  private file = '';
  private fileRecords = 0;
  private fileStarted = Date.now();
  private fileIndex = 0;
  private readonly eta: ImportEta;
  private normalisers = new Map<TableName, RowNormaliser>();
  private counter: ByteCounter = { bytesRead: 0, bytesTotal: 0 };
  private currentTable = '';

  private readonly ended: Record<string, number> = {};
  private endMarkingMs = 0;

  constructor(
    private readonly db: Db,
    datasetId: number,
    importedAt: string,
    private readonly files: readonly PlannedFile[],
    private readonly extract: ExtractKind,
    private readonly onProgress?: (p: ImportProgress) => void,
  ) {
    this.writer = new FactWriter(db, datasetId, importedAt, { bulk: true, log: true });
    this.eta = new ImportEta(files.map((f) => fileSize(f.path)));
  }

  /**
   * Known time (migration 006): records which tables this dataset contained, and for each one it
   * is a full extract of, marks the rows of its source it did not state as no longer reported.
   */
  finishExtract(): void {
    const t0 = performance.now();
    for (const table of Object.keys(this.rows) as TableName[]) {
      const stated = this.extract.isFull(table) ? this.writer.statedRows(table) : undefined;
      const ended = stated ? endUnstated(this.db, table, this.writer.datasetId, this.extract.source, stated, (rowId) => this.writer.logEnded(table, rowId)) : 0;
      if (ended) this.ended[table] = ended;
      recordDatasetTable(this.db, this.writer.datasetId, table, stated !== undefined, ended);
    }
    this.writer.closeLogs(Object.keys(this.rows) as TableName[]);
    this.endMarkingMs = Math.round(performance.now() - t0);
  }

  startFile(index: number): void {
    const f = this.files[index]!;
    this.eta.start(Date.now());
    this.fileIndex = index;
    this.file = f.label;
    this.fileRecords = 0;
    this.fileStarted = Date.now();
    this.normalisers = new Map();
    this.counter = { bytesRead: 0, bytesTotal: 0 };
    this.currentTable = f.table ?? '';
  }

  endFile(index: number, bytes: ByteCounter): void {
    const f = this.files[index]!;
    this.counter = { bytesRead: bytes.bytesRead, bytesTotal: bytes.bytesTotal };
    if (this.normalisers.size === 0 && f.format !== 'ftm') {
      throw new ImportError('empty', `${f.label} är tom (ingen rubrikrad)`, `${f.label} is empty (no header row)`, f.label);
    }
    this.records[f.label] = (this.records[f.label] ?? 0) + this.fileRecords;
    this.report(true, true);
    this.eta.fileDone(index);
    // The file's bulk-loaded tables get their indexes now, while the reader goes on with the next
    // file (a later file writing the same table would end the bulk load anyway).
    this.finish();
  }

  batch(ops: unknown[], bytes: ByteCounter): void {
    const started = performance.now();
    this.counter = { bytesRead: bytes.bytesRead, bytesTotal: bytes.bytesTotal };
    const n = ops.length;
    let i = 0;
    while (i < n) {
      const op = ops[i] as number;
      if (op === OP_ROW) {
        const table = TABLE_NAMES[ops[i + 1] as number]!;
        const width = valueCount(table);
        const values = ops.slice(i + 4, i + 4 + width);
        const raw = ops[i + 4 + width] as string[] | null;
        const rec = { lineHash: ops[i + 6 + width] as number, keyHash: ops[i + 7 + width] as number, occ: ops[i + 8 + width] as number };
        this.row(table, ops[i + 2] as number, ops[i + 3] as string, values, raw, ops[i + 5 + width] as number, rec, ops[i + 9 + width] as number);
        i += 10 + width;
      } else if (op === OP_SAME) {
        this.same(TABLE_NAMES[ops[i + 1] as number]!, ops[i + 2] as number, ops[i + 3] as number);
        i += 4;
      } else if (op === OP_BAD) {
        this.fileRecords++;
        this.addQuarantine(ops[i + 1] as number, ops[i + 2] as string | null, ops[i + 3] as string | null, ops[i + 4] as string, ops[i + 5] as string, ops[i + 6] as string[] | null);
        i += 7;
      } else {
        this.header(ops[i + 1] as TableName, ops[i + 2] as string[], { allowExtOrgNr: ops[i + 3] as boolean });
        i += 4;
      }
    }
    this.writeMs += performance.now() - started;
    this.report(false);
  }

  private header(table: TableName, headers: string[], opts: { allowExtOrgNr?: boolean }): void {
    this.normalisers.set(table, new RowNormaliser(mapHeader(table, headers), opts));
    if (this.extract.isFull(table)) this.writer.trackStated(table);
    this.rows[table] ??= 0;
    this.currentTable = table;
  }

  /** `count` records the store holds exactly so already (unchanged.ts), rows rowId…: nothing to write. */
  private same(table: TableName, rowId: number, count: number): void {
    for (let k = 0; k < count; k++) this.writer.statedUnchanged(table, rowId + k);
    this.unread += count;
    this.fileRecords += count;
    this.rows[table] = (this.rows[table] ?? 0) + count;
    this.unchanged += count;
  }

  private row(table: TableName, line: number, key: string, values: unknown[], raw: string[] | null, dupOf: number, rec: RecordId, rowHint: number): void {
    this.fileRecords++;
    const outcome = this.writer.upsert(table, key, values, this.file, line, dupOf, rec, rowHint);
    if (typeof outcome === 'object') {
      const m = this.normalisers.get(table)!;
      // The reader sends the raw cells of every row whose key it saw before in the file.
      this.addQuarantine(line, m.keyColumns, raw ? m.rawKey(raw) : null, `duplicate of the row on line ${outcome.duplicateOfLine} (same key)`, `dubblett av raden på rad ${outcome.duplicateOfLine} (samma nyckel)`, raw);
      return;
    }
    this.rows[table] = (this.rows[table] ?? 0) + 1;
    if (outcome === 'inserted') this.inserted++;
    else if (outcome === 'updated') this.updated++;
    else this.unchanged++;
  }

  private addQuarantine(line: number, column: string | null, value: string | null, reason: string, reasonSv: string, cells: string[] | null): void {
    const v = value === null ? null : value.length > VALUE_CAP ? value.slice(0, VALUE_CAP) + '…' : value;
    const entry: QuarantineEntry = { file: this.file, line, column, value: v, reason, reason_sv: reasonSv };
    this.quarantined++;
    if (this.quarantineList.length < QUARANTINE_LIST_CAP) this.quarantineList.push(entry);
    const raw = cells ? JSON.stringify(cells.map((c) => (c.length > VALUE_CAP ? c.slice(0, VALUE_CAP) + '…' : c))) : null;
    this.writer.quarantine(entry, raw);
  }

  private report(force: boolean, done = false): void {
    if (!this.onProgress) return;
    const now = Date.now();
    if (!force && now - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = now;
    // Per file: a cumulative count under the current file's name reads as that file's size.
    const secs = Math.max((now - this.fileStarted) / 1000, 0.001);
    const whole = this.eta.at(this.fileIndex, this.counter.bytesRead, now);
    this.onProgress({
      file: this.file, table: this.currentTable, rows: this.fileRecords, bytesRead: this.counter.bytesRead, bytesTotal: this.counter.bytesTotal, rowsPerSec: Math.round(this.fileRecords / secs), done,
      importBytesDone: whole.bytesDone, importBytesTotal: whole.bytesTotal, etaSeconds: whole.etaSeconds,
    });
  }

  finish(): void {
    const t0 = performance.now();
    this.writer.finish();
    const ms = performance.now() - t0;
    this.writeMs += ms;
    this.indexMs += ms;
  }

  result(name: string, skipped: string[]): ImportResult {
    return {
      dataset: name,
      dataset_id: this.writer.datasetId,
      rows: this.rows,
      quarantined: this.quarantined,
      quarantine: this.quarantineList,
      unchanged: this.unchanged,
      inserted: this.inserted,
      updated: this.updated,
      skipped,
      already_imported: false,
      records: this.records,
      source: this.extract.source,
      full: (Object.keys(this.rows) as TableName[]).filter((t) => this.extract.isFull(t)),
      ended: this.ended,
      end_marking_ms: this.endMarkingMs,
    };
  }
}

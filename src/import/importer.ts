import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { TableName } from '../model/tables';
import type { Db } from '../store/db';
import { beginWrite, StoreBusyError } from '../store/write-lock';
import { datasetQuarantine, FactWriter, findDatasetByHash, insertDataset, setDatasetSummary, type DatasetRow } from '../store/facts';
import { endUnstated, recordDatasetTable, setDatasetSource } from '../store/known';
import { extractKind, type ExtractKind } from './extract-kind';
import { firstLine, readDelimited } from './readers/delimited';
import { isBulkHeader, readBulk } from './readers/bolagsverket';
import { indexFtm, readFtm } from './readers/ftm';
import type { RowSink } from './readers/sink';
import { readXlsx } from './readers/xlsx';
import { OCCURRENCE_KEYED, OccurrenceCounter, occurrenceKey } from './occurrences';
import { planImport, type PlannedFile } from './plan';
import { mapHeader, RowNormaliser } from './rows';
import { decodeText, fileBytes, unreadable, type ByteCounter } from './source';
import { ImportError, QUARANTINE_LIST_CAP, type ImportOptions, type ImportProgress, type ImportResult, type QuarantineEntry } from './types';
import { zipEntryBytes } from './zip';

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
    const plan = planImport(inputPath);
    const hash = await contentHash(plan.files);
    const name = opts.datasetName ?? path.basename(path.resolve(inputPath));
    const previous = findDatasetByHash(db, hash);
    if (previous) return previousResult(db, previous);
    if (db.inTransaction) throw new Error('importPath must not run inside another transaction');
    const kind = extractKind(plan, opts);
    const importedAt = new Date().toISOString();
    // Another writer (a second import, the app beside a CLI run) makes this wait its turn, not fail.
    await beginWrite(db, { onWait: opts.onWaitForStore, maxWaitMs: opts.storeWaitMs });
    try {
      // The same content may have been imported by the writer we waited for.
      const meanwhile = findDatasetByHash(db, hash);
      if (meanwhile) {
        db.exec('ROLLBACK');
        return previousResult(db, meanwhile);
      }
      const datasetId = insertDataset(db, { name, source_path: path.resolve(inputPath), content_hash: hash, imported_at: importedAt });
      setDatasetSource(db, datasetId, kind.source);
      const run = new ImportRun(db, datasetId, importedAt, kind, opts.onProgress);
      for (const f of plan.files) await run.importFile(f);
      run.finishExtract();
      const result = run.result(name, plan.skipped.filter((f) => f !== kind.manifest));
      setDatasetSummary(db, datasetId, summaryOf(result));
      opts.beforeCommit?.(result);
      db.exec('COMMIT');
      return result;
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
  } catch (err) {
    throw asImportError(err);
  }
}

function asImportError(err: unknown): ImportError {
  if (err instanceof ImportError) return err;
  if (err instanceof StoreBusyError) return new ImportError('busy', err.messageSv, err.message);
  const msg = err instanceof Error ? err.message : String(err);
  if (err instanceof Database.SqliteError) return new ImportError('store', `lagringsfel: ${msg}`, `store error: ${msg}`);
  if (err instanceof TypeError || err instanceof ReferenceError) return new ImportError('internal', `internt fel: ${msg}`, `internal error: ${msg}`);
  return new ImportError('unreadable', `importen misslyckades: ${msg}`, `import failed: ${msg}`);
}

/** SHA-256 over the files' names and bytes: the identity of a dataset's content. */
export async function contentHash(files: readonly PlannedFile[]): Promise<string> {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => a.label.localeCompare(b.label))) {
    h.update(`${f.label.toLowerCase()}\0`);
    for await (const chunk of fs.createReadStream(f.path, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
    h.update('\0');
  }
  return h.digest('hex');
}

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

/** The state of one dataset import; also the RowSink the readers feed. */
class ImportRun implements RowSink {
  private readonly writer: FactWriter;
  private readonly rows: Record<string, number> = {};
  private readonly records: Record<string, number> = {};
  private readonly quarantineList: QuarantineEntry[] = [];
  private quarantined = 0;
  private inserted = 0;
  private updated = 0;
  private unchanged = 0;
  private lastProgress = 0;
  private totalRows = 0;
  // Per-file state.
  private file = '';
  private fileRecords = 0;
  private fileStarted = Date.now();
  private normalisers = new Map<TableName, RowNormaliser>();
  private occurrences = new OccurrenceCounter();
  private counter: ByteCounter = { bytesRead: 0, bytesTotal: 0 };
  private currentTable = '';

  private readonly ended: Record<string, number> = {};
  private endMarkingMs = 0;

  constructor(
    private readonly db: Db,
    datasetId: number,
    importedAt: string,
    private readonly extract: ExtractKind,
    private readonly onProgress?: (p: ImportProgress) => void,
  ) {
    this.writer = new FactWriter(db, datasetId, importedAt);
  }

  /**
   * Known time (migration 006): records which tables this dataset contained, and for each one it
   * is a full extract of, marks the rows of its source it did not state as no longer reported.
   */
  finishExtract(): void {
    const t0 = performance.now();
    for (const table of Object.keys(this.rows) as TableName[]) {
      const stated = this.extract.isFull(table) ? this.writer.statedRows(table) : undefined;
      const ended = stated ? endUnstated(this.db, table, this.writer.datasetId, this.extract.source, stated) : 0;
      if (ended) this.ended[table] = ended;
      recordDatasetTable(this.db, this.writer.datasetId, table, stated !== undefined, ended);
    }
    this.endMarkingMs = Math.round(performance.now() - t0);
  }

  async importFile(f: PlannedFile): Promise<void> {
    this.file = f.label;
    this.fileRecords = 0;
    this.fileStarted = Date.now();
    this.normalisers = new Map();
    this.occurrences = new OccurrenceCounter();
    this.counter = { bytesRead: 0, bytesTotal: 0 };
    this.currentTable = f.table ?? '';
    try {
      await this.read(f);
    } catch (err) {
      throw err instanceof ImportError || err instanceof Database.SqliteError || err instanceof TypeError ? err : unreadable(f.label, err);
    }
    if (this.normalisers.size === 0 && f.format !== 'ftm') {
      throw new ImportError('empty', `${f.label} är tom (ingen rubrikrad)`, `${f.label} is empty (no header row)`, f.label);
    }
    this.records[f.label] = (this.records[f.label] ?? 0) + this.fileRecords;
    this.report(true, true);
  }

  private async read(f: PlannedFile): Promise<void> {
    switch (f.format) {
      case 'xlsx':
        return readXlsx(f.path, f.table!, this, this.counter);
      case 'ftm': {
        const index = await indexFtm((await decodeText(fileBytes(f.path, false, { bytesRead: 0, bytesTotal: 0 }), f.label)).chunks);
        return readFtm((await decodeText(fileBytes(f.path, false, this.counter), f.label)).chunks, index, this);
      }
      case 'bolagsverket.zip':
      case 'bolagsverket':
      case 'csv':
      case 'csv.gz': {
        const bytes = f.format === 'bolagsverket.zip' ? zipEntryBytes(f.path, this.counter) : fileBytes(f.path, f.format === 'csv.gz', this.counter);
        const text = await decodeText(bytes, f.label);
        const head = await text.chunks.next();
        const first = head.done ? '' : head.value;
        const chunks = (async function* () {
          if (first) yield first;
          yield* text.chunks;
        })();
        if (isBulkHeader(firstLine(first))) return readBulk(chunks, this);
        if (f.format === 'csv' || f.format === 'csv.gz') return void (await readDelimited(chunks, f.table!, this));
        await text.chunks.return(undefined);
        throw new ImportError('unknown_table', `${f.label} är varken en känd tabell eller Bolagsverkets bulkfil`, `${f.label} is neither a known table nor Bolagsverket's bulk file`, f.label);
      }
    }
  }

  header(table: TableName, headers: string[], opts?: { allowExtOrgNr?: boolean }): void {
    const mapping = mapHeader(table, headers);
    if (mapping.missingRequired.length) {
      const cols = mapping.missingRequired.join(', ');
      throw new ImportError('missing_headers', `${this.file}: obligatoriska kolumner saknas: ${cols}`, `${this.file}: required columns missing: ${cols}`, this.file);
    }
    this.normalisers.set(table, new RowNormaliser(mapping, opts));
    if (this.extract.isFull(table)) this.writer.trackStated(table);
    this.rows[table] ??= 0;
    this.currentTable = table;
  }

  row(table: TableName, line: number, cells: string[]): void {
    this.fileRecords++;
    const r = this.normalisers.get(table)!.normalise(cells);
    if (!r.ok) {
      this.addQuarantine(line, r.column, r.value, r.reason, r.reasonSv, cells);
      return;
    }
    const key = OCCURRENCE_KEYED.has(table) ? occurrenceKey(r.key, this.occurrences.next(table, r.key)) : r.key;
    const outcome = this.writer.upsert(table, key, r.values, this.file, line);
    if (typeof outcome === 'object') {
      this.addQuarantine(line, this.keyColumns(table), this.normalisers.get(table)!.rawKey(cells), `duplicate of the row on line ${outcome.duplicateOfLine} (same key)`, `dubblett av raden på rad ${outcome.duplicateOfLine} (samma nyckel)`, cells);
      return;
    }
    this.rows[table] = (this.rows[table] ?? 0) + 1;
    if (outcome === 'inserted') this.inserted++;
    else if (outcome === 'updated') this.updated++;
    else this.unchanged++;
  }

  private keyColumns(table: TableName): string {
    const m = this.normalisers.get(table)!;
    return m.keyColumns;
  }

  bad(line: number, column: string | null, value: string | null, reason: string, reasonSv: string): void {
    this.fileRecords++;
    this.addQuarantine(line, column, value, reason, reasonSv, null);
  }

  private addQuarantine(line: number, column: string | null, value: string | null, reason: string, reasonSv: string, cells: string[] | null): void {
    const v = value === null ? null : value.length > VALUE_CAP ? value.slice(0, VALUE_CAP) + '…' : value;
    const entry: QuarantineEntry = { file: this.file, line, column, value: v, reason, reason_sv: reasonSv };
    this.quarantined++;
    if (this.quarantineList.length < QUARANTINE_LIST_CAP) this.quarantineList.push(entry);
    const raw = cells ? JSON.stringify(cells.map((c) => (c.length > VALUE_CAP ? c.slice(0, VALUE_CAP) + '…' : c))) : null;
    this.writer.quarantine(entry, raw);
  }

  tick(): boolean {
    this.totalRows++;
    if ((this.totalRows & 4095) === 0) this.report(false);
    return false;
  }

  private report(force: boolean, done = false): void {
    if (!this.onProgress) return;
    const now = Date.now();
    if (!force && now - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = now;
    // Per file: a cumulative count under the current file's name reads as that file's size.
    const secs = Math.max((now - this.fileStarted) / 1000, 0.001);
    this.onProgress({ file: this.file, table: this.currentTable, rows: this.fileRecords, bytesRead: this.counter.bytesRead, bytesTotal: this.counter.bytesTotal, rowsPerSec: Math.round(this.fileRecords / secs), done });
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

import type { TableName } from '../model/tables';
import { firstLine, readDelimited } from './readers/delimited';
import { isBulkHeader, readBulk } from './readers/bolagsverket';
import { indexFtm, readFtm } from './readers/ftm';
import type { RowSink } from './readers/sink';
import { readXlsx } from './readers/xlsx';
import { planImport, type PlannedFile } from './plan';
import { mapHeader } from './rows';
import { decodeText, fileBytes } from './source';
import { ImportError } from './types';
import { zipEntryBytes } from './zip';

/** What an import would see in each file, without touching the store (for the import dialog). */
export interface PreviewFile {
  file: string;
  table: string | null;
  format: 'csv' | 'csv.gz' | 'xlsx' | 'bolagsverket' | 'ftm';
  encoding: string;
  delimiter: string | null;
  headers: string[];
  missingRequired: string[];
  unknownColumns: string[];
  sampleRows: string[][];
  error?: string;
}

const SAMPLE_ROWS = 5;

class PreviewSink implements RowSink {
  headers: string[] = [];
  table: TableName | null = null;
  missing: string[] = [];
  unknown: string[] = [];
  rows: string[][] = [];
  header(table: TableName, headers: string[]): void {
    if (this.table) return;
    const m = mapHeader(table, headers);
    this.table = table;
    this.headers = headers;
    this.missing = m.missingRequired;
    this.unknown = m.unknown;
  }
  row(_t: TableName, _line: number, cells: string[]): void {
    if (this.rows.length < SAMPLE_ROWS) this.rows.push(cells);
  }
  bad(): void {}
  tick(): boolean {
    return this.rows.length >= SAMPLE_ROWS;
  }
}

async function previewFile(f: PlannedFile): Promise<PreviewFile> {
  const sink = new PreviewSink();
  const counter = { bytesRead: 0, bytesTotal: 0 };
  let encoding = 'utf-8';
  let delimiter: string | null = null;
  let format: PreviewFile['format'] = f.format === 'bolagsverket.zip' ? 'bolagsverket' : f.format;
  const base = { file: f.label, table: f.table as string | null, format, encoding, delimiter, headers: [] as string[], missingRequired: [] as string[], unknownColumns: [] as string[], sampleRows: [] as string[][] };
  try {
    if (f.format === 'xlsx') {
      await readXlsx(f.path, f.table!, sink, counter);
      encoding = 'xlsx';
    } else if (f.format === 'ftm') {
      const index = await indexFtm((await decodeText(fileBytes(f.path, false, counter), f.label)).chunks);
      const text = await decodeText(fileBytes(f.path, false, counter), f.label);
      encoding = text.encoding;
      await readFtm(text.chunks, index, sink);
    } else {
      const bytes = f.format === 'bolagsverket.zip' ? zipEntryBytes(f.path, counter) : fileBytes(f.path, f.format === 'csv.gz', counter);
      const text = await decodeText(bytes, f.label);
      encoding = text.encoding;
      const head = await text.chunks.next();
      const first = head.done ? '' : head.value;
      const chunks = (async function* () {
        if (first) yield first;
        yield* text.chunks;
      })();
      if (isBulkHeader(firstLine(first))) {
        format = 'bolagsverket';
        delimiter = ';';
        await readBulk(chunks, sink);
      } else if (f.format === 'csv' || f.format === 'csv.gz') {
        delimiter = (await readDelimited(chunks, f.table!, sink)).delimiter;
      } else {
        await text.chunks.return(undefined);
        return { ...base, encoding, error: 'varken en känd tabell eller Bolagsverkets bulkfil' };
      }
    }
  } catch (err) {
    return { ...base, format, encoding, delimiter, error: err instanceof ImportError ? err.messageSv : err instanceof Error ? err.message : String(err) };
  }
  return { file: f.label, table: sink.table ?? f.table, format, encoding, delimiter, headers: sink.headers, missingRequired: sink.missing, unknownColumns: sink.unknown, sampleRows: sink.rows };
}

/** Preview a folder or file: per file its table, encoding, delimiter, header check and sample rows. */
export async function previewPath(path: string): Promise<PreviewFile[]> {
  const plan = planImport(path);
  const out: PreviewFile[] = [];
  for (const f of plan.files) out.push(await previewFile(f));
  return out;
}

import type { TableName } from '../model/tables';
import type { RowSink } from './readers/sink';
import { planImport, type PlannedFile } from './plan';
import { readFile, type ReadInfo } from './read-file';
import { mapHeader } from './rows';
import { ImportError } from './types';

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
  const base = { file: f.label, table: f.table as string | null, format: (f.format === 'bolagsverket.zip' ? 'bolagsverket' : f.format) as PreviewFile['format'], encoding: 'utf-8', delimiter: null, headers: [] as string[], missingRequired: [] as string[], unknownColumns: [] as string[], sampleRows: [] as string[][] };
  let info: ReadInfo;
  try {
    info = await readFile(f, sink, { bytesRead: 0, bytesTotal: 0 });
  } catch (err) {
    return { ...base, error: err instanceof ImportError ? err.messageSv : err instanceof Error ? err.message : String(err) };
  }
  return { file: f.label, table: sink.table ?? f.table, format: info.format, encoding: info.encoding, delimiter: info.delimiter, headers: sink.headers, missingRequired: sink.missing, unknownColumns: sink.unknown, sampleRows: sink.rows };
}

/** Preview a folder or file: per file its table, encoding, delimiter, header check and sample rows. */
export async function previewPath(path: string): Promise<PreviewFile[]> {
  const plan = planImport(path);
  const out: PreviewFile[] = [];
  for (const f of plan.files) out.push(await previewFile(f));
  return out;
}

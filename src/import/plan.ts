import fs from 'node:fs';
import path from 'node:path';
import { TABLE_NAMES, type TableName } from '../model/tables';
import { ImportError } from './types';

/** Which files of a folder (or a single file) are imported, in what order and as what. */

export type FileFormat = 'csv' | 'csv.gz' | 'xlsx' | 'bolagsverket' | 'bolagsverket.zip' | 'ftm';

export interface PlannedFile {
  path: string;
  /** Name shown in quarantine and provenance (the file's base name). */
  label: string;
  format: FileFormat;
  /** The contract table, or null for formats that fill several tables (ftm) or are sniffed (txt). */
  table: TableName | null;
}

const TABLE_SET: ReadonlySet<string> = new Set(TABLE_NAMES);

export function classify(file: string): PlannedFile | null {
  const label = path.basename(file);
  const lower = label.toLowerCase();
  const tableOf = (stem: string): TableName | null => (TABLE_SET.has(stem) ? (stem as TableName) : null);
  let m: RegExpExecArray | null;
  if ((m = /^(.*)\.csv\.gz$/.exec(lower))) return withTable(file, label, 'csv.gz', tableOf(m[1]!));
  if ((m = /^(.*)\.(csv|tsv)$/.exec(lower))) return withTable(file, label, 'csv', tableOf(m[1]!));
  if ((m = /^(.*)\.xlsx$/.exec(lower))) return withTable(file, label, 'xlsx', tableOf(m[1]!));
  if (/\.(ftm\.json|jsonl|ndjson|ftm)$/.test(lower)) return { path: file, label, format: 'ftm', table: null };
  if (/\.zip$/.test(lower)) return { path: file, label, format: 'bolagsverket.zip', table: 'companies' };
  if (/\.txt$/.test(lower)) return { path: file, label, format: 'bolagsverket', table: 'companies' };
  return null;
}

function withTable(file: string, label: string, format: FileFormat, table: TableName | null): PlannedFile | null {
  // A CSV whose name is no table may still be the Bolagsverket bulk file (recognised by header).
  if (!table) return format === 'csv' ? { path: file, label, format: 'bolagsverket', table: 'companies' } : null;
  return { path: file, label, format, table };
}

const ORDER: Record<FileFormat, number> = { bolagsverket: 0, 'bolagsverket.zip': 0, ftm: 1, csv: 2, 'csv.gz': 2, xlsx: 2 };

export interface ImportPlan {
  root: string;
  files: PlannedFile[];
  skipped: string[];
  single: boolean;
}

/** Plan the import of a folder or a single file; throws ImportError when there is nothing to import. */
export function planImport(inputPath: string): ImportPlan {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(inputPath);
  } catch {
    throw new ImportError('not_found', `${inputPath} finns inte`, `${inputPath} does not exist`);
  }
  if (stat.isFile()) {
    const f = classify(inputPath);
    if (!f) throw new ImportError('unknown_table', `${path.basename(inputPath)} är ingen känd tabell eller filtyp (t.ex. companies.csv, roles.xlsx, licences.csv.gz, bolagsverket_bulkfil.zip, *.ftm.json)`, `${path.basename(inputPath)} is not a known table or file type`, path.basename(inputPath));
    return { root: path.dirname(inputPath), files: [f], skipped: [], single: true };
  }
  const files: PlannedFile[] = [];
  const skipped: string[] = [];
  for (const name of fs.readdirSync(inputPath).sort()) {
    const full = path.join(inputPath, name);
    if (!fs.statSync(full).isFile() || name.startsWith('.')) continue;
    const f = classify(full);
    // In a folder only named tables, the bulk file and FtM files count; other txt/csv are skipped.
    if (f && (f.format !== 'bolagsverket' || /bolagsverket|bulkfil/i.test(name)) && (f.format !== 'bolagsverket.zip' || /bolagsverket|bulkfil/i.test(name))) files.push(f);
    else skipped.push(name);
  }
  const seenTables = new Map<string, string>();
  for (const f of files) {
    if (!f.table || f.format.startsWith('bolagsverket')) continue;
    const prev = seenTables.get(f.table);
    if (prev) throw new ImportError('unknown_table', `både ${prev} och ${f.label} är tabellen ${f.table}; ta bort en av dem`, `both ${prev} and ${f.label} are table ${f.table}; remove one`, f.label);
    seenTables.set(f.table, f.label);
  }
  if (files.length === 0) throw new ImportError('no_tables', `inga tabeller att importera i ${inputPath} (förväntade t.ex. companies.csv, roles.csv, licences.csv)`, `no tables to import in ${inputPath} (expected e.g. companies.csv, roles.csv, licences.csv)`);
  files.sort((a, b) => ORDER[a.format] - ORDER[b.format] || TABLE_NAMES.indexOf(a.table ?? 'companies') - TABLE_NAMES.indexOf(b.table ?? 'companies') || a.label.localeCompare(b.label));
  return { root: inputPath, files, skipped, single: false };
}

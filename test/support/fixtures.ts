import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { luhnCheckDigit } from '../../src/ids/luhn';
import { TABLES, type TableName } from '../../src/model/tables';

/**
 * One fixture builder for every test: write a small dataset folder from JS objects, as CSV files
 * with the contract's headers (all columns of the table, in contract order, plus any extra keys).
 *
 *   const dir = writeDataset(tmpDir(), { companies: [{ org_nr: '5566778899', name: 'Ett AB' }] });
 */

export type Cell = string | number | boolean | null | undefined | readonly string[];
export type FixtureRow = Record<string, Cell>;
export type FixtureTables = Partial<Record<TableName, FixtureRow[]>>;

export interface WriteOptions {
  delimiter?: ',' | ';' | '\t';
  /** 'windows-1252' writes Latin-1 bytes (å ä ö as single bytes), like a Swedish Excel export. */
  encoding?: 'utf-8' | 'windows-1252';
  bom?: boolean;
  lineEnding?: '\n' | '\r\n';
  /** Only the given columns (and extra keys) instead of every contract column. */
  minimalHeaders?: boolean;
}

export function tmpDir(prefix = 'insyn-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join('|');
  return String(v);
}

export function csvField(s: string, delimiter: string): string {
  return s.includes('"') || s.includes(delimiter) || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV text of one table (header + rows). */
export function tableCsv(table: TableName, rows: readonly FixtureRow[], opts: WriteOptions = {}): string {
  const d = opts.delimiter ?? ',';
  const nl = opts.lineEnding ?? '\n';
  const contract = TABLES[table].columns.map((c) => c.name);
  const used = new Set(rows.flatMap((r) => Object.keys(r)));
  const header = opts.minimalHeaders ? contract.filter((c) => used.has(c)) : [...contract];
  for (const k of used) if (!header.includes(k)) header.push(k);
  const lines = [header.map((h) => csvField(h, d)).join(d)];
  for (const r of rows) lines.push(header.map((h) => csvField(cellText(r[h]), d)).join(d));
  return lines.join(nl) + nl;
}

export function encodeText(text: string, opts: WriteOptions = {}): Buffer {
  const body = opts.encoding === 'windows-1252' ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8');
  return opts.bom && opts.encoding !== 'windows-1252' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/** Write `<table>.csv` for every table given; returns `dir`. */
export function writeDataset(dir: string, tables: FixtureTables, opts: WriteOptions = {}): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const [table, rows] of Object.entries(tables) as [TableName, FixtureRow[]][]) {
    fs.writeFileSync(path.join(dir, `${table}.csv`), encodeText(tableCsv(table, rows, opts), opts));
  }
  return dir;
}

/** A valid 10-digit org_nr for a 9-digit payload (Luhn check digit appended). */
export function orgNr(payload9: string): string {
  return payload9 + luhn(payload9);
}

/** A valid 12-digit personnummer for `YYYYMMDD` + 3-digit serial. */
export function personId(yyyymmdd: string, serial3 = '123'): string {
  const nine = yyyymmdd.slice(2) + serial3;
  return yyyymmdd.slice(0, 2) + nine + luhn(nine);
}

function luhn(payload: string): string {
  return String(luhnCheckDigit(payload));
}

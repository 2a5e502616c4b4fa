import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { importPath, ImportError } from '../../src/import/importer';
import { TABLE_NAMES, type TableName } from '../../src/model/tables';
import { openDb } from '../../src/store/db';
import { orgNr, personId, tableCsv, tmpDir, type FixtureRow } from '../support/fixtures';

/**
 * Fuzz cases for the importer (issue 7.1): sample files from the fixture builder, mutated at
 * cell level (formula cells, NUL, 1 MB fields, bad ids, quotes) or byte level (random bytes,
 * truncation, wrong encodings, 10 k columns, unclosed quotes, mixed line endings, broken gzip).
 * Property: importPath returns a result or throws a typed ImportError (never an internal one);
 * a rejected import leaves the store empty; every data row is stored or quarantined.
 */

export type Mutation = 'xlsx' | 'none' | 'cells' | 'bytes' | 'truncate' | 'encoding' | 'wide' | 'unclosed' | 'line-endings' | 'gzip' | 'huge-field' | 'nul' | 'bulk' | 'ftm';
export const MUTATIONS: readonly Mutation[] = ['none', 'cells', 'bytes', 'truncate', 'encoding', 'wide', 'unclosed', 'line-endings', 'gzip', 'huge-field', 'nul', 'bulk', 'ftm'];

/** xlsx cases are slow (a stalled corrupt archive costs the reader's stall timeout): run apart. */
export const XLSX_MUTATION: Mutation = 'xlsx';

export interface FuzzSpec {
  seed: number;
  mutation: Mutation;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY = ['=cmd|\' /C calc\'!A0', '+SUM(A1)', '@x', '"', '""', '"a"b"', ',;\t', '\r', '\n\n', 'ÅÄÖ åäö é ü', '😀', '\u2028', '  ', '-', '0', '99999999999999999999', 'null', '<script>alert(1)</script>', "'; DROP TABLE companies;--", '|||', 'ext:', '1 234,50', '2024-02-30'];
const TABLES_USED: TableName[] = ['companies', 'persons', 'roles', 'licences', 'financial_events', 'foster_homes', 'placements'];

function sampleRows(table: TableName, r: () => number, n: number): FixtureRow[] {
  const rows: FixtureRow[] = [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  for (let i = 0; i < n; i++) {
    const org = orgNr(String(556000000 + Math.floor(r() * 999999)));
    const pid = personId(`19${String(40 + Math.floor(r() * 50))}0${1 + Math.floor(r() * 9)}1${Math.floor(r() * 9)}`, String(100 + Math.floor(r() * 899)));
    switch (table) {
      case 'companies':
        rows.push({ org_nr: org, name: `Bolag ${i} AB`, legal_form: 'AB', status: pick(['active', 'Liquidation', 'bankruptcy']), address: `Storgatan ${i}`, postal_code: '111 22', city: 'Stockholm' });
        break;
      case 'persons':
        rows.push({ person_id: pid, name: `Person ${i}`, birth_date: '1970-01-01' });
        break;
      case 'roles':
        rows.push({ org_nr: org, holder_id: r() < 0.8 ? pid : org, role: pick(['ceo', 'board_member', 'owner', 'auditor']), share_pct: r() < 0.3 ? '25,5' : '', from: '2020-01-01', to: r() < 0.5 ? '2023-12-31' : '' });
        break;
      case 'licences':
        rows.push({ licence_id: `L-${i}`, org_nr: org, kind: pick(['hvb_children', 'home_care']), status: pick(['granted', 'revoked']), capacity: Math.floor(r() * 20), status_on: '2024-01-01' });
        break;
      case 'financial_events':
        rows.push({ subject_id: r() < 0.5 ? org : pid, kind: 'enforcement_debt', amount_sek: `${Math.floor(r() * 100000)} 000,50`, occurred_on: '2024-03-01', source: `s${i}` });
        break;
      case 'foster_homes':
        rows.push({ home_id: `FH-${i}`, address: `Vägen ${i}`, parent_ids: [pid], approved_capacity: 2 });
        break;
      default:
        rows.push({ placement_id: `P-${i}`, from: '2024-01-01', home_id: `FH-${i}`, daily_fee_sek: '1 200,00' });
    }
  }
  return rows;
}

const BULK_HEADER = 'organisationsidentitet;namnskyddslopnummer;registreringsland;organisationsnamn;organisationsform;avregistreringsdatum;avregistreringsorsak;pagandeAvvecklingsEllerOmstruktureringsforfarande;registreringsdatum;verksamhetsbeskrivning;postadress';

function bulkText(r: () => number, n: number): string {
  const lines = [BULK_HEADER];
  for (let i = 0; i < n; i++) {
    const desc = ['Konsult', 'Vård "och omsorg', 'a ""b"" c', 'x\u0007y', 'rad\nbrytning'][Math.floor(r() * 5)]!;
    lines.push([`${orgNr(String(556100000 + Math.floor(r() * 99999)))}$ORGNR-IDORG`, '', 'SE-LAND', `Bolag ${i}$FORETAGSNAMN-ORGNAM$2020-01-01`, 'AB-ORGFO', '', '', '', '2020-01-01', desc, 'Box 1$$STOCKHOLM$11122$SE-LAND'].map((f) => `"${f}"`).join(';'));
  }
  return lines.join('\n') + '\n';
}

function ftmText(r: () => number, n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(JSON.stringify({ id: `c${i}`, schema: 'Company', properties: { name: [`Bolag ${i}`], registrationNumber: [orgNr(String(556200000 + i))] } }));
    lines.push(JSON.stringify({ id: `p${i}`, schema: 'Person', properties: { name: [`P ${i}`] } }));
    lines.push(JSON.stringify({ id: `d${i}`, schema: 'Directorship', properties: { director: [`p${i}`], organization: [r() < 0.9 ? `c${i}` : 'nope'], role: ['VD'] } }));
  }
  return lines.join('\n') + '\n';
}

interface BuiltCase {
  dir: string;
  /** Data rows per file when the structure is untouched (the independent oracle), else null. */
  expected: Record<string, number> | null;
  /** A rejection with these codes is acceptable. */
  mayReject: ReadonlySet<string>;
}

const ANY_REJECTION = new Set(['binary', 'unreadable', 'missing_headers', 'empty', 'unknown_table', 'no_tables']);

export function buildCase(spec: FuzzSpec): BuiltCase {
  const r = rng(spec.seed);
  const dir = tmpDir('insyn-fuzz-');
  const m = spec.mutation;
  if (m === 'bulk' || m === 'ftm') {
    const n = 1 + Math.floor(r() * 20);
    let bytes: Buffer = Buffer.from(m === "bulk" ? bulkText(r, n) : ftmText(r, n));
    if (r() < 0.7) bytes = mutateBytes(bytes, r);
    fs.writeFileSync(path.join(dir, m === 'bulk' ? 'bolagsverket_bulkfil.txt' : 'export.ftm.json'), bytes);
    return { dir, expected: null, mayReject: ANY_REJECTION };
  }
  if (m === 'xlsx') return buildXlsxCase(dir, r);
  const tables = [...TABLES_USED].sort(() => r() - 0.5).slice(0, 1 + Math.floor(r() * 2));
  const expected: Record<string, number> = {};
  let structural = false;
  let mayReject = new Set<string>();
  for (const table of tables) {
    const n = m === 'wide' ? 1 + Math.floor(r() * 3) : Math.floor(r() * 25);
    const rows = sampleRows(table, r, n);
    if (m === 'cells' || m === 'nul' || m === 'huge-field') {
      for (const row of rows) {
        for (const k of Object.keys(row)) {
          if (r() < 0.25) row[k] = NASTY[Math.floor(r() * NASTY.length)]!;
        }
      }
      if (m === 'nul' && rows.length) {
        rows[Math.floor(r() * rows.length)]![Object.keys(rows[0]!)[0]!] = 'a\u0000b';
        mayReject = new Set(['binary']);
      }
      if (m === 'huge-field' && rows.length) {
        const row = rows[Math.floor(r() * rows.length)]!;
        row[r() < 0.5 ? 'name' : Object.keys(row)[0]!] = 'x'.repeat(1 << 20);
      }
    }
    const delimiter = ([',', ';', '\t'] as const)[Math.floor(r() * 3)]!;
    let text = tableCsv(table, rows, { delimiter, lineEnding: r() < 0.5 ? '\n' : '\r\n' });
    if (m === 'wide') {
      const extra = 10_000;
      const lines = text.split(/\r?\n/).filter(Boolean);
      text = lines.map((l, i) => l + delimiter + Array.from({ length: extra }, (_, j) => (i === 0 ? `x${j}` : String(j % 7))).join(delimiter)).join('\n') + '\n';
    }
    if (m === 'line-endings') text = text.replace(/\r?\n/g, () => ['\n', '\r\n', '\r'][Math.floor(r() * 3)]!);
    let bytes: Buffer = Buffer.from(text, 'utf8');
    let name = `${table}.csv`;
    if (m === 'encoding') {
      // Windows-1252 bytes (possibly with a UTF-8 BOM in front: wrong, but must not crash).
      bytes = Buffer.from(text.replace(/[^\u0000-\u00ff]/g, '?'), 'latin1');
      if (r() < 0.3) bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
      if (r() < 0.3) bytes = Buffer.from(text, 'utf16le');
      structural = true;
    }
    if (m === 'bytes') {
      bytes = mutateBytes(bytes, r);
      structural = true;
    }
    if (m === 'truncate') {
      bytes = bytes.subarray(0, Math.floor(r() * bytes.length));
      structural = true;
    }
    if (m === 'unclosed') {
      const pos = Math.floor(r() * bytes.length);
      bytes = Buffer.concat([bytes.subarray(0, pos), Buffer.from('"'), bytes.subarray(pos)]);
      structural = true;
    }
    if (m === 'gzip') {
      name += '.gz';
      bytes = zlib.gzipSync(bytes);
      if (r() < 0.5) {
        bytes = bytes.subarray(0, Math.floor(r() * bytes.length));
        mayReject = new Set(['unreadable', 'empty', 'missing_headers']);
      }
    }
    fs.writeFileSync(path.join(dir, name), bytes);
    expected[name] = rows.length;
  }
  if (m === 'line-endings') structural = true; // a lone CR in a cell is then ambiguous
  return { dir, expected: structural ? null : expected, mayReject: structural ? ANY_REJECTION : mayReject };
}

let xlsxTemplate: Buffer | null = null;

/** A real .xlsx (written by exceljs once per process, synchronously via a pre-built file), mutated. */
export async function prepareXlsxTemplate(): Promise<void> {
  if (xlsxTemplate) return;
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Bolag');
  ws.addRow(['org_nr', 'name', 'registered_on']);
  for (let i = 0; i < 40; i++) ws.addRow([orgNr(String(556300000 + i)), i % 7 ? `Bolag ${i}` : '=cmd|\' /C calc\'!A0', new Date(Date.UTC(2020, 0, 1 + i))]);
  xlsxTemplate = Buffer.from(await wb.xlsx.writeBuffer());
}

function buildXlsxCase(dir: string, r: () => number): BuiltCase {
  if (!xlsxTemplate) throw new Error('call prepareXlsxTemplate() first');
  let bytes: Buffer = Buffer.from(xlsxTemplate);
  const how = r();
  if (how < 0.3) bytes = bytes.subarray(0, Math.floor(r() * bytes.length));
  else if (how < 0.8) bytes = mutateBytes(bytes, r);
  fs.writeFileSync(path.join(dir, 'companies.xlsx'), bytes);
  return { dir, expected: how >= 0.8 ? { 'companies.xlsx': 40 } : null, mayReject: how >= 0.8 ? new Set() : ANY_REJECTION };
}

function mutateBytes(b: Buffer, r: () => number): Buffer {
  const out = Buffer.from(b);
  const edits = 1 + Math.floor(r() * 8);
  let cur: Buffer = out;
  for (let e = 0; e < edits && cur.length; e++) {
    const pos = Math.floor(r() * cur.length);
    const what = r();
    if (what < 0.4) cur[pos] = Math.floor(r() * 256);
    else if (what < 0.6) cur = Buffer.concat([cur.subarray(0, pos), Buffer.from([34]), cur.subarray(pos)]);
    else if (what < 0.8) cur = Buffer.concat([cur.subarray(0, pos), cur.subarray(pos + 1 + Math.floor(r() * 20))]);
    else cur = Buffer.concat([cur.subarray(0, pos), Buffer.from([[0x0a, 0x0d, 0x3b, 0x2c, 0x22, 0x00, 0xe5, 0xc3][Math.floor(r() * 8)]!]), cur.subarray(pos)]);
  }
  return cur;
}

let template: Buffer | null = null;
/** A fresh migrated in-memory store (copied from a template: migrating per case is too slow). */
function freshStore(): Database.Database {
  if (!template) {
    const db = openDb(':memory:');
    template = db.serialize();
    db.close();
  }
  return new Database(template);
}

function factRowsByFile(db: Database.Database): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of TABLE_NAMES) {
    for (const row of db.prepare(`SELECT src_file AS f, count(*) AS n FROM ${t} GROUP BY src_file`).all() as { f: string; n: number }[]) out.set(row.f, (out.get(row.f) ?? 0) + row.n);
  }
  return out;
}

/** Run one case; returns null when the property holds, else a description of the failure. */
export async function runCase(spec: FuzzSpec): Promise<string | null> {
  const c = buildCase(spec);
  const db = freshStore();
  try {
    let result;
    try {
      result = await importPath(db, c.dir);
    } catch (err) {
      if (!(err instanceof ImportError)) return `threw a non-ImportError: ${String(err)}`;
      if (!c.mayReject.has(err.code)) return `unexpected rejection ${err.code}: ${err.message}`;
      const left = db.prepare('SELECT (SELECT count(*) FROM datasets) + (SELECT count(*) FROM quarantine) + (SELECT count(*) FROM companies) + (SELECT count(*) FROM roles) AS n').pluck().get() as number;
      return left === 0 ? null : `rejected import left ${left} rows behind`;
    }
    const stored = factRowsByFile(db);
    const quarantinedByFile = new Map<string, number>();
    for (const q of db.prepare('SELECT file, count(*) AS n FROM quarantine GROUP BY file').all() as { file: string; n: number }[]) quarantinedByFile.set(q.file, q.n);
    for (const [file, n] of Object.entries(result.records)) {
      const s = stored.get(file) ?? 0;
      const q = quarantinedByFile.get(file) ?? 0;
      if (s + q !== n) return `${file}: ${n} records but ${s} stored + ${q} quarantined`;
      if (c.expected && c.expected[file] !== undefined && c.expected[file] !== n) return `${file}: wrote ${c.expected[file]} rows, importer saw ${n}`;
    }
    const totalStored = [...stored.values()].reduce((a, b) => a + b, 0);
    const totalRows = Object.values(result.rows).reduce((a, b) => a + b, 0);
    if (totalStored !== totalRows) return `result.rows sums to ${totalRows}, store holds ${totalStored}`;
    if (result.quarantined !== [...quarantinedByFile.values()].reduce((a, b) => a + b, 0)) return 'quarantined count differs from the quarantine table';
    return null;
  } finally {
    db.close();
    fs.rmSync(c.dir, { recursive: true, force: true });
  }
}

import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, QUARANTINE_FILE, TRUTH_FILE, TRUTH_META_FILE } from '../../src/demo/generate';
import { addressKey } from '../../src/ids/address';
import { normaliseHolderId } from '../../src/ids/holder';
import { normaliseOrgNr } from '../../src/ids/orgnr';
import { normalisePersonId } from '../../src/ids/personnummer';
import { normaliseAmount, normaliseBool, normaliseDate, normaliseInt, splitList } from '../../src/ids/values';
import { TABLES, TABLE_NAMES, type ColumnSpec, type TableName } from '../../src/model/index';

/** Contract §4 and §7.2: the fixed signal ids. */
const SIGNAL_IDS = ['revoked-network', 'phoenix-continuation', 'foster-home-as-hvb', 'financial-mismanagement', 'trading-ban-officer', 'conviction-in-control', 'undeclared-influence', 'missing-record-check', 'convicted-staff-with-children', 'unlicensed-practitioner', 'over-capacity', 'operating-without-licence', 'address-hub', 'nominal-licensed-staff', 'deceased-officer', 'board-swap-after-finding', 'serial-director', 'supervision-evasion', 'fee-outlier', 'dental-support-without-dentist'];

interface Meta { as_of: string; dirty: boolean; rows: Record<string, number>; files: Record<string, { encoding: string; delimiter: string }> }
interface ParsedRow { line: number; values: Record<string, string> }

let dir: string;
let again: string;
let other: string;
let meta: Meta;
const tables = new Map<TableName, ParsedRow[]>();

/** Reads a generated table the way its truth_meta says it was written, with each row's first line. */
function readTable(base: string, table: TableName, m: Meta): ParsedRow[] {
  const f = m.files[`${table}.csv`]!;
  const bytes = readFileSync(join(base, `${table}.csv`));
  const text = f.encoding === 'windows-1252' ? new TextDecoder('windows-1252').decode(bytes) : bytes.toString('utf8').replace(/^\uFEFF/, '');
  const records = parse(text, { delimiter: f.delimiter, relax_column_count: false, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  const [header, ...rows] = records;
  expect(header!.record).toEqual(TABLES[table].columns.map((c) => c.name));
  return rows.map(({ record, info }) => ({
    line: info.lines - record.join('').split('\n').length + 1,
    values: Object.fromEntries(header!.record.map((h, i) => [h, record[i] ?? ''])),
  }));
}

/** The first column of a row that the importer's normalisers reject, or null. */
function badColumn(spec: readonly ColumnSpec[], row: Record<string, string>): string | null {
  for (const c of spec) {
    const v = row[c.name] ?? '';
    if (v === '') {
      if (c.required) return c.name;
      continue;
    }
    const ok = (() => {
      switch (c.type) {
        case 'org_nr': return normaliseOrgNr(v).ok;
        case 'person_id': return normalisePersonId(v).ok;
        case 'holder_id': return normaliseHolderId(v).ok;
        case 'person_id_list': return splitList(v).every((p) => normalisePersonId(p).ok);
        case 'date': return normaliseDate(v).ok;
        case 'amount': return normaliseAmount(v).ok;
        case 'int': return normaliseInt(v).ok;
        case 'bool': return normaliseBool(v).ok;
        case 'enum': return c.values!.includes(v);
        case 'list': return splitList(v).every((x) => !c.values || c.values.includes(x));
        default: return true;
      }
    })();
    if (!ok) return c.name;
  }
  return null;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'insyn-demo-'));
  again = await mkdtemp(join(tmpdir(), 'insyn-demo-'));
  other = await mkdtemp(join(tmpdir(), 'insyn-demo-'));
  await Promise.all([
    generateDataset(dir, { scale: 'demo', seed: 1 }),
    generateDataset(again, { scale: 'demo', seed: 1 }),
    generateDataset(other, { scale: 'demo', seed: 2 }),
  ]);
  meta = JSON.parse(readFileSync(join(dir, TRUTH_META_FILE), 'utf8')) as Meta;
  for (const t of TABLE_NAMES) tables.set(t, readTable(dir, t, meta));
});

afterAll(async () => {
  for (const d of [dir, again, other]) await rm(d, { recursive: true, force: true });
});

describe('demo-data generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const files = readdirSync(dir).sort();
    expect(files).toEqual(readdirSync(again).sort());
    for (const f of files) expect(readFileSync(join(again, f)).equals(readFileSync(join(dir, f))), f).toBe(true);
    expect(readFileSync(join(other, 'companies.csv')).equals(readFileSync(join(dir, 'companies.csv')))).toBe(false);
    expect(readFileSync(join(other, TRUTH_FILE), 'utf8').split('\n').length).toBe(readFileSync(join(dir, TRUTH_FILE), 'utf8').split('\n').length);
  });

  it('writes all 15 tables with the contract headers, in the encodings it declares', () => {
    expect(TABLE_NAMES.every((t) => tables.get(t)!.length > 0)).toBe(true);
    const companies = readFileSync(join(dir, 'companies.csv'));
    expect(meta.files['companies.csv']).toEqual({ encoding: 'windows-1252', delimiter: ';' });
    // Windows-1252 bytes for å/ä/ö, and not valid UTF-8 for them.
    expect(companies.includes(Buffer.from([0xe4]))).toBe(true);
    expect(companies.includes(Buffer.from('ä', 'utf8'))).toBe(false);
    expect(readFileSync(join(dir, 'persons.csv')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('every value passes the normalisers except exactly the rows listed for quarantine', () => {
    const expected = (parse(readFileSync(join(dir, QUARANTINE_FILE), 'utf8'), { columns: true }) as Record<string, string>[]).map((q) => `${q.file}:${q.line}:${q.column}`).sort();
    const found: string[] = [];
    for (const t of TABLE_NAMES) for (const r of tables.get(t)!) {
      const col = badColumn(TABLES[t].columns, r.values);
      if (col) found.push(`${t}.csv:${r.line}:${col}`);
    }
    expect(found.sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThanOrEqual(7);
    for (const t of TABLE_NAMES) expect(tables.get(t)!.length - expected.filter((e) => e.startsWith(`${t}.csv:`)).length, t).toBe(meta.rows[t]);
  });

  it('has no two rows with the same natural key (the importer would quarantine the second)', () => {
    const norm = (c: ColumnSpec, v: string): string => {
      const n = c.type === 'org_nr' ? normaliseOrgNr(v) : c.type === 'person_id' ? normalisePersonId(v) : c.type === 'holder_id' ? normaliseHolderId(v) : c.type === 'date' ? normaliseDate(v) : c.type === 'amount' ? normaliseAmount(v) : null;
      if (!n) return v.trim();
      return n.ok ? JSON.stringify(n.value) : v;
    };
    for (const t of TABLE_NAMES) {
      const cols = TABLES[t].key.map((k) => TABLES[t].columns.find((c) => c.name === k)!);
      const seen = new Map<string, number>();
      const dups: string[] = [];
      for (const r of tables.get(t)!) {
        if (badColumn(TABLES[t].columns, r.values)) continue;
        const key = cols.map((c) => norm(c, r.values[c.name] ?? '')).join('|');
        if (seen.has(key)) dups.push(`${t}.csv:${r.line} = line ${seen.get(key)}`);
        else seen.set(key, r.line);
      }
      expect(dups, t).toEqual([]);
    }
  });

  it('uses the other accepted id and amount forms at a small rate (dirty)', () => {
    const orgs = tables.get('companies')!.map((r) => r.values.org_nr!);
    const dashed = orgs.filter((o) => /^\d{6}-\d{4}$/.test(o)).length;
    const twelve = orgs.filter((o) => /^16\d{10}$/.test(o)).length;
    expect(dashed).toBeGreaterThan(0);
    expect(twelve).toBeGreaterThan(0);
    expect((dashed + twelve) / orgs.length).toBeLessThan(0.1);
    const persons = tables.get('persons')!.map((r) => r.values.person_id!);
    expect(persons.some((p) => /^\d{6}-\d{4}$/.test(p))).toBe(true);
    expect(persons.filter((p) => /^\d{6}\+\d{4}$/.test(p)).map((p) => normalisePersonId(p))).toEqual([{ ok: true, value: expect.stringMatching(/^1921/) }]);
    expect(persons.some((p) => p.startsWith('ext:'))).toBe(true);
    expect(persons.some((p) => { const n = normalisePersonId(p); return n.ok && /^\d{6}[6-9]/.test(n.value); })).toBe(true);
    expect(tables.get('financial_events')!.some((r) => /^\d{1,3}( \d{3})+,\d{2}$/.test(r.values.amount_sek!))).toBe(true);
  });

  it('refers only to entities that exist (after quarantine)', () => {
    const norm = (v: string) => { const h = normaliseHolderId(v); return h.ok ? h.value.id : null; };
    const persons = new Set(tables.get('persons')!.map((r) => norm(r.values.person_id!)));
    const companies = new Set(tables.get('companies')!.map((r) => norm(r.values.org_nr!)));
    const licences = new Set(tables.get('licences')!.map((r) => r.values.licence_id));
    const homes = new Set(tables.get('foster_homes')!.map((r) => r.values.home_id));
    const missing: string[] = [];
    const need = (set: Set<string | null | undefined>, v: string | undefined, what: string) => { if (v && !set.has(v)) missing.push(`${what} ${v}`); };
    for (const r of tables.get('roles')!) if (!badColumn(TABLES.roles.columns, r.values)) {
      need(companies, norm(r.values.org_nr!)!, 'org');
      const h = norm(r.values.holder_id!)!;
      need(persons.has(h) ? persons : companies, h, 'holder');
    }
    for (const r of tables.get('licences')!) need(companies, norm(r.values.org_nr!)!, 'licence org');
    for (const r of tables.get('employments')!) if (!badColumn(TABLES.employments.columns, r.values)) need(persons, norm(r.values.person_id!)!, 'employee');
    for (const r of tables.get('placements')!) if (!badColumn(TABLES.placements.columns, r.values)) {
      if (r.values.licence_id) need(licences, r.values.licence_id, 'placement licence');
      if (r.values.home_id) need(homes, r.values.home_id, 'placement home');
    }
    for (const r of tables.get('foster_homes')!) for (const p of splitList(r.values.parent_ids)) need(persons, norm(p)!, 'parent');
    expect(missing).toEqual([]);
  });

  it('has fire and not_fire truth for every signal, on subjects that exist', () => {
    const truth = parse(readFileSync(join(dir, TRUTH_FILE), 'utf8'), { columns: true }) as Record<string, string>[];
    expect(meta.as_of).toBe('2026-11-01');
    for (const s of SIGNAL_IDS) {
      expect(truth.some((t) => t.signal === s && t.expected === 'fire'), `${s} fire`).toBe(true);
      expect(truth.some((t) => t.signal === s && t.expected === 'not_fire'), `${s} not_fire`).toBe(true);
    }
    expect(truth.every((t) => SIGNAL_IDS.includes(t.signal!) && ['fire', 'not_fire'].includes(t.expected!))).toBe(true);
    const keys = new Set(truth.map((t) => `${t.signal}|${t.subject_kind}|${t.subject_id}`));
    expect(keys.size).toBe(truth.length);
    const ids = (table: TableName, col: string, f: (v: string) => string | null) => new Set(tables.get(table)!.map((r) => f(r.values[col]!)));
    const exists: Record<string, Set<string | null>> = {
      person: ids('persons', 'person_id', (v) => { const n = normalisePersonId(v); return n.ok ? n.value : null; }),
      company: ids('companies', 'org_nr', (v) => { const n = normaliseOrgNr(v); return n.ok ? n.value : null; }),
      licence: ids('licences', 'licence_id', (v) => v),
      foster_home: ids('foster_homes', 'home_id', (v) => v),
      address: new Set([...tables.get('companies')!, ...tables.get('licences')!, ...tables.get('foster_homes')!].map((r) => addressKey(r.values.address, r.values.postal_code))),
    };
    for (const t of truth) expect(exists[t.subject_kind!]!.has(t.subject_id!), `${t.subject_kind} ${t.subject_id}`).toBe(true);
  });

  it('matches the committed demo dataset in data/demo', () => {
    const committed = join(process.cwd(), 'data', 'demo');
    for (const f of readdirSync(dir)) expect(readFileSync(join(committed, f)).equals(readFileSync(join(dir, f))), `data/demo/${f} is stale: run insyn demo-data data/demo --seed 1`).toBe(true);
  });
});

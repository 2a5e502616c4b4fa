import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TABLE_NAMES, type TableName } from '../model/index';
import { writeCompanies, type CompanyPass } from './background/companies';
import { writeFosterHomes } from './background/foster-homes';
import { Layout } from './background/layout';
import { writePersons } from './background/persons';
import { CsvSink } from './csv-sink';
import { breakCheckDigit, personnummer, withCheckDigit } from './ids';
import { AS_OF, plantAll } from './planted/index';
import { MATCH_TRUTH_FILE } from './planted/duplicates';
import { Rng } from './prng';
import { SCALE_PARAMS, type Scale } from './scales';
import { CLEAN, dirtyPolicies, TableWriter, type FilePolicy } from './table-writer';

export interface GenerateOptions {
  scale: Scale;
  seed: number;
  /** Dirty files and rows meant for quarantine; default true for demo and municipality. */
  dirty?: boolean;
  onProgress?: (p: { phase: string; done: number; total: number }) => void;
}

export interface QuarantineExpectation {
  file: string;
  line: number;
  column: string;
  value: string;
  reason: string;
}

export const TRUTH_FILE = 'truth.csv';
export const TRUTH_META_FILE = 'truth_meta.json';
export const QUARANTINE_FILE = 'quarantine_expected.csv';

/**
 * Writes a synthetic Sweden in the contract format to `outDir`: the 15 tables, `truth.csv`
 * (planted cases: signal, subject, fire | not_fire), `truth_meta.json` (as-of date, formats,
 * counts) and, when dirty, `quarantine_expected.csv` (every row the importer must reject).
 * Deterministic for (scale, seed, dirty); memory does not grow with the scale.
 */
export async function generateDataset(outDir: string, opts: GenerateOptions): Promise<{ files: string[]; truthRows: number }> {
  const params = SCALE_PARAMS[opts.scale];
  const dirty = opts.dirty ?? params.dirtyByDefault;
  await mkdir(outDir, { recursive: true });
  const policies: Record<TableName, FilePolicy> = dirty ? dirtyPolicies() : Object.fromEntries(TABLE_NAMES.map((t) => [t, CLEAN])) as Record<TableName, FilePolicy>;
  const w = new TableWriter(outDir, policies, opts.seed);
  const progress = opts.onProgress ?? (() => {});

  const truth = plantAll(w, opts.seed);
  const L = new Layout(opts.seed, params);
  await writePersons(w, L, (done) => progress({ phase: 'persons', done, total: params.persons }));
  const pass: CompanyPass = { consultants: [], employeeCursor: L.seg.employee.start, exclusiveCursor: L.seg.exclusive.start, licences: 0, placement: 0 };
  const quarantine: QuarantineExpectation[] = [];
  const bad = dirty ? badRows(w, L, params.badRowsPerFile, opts.seed, quarantine) : () => {};
  await writeCompanies(w, L, pass, (done) => progress({ phase: 'companies', done, total: params.companies }), bad);
  await writeFosterHomes(w, L, pass.consultants, { placement: pass.placement });
  progress({ phase: 'foster_homes', done: params.fosterHomes, total: params.fosterHomes });
  await w.close();

  const files = TABLE_NAMES.map((t) => `${t}.csv`);
  await writeCsv(join(outDir, TRUTH_FILE), ['signal', 'subject_kind', 'subject_id', 'expected', 'note'], truth.map((t) => [t.signal, t.subject_kind, t.subject_id, t.expected, t.note]));
  files.push(TRUTH_FILE);
  files.push(MATCH_TRUTH_FILE); // issue 15: planted duplicates (src/demo/planted/duplicates.ts)
  if (dirty) {
    await writeCsv(join(outDir, QUARANTINE_FILE), ['file', 'line', 'column', 'value', 'reason'], quarantine.map((q) => [q.file, String(q.line), q.column, q.value, q.reason]));
    files.push(QUARANTINE_FILE);
  }
  const meta = {
    as_of: AS_OF,
    scale: opts.scale,
    seed: opts.seed,
    dirty,
    // The background is built so that it cannot fire any signal: every hit at as_of is a planted case listed as `fire`.
    exhaustive: true,
    truth: { fire: truth.filter((t) => t.expected === 'fire').length, not_fire: truth.filter((t) => t.expected === 'not_fire').length },
    quarantined_expected: quarantine.length,
    rows: Object.fromEntries(TABLE_NAMES.map((t) => [t, w.rows(t) - quarantine.filter((q) => q.file === `${t}.csv`).length])),
    files: Object.fromEntries(TABLE_NAMES.map((t) => [`${t}.csv`, { encoding: policies[t].encoding, delimiter: policies[t].delimiter }])),
  };
  await writeFile(join(outDir, TRUTH_META_FILE), JSON.stringify(meta, null, 2) + '\n');
  files.push(TRUTH_META_FILE);
  return { files, truthRows: truth.length };
}

async function writeCsv(path: string, header: string[], rows: string[][]): Promise<void> {
  const sink = new CsvSink(path, { encoding: 'utf8', delimiter: ',' }, header);
  for (const r of rows) sink.write(r);
  await sink.close();
}

/**
 * Rows the importer must quarantine (bad Luhn check digits, impossible dates), spread through
 * the files at `perFile` points of the company pass. They reference nothing planted.
 */
function badRows(w: TableWriter, L: Layout, perFile: number, seed: number, out: QuarantineExpectation[]): (i: number) => void {
  const step = Math.max(1, Math.floor(L.p.companies / (perFile + 1)));
  let made = 0;
  const note = (table: TableName, line: number, column: string, value: string, reason: string) => out.push({ file: `${table}.csv`, line, column, value, reason });
  return (i: number) => {
    if (made >= perFile || i % step !== step - 1) return;
    made++;
    const r = Rng.keyed(seed, 'bad', i);
    const org = L.orgNr(i);
    const plain = L.personId(L.randomPlain(r));
    const badOrg = breakCheckDigit(withCheckDigit(`557${String(r.int(0, 999_999)).padStart(6, '0')}`));
    const badPerson = breakCheckDigit(personnummer(`19${r.int(50, 99)}-0${r.int(1, 9)}-1${r.int(0, 9)}`, r.int(100, 999)));
    note('companies', w.writeRaw('companies', { org_nr: badOrg, name: 'Felaktiga Bolaget AB', legal_form: 'AB', registered_on: '2019-03-01', status: 'active' }), 'org_nr', badOrg, 'org_nr check digit (Luhn) does not hold');
    note('persons', w.writeRaw('persons', { person_id: badPerson, name: 'Felaktig Person' }), 'person_id', badPerson, 'personnummer check digit (Luhn) does not hold');
    note('roles', w.writeRaw('roles', { org_nr: org, holder_id: badPerson, role: 'board_member', holder_kind: 'person', from: '2020-01-01' }), 'holder_id', badPerson, 'personnummer check digit (Luhn) does not hold');
    note('employments', w.writeRaw('employments', { org_nr: org, person_id: plain, profession: 'other', from: '2025-02-30' }), 'from', '2025-02-30', 'date does not exist in the calendar');
    note('financial_events', w.writeRaw('financial_events', { subject_id: org, kind: 'payment_remark', amount_sek: '1200', occurred_on: '2024-13-05' }), 'occurred_on', '2024-13-05', 'date does not exist in the calendar');
    note('sanctions', w.writeRaw('sanctions', { subject_id: plain, kind: 'suspicion', from: '20230231', offence: 'other' }), 'from', '20230231', 'date does not exist in the calendar');
    note('placements', w.writeRaw('placements', { placement_id: `PL-BAD-${made}`, from: '2025-04-31', home_id: 'FH-10000' }), 'from', '2025-04-31', 'date does not exist in the calendar');
  };
}

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importPath, ImportError } from '../../src/import/importer';
import { openDb } from '../../src/store/db';
import { encodeText, orgNr, personId, tableCsv, tmpDir, writeDataset } from '../support/fixtures';
import { storeFingerprint } from './helpers';
import { EXAMPLE_REVOKED_NETWORK } from '../support/samples';

const A = orgNr('556036079'); // 5560360793
const B = orgNr('556677889');
const P1 = personId('19811218', '987');
const P2 = personId('19700303', '123');

const companies = [
  { org_nr: A, name: 'Ängsgården Omsorg AB', legal_form: 'AB', status: 'active', address: 'Storgatan 12 B', postal_code: '111 22', city: 'Stockholm' },
  { org_nr: B, name: 'Björkens HVB AB', legal_form: 'AB', status: 'liquidation' },
];
const roles = [
  { org_nr: A, holder_id: P1, role: 'ceo', from: '2020-01-01' },
  { org_nr: B, holder_id: A, role: 'owner', share_pct: '50,5', from: '2021-01-01' },
];

function freshDb(dir = tmpDir()) {
  return openDb(path.join(dir, 'store.sqlite'));
}

describe('importPath: formats', () => {
  it('imports the shipped revoked-network example with nothing quarantined', async () => {
    const db = freshDb();
    const r = await importPath(db, EXAMPLE_REVOKED_NETWORK);
    expect(r.quarantined).toBe(0);
    expect(r.rows).toEqual({ companies: 16, persons: 24, roles: 38, licences: 15 });
    expect(r.skipped).toEqual(['expected.json']);
  });

  it('reads Windows-1252 with ; (a Swedish Excel export) and infers holder_kind', async () => {
    const dir = writeDataset(tmpDir(), { companies, roles }, { encoding: 'windows-1252', delimiter: ';', lineEnding: '\r\n' });
    const bytes = fs.readFileSync(path.join(dir, 'companies.csv'));
    expect(bytes.includes(0xc4)).toBe(true); // Ä as one byte: really 1252, not UTF-8
    const db = freshDb();
    const r = await importPath(db, dir);
    expect(r.quarantined).toBe(0);
    expect(db.prepare('SELECT name, address_key FROM companies WHERE org_nr = ?').get(A)).toEqual({ name: 'Ängsgården Omsorg AB', address_key: 'STORGATAN 12 B|11122' });
    const kinds = db.prepare('SELECT holder_id, holder_kind, share_pct FROM roles ORDER BY holder_kind').all();
    expect(kinds).toEqual([
      { holder_id: A, holder_kind: 'company', share_pct: 50.5 },
      { holder_id: P1, holder_kind: 'person', share_pct: null },
    ]);
  });

  it('decodes the 0x80–0x9F range of Windows-1252 (€, –) correctly', async () => {
    const dir = tmpDir();
    const text = `org_nr;name\n${A};Kvalitet \x96 Omsorg \x80 AB\n`;
    fs.writeFileSync(path.join(dir, 'companies.csv'), Buffer.from(text, 'latin1'));
    const db = freshDb();
    await importPath(db, dir);
    expect(db.prepare('SELECT name FROM companies').pluck().get()).toBe('Kvalitet – Omsorg € AB');
  });

  it('switches to Windows-1252 when the first non-ASCII byte comes after the 4 MiB probe', async () => {
    const dir = tmpDir();
    const pad = 'x'.repeat(2000);
    const rows = Array.from({ length: 2200 }, (_, i) => `${orgNr(String(556100000 + i))};Bolag ${i};${pad}`);
    rows.push(`${A};Åkerö Vård AB;${pad}`);
    fs.writeFileSync(path.join(dir, 'companies.csv'), Buffer.from(`org_nr;name;notering\n${rows.join('\n')}\n`, 'latin1'));
    const db = freshDb();
    const r = await importPath(db, dir);
    expect(r.quarantined).toBe(0);
    expect(db.prepare('SELECT name FROM companies WHERE org_nr = ?').pluck().get(A)).toBe('Åkerö Vård AB');
  });

  it('reads UTF-8 with BOM, TAB delimiter, Swedish aliases and keeps unknown columns in extra', async () => {
    const dir = tmpDir();
    const text = `Organisationsnummer\tNamn\tPostnummer\tFärgkod\n${A.slice(0, 6)}-${A.slice(6)}\tÅkerö AB\t111 22\tblå\n`;
    fs.writeFileSync(path.join(dir, 'COMPANIES.CSV'), encodeText(text, { bom: true }));
    const db = freshDb();
    const r = await importPath(db, dir);
    expect(r.quarantined).toBe(0);
    expect(db.prepare('SELECT org_nr, name, postal_code, extra FROM companies').get()).toEqual({ org_nr: A, name: 'Åkerö AB', postal_code: '111 22', extra: JSON.stringify({ Färgkod: 'blå' }) });
  });

  it('keeps embedded newlines and quotes, and reports physical line numbers', async () => {
    const dir = tmpDir();
    const text = `licence_id,org_nr,kind,status,reason\nL1,${A},hvb_children,granted,"rad ett\nrad ""två"""\nL2,${A},HVB_Children,nonsense,\nL3,${A},home_care,revoked,\n`;
    fs.writeFileSync(path.join(dir, 'licences.csv'), text);
    const db = freshDb();
    const r = await importPath(db, dir);
    expect(db.prepare("SELECT reason FROM licences WHERE licence_id = 'L1'").pluck().get()).toBe('rad ett\nrad "två"');
    expect(r.quarantine).toEqual([{ file: 'licences.csv', line: 4, column: 'status', value: 'nonsense', reason: expect.stringMatching(/unknown status/), reason_sv: expect.stringMatching(/okänt värde/) }]);
    expect(db.prepare("SELECT src_line FROM licences WHERE licence_id = 'L3'").pluck().get()).toBe(5);
  });

  it('accepts the v2 inspection tags (documents_withheld, access_refused, false_information); an unknown tag is still quarantined', async () => {
    const dir = writeDataset(tmpDir(), {
      inspections: [
        { org_nr: A, decided_on: '2025-01-10', outcome: 'injunction', tags: ['documents_withheld', 'access_refused'] },
        { org_nr: A, decided_on: '2025-02-10', outcome: 'deficiencies', tags: 'False_Information' },
        { org_nr: A, decided_on: '2025-03-10', outcome: 'deficiencies', tags: 'hid_papers' },
      ],
    });
    const db = freshDb();
    const r = await importPath(db, dir);
    expect(r.quarantine.map((q) => [q.line, q.column, q.value])).toEqual([[4, 'tags', 'hid_papers']]);
    expect(db.prepare('SELECT tags FROM inspections ORDER BY decided_on').pluck().all()).toEqual(['["documents_withheld","access_refused"]', '["false_information"]']);
  });

  it('imports .xlsx (first sheet) with dates and numbers', async () => {
    const dir = tmpDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Bolag');
    ws.addRow(['org_nr', 'name', 'registered_on', 'sni']);
    ws.addRow([A, 'Excel AB', new Date(Date.UTC(2019, 4, 2)), 87901]);
    ws.addRow(['123', 'Felaktig AB', '', '']);
    wb.addWorksheet('Annat').addRow(['x']);
    await wb.xlsx.writeFile(path.join(dir, 'companies.xlsx'));
    const db = freshDb();
    const r = await importPath(db, dir);
    expect(db.prepare('SELECT name, registered_on, sni FROM companies').get()).toEqual({ name: 'Excel AB', registered_on: '2019-05-02', sni: '87901' });
    expect(r.quarantine.map((q) => [q.line, q.column])).toEqual([[3, 'org_nr']]);
  });

  it('.xlsx: a row of empty cells is skipped, a row whose cells hold only blanks is quarantined (nothing dropped)', async () => {
    const dir = tmpDir();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Bolag');
    ws.addRow(['org_nr', 'name']);
    ws.addRow([A, 'Excel AB']);
    ws.addRow(['', '']);
    ws.addRow(['  ', ' ']);
    await wb.xlsx.writeFile(path.join(dir, 'companies.xlsx'));
    const r = await importPath(freshDb(), dir);
    expect(r.rows).toEqual({ companies: 1 });
    expect(r.quarantine.map((q) => [q.line, q.column])).toEqual([[4, 'org_nr']]);
  });

  it('imports .csv.gz, and rejects a truncated gzip leaving the store unchanged', async () => {
    const dir = tmpDir();
    const gz = zlib.gzipSync(tableCsv('companies', companies));
    fs.writeFileSync(path.join(dir, 'companies.csv.gz'), gz);
    const db = freshDb();
    expect((await importPath(db, dir)).rows.companies).toBe(2);

    const bad = tmpDir();
    writeDataset(bad, { roles });
    fs.writeFileSync(path.join(bad, 'persons.csv.gz'), zlib.gzipSync(tableCsv('persons', [{ person_id: P2, name: 'X' }]).repeat(200)).subarray(0, 60));
    const before = storeFingerprint(db);
    const err = await importPath(db, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('unreadable');
    expect((err as ImportError).message).toMatch(/persons\.csv\.gz/);
    expect(storeFingerprint(db)).toEqual(before);
  });
});

describe('importPath: quarantine', () => {
  it('quarantines each kind of bad row with file, line, column, value and reasons', async () => {
    const dir = tmpDir();
    writeDataset(dir, {
      roles: [
        { org_nr: A, holder_id: P1, role: 'ceo', from: '2020-01-01' }, // 2 ok
        { org_nr: '5560360794', holder_id: P1, role: 'ceo' }, // 3 bad luhn
        { org_nr: A, holder_id: '811318-9876', role: 'ceo' }, // 4 bad person
        { org_nr: A, holder_id: P1, role: 'janitor' }, // 5 bad enum
        { org_nr: A, holder_id: P1, role: 'ceo', from: '2020-13-01' }, // 6 bad date
        { org_nr: A, holder_id: P1, role: 'ceo', share_pct: 'mycket' }, // 7 bad amount
        { org_nr: A, holder_id: '', role: 'ceo' }, // 8 missing required
        { org_nr: A, holder_id: P1, role: 'CEO', from: '20200101' }, // 9 same key as 2: a second role row, stored
        { org_nr: A, holder_id: P1, role: 'ceo', holder_kind: 'robot' }, // 10 bad holder_kind
      ],
    });
    fs.appendFileSync(path.join(dir, 'roles.csv'), `${A},${P1}\n`); // 11 wrong field count
    const db = freshDb();
    const r = await importPath(db, dir);
    expect(r.quarantine.map((q) => q.line)).toEqual([3, 4, 5, 6, 7, 8, 10, 11]);
    expect(r.rows.roles).toBe(2);
    expect(r.quarantined).toBe(8);
    expect(r.records['roles.csv']).toBe(10);
    const byLine = Object.fromEntries(r.quarantine.map((q) => [q.line, [q.column, q.value]]));
    expect(byLine).toEqual({
      3: ['org_nr', '5560360794'],
      4: ['holder_id', '811318-9876'],
      5: ['role', 'janitor'],
      6: ['from', '2020-13-01'],
      7: ['share_pct', 'mycket'],
      8: ['holder_id', ''],
      10: ['holder_kind', 'robot'],
      11: [null, `${A},${P1}`],
    });
    for (const q of r.quarantine) {
      expect(q.reason.length).toBeGreaterThan(5);
      expect(q.reason_sv.length).toBeGreaterThan(5);
    }
    const stored = db.prepare('SELECT file, line, column_name, value, reason, reason_sv FROM quarantine ORDER BY line').all();
    expect(stored).toHaveLength(8);
  });

  it('a missing required header fails the whole dataset with a Swedish+English message; store unchanged', async () => {
    const db = freshDb();
    await importPath(db, writeDataset(tmpDir(), { companies }));
    const before = storeFingerprint(db);
    const dir = writeDataset(tmpDir(), { companies: [{ org_nr: B, name: 'Nytt namn AB' }], roles });
    fs.writeFileSync(path.join(dir, 'roles.csv'), `org_nr,holder_id,from\n${A},${P1},2020-01-01\n`);
    const err = (await importPath(db, dir).catch((e: unknown) => e)) as ImportError;
    expect(err).toBeInstanceOf(ImportError);
    expect(err.code).toBe('missing_headers');
    expect(err.messageSv).toMatch(/roles\.csv: obligatoriska kolumner saknas: role/);
    expect(err.messageEn).toMatch(/required columns missing: role/);
    expect(storeFingerprint(db)).toEqual(before);
  });

  it('a binary file fails the dataset and leaves the store byte-identical in content', async () => {
    const db = freshDb();
    await importPath(db, writeDataset(tmpDir(), { companies }));
    const before = storeFingerprint(db);
    const dir = writeDataset(tmpDir(), { roles });
    fs.writeFileSync(path.join(dir, 'persons.csv'), Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 1, 2, 3, 0, 0]));
    const err = (await importPath(db, dir).catch((e: unknown) => e)) as ImportError;
    expect(err.code).toBe('binary');
    expect(storeFingerprint(db)).toEqual(before);
  });
});

describe('importPath: idempotence, history, merge', () => {
  it('importing the same folder twice changes nothing', async () => {
    const dir = writeDataset(tmpDir(), { companies, roles: [...roles, { org_nr: 'x', holder_id: P1, role: 'ceo' }] });
    const db = freshDb();
    const first = await importPath(db, dir);
    const before = storeFingerprint(db);
    const second = await importPath(db, dir);
    expect(storeFingerprint(db)).toEqual(before);
    expect(second.already_imported).toBe(true);
    expect(second.dataset_id).toBe(first.dataset_id);
    expect(second.rows).toEqual(first.rows);
    expect(second.quarantine).toEqual(first.quarantine);
    expect(second.inserted + second.updated).toBe(0);
  });

  it('a copy of the same data under another folder name changes no fact row', async () => {
    const db = freshDb();
    await importPath(db, writeDataset(tmpDir(), { companies, roles }));
    const facts = () => db.prepare('SELECT * FROM companies ORDER BY row_id').all();
    const before = facts();
    const r = await importPath(db, writeDataset(tmpDir(), { companies, roles, persons: [{ person_id: P1, name: 'Ny Person' }] }));
    expect(r.unchanged).toBe(4);
    expect(r.inserted).toBe(1);
    expect(facts()).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM fact_history').pluck().get()).toBe(0);
  });

  it('a newer extract updates rows by id and keeps the old version in history', async () => {
    const db = freshDb();
    await importPath(db, writeDataset(tmpDir(), { roles }));
    const newer = [{ ...roles[0]!, to: '2024-06-30' }, roles[1]!];
    const r = await importPath(db, writeDataset(tmpDir(), { roles: newer }));
    expect([r.updated, r.unchanged, r.inserted]).toEqual([1, 1, 0]);
    expect(db.prepare('SELECT to_date, dataset_id FROM roles WHERE holder_id = ?').get(P1)).toEqual({ to_date: '2024-06-30', dataset_id: 2 });
    const h = db.prepare('SELECT table_name, old_row, replaced_by_dataset FROM fact_history').all() as { table_name: string; old_row: string; replaced_by_dataset: number }[];
    expect(h).toHaveLength(1);
    expect(h[0]!.table_name).toBe('roles');
    expect(JSON.parse(h[0]!.old_row)).toMatchObject({ holder_id: P1, to_date: null, dataset_id: 1 });
  });

  it('the same company from the bulk file and companies.csv is one company (merged)', async () => {
    const dir = tmpDir();
    fs.writeFileSync(
      path.join(dir, 'bolagsverket_bulkfil.txt'),
      'organisationsidentitet;namnskyddslopnummer;registreringsland;organisationsnamn;organisationsform;avregistreringsdatum;avregistreringsorsak;pagandeAvvecklingsEllerOmstruktureringsforfarande;registreringsdatum;verksamhetsbeskrivning;postadress\n' +
        `"${A}$ORGNR-IDORG";"";"SE-LAND";"Ängsgården AB$FORETAGSNAMN-ORGNAM$2015-01-01|Meadow Care$ANNATSPRAK-ORGNAM$2016-01-01";"AB-ORGFO";"";"";"";"2015-01-01";"Omsorg";"Box 1$$STOCKHOLM$11122$SE-LAND"\n`,
    );
    writeDataset(dir, { companies: [{ org_nr: A, name: 'Ängsgården Omsorg AB', phone: '08-123456' }] }, { minimalHeaders: true });
    const db = freshDb();
    const r = await importPath(db, dir);
    expect(r.quarantined).toBe(0);
    const rows = db.prepare('SELECT name, alt_names, registered_on, phone, legal_form, src_file FROM companies').all();
    expect(rows).toEqual([{ name: 'Ängsgården Omsorg AB', alt_names: JSON.stringify(['Meadow Care', 'Ängsgården AB']), registered_on: '2015-01-01', phone: '08-123456', legal_form: 'AB', src_file: 'companies.csv' }]);
    const again = await importPath(db, dir);
    expect(again.already_imported).toBe(true);
  });
});

describe('importPath: shares in percent', () => {
  it('roles.share_pct accepts a trailing % (25 %, 30%, 25,5 %); a SEK amount with % is still quarantined', async () => {
    const db = freshDb();
    const r = await importPath(
      db,
      writeDataset(tmpDir(), {
        roles: [
          { org_nr: A, holder_id: P1, role: 'owner', share_pct: '25 %', from: '2020-01-01' },
          { org_nr: A, holder_id: P2, role: 'owner', share_pct: '30%', from: '2020-01-01' },
          { org_nr: B, holder_id: P1, role: 'owner', share_pct: '25,5 %', from: '2020-01-01' },
        ],
        payments: [{ payer: 'Solna kommun', payee_org_nr: A, paid_on: '2025-01-01', amount_sek: '25 %' }],
      }),
    );
    expect(r.rows.roles).toBe(3);
    expect(db.prepare('SELECT share_pct FROM roles ORDER BY src_line').pluck().all()).toEqual([25, 30, 25.5]);
    expect(r.quarantine.map((q) => [q.file, q.column, q.value])).toEqual([['payments.csv', 'amount_sek', '25 %']]);
  });
});

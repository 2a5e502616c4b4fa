import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath, ImportError, type ImportResult } from '../../src/import/importer';
import { TABLE_NAMES } from '../../src/model/tables';
import { openDb, type Db } from '../../src/store/db';
import { orgNr, personId, tmpDir, writeDataset } from '../support/fixtures';

/**
 * Issue 10.1: parsing runs in a worker thread for large inputs while the importer's thread writes.
 * Both paths must leave exactly the same store and report the same result.
 */

const BULK_HEADER = 'organisationsidentitet;namnskyddslopnummer;registreringsland;organisationsnamn;organisationsform;avregistreringsdatum;avregistreringsorsak;pagandeAvvecklingsEllerOmstruktureringsforfarande;registreringsdatum;verksamhetsbeskrivning;postadress';
const bulkRow = (id: string, name: string): string => [id, '', 'SE-LAND', `${name}$FORETAGSNAMN-ORGNAM$2020-01-02`, 'AB-ORGFO', '', '', '', '2020-01-02', 'Vård', 'Box 1$$STOCKHOLM$11122$SE-LAND'].map((f) => `"${f}"`).join(';');

/** Every kind of row outcome, over several batches (more than the worker keeps in flight). */
function dataset(): string {
  const n = 12_000;
  const companies = Array.from({ length: n }, (_, i) => ({ org_nr: orgNr(String(556100000 + i)), name: `Bolag ${i} AB`, address: `Storgatan ${i % 300}`, postal_code: '11122', city: 'Stockholm', extra_kolumn: i % 7 ? '' : `x${i}` }));
  companies.push({ ...companies[5]!, name: 'Dubblett AB' }); // duplicate id: quarantined with its raw cells
  companies.push({ org_nr: '123', name: 'Fel', address: '', postal_code: '', city: '', extra_kolumn: '' }); // bad id
  const roles = Array.from({ length: 2 * n }, (_, i) => ({ org_nr: orgNr(String(556100000 + (i % n))), holder_id: personId(`19${50 + (i % 40)}0${1 + (i % 9)}1${i % 9}`, String(100 + (i % 800))), role: 'board_member', from: '2020-01-01' }));
  roles.push(roles[0]!); // an identical role row: a second occurrence, key#2
  const dir = writeDataset(tmpDir(), { companies, roles, persons: [{ person_id: personId('19811218', '987'), name: 'Erik' }] });
  fs.writeFileSync(path.join(dir, 'bolagsverket_bulkfil.txt'), [BULK_HEADER, bulkRow(`${orgNr('556100003')}$ORGNR-IDORG`, 'Från Bolagsverket AB'), bulkRow('55603607$ORGNR-IDORG', 'Trasig')].join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'x.ftm.json'), JSON.stringify({ id: 'p1', schema: 'Person', properties: { name: ['Dag'], idNumber: [personId('19780101', '123')] } }) + '\nnot json\n');
  return dir;
}

function content(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLE_NAMES) out[t] = db.prepare(`SELECT * FROM ${t} ORDER BY row_id`).raw(true).all().map((r) => (r as unknown[]).filter((v) => typeof v !== 'string' || !/^\d{4}-\d\d-\d\dT/.test(v)));
  out.quarantine = db.prepare('SELECT dataset_id, file, line, column_name, value, reason, reason_sv, raw FROM quarantine ORDER BY id').raw(true).all();
  return out;
}

async function importBoth(dir: string): Promise<{ inThread: ImportResult; worker: ImportResult; a: Db; b: Db }> {
  const a = openDb(path.join(tmpDir(), 'a.sqlite'));
  const b = openDb(path.join(tmpDir(), 'b.sqlite'));
  const inThread = await importPath(a, dir, { parseInWorker: false });
  const worker = await importPath(b, dir, { parseInWorker: true });
  return { inThread, worker, a, b };
}

/** No read-ahead: every batch waits for the writer's ack of the one before (the back-pressure's accounting). */
async function importLockstep(dir: string): Promise<{ result: ImportResult; db: Db }> {
  const db = openDb(path.join(tmpDir(), 'c.sqlite'));
  return { result: await importPath(db, dir, { parseInWorker: true, readAheadBytes: 1 }), db };
}

describe('parsing in a worker thread', () => {
  it('gives the same store and result as parsing on the writer thread', async () => {
    const { inThread, worker, a, b } = await importBoth(dataset());
    expect([inThread.timings?.parse_in_worker, worker.timings?.parse_in_worker]).toEqual([false, true]);
    // Wall times differ between runs (timings, and issue 11's end_marking_ms); everything else is equal.
    expect({ ...worker, timings: null, end_marking_ms: null }).toEqual({ ...inThread, timings: null, end_marking_ms: null });
    expect(inThread.quarantined).toBe(4); // duplicate, bad id, bad bulk id, not json
    expect(inThread.quarantine.find((q) => q.reason.startsWith('duplicate'))).toMatchObject({ file: 'companies.csv', column: 'org_nr', value: orgNr('556100005') });
    expect(content(b)).toEqual(content(a));
    const raw = b.prepare("SELECT raw FROM quarantine WHERE reason LIKE 'duplicate%'").pluck().get() as string;
    expect(JSON.parse(raw)).toContain('Dubblett AB');
    const lockstep = await importLockstep(dataset());
    expect({ ...lockstep.result, timings: null, end_marking_ms: null, dataset: null }).toEqual({ ...inThread, timings: null, end_marking_ms: null, dataset: null });
    expect(content(lockstep.db)).toEqual(content(a));
  }, 120_000);

  it('a file that cannot be imported fails alike, leaving the store as it was', async () => {
    const dir = writeDataset(tmpDir(), { companies: [{ org_nr: orgNr('556036079'), name: 'Ett AB' }] });
    fs.writeFileSync(path.join(dir, 'roles.csv'), 'org_nr,holder_id\n1,2\n');
    const errors: ImportError[] = [];
    for (const parseInWorker of [false, true]) {
      const db = openDb(path.join(tmpDir(), 's.sqlite'));
      await importPath(db, dir, { parseInWorker }).catch((e: ImportError) => errors.push(e));
      expect(db.prepare('SELECT count(*) FROM companies').pluck().get()).toBe(0);
    }
    expect(errors.map((e) => [e.code, e.messageSv])).toEqual([
      ['missing_headers', 'roles.csv: obligatoriska kolumner saknas: role'],
      ['missing_headers', 'roles.csv: obligatoriska kolumner saknas: role'],
    ]);
    expect(errors[1]).toBeInstanceOf(ImportError);
  }, 60_000);
});

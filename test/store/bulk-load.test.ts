import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath, ImportError } from '../../src/import/importer';
import { TABLE_NAMES } from '../../src/model/tables';
import { migrate, openDb, type Db } from '../../src/store/db';
import { MIGRATIONS } from '../../src/store/migrations/index';
import { orgNr, tableCsv, tmpDir, writeDataset } from '../support/fixtures';

/** Issue 10: an import into an empty table loads it without indexes and builds them afterwards. */

const A = orgNr('556036079');
const B = orgNr('556677889');
const indexes = (db: Db): string[] => db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").pluck().all() as string[];
const keyIndexPlan = (db: Db, table: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM ${table} WHERE key = ?`).all('x') as { detail: string }[]).map((r) => r.detail).join(' ');

describe('bulk load into empty tables', () => {
  it('every index exists after the import, and the key is unique again', async () => {
    const db = openDb(path.join(tmpDir(), 's.sqlite'));
    const before = indexes(db);
    expect(before).toEqual(expect.arrayContaining(TABLE_NAMES.map((t) => `${t}_key`)));
    await importPath(db, writeDataset(tmpDir(), { companies: [{ org_nr: A, name: 'Ett AB' }, { org_nr: B, name: 'Två AB' }], persons: [] }));
    expect(indexes(db)).toEqual(before);
    expect(keyIndexPlan(db, 'companies')).toMatch(/USING INDEX companies_key/);
    expect(() => db.prepare("INSERT INTO companies (key, dataset_id, src_file, src_line, imported_at) SELECT key, dataset_id, src_file, 9, imported_at FROM companies LIMIT 1").run()).toThrow(/UNIQUE/);
  });

  it('a duplicate key in a bulk-loaded file is quarantined as a duplicate of its first line', async () => {
    const db = openDb(':memory:');
    const r = await importPath(db, writeDataset(tmpDir(), { companies: [{ org_nr: A, name: 'Ett AB' }, { org_nr: B, name: 'Två AB' }, { org_nr: A, name: 'Ett igen AB' }] }));
    expect(r.rows.companies).toBe(2);
    expect(r.quarantine).toEqual([expect.objectContaining({ file: 'companies.csv', line: 4, column: 'org_nr', reason: 'duplicate of the row on line 2 (same key)' })]);
    expect(db.prepare('SELECT name FROM companies WHERE org_nr = ?').pluck().get(A)).toBe('Ett AB');
  });

  it('a second file writing the same table merges into the first one by key (indexes built in between)', async () => {
    const dir = tmpDir();
    const header = 'organisationsidentitet;namnskyddslopnummer;registreringsland;organisationsnamn;organisationsform;avregistreringsdatum;avregistreringsorsak;pagandeAvvecklingsEllerOmstruktureringsforfarande;registreringsdatum;verksamhetsbeskrivning;postadress';
    const bulk = (id: string, name: string) => [`${id}$ORGNR-IDORG`, '', 'SE-LAND', `${name}$FORETAGSNAMN-ORGNAM$2020-01-02`, 'AB-ORGFO', '', '', '', '2020-01-02', 'Vård', 'Box 1$$STOCKHOLM$11122$SE-LAND'].map((f) => `"${f}"`).join(';');
    fs.writeFileSync(path.join(dir, 'bolagsverket_bulkfil.txt'), [header, bulk(A, 'Ett AB'), bulk(B, 'Två AB')].join('\r\n') + '\r\n');
    fs.writeFileSync(path.join(dir, 'companies.csv'), tableCsv('companies', [{ org_nr: A, name: 'Ett Nytt AB', phone: '08-123 45' }]));
    const db = openDb(':memory:');
    const r = await importPath(db, dir);
    expect(r.quarantined).toBe(0);
    expect(db.prepare('SELECT count(*) FROM companies').pluck().get()).toBe(2);
    expect(db.prepare('SELECT name, alt_names FROM companies WHERE org_nr = ?').get(A)).toEqual({ name: 'Ett Nytt AB', alt_names: '["Ett AB"]' });
    expect(indexes(db)).toContain('companies_key');
  });

  it("import --json's index_build_ms counts the index builds at each file's end (part of write_ms)", async () => {
    const companies = Array.from({ length: 30_000 }, (_, i) => ({ org_nr: orgNr(String(556000000 + i)), name: `Bolag ${i} AB`, address: `Gatan ${i}`, postal_code: '11122' }));
    const r = await importPath(openDb(':memory:'), writeDataset(tmpDir(), { companies }));
    expect(r.rows.companies).toBe(30_000);
    expect(r.timings!.index_build_ms).toBeGreaterThan(0);
    expect(r.timings!.index_build_ms).toBeLessThanOrEqual(r.timings!.write_ms);
  });

  it('a failing import leaves the dropped indexes in place (rolled back with the rows)', async () => {
    const db = openDb(path.join(tmpDir(), 's.sqlite'));
    const before = indexes(db);
    const dir = writeDataset(tmpDir(), { companies: [{ org_nr: A, name: 'Ett AB' }] });
    fs.writeFileSync(path.join(dir, 'persons.csv'), 'name\nErik\n'); // person_id missing: the dataset cannot be imported
    await expect(importPath(db, dir)).rejects.toBeInstanceOf(ImportError);
    expect(indexes(db)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM companies').pluck().get()).toBe(0);
  });
});

describe('migration 010', () => {
  it('turns the key constraint into a droppable unique index, keeping rows, row ids and indexes; drops the duplicate id indexes', () => {
    const file = path.join(tmpDir(), 'old.sqlite');
    const old = new Database(file);
    for (const m of MIGRATIONS.filter((x) => x.version <= 5)) old.exec(m.sql);
    old.pragma('user_version = 5');
    old.exec("INSERT INTO datasets (id, name, source_path, content_hash, imported_at) VALUES (1, 'd', '-', 'h', 't')");
    old.exec(`INSERT INTO companies (row_id, key, org_nr, name, dataset_id, src_file, src_line, imported_at) VALUES (7, '["${A}"]', '${A}', 'Ett AB', 1, 'c.csv', 2, 't')`);
    const before = (old.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").pluck().all() as string[]).filter((n) => !['companies_org_nr', 'persons_person_id', 'companies_phone', 'companies_email'].includes(n)); // 010 and 011 drop these
    migrate(old);
    expect(old.prepare('SELECT row_id, key, name FROM companies').all()).toEqual([{ row_id: 7, key: `["${A}"]`, name: 'Ett AB' }]);
    const after = old.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").pluck().all() as string[];
    expect(after).toEqual(expect.arrayContaining([...before, ...TABLE_NAMES.map((t) => `${t}_key`)]));
    expect(after).not.toContain('companies_org_nr');
    expect(old.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'sqlite_autoindex_companies%'").pluck().get()).toBe(0);
    expect(() => old.prepare(`INSERT INTO companies (key, dataset_id, src_file, src_line, imported_at) VALUES ('["${A}"]', 1, 'c.csv', 3, 't')`).run()).toThrow(/UNIQUE/);
    expect(old.pragma('foreign_key_check')).toEqual([]);
    old.close();
  });
});

describe('migration 011', () => {
  it('drops the unused phone and e-mail indexes of companies and keeps the rest', () => {
    const file = path.join(tmpDir(), 'v10.sqlite');
    const old = new Database(file);
    for (const m of MIGRATIONS.filter((x) => x.version <= 10)) {
      if (m.run) m.run(old);
      else old.exec(m.sql);
    }
    old.pragma('user_version = 10');
    const before = indexes(old);
    expect(before).toEqual(expect.arrayContaining(['companies_phone', 'companies_email']));
    migrate(old);
    // Later migrations add indexes of their own tables (012: record_log).
    expect(indexes(old).filter((n) => n !== 'record_log_table')).toEqual(before.filter((n) => n !== 'companies_phone' && n !== 'companies_email'));
    old.close();
  });
});

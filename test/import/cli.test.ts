import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../src/audit/log';
import { openDb } from '../../src/store/db';
import { orgNr, personId, tmpDir, writeDataset } from '../support/fixtures';
import { CLI_BIN } from '../support/cli';

const BIN = CLI_BIN;
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });

describe('insyn import / show (contract §5)', () => {
  it('prints the import --json object, exit 0 with quarantined rows; show accepts any id form', () => {
    const db = path.join(tmpDir(), 's.sqlite');
    const A = orgNr('556036079');
    const dir = writeDataset(tmpDir(), { companies: [{ org_nr: A, name: 'Ett AB' }, { org_nr: '123', name: 'Fel' }] });
    const r = run('import', dir, '--db', db, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ dataset: path.basename(dir), rows: { companies: 1 }, quarantined: 1, quarantine: [{ file: 'companies.csv', line: 3, column: 'org_nr', value: '123', reason: expect.any(String) }] });
    const s = run('show', `${A.slice(0, 6)}-${A.slice(6)}`, '--db', db, '--json');
    expect(s.status).toBe(0);
    expect(JSON.parse(s.stdout)).toMatchObject({ kind: 'company', id: A, name: 'Ett AB', alt_names: [], address: { street: null, co: null, postal_code: null, city: null }, roles: [], licences: [], hits: [] });
    expect(run('show', A, '--db', db).stdout).toMatch(/Bolag .*Ett AB/);
    expect(run('show', '5560360794', '--db', db).status).toBe(1);
  });

  it('exit 2 on usage errors, 1 on an unreadable dataset (store unchanged)', () => {
    const db = path.join(tmpDir(), 's.sqlite');
    expect(run('import').status).toBe(2);
    expect(run('import', '/nonexistent/folder', '--db', db).status).toBe(2);
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'roles.csv'), 'org_nr,holder_id\n1,2\n');
    const r = run('import', dir, '--db', db, '--json');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/obligatoriska kolumner saknas: role/);
    expect(r.stderr).toMatch(/required columns missing: role/);
  });

  it('a successful import appends an audit entry (dataset, path, rows)', () => {
    const db = path.join(tmpDir(), 's.sqlite');
    const dir = writeDataset(tmpDir(), { companies: [{ org_nr: orgNr('556036079'), name: 'Ett AB' }] });
    expect(run('import', dir, '--db', db, '--json').status).toBe(0);
    const store = openDb(db);
    try {
      const { entries } = listAudit(store);
      expect(entries.map((e) => e.action)).toEqual(['import']);
      expect(entries[0]!.details).toMatchObject({ dataset: path.basename(dir), path: path.resolve(dir), rows: { companies: 1 }, quarantined: 0, inserted: 1 });
    } finally {
      store.close();
    }
  });

  it('progress shows each file\'s own row count on its own line, closed by a newline before the summary', () => {
    const db = path.join(tmpDir(), 's.sqlite');
    const companies = Array.from({ length: 16 }, (_, i) => ({ org_nr: orgNr(String(556000100 + i)), name: `Bolag ${i} AB` }));
    const persons = Array.from({ length: 24 }, (_, i) => ({ person_id: personId('19800101', String(100 + i)), name: `Person ${i}` }));
    const r = run('import', writeDataset(tmpDir(), { companies, persons }), '--db', db);
    expect(r.status).toBe(0);
    expect(r.stderr.endsWith('\n')).toBe(true);
    const lines = r.stderr.split('\n').map((l) => l.split('\r').pop()!.trim()).filter(Boolean);
    expect(lines.map((l) => l.replace(/ rader,.*/, ' rader'))).toEqual(['companies.csv: 16 rader', 'persons.csv: 24 rader']);
    expect(r.stdout).toMatch(/^Datamängd /);
  });
});

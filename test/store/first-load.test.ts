import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_CACHE_KIB, importPath } from '../../src/import/importer';
import { openDb, type Db } from '../../src/store/db';
import { journalForFirstLoad } from '../../src/store/first-load';
import { orgNr, tmpDir, writeDataset } from '../support/fixtures';

/** Issue 10: the first import into a store goes through a rollback journal, written once, not WAL + checkpoint. */

const mode = (db: Db): unknown => db.pragma('journal_mode', { simple: true });
const dataset = (name: string) => writeDataset(tmpDir(), { companies: [{ org_nr: orgNr('556036079'), name }] });

describe('first-load journal', () => {
  it('a store without facts leaves WAL for the load, only while no other connection is open, and goes back', () => {
    const file = path.join(tmpDir(), 's.sqlite');
    const db = openDb(file);
    const other = openDb(file);
    expect(journalForFirstLoad(db)).toBeNull(); // SQLite refuses to leave WAL beside another connection
    expect(mode(db)).toBe('wal');
    other.close();
    const back = journalForFirstLoad(db);
    expect(back).not.toBeNull();
    expect(mode(db)).toBe('delete');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL while in the rollback journal
    back!();
    expect(mode(db)).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(journalForFirstLoad(openDb(':memory:'))).toBeNull();
  });

  it('a store holding facts keeps WAL', async () => {
    const db = openDb(path.join(tmpDir(), 's.sqlite'));
    await importPath(db, dataset('Ett AB'));
    expect(journalForFirstLoad(db)).toBeNull();
    expect(mode(db)).toBe('wal');
  });

  it('the first import runs in the rollback journal and leaves the store in WAL; a failed one too, with nothing written', async () => {
    const file = path.join(tmpDir(), 's.sqlite');
    const db = openDb(file);
    const seen: unknown[] = [];
    await expect(importPath(db, dataset('Ett AB'), { beforeCommit: () => { seen.push(mode(db)); throw new Error('stop before commit'); } })).rejects.toThrow(/stop before commit/);
    expect(seen).toEqual(['delete']);
    expect(mode(db)).toBe('wal');
    expect(db.prepare('SELECT count(*) FROM companies').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM datasets').pluck().get()).toBe(0);
    const r = await importPath(db, dataset('Ett AB'), { beforeCommit: () => void seen.push(mode(db)) });
    expect(r.inserted).toBe(1);
    expect(seen).toEqual(['delete', 'delete']);
    db.close();
    const again = openDb(file);
    expect(mode(again)).toBe('wal');
    expect(again.prepare('SELECT name FROM companies').pluck().all()).toEqual(['Ett AB']);
    expect(again.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('the import page cache', () => {
  it('an import works with a page cache of IMPORT_CACHE_KIB and gives the connection its own back, also when it fails; a smaller one is kept', async () => {
    const db = openDb(path.join(tmpDir(), 's.sqlite'));
    const cache = (): unknown => db.pragma('cache_size', { simple: true });
    const before = cache();
    expect(before).toBe(-262144);
    const seen: unknown[] = [];
    await importPath(db, dataset('Ett AB'), { beforeCommit: () => void seen.push(cache()) });
    await expect(importPath(db, dataset('Två AB'), { beforeCommit: () => { seen.push(cache()); throw new Error('stop before commit'); } })).rejects.toThrow(/stop before commit/);
    expect(seen).toEqual([-IMPORT_CACHE_KIB, -IMPORT_CACHE_KIB]);
    expect(cache()).toBe(before);
    db.pragma('cache_size = 100'); // pages: 1.6 MiB
    await importPath(db, dataset('Tre AB'), { beforeCommit: () => void seen.push(cache()) });
    expect(seen[2]).toBe(100);
    expect(cache()).toBe(100);
  });
});

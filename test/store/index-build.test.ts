import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db';
import { buildIndexes, SORT_CACHE_KIB } from '../../src/store/index-build';
import { tmpDir } from '../support/fixtures';

/** src/store/index-build.ts: indexes built under the sorter's settings, the connection's put back. */

const settings = (db: Db) => ({
  cache: db.pragma('cache_size', { simple: true }),
  threads: db.pragma('threads', { simple: true }),
  temp: db.pragma('temp_store', { simple: true }),
});

function storeWithRows(n: number): Db {
  const db = openDb(path.join(tmpDir(), 'idx.sqlite'));
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT, v INTEGER)');
  const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < n; i++) insert.run(`k${(i * 7919) % n}`, i % 97);
  })();
  return db;
}

describe('buildIndexes', () => {
  it('builds every index inside the caller’s transaction under the sorter’s settings, then restores the connection’s', () => {
    const db = storeWithRows(20_000);
    const before = settings(db);
    expect(before).toEqual({ cache: -262144, threads: 0, temp: 2 });
    const seen: unknown[] = [];
    db.exec('BEGIN');
    // What the connection is set to as each CREATE INDEX runs.
    const exec = db.exec.bind(db);
    db.exec = (sql: string) => {
      seen.push(settings(db));
      return exec(sql);
    };
    buildIndexes(db, ['CREATE UNIQUE INDEX t_k ON t(k)', 'CREATE INDEX t_v ON t(v)']);
    db.exec = exec;
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({ cache: -SORT_CACHE_KIB, temp: 1 });
    expect((seen[0] as { threads: number }).threads).toBeGreaterThan(0);
    expect(settings(db)).toEqual(before);
    db.exec('ROLLBACK');
    // Rolled back with the transaction: the build was part of it.
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 't'").pluck().get()).toBe(0);
    db.exec('BEGIN');
    buildIndexes(db, ['CREATE UNIQUE INDEX t_k ON t(k)']);
    db.exec('COMMIT');
    expect(db.prepare('SELECT count(*) FROM t INDEXED BY t_k WHERE k >= ?').pluck().get('k')).toBe(20_000);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('keeps temp storage in memory when SQLite refuses the change (temp schema open in the transaction), and still builds', () => {
    const db = storeWithRows(1_000);
    db.exec('CREATE TEMP TABLE scratch (x)');
    db.exec('BEGIN');
    buildIndexes(db, ['CREATE INDEX t_v ON t(v)']);
    expect(settings(db)).toEqual({ cache: -262144, threads: 0, temp: 2 });
    db.exec('COMMIT');
    // The temp table survived: the refused change deleted nothing.
    expect(db.prepare('SELECT count(*) FROM temp.scratch').pluck().get()).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 't'").pluck().all()).toEqual(['t_v']);
    db.close();
  });

  it('restores the settings when a build fails, and the failure reaches the caller', () => {
    const db = storeWithRows(1_000);
    db.exec("INSERT INTO t (k, v) VALUES ('k1', 0)");
    db.exec('BEGIN');
    expect(() => buildIndexes(db, ['CREATE UNIQUE INDEX t_k ON t(k)'])).toThrow(/UNIQUE/);
    expect(settings(db)).toEqual({ cache: -262144, threads: 0, temp: 2 });
    db.exec('ROLLBACK');
    db.close();
  });
});

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { migrate, openDb, PAGE_SIZE } from '../../src/store/db';
import { MIGRATIONS } from '../../src/store/migrations/index';
import { tmpDir } from '../support/fixtures';

const tableExists = (db: Database.Database, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

describe('migrate', () => {
  it('applies a migration a store skipped because a higher number shipped first (a version-7 store without 006)', () => {
    const raw = new Database(':memory:');
    for (const m of MIGRATIONS.filter((x) => x.version <= 5 || x.version === 7)) raw.exec(m.sql);
    raw.pragma('user_version = 7');
    expect(tableExists(raw, 'dataset_tables')).toBe(false);
    migrate(raw);
    expect(tableExists(raw, 'dataset_tables')).toBe(true);
    const ledger = raw.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(ledger).toEqual(MIGRATIONS.map((m) => m.version));
    expect(raw.pragma('user_version', { simple: true })).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    raw.close();
  });

  it('is idempotent: a second run applies nothing and keeps the ledger', () => {
    const db = new Database(':memory:');
    migrate(db);
    const before = db.prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all();
    migrate(db);
    expect(db.prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all()).toEqual(before);
    db.close();
  });

  it('trusts user_version for a pre-ledger store whose migrations are all present (nothing re-run)', () => {
    const raw = new Database(':memory:');
    for (const m of MIGRATIONS) raw.exec(m.sql);
    raw.pragma(`user_version = ${Math.max(...MIGRATIONS.map((m) => m.version))}`);
    // Re-running an ALTER TABLE ... ADD COLUMN would throw; migrate must not.
    expect(() => migrate(raw)).not.toThrow();
    expect(raw.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    raw.close();
  });
});

describe('openDb page size', () => {
  it('creates a new store with PAGE_SIZE pages, and opens a store made with SQLite’s default 4 KiB pages as it is', () => {
    const dir = tmpDir();
    const fresh = openDb(path.join(dir, 'new.sqlite'));
    expect(fresh.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    expect(PAGE_SIZE).not.toBe(4096);
    fresh.close();
    const file = path.join(dir, 'old.sqlite');
    const old = new Database(file);
    old.exec("CREATE TABLE kept (x); INSERT INTO kept VALUES ('ja')");
    expect(old.pragma('page_size', { simple: true })).toBe(4096);
    old.close();
    const reopened = openDb(file);
    expect(reopened.pragma('page_size', { simple: true })).toBe(4096);
    expect(reopened.prepare('SELECT x FROM kept').pluck().get()).toBe('ja');
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });
});

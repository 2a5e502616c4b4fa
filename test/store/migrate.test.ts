import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/db';
import { MIGRATIONS } from '../../src/store/migrations/index';

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

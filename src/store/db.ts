import type Database from 'better-sqlite3';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { MIGRATIONS } from './migrations/index';

export type Db = Database.Database;

// The native module is loaded on first use, so commands that never open a store (`insyn --help`)
// start without it.
let sqlite: typeof Database | null = null;
function loadSqlite(): typeof Database {
  return (sqlite ??= createRequire(import.meta.url)('better-sqlite3') as typeof Database);
}

/** True for errors raised by SQLite itself (constraint, I/O, busy). */
export function isSqliteError(err: unknown): err is Database.SqliteError {
  return err instanceof Error && err.name === 'SqliteError' && err instanceof loadSqlite().SqliteError;
}

/** Where the store lives when no --db is given: $INSYN_DB, else the per-user data directory. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.INSYN_DB) return env.INSYN_DB;
  const base =
    process.platform === 'win32'
      ? env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming')
      : process.platform === 'darwin'
        ? path.join(os.homedir(), 'Library', 'Application Support')
        : env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'insyn', 'insyn.sqlite');
}

/**
 * Page size of a new store (issue 10). SQLite's default is 4 KiB. With 16 KiB pages a national
 * first import took about 15 % less time and CPU (alternating runs: 54.7, 43.7, 46.9 s against
 * 65.1, 51.1 s): a quarter as many pages to write, balance and sort into indexes. Its 1 %-changed
 * re-import was no slower (11.2, 11.7 s against 12.2 s). 32 KiB was slower at both.
 */
export const PAGE_SIZE = 16384;

/** Open (creating if needed) and migrate a store. `:memory:` works for tests. */
export function openDb(file: string, opts: { readonly?: boolean } = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new (loadSqlite())(file, { readonly: opts.readonly ?? false });
  if (!opts.readonly) {
    // Takes effect only while the file is still empty (a new store); an existing one keeps its own.
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
  }
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -262144'); // 256 MiB page cache: national-scale joins stay in memory
  db.pragma('temp_store = MEMORY');
  return db;
}

/**
 * Applies every migration the store has not had, in order. A ledger table lists those applied,
 * because numbers were reserved per feature and merged out of order: a store at version 7 may
 * lack 6. A store from before the ledger counts each migration up to its `user_version` as applied
 * unless the migration's `present` probe says its objects are missing.
 */
export function migrate(db: Db): void {
  const applied = migrationLedger(db);
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      if (m.run) m.run(db);
      else db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      const current = db.pragma('user_version', { simple: true }) as number;
      if (m.version > current) db.pragma(`user_version = ${m.version}`);
    })();
  }
}

function migrationLedger(db: Db): Set<number> {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!exists) {
    const current = db.pragma('user_version', { simple: true }) as number;
    db.transaction(() => {
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
      const insert = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 'före migrationsloggen')");
      for (const m of MIGRATIONS) if (m.version <= current && (m.present?.(db) ?? true)) insert.run(m.version, m.name);
    })();
  }
  return new Set((db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]));
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

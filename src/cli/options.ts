import { type Db, defaultDbPath, openDb } from '../store/db';
import { jsonSafe } from './terminal';

/** `--db FILE`, else $INSYN_DB, else the per-user data directory (contract §5). */
export function resolveDbPath(opts: { db?: string }): string {
  return opts.db ?? defaultDbPath();
}

export function openStoreFromOptions(opts: { db?: string }): Db {
  return openDb(resolveDbPath(opts));
}

/** Writes one JSON document to stdout (diagnostics go to stderr). */
export function printJson(value: unknown): void {
  process.stdout.write(jsonSafe(JSON.stringify(value, null, 2)) + '\n');
}

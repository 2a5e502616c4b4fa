import { TABLE_NAMES } from '../model/tables';
import type { Db } from './db';
import { isBusy, withBusyTimeout } from './write-lock';

/** True when no fact table holds a row (a new store, or one that only has casework). */
export function holdsNoFacts(db: Db): boolean {
  return TABLE_NAMES.every((t) => db.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get() === undefined);
}

/**
 * The first import into a store takes a rollback journal instead of the WAL (issue 10). In WAL
 * mode each page of a multi-GB load is written twice — into the WAL during the transaction, then
 * into the store by the checkpoint after the commit — where a rollback journal of an empty store
 * keeps only the few pages it had, and the new pages are written once. Atomicity is the same: a
 * crash leaves a hot journal that the next open rolls back (and openDb puts the store back in WAL).
 *
 * Only for a store with no facts (nothing for a reader to wait on), and only when this is the
 * store's one connection: SQLite refuses to leave WAL while another is open, and then the import
 * runs in WAL as before. Returns what puts the store back in WAL (call after COMMIT or ROLLBACK).
 */
export function journalForFirstLoad(db: Db): (() => void) | null {
  if (db.memory || db.readonly || db.inTransaction || !holdsNoFacts(db)) return null;
  let mode: unknown;
  try {
    mode = withBusyTimeout(db, 0, () => db.pragma('journal_mode = DELETE', { simple: true }));
  } catch (err) {
    if (isBusy(err)) return null;
    throw err;
  }
  if (mode !== 'delete') return null;
  // FULL: a power cut at the wrong moment cannot then corrupt what the store held (its casework).
  const sync = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = FULL');
  return () => {
    db.pragma(`synchronous = ${sync}`);
    try {
      withBusyTimeout(db, 0, () => db.pragma('journal_mode = WAL'));
    } catch (err) {
      // Another connection opened the store meanwhile; the next openDb puts it back in WAL.
      if (!isBusy(err)) throw err;
    }
  };
}

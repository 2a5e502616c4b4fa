import { InsynError } from '../model/errors';
import type { Db } from './db';

/**
 * SQLite has one writer at a time. A second writer (another import, a CLI run beside the app)
 * used to wait the connection's 5 s busy timeout and then fail with "database is locked"
 * (issue 13.4). Writers now queue: they wait for the lock as long as it takes (up to
 * `maxWaitMs`), saying that they wait, and when they give up they say what to do.
 */
export const DEFAULT_MAX_WAIT_MS = 60 * 60 * 1000;

export interface WaitOptions {
  /** Called about once a second while waiting, with the time waited so far. */
  onWait?: (waitedMs: number) => void;
  maxWaitMs?: number;
}

/** The store stayed locked by another writer for longer than the caller would wait. */
export class StoreBusyError extends InsynError {
  constructor(readonly waitedMs: number) {
    const min = Math.max(1, Math.round(waitedMs / 60_000));
    super(
      'busy',
      `the store has been locked by another writer for ${min} min; wait until it finishes (another import or analysis, in the app or a terminal) and try again`,
      `databasen har varit låst av en annan skrivare i ${min} min; vänta tills den är klar (en annan import eller analys, i programmet eller i en terminal) och försök igen`,
    );
  }
}

export const isBusy = (err: unknown): boolean => (err as { code?: string } | null)?.code === 'SQLITE_BUSY';

export function withBusyTimeout<T>(db: Db, ms: number, fn: () => T): T {
  const before = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(ms))}`);
  try {
    return fn();
  } finally {
    db.pragma(`busy_timeout = ${before}`);
  }
}

/** `BEGIN IMMEDIATE`, waiting asynchronously (the event loop keeps running: progress, other work) while another writer holds the lock. */
export async function beginWrite(db: Db, opts: WaitOptions = {}): Promise<void> {
  const maxWait = opts.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const started = Date.now();
  let lastReport = -Infinity;
  for (;;) {
    try {
      withBusyTimeout(db, 0, () => db.exec('BEGIN IMMEDIATE'));
      return;
    } catch (err) {
      if (!isBusy(err)) throw err;
    }
    const waited = Date.now() - started;
    if (waited >= maxWait) throw new StoreBusyError(waited);
    if (waited - lastReport >= 1000) {
      lastReport = waited;
      opts.onWait?.(waited);
    }
    await new Promise((r) => setTimeout(r, Math.min(100, Math.max(0, maxWait - waited))));
  }
}

/**
 * Runs `fn` in a write transaction, for synchronous callers (the analysis persisting its run):
 * when the lock is taken it says so once, then blocks until the lock is free (or `maxWaitMs`).
 */
export function withWriteLock<T>(db: Db, fn: () => T, opts: WaitOptions = {}): T {
  const tx = db.transaction(fn);
  if (db.inTransaction) return tx.default();
  try {
    return withBusyTimeout(db, 0, () => tx.immediate());
  } catch (err) {
    if (!isBusy(err)) throw err;
  }
  opts.onWait?.(0);
  const maxWait = opts.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const started = Date.now();
  try {
    return withBusyTimeout(db, maxWait, () => tx.immediate());
  } catch (err) {
    if (isBusy(err)) throw new StoreBusyError(Date.now() - started);
    throw err;
  }
}

/** Whether another connection is writing right now (an import in progress): probes the lock without waiting. */
export function writerActive(db: Db): boolean {
  if (db.inTransaction) return false;
  try {
    withBusyTimeout(db, 0, () => db.exec('BEGIN IMMEDIATE'));
  } catch (err) {
    if (isBusy(err)) return true;
    throw err;
  }
  db.exec('ROLLBACK');
  return false;
}

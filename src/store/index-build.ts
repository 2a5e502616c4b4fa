import os from 'node:os';
import type { Db } from './db';

/**
 * Builds indexes over a freshly loaded table (issue 10) with the settings under which SQLite's
 * sorter is fastest, and puts the connection's settings back afterwards.
 *
 * CREATE INDEX sorts every key of the table. The store's connection is tuned for queries (a
 * 256 MiB page cache, 64 MiB during an import, temp_store MEMORY); under those, the sorter gathers runs as large as the
 * page cache, sorts them as linked lists far larger than the CPU cache, and runs on one thread
 * (SQLite starts no sorter threads while temp storage is in memory). Measured on the national
 * store (the five largest tables' 15 indexes, 2 cores): 40.4 s so, 12.4 s with a 2 MiB cache,
 * temp files and two sorter threads.
 *
 * The temp files hold sorted runs of index keys; SQLite deletes them on close (they go where
 * SQLITE_TMPDIR or TMPDIR points). temp_store cannot change inside a transaction once the
 * connection has opened its temp schema: the build then keeps memory, slower but the same.
 */
export function buildIndexes(db: Db, sqls: readonly string[]): void {
  if (sqls.length === 0) return;
  const restore = sorterSettings(db);
  try {
    for (const sql of sqls) db.exec(sql);
  } finally {
    restore();
  }
}

/** Page cache while sorting: the sorter's in-memory runs are this size (see buildIndexes). */
export const SORT_CACHE_KIB = 2048;

/** Applies the sorter's settings; returns what restores the previous ones. */
function sorterSettings(db: Db): () => void {
  const cache = db.pragma('cache_size', { simple: true }) as number;
  const threads = db.pragma('threads', { simple: true }) as number;
  const temp = db.pragma('temp_store', { simple: true }) as number;
  db.pragma(`cache_size = -${SORT_CACHE_KIB}`);
  db.pragma(`threads = ${Math.min(4, os.availableParallelism())}`);
  const tempChanged = setTempStore(db, 1);
  return () => {
    db.pragma(`cache_size = ${cache}`);
    db.pragma(`threads = ${threads}`);
    if (tempChanged) setTempStore(db, temp);
  };
}

/** Sets temp_store (0 default, 1 file, 2 memory); false when SQLite refuses it here. */
function setTempStore(db: Db, mode: number): boolean {
  try {
    db.pragma(`temp_store = ${mode}`);
    return true;
  } catch (err) {
    if (err instanceof Error && /temporary storage cannot be changed/i.test(err.message)) return false;
    throw err;
  }
}

import { parentPort, workerData } from 'node:worker_threads';
import type { TableName } from '../model/tables';
import { openDb } from '../store/db';
import { UnchangedRows } from './unchanged';

/**
 * Worker-thread entry that reads a table's record hashes (UnchangedRows.load) for the import's
 * read side, one table ahead of it (parse.ts StoredRows): at national scale a table takes seconds
 * to read, and the reader would otherwise stand still for it at the start of every file. Answers
 * each table name with its arrays (buffers transferred) or null.
 */
const data = workerData as { storeFile?: string } | undefined;
if (parentPort && data?.storeFile) {
  const port = parentPort;
  const db = openDb(data.storeFile, { readonly: true });
  // Read once, front to back: a small cache (the writer's connection has the big one).
  db.pragma('cache_size = -16384');
  port.on('message', (table: TableName) => {
    try {
      const rows = UnchangedRows.load(db, table);
      const parts = rows?.parts() ?? null;
      port.postMessage({ table, parts }, parts ? [parts.hashes.buffer, parts.rowIds.buffer, parts.keyHashes.buffer, parts.occs.buffer] as ArrayBuffer[] : []);
    } catch (err) {
      port.postMessage({ table, error: err instanceof Error ? err.message : String(err) });
    }
  });
}

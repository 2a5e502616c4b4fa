import { parentPort, workerData } from 'node:worker_threads';
import type { TableName } from '../model/tables';
import { openStoreReader, UnchangedRows } from './unchanged';

/**
 * Worker-thread entry that reads a table's record hashes (UnchangedRows.load) for the import's
 * read side, one table ahead of it (parse.ts StoredRows): at national scale a table takes seconds
 * to read, and the reader would otherwise stand still for it at the start of every file. Answers
 * each table name with its arrays (buffers transferred) or null.
 */
const data = workerData as { storeFile?: string } | undefined;
if (parentPort && data?.storeFile) {
  const port = parentPort;
  const db = openStoreReader(data.storeFile);
  port.on('message', (table: TableName) => {
    try {
      const rows = UnchangedRows.load(db, table);
      const parts = rows?.parts() ?? null;
      port.postMessage({ table, parts }, parts ? [parts.slots.buffer as ArrayBuffer, parts.index.buffer as ArrayBuffer] : []);
    } catch (err) {
      port.postMessage({ table, error: err instanceof Error ? err.message : String(err) });
    }
  });
}

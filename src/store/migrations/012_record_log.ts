import { TABLE_NAMES } from '../../model/tables';

/**
 * Migration 012 (issue 10.2): the record log, the compact record hashes of each fact table's
 * current rows that a re-import reads instead of the table (src/store/record-log.ts). Empty at
 * first: the next import that writes a table logs it from the table itself, once.
 *
 * The guard counts, per table, every change of a row's record hash or end (and every delete),
 * whoever makes it: a log whose newest segment saw another count is not trusted. Inserts need no
 * trigger (they would cost a bulk load dearly): a segment also names the table's last row id.
 * A later migration that rebuilds a fact table (as 010 did) must create its two triggers again.
 */
const guards = TABLE_NAMES.map((t) => `
INSERT OR IGNORE INTO record_log_guard (table_name, writes) VALUES ('${t}', 0);
CREATE TRIGGER IF NOT EXISTS ${t}_record_log_update AFTER UPDATE OF line_hash, ended_by ON ${t}
BEGIN UPDATE record_log_guard SET writes = writes + 1 WHERE table_name = '${t}'; END;
CREATE TRIGGER IF NOT EXISTS ${t}_record_log_delete AFTER DELETE ON ${t}
BEGIN UPDATE record_log_guard SET writes = writes + 1 WHERE table_name = '${t}'; END;`).join('');

export const sql = /* sql */ `
CREATE TABLE IF NOT EXISTS record_log (
  id INTEGER PRIMARY KEY,
  table_name TEXT NOT NULL,
  -- The import that wrote the segment.
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  -- The table's guard count and largest row id when the segment was written.
  writes INTEGER NOT NULL,
  last_row_id INTEGER NOT NULL,
  -- Fixed-width big-endian entries: record hash, row id[, key hash, occurrence].
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS record_log_table ON record_log(table_name);
CREATE TABLE IF NOT EXISTS record_log_guard (
  table_name TEXT PRIMARY KEY,
  writes INTEGER NOT NULL
) WITHOUT ROWID;
${guards}
`;

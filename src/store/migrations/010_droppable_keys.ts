import type { Db } from '../db';
import { TABLE_NAMES } from '../../model/tables';

/**
 * Migration 010 (issue 10): the unique natural-key index of each fact table becomes a named index
 * (`<table>_key`) instead of a column constraint, so an import into an empty table can drop it
 * with the secondary indexes and build them all once the rows are in (src/store/facts.ts): an
 * index built from the finished table is a sort, while updating it row by row in random key order
 * rewrites its pages over and over once it outgrows the page cache. SQLite cannot drop the index
 * of a UNIQUE column constraint, so each table is rebuilt with the same definition minus
 * `UNIQUE` (the documented create-copy-drop-rename procedure; rows, row ids and indexes kept).
 *
 * Adds `line_hash`, `key_hash` and `key_occ` to each fact table: the record a row was written from,
 * so a re-import recognises an unchanged record before reading it (src/import/unchanged.ts).
 *
 * Also drops two indexes migration 004 duplicated (002 and ensureAnalysisIndexes keep
 * companies_org and persons_id on the same columns): every insert paid for both.
 */
export function run(db: Db): void {
  db.exec('DROP INDEX IF EXISTS companies_org_nr; DROP INDEX IF EXISTS persons_person_id;');
  for (const table of TABLE_NAMES) {
    const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string } | undefined;
    if (!row) continue;
    db.exec(`ALTER TABLE ${table} ADD COLUMN line_hash INTEGER; ALTER TABLE ${table} ADD COLUMN key_hash INTEGER; ALTER TABLE ${table} ADD COLUMN key_occ INTEGER;`);
    if (!/\bkey TEXT NOT NULL UNIQUE\b/.test(row.sql)) continue;
    const definition = (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string);
    const indexes = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").pluck().all(table) as string[];
    const tmp = `${table}__010`;
    db.exec(definition.replace(/\bkey TEXT NOT NULL UNIQUE\b/, 'key TEXT NOT NULL').replace(new RegExp(`^CREATE TABLE "?${table}"?`), `CREATE TABLE ${tmp}`));
    db.exec(`INSERT INTO ${tmp} SELECT * FROM ${table}; DROP TABLE ${table}; ALTER TABLE ${tmp} RENAME TO ${table};`);
    for (const sql of indexes) db.exec(sql);
    db.exec(`CREATE UNIQUE INDEX ${table}_key ON ${table}(key)`);
  }
}

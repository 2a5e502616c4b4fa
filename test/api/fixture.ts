import { luhnCheckDigit } from '../../src/ids/luhn';
import type { TableName } from '../../src/model/tables';
import { openDb, type Db } from '../../src/store/db';
import { FactWriter, factColumns, insertDataset } from '../../src/store/facts';

/** A valid 10-digit org_nr from a 9-digit payload. */
export const orgNr = (payload9: string): string => payload9 + luhnCheckDigit(payload9);
/** A valid 12-digit personnummer from YYYYMMDD + 3 digits. */
export const personId = (date8: string, nnn: string): string => date8 + nnn + luhnCheckDigit(date8.slice(2) + nnn);

export type SeedRows = Partial<Record<TableName, Record<string, unknown>[]>>;

/** Writes rows into a store through the importer's own writer, as one dataset. */
export function seed(db: Db, rows: SeedRows, name = 'test'): number {
  const datasetId = insertDataset(db, { name, source_path: `/tmp/${name}`, content_hash: `${name}-${Date.now()}-${Math.random()}`, imported_at: new Date().toISOString() });
  const w = new FactWriter(db, datasetId, new Date().toISOString());
  db.transaction(() => {
    for (const [table, list] of Object.entries(rows) as [TableName, Record<string, unknown>[]][]) {
      list.forEach((r, i) => {
        const values = factColumns(table).map((c) => r[c] ?? null);
        w.upsert(table, JSON.stringify(Object.values(r).slice(0, 2)), values, `${table}.csv`, i + 2);
      });
    }
  })();
  return datasetId;
}

export function memoryStore(rows?: SeedRows): Db {
  const db = openDb(':memory:');
  if (rows) seed(db, rows);
  return db;
}

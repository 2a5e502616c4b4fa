import type { FactRowTypes } from '../analysis/facts';
import { TABLES, TABLE_NAMES, type TableName } from '../model/index';
import type { Db } from './db';

/** Columns stored as JSON arrays / 0-1 integers that the analysis wants as arrays / booleans. */
const JSON_COLUMNS = new Set(['tags', 'parent_ids']);

function columnsOf(db: Db, table: TableName): string[] {
  const existing = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
  const wanted = ['key', ...TABLES[table].columns.map((c) => c.sql), 'address_key', 'holder_kind', 'subject_kind', 'a_kind', 'b_kind', 'dataset_id', 'src_file', 'src_line'];
  return [...new Set(wanted)].filter((c) => existing.has(c));
}

/** Reads all rows of every fact table, typed for the analysis, with provenance attached. */
export function loadFactRows(db: Db): { [T in TableName]: FactRowTypes[T][] } {
  const out = {} as { [T in TableName]: FactRowTypes[T][] };
  for (const table of TABLE_NAMES) {
    const spec = TABLES[table];
    const bools = spec.columns.filter((c) => c.type === 'bool').map((c) => c.sql);
    const cols = columnsOf(db, table);
    const rows: any[] = [];
    for (const r of db.prepare(`SELECT ${cols.join(', ')} FROM ${table} ORDER BY row_id`).iterate() as Iterable<Record<string, unknown>>) {
      const row: Record<string, unknown> = { ...r, prov: { file: r.src_file, line: r.src_line, datasetId: r.dataset_id } };
      delete row.src_file;
      delete row.src_line;
      delete row.dataset_id;
      for (const c of JSON_COLUMNS) if (c in row) row[c] = row[c] ? JSON.parse(String(row[c])) : [];
      for (const c of bools) if (row[c] != null) row[c] = row[c] === 1;
      rows.push(row);
    }
    (out as any)[table] = rows;
  }
  return out;
}

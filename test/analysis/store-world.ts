import type { Db } from '../../src/store/db';
import { TABLE_NAMES } from '../../src/model/index';
import type { WorldSpec } from '../support/world';

/**
 * Writes a small world (same spec as buildWorld) into a real store, as an import would:
 * one dataset, provenance `<table>.csv:<line>`, natural keys unique per row.
 */
export function seedStore(db: Db, spec: WorldSpec, datasetName = 'test'): number {
  const now = new Date().toISOString();
  const ds = Number(db.prepare('INSERT INTO datasets (name, source_path, content_hash, imported_at) VALUES (?, ?, ?, ?)')
    .run(datasetName, `/tmp/${datasetName}`, `hash-${datasetName}-${JSON.stringify(spec).length}`, now).lastInsertRowid);
  const existing = (table: string) => new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
  for (const table of TABLE_NAMES) {
    const rows = spec[table] ?? [];
    const cols = existing(table);
    rows.forEach((row, i) => {
      const r: Record<string, unknown> = { ...row };
      if (table === 'roles' && r.holder_kind == null) r.holder_kind = String(r.holder_id).length === 10 ? 'company' : 'person';
      if ((table === 'financial_events' || table === 'sanctions') && r.subject_kind == null) r.subject_kind = String(r.subject_id).length === 10 ? 'company' : 'person';
      for (const k of ['tags', 'parent_ids']) if (Array.isArray(r[k])) r[k] = JSON.stringify(r[k]);
      for (const [k, v] of Object.entries(r)) if (typeof v === 'boolean') r[k] = v ? 1 : 0;
      const data: Record<string, unknown> = { key: `${datasetName}:${table}:${i}`, dataset_id: ds, src_file: `${table}.csv`, src_line: i + 2, imported_at: now };
      for (const [k, v] of Object.entries(r)) if (cols.has(k)) data[k] = v;
      const names = Object.keys(data);
      db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...names.map((n) => data[n]));
    });
  }
  return ds;
}

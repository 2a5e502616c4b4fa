import { indexFacts, type Facts } from '../../src/analysis/facts';
import type { FactRowTypes } from '../../src/model/rows';
import { TABLE_NAMES, type TableName } from '../../src/model/index';

/**
 * One fixture builder for signal tests: a small world of facts built from partial rows.
 * Omitted columns are null; each row gets provenance `<table>.csv:<line>` (line 2 = first row)
 * and a natural key, as if it had been imported.
 */
type Partialish<T> = { [K in keyof T as K extends 'key' | 'prov' ? never : K]?: T[K] };
export type WorldSpec = { [T in TableName]?: Partialish<FactRowTypes[T]>[] };

const DEFAULTS: Partial<Record<TableName, Record<string, unknown>>> = {
  roles: { holder_kind: 'person', share_pct: null, from_date: null, to_date: null },
  inspections: { tags: [] },
  foster_homes: { parent_ids: [] },
  financial_events: { subject_kind: 'company' },
  sanctions: { subject_kind: 'person' },
};

export function buildWorld(spec: WorldSpec): Facts {
  const rows = {} as { [T in TableName]: FactRowTypes[T][] };
  for (const table of TABLE_NAMES) {
    (rows as any)[table] = (spec[table] ?? []).map((r, i) => ({
      ...(DEFAULTS[table] ?? {}),
      ...r,
      key: JSON.stringify([table, i]),
      prov: { file: `${table}.csv`, line: i + 2, datasetId: 1 },
    }));
  }
  // Inferred kinds, as the importer would store them.
  for (const r of rows.roles) if (!r.holder_kind) r.holder_kind = /^\d{2}[2-9]/.test(r.holder_id) && r.holder_id.length === 10 ? 'company' : 'person';
  return indexFacts(rows);
}

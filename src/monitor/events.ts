import { TABLES, type TableName } from '../model/tables';
import type { FactChain, FactVersion, FullExtract } from '../store/known';

/**
 * What happened to one fact across imports, read off its version chain (src/store/known.ts):
 * added, a field changed, no longer reported, reported again. Pure functions.
 */

export type FactEventKind = 'added' | 'changed' | 'ended' | 'reported_again';

export interface FactEvent {
  kind: FactEventKind;
  table: TableName;
  key: string;
  /** The dataset that made the change. */
  dataset: number;
  /** The changed field (contract column name or extra header); null for added/ended/reported again. */
  field: string | null;
  /** A field's old value, or (added: null; ended/reported again: the row as it was). */
  before: unknown;
  /** A field's new value, or (added/reported again: the row; ended: null). */
  after: unknown;
  /** `file:line` of the version that says what is true after the change (ended: the last version). */
  source: string;
  /** `file:line` of the version before the change (null for added). */
  beforeSource: string | null;
}

/** Columns derived from others or kept for matching: a change shows in the column it comes from. */
const DERIVED = new Set(['address_key', 'holder_kind', 'subject_kind', 'a_kind', 'b_kind', 'alt_names']);
const JSON_COLUMNS = new Set(['tags', 'parent_ids']);

/** A version's values as the contract names them (`from`, `to`), lists parsed, extra flattened. */
export function contractRow(table: TableName, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of TABLES[table].columns) {
    const v = values[c.sql] ?? null;
    out[c.name] = JSON_COLUMNS.has(c.sql) && typeof v === 'string' ? parseJson(v) : v;
  }
  for (const [k, v] of Object.entries(values)) {
    if (k === 'extra' || DERIVED.has(k) || TABLES[table].columns.some((c) => c.sql === k)) continue;
    out[k] = v;
  }
  const extra = typeof values.extra === 'string' ? parseJson(values.extra) : null;
  if (extra && typeof extra === 'object' && !Array.isArray(extra)) for (const [k, v] of Object.entries(extra as Record<string, unknown>)) if (!(k in out)) out[k] = v;
  return out;
}

function parseJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

const sourceOf = (v: FactVersion): string => `${v.file}:${v.line}`;
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The versions that were ever visible: one replaced in the same dataset that wrote it (two files
 * of one dataset restating a company) was never known on its own.
 */
function visibleVersions(versions: readonly FactVersion[]): FactVersion[] {
  return versions.filter((v, i) => i === versions.length - 1 || v.ended || versions[i + 1]!.datasetId !== v.datasetId);
}

/** Every event of a fact's history, oldest first. */
export function factEvents(chain: FactChain): FactEvent[] {
  const { table, key } = chain;
  const versions = visibleVersions(chain.versions);
  const out: FactEvent[] = [];
  versions.forEach((v, i) => {
    const row = contractRow(table, v.values);
    const prev = versions[i - 1];
    if (!prev) out.push({ kind: 'added', table, key, dataset: v.datasetId, field: null, before: null, after: row, source: sourceOf(v), beforeSource: null });
    else if (prev.ended) out.push({ kind: 'reported_again', table, key, dataset: v.datasetId, field: null, before: contractRow(table, prev.values), after: row, source: sourceOf(v), beforeSource: sourceOf(prev) });
    else {
      const old = contractRow(table, prev.values);
      for (const field of new Set([...Object.keys(old), ...Object.keys(row)])) {
        if (!same(old[field] ?? null, row[field] ?? null)) {
          out.push({ kind: 'changed', table, key, dataset: v.datasetId, field, before: old[field] ?? null, after: row[field] ?? null, source: sourceOf(v), beforeSource: sourceOf(prev) });
        }
      }
    }
    if (v.ended && v.until !== null) out.push({ kind: 'ended', table, key, dataset: v.until, field: null, before: row, after: null, source: sourceOf(v), beforeSource: sourceOf(v) });
  });
  return out;
}

/** The known-time summary of a fact: first stated, last stated, no longer reported since. */
export interface KnownTime {
  firstStated: number;
  /** Derived (see migration 006): the row's last writer or a later full extract of its source that kept it. */
  lastStated: number;
  /** The dataset from which on it is no longer reported (null = still reported). */
  endedBy: number | null;
}

export function knownTime(chain: FactChain, fullExtracts: readonly FullExtract[], sourceOfDataset: (id: number) => string | null): KnownTime {
  const first = chain.versions[0]!;
  const last = chain.versions[chain.versions.length - 1]!;
  const endedBy = last.ended ? last.until : null;
  const source = sourceOfDataset(last.datasetId);
  let lastStated = last.datasetId;
  for (const f of fullExtracts) {
    if (f.table !== chain.table || f.source !== source || f.datasetId < lastStated) continue;
    if (endedBy !== null && f.datasetId >= endedBy) continue;
    lastStated = f.datasetId;
  }
  return { firstStated: first.datasetId, lastStated, endedBy };
}

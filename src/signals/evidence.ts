import type { TableName } from '../model/index';
import type { Provenance } from '../model/rows';
import type { Evidence } from './types';

/** Building a hit: its evidence lines (each pointing at a stored fact) and its severity. */

export function sourceOf(prov: Provenance): string {
  return `${prov.file}:${prov.line}`;
}

export function evidence(text: string, fact: { prov: Provenance; key: string; implicit?: 'companies' | 'licences' }, table: TableName): Evidence {
  // A sole trader's implicit owner role points at the row it is derived from.
  return { text, source: sourceOf(fact.prov), fact: { table: fact.implicit ?? table, key: fact.key } };
}

export function clampSeverity(n: number): 1 | 2 | 3 | 4 | 5 {
  return Math.max(1, Math.min(5, Math.round(n))) as 1 | 2 | 3 | 4 | 5;
}

export function uniqueSorted(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}

/** The evidence lines without repeats (same text and source), in order. */
export function uniqueEvidence(ev: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return ev.filter((e) => {
    const k = `${e.text}\u0000${e.source}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

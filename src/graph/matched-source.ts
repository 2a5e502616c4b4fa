import type { Db } from '../store/db';
import { loadCanon, type IdCanon } from '../matching/canon';
import type { NeighbourSource } from './source';
import { StoreSource, resolveNodeId } from './store-source';
import type { GraphEdge, GraphNode } from './types';

/**
 * Confirmed entity-resolution matches in the graph: a neighbour source that asks the underlying
 * one for every record of a group and answers with one node per group (its canonical id), whose
 * attributes name all source ids and the decisions behind the join. Edges keep their ids and
 * provenance; only their ends are canonicalised (a link between two records of one group vanishes).
 */
export class MatchedSource implements NeighbourSource {
  constructor(private readonly inner: NeighbourSource, private readonly canon: IdCanon) {}

  edgesOf(ids: readonly string[], asOf: string | null): GraphEdge[] {
    const expanded = [...new Set(ids.flatMap((id) => this.canon.members(id)))];
    const out: GraphEdge[] = [];
    for (const e of this.inner.edgesOf(expanded, asOf)) {
      const source = this.canon.canonical(e.source);
      const target = this.canon.canonical(e.target);
      if (source === target) continue;
      out.push(source === e.source && target === e.target ? e : { ...e, source, target });
    }
    return out;
  }

  nodes(ids: readonly string[]): GraphNode[] {
    const out: GraphNode[] = [];
    for (const id of ids) {
      const g = this.canon.group(id);
      if (!g) { out.push(...this.inner.nodes([id])); continue; }
      const records = this.inner.nodes(g.members);
      const lead = records.find((n) => n.attributes.in_store !== false) ?? records[0]!;
      const attributes: Record<string, unknown> = {};
      // The canonical record's values win; the others fill what it lacks.
      for (const n of [...records].reverse()) Object.assign(attributes, Object.fromEntries(Object.entries(n.attributes).filter(([, v]) => v != null && v !== '')));
      Object.assign(attributes, Object.fromEntries(Object.entries(lead.attributes).filter(([, v]) => v != null && v !== '')));
      if (lead.attributes.in_store !== false) delete attributes.in_store;
      attributes.source_ids = g.members.join('|');
      attributes.source_names = records.map((n) => n.label).join('|');
      attributes.match = g.links.map((l) => `bekräftad matchning av ${l.actor} ${l.at.slice(0, 10)}`).join('; ');
      out.push({ ...lead, id: g.canonical, attributes });
    }
    return out;
  }
}

/** The store's neighbour source, with confirmed matches applied when there are any. */
export function storeNeighbours(db: Db, cap?: number): NeighbourSource {
  const store = new StoreSource(db, cap);
  const canon = loadCanon(db);
  return canon.empty ? store : new MatchedSource(store, canon);
}

/** resolveNodeId, then the group's canonical id: a matched record opens as its whole entity. */
export function resolveMatchedNodeId(db: Db, raw: string): string | null {
  const id = resolveNodeId(db, raw);
  return id == null ? null : loadCanon(db).canonical(id);
}

import type { NeighbourSource } from './source';
import type { GraphEdge } from './types';

export interface Neighbourhood {
  /** Node id → hop distance from the nearest seed. */
  depth: Map<string, number>;
  /** Edges between included nodes, found while expanding nodes closer than `hops`. */
  edges: Map<string, GraphEdge>;
  truncated: boolean;
}

export interface NeighbourhoodOptions {
  asOf?: string | null;
  /** Stop adding nodes at this many (edges to nodes left out are dropped). */
  limit?: number;
  /**
   * Nodes with more incident edges than this are included but not passed through (e.g. a
   * service address shared by hundreds of companies links them only weakly). Infinity = no cap.
   */
  maxFanout?: number;
  /** Which nodes maxFanout applies to (default: all). */
  fanoutApplies?: (id: string) => boolean;
}

/**
 * Breadth-first neighbourhood of the seeds, level by level: each level's frontier is expanded
 * with one batched call to the source.
 */
export function neighbourhood(source: NeighbourSource, seeds: readonly string[], hops: number, opts: NeighbourhoodOptions = {}): Neighbourhood {
  const limit = opts.limit ?? Infinity;
  const maxFanout = opts.maxFanout ?? Infinity;
  const depth = new Map<string, number>();
  const edges = new Map<string, GraphEdge>();
  let truncated = false;
  for (const s of seeds) if (depth.size < limit) depth.set(s, 0);
  let frontier = [...depth.keys()];
  for (let level = 0; level < hops && frontier.length > 0; level++) {
    const found = source.edgesOf(frontier, opts.asOf ?? null);
    const inFrontier = new Set(frontier);
    const blocked = new Set<string>();
    if (maxFanout !== Infinity) {
      const degree = new Map<string, number>();
      const applies = opts.fanoutApplies ?? (() => true);
      const count = (id: string) => { if (inFrontier.has(id) && applies(id)) degree.set(id, (degree.get(id) ?? 0) + 1); };
      for (const e of found) { count(e.source); count(e.target); }
      for (const [id, n] of degree) if (n > maxFanout && level > 0) blocked.add(id);
    }
    const next: string[] = [];
    for (const e of found) {
      if (edges.has(e.id) || e.source === e.target) continue;
      const via = inFrontier.has(e.source) ? e.source : e.target;
      const other = via === e.source ? e.target : e.source;
      if (!depth.has(other)) {
        if (blocked.has(via)) continue;
        if (depth.size >= limit) { truncated = true; continue; }
        depth.set(other, level + 1);
        next.push(other);
      }
      edges.set(e.id, e);
    }
    frontier = next;
  }
  return { depth, edges, truncated };
}

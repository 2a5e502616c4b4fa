import type { Db } from '../store/db';
import { resolveMatchedNodeId, storeNeighbours } from './matched-source';
import type { NeighbourSource } from './source';
import type { GraphEdge, GraphPayload } from './types';

export interface PathOptions {
  asOf?: string;
  maxHops?: number;
}

interface Visit { prev: string | null; edge: GraphEdge | null; depth: number }

/**
 * The shortest chain of links between two entities (bidirectional BFS over the same edges as
 * egoNetwork), or null when none exists within `maxHops` (default 6). The payload's nodes are in
 * path order from `a` to `b`, each with `attributes.step`.
 */
export function shortestPath(db: Db, a: string, b: string, opts: PathOptions = {}): GraphPayload | null {
  const maxHops = opts.maxHops ?? 6;
  const start = resolveMatchedNodeId(db, a);
  const goal = resolveMatchedNodeId(db, b);
  if (start == null || goal == null) return null;
  const source = storeNeighbours(db);
  if (start === goal) return { nodes: source.nodes([start]).map((n) => ({ ...n, attributes: { ...n.attributes, step: 0 } })), edges: [] };

  const sides = [new Map<string, Visit>([[start, { prev: null, edge: null, depth: 0 }]]), new Map<string, Visit>([[goal, { prev: null, edge: null, depth: 0 }]])] as const;
  const frontiers: string[][] = [[start], [goal]];
  let hops = 0;
  while (hops < maxHops && frontiers[0]!.length > 0 && frontiers[1]!.length > 0) {
    // Expand the smaller side: the cheaper of the two half-searches.
    const s = frontiers[0]!.length <= frontiers[1]!.length ? 0 : 1;
    const mine = sides[s];
    const theirs = sides[1 - s]!;
    const inFrontier = new Set(frontiers[s]);
    const next: string[] = [];
    let meet: string | null = null;
    for (const e of source.edgesOf(frontiers[s]!, opts.asOf ?? null)) {
      const via = inFrontier.has(e.source) ? e.source : e.target;
      const other = via === e.source ? e.target : e.source;
      if (mine.has(other)) continue;
      mine.set(other, { prev: via, edge: e, depth: mine.get(via)!.depth + 1 });
      next.push(other);
      if (theirs.has(other) && (meet == null || theirs.get(other)!.depth < theirs.get(meet)!.depth)) meet = other;
    }
    hops++;
    if (meet != null) return assemble(source, sides[0], sides[1], meet);
    frontiers[s] = next;
  }
  return null;
}

function assemble(source: NeighbourSource, fromStart: Map<string, Visit>, fromGoal: Map<string, Visit>, meet: string): GraphPayload {
  const ids: string[] = [];
  const edges: GraphEdge[] = [];
  for (let id: string | null = meet; id != null; id = fromStart.get(id)!.prev) {
    ids.unshift(id);
    const e = fromStart.get(id)!.edge;
    if (e) edges.unshift(e);
  }
  for (let id: string | null = fromGoal.get(meet)!.prev, v = fromGoal.get(meet)!; id != null; v = fromGoal.get(id)!, id = v.prev) {
    ids.push(id);
    edges.push(v.edge!);
  }
  return { nodes: source.nodes(ids).map((n, step) => ({ ...n, attributes: { ...n.attributes, step } })), edges };
}

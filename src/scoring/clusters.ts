import Graph from 'graphology';
import { connectedComponents } from 'graphology-components';
import louvain from 'graphology-communities-louvain';
import type { Hit } from '../signals/types';
import { nodeKey, splitNodeKey } from './direct';
import type { EntityGraph } from './entity-graph';

/**
 * Clusters for triage: connected components of the flagged subgraph (hit subjects, the ids
 * their hits relate to, and the fact links between them). Components larger than
 * `louvainAbove` are split into Louvain communities so one sprawling component does not
 * swallow the queue. Ranked by strongest direct score, then summed direct score, then size.
 */
export interface Cluster {
  rank: number;
  size: number;
  /** Strongest direct score in the cluster. */
  score: number;
  /** Sum of direct scores (a tie-breaker: more flagged members rank higher). */
  total: number;
  members: { kind: string; id: string }[];
  signals: string[];
}

export function buildClusters(
  hits: readonly Hit[],
  direct: ReadonlyMap<string, number>,
  graph: EntityGraph,
  opts: { louvainAbove: number; kindOf: (id: string) => string },
): Cluster[] {
  const g = new Graph({ type: 'undirected', multi: false });
  const signalsOf = new Map<string, Set<string>>();
  for (const h of hits) {
    const s = nodeKey(h.subject_kind, h.subject_id);
    g.mergeNode(s);
    (signalsOf.get(s) ?? signalsOf.set(s, new Set()).get(s)!).add(h.signal);
    for (const r of h.related_ids) {
      const t = nodeKey(opts.kindOf(r), r);
      g.mergeNode(t);
      if (t !== s) g.mergeEdge(s, t);
    }
  }
  // Fact links between flagged nodes (e.g. two flagged persons on the same board).
  g.forEachNode((n) => {
    for (const m of graph.neighbours(n)) if (m !== n && g.hasNode(m)) g.mergeEdge(n, m);
  });

  const groups: string[][] = [];
  for (const comp of connectedComponents(g)) {
    if (comp.length <= opts.louvainAbove) {
      groups.push(comp);
      continue;
    }
    const sub = g.copy();
    const keep = new Set(comp);
    sub.forEachNode((n) => { if (!keep.has(n)) sub.dropNode(n); });
    const communities = louvain(sub, { rng: seededRng(1) });
    const byCommunity = new Map<number, string[]>();
    for (const [n, c] of Object.entries(communities)) (byCommunity.get(c) ?? byCommunity.set(c, []).get(c)!).push(n);
    groups.push(...byCommunity.values());
  }

  const clusters = groups.map((nodes) => {
    let score = 0;
    let total = 0;
    const signals = new Set<string>();
    for (const n of nodes) {
      const d = direct.get(n) ?? 0;
      score = Math.max(score, d);
      total += d;
      for (const s of signalsOf.get(n) ?? []) signals.add(s);
    }
    nodes.sort();
    return { rank: 0, size: nodes.length, score, total, members: nodes.map(splitNodeKey), signals: [...signals].sort() };
  });
  clusters.sort((a, b) => b.score - a.score || b.total - a.total || b.size - a.size || (a.members[0]?.id ?? '').localeCompare(b.members[0]?.id ?? ''));
  clusters.forEach((c, i) => (c.rank = i + 1));
  return clusters;
}

function seededRng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

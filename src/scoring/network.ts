import type { EntityGraph } from './entity-graph';

/**
 * Network score: risk spread from flagged entities along the entity graph, decaying by
 * `decay` per hop, up to `maxHops` hops:
 *
 *   network(v) = max over flagged s ≠ v within maxHops of v of  direct(s) · decay^dist(s, v)
 *
 * It is kept apart from the direct score (never merged). Invariant (tested): for every v,
 * network(v) ≤ decay · max{ direct(s) : s ≠ v, s in v's connected component } — so it never
 * exceeds the strongest direct evidence it came from, and is strictly below it when decay < 1.
 * An entity's own hits never feed back into its own network score.
 *
 * Implementation: a bounded best-first relaxation that keeps, per node, the two best labels
 * from distinct sources (so a node whose best label is its own direct score still learns the
 * best foreign one).
 */
export interface NetworkOptions {
  decay: number;
  maxHops: number;
}

interface Label { value: number; source: string }

export function networkScores(direct: ReadonlyMap<string, number>, graph: EntityGraph, opts: NetworkOptions): Map<string, number> {
  const best = new Map<string, Label[]>();
  let frontier: string[] = [];
  for (const [node, value] of direct) {
    if (value <= 0) continue;
    best.set(node, [{ value, source: node }]);
    frontier.push(node);
  }
  const neighbourCache = new Map<string, string[]>();
  const neighbours = (n: string): string[] => {
    let list = neighbourCache.get(n);
    if (!list) neighbourCache.set(n, (list = graph.neighbours(n)));
    return list;
  };
  for (let hop = 1; hop <= opts.maxHops && frontier.length > 0; hop++) {
    const changed = new Set<string>();
    // Labels as they stood at the start of the round, so one round extends paths by one hop only.
    const snapshot = frontier.map((u) => [u, [...(best.get(u) ?? [])]] as const);
    for (const [u, labels] of snapshot) {
      for (const v of neighbours(u)) {
        if (v === u) continue;
        for (const l of labels) {
          if (offer(best, v, { value: l.value * opts.decay, source: l.source })) changed.add(v);
        }
      }
    }
    frontier = [...changed];
  }
  const out = new Map<string, number>();
  for (const [node, labels] of best) {
    const foreign = labels.find((l) => l.source !== node);
    if (foreign && foreign.value > 0) out.set(node, foreign.value);
  }
  return out;
}

/** Keeps the top two labels with distinct sources; returns true when the node's labels improved. */
function offer(best: Map<string, Label[]>, node: string, label: Label): boolean {
  const labels = best.get(node);
  if (!labels) {
    best.set(node, [label]);
    return true;
  }
  const same = labels.findIndex((l) => l.source === label.source);
  if (same >= 0) {
    if (labels[same]!.value >= label.value) return false;
    labels[same] = label;
  } else if (labels.length < 2) {
    labels.push(label);
  } else if (labels[1]!.value < label.value) {
    labels[1] = label;
  } else {
    return false;
  }
  labels.sort((a, b) => b.value - a.value);
  return true;
}

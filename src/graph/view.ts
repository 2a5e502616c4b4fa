import { edgeActiveOn } from './types';
import type { InsynGraph } from './build';

/**
 * The graph as it stood on `date`, as a new graph (the original is never mutated, like sigma's
 * reducers): edges that had not started or had already ended are left out (an ended role is
 * gone; a licence stays attached to its holder whatever its status, see edgeActiveOn).
 * Nodes left without any edge are dropped unless `keepIsolated`.
 */
export function viewAsOf(graph: InsynGraph, date: string, opts: { keepIsolated?: boolean } = {}): InsynGraph {
  const view = graph.emptyCopy() as InsynGraph;
  graph.forEachEdge((id, a, source, target) => {
    if (edgeActiveOn({ kind: a.kind, from: a.from, to: a.to }, date)) view.addEdgeWithKey(id, source, target, { ...a });
  });
  if (!opts.keepIsolated) for (const id of view.filterNodes((n) => view.degree(n) === 0)) view.dropNode(id);
  return view;
}

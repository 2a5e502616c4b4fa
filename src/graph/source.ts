import type { GraphEdge, GraphNode } from './types';

/**
 * Where the graph's neighbourhoods come from: the store (indexed SQL, for interactive queries at
 * national scale) or a loaded Facts snapshot (for building an in-memory graph). Both produce the
 * same nodes and edges (src/graph/elements.ts).
 */
export interface NeighbourSource {
  /**
   * Every edge incident to any of the node ids (both directions). With `asOf`, only edges that
   * hold on that day (see edgeActiveOn); without, the whole history.
   */
  edgesOf(ids: readonly string[], asOf: string | null): GraphEdge[];
  /** Nodes for the ids; ids not in the store come back as bare nodes. */
  nodes(ids: readonly string[]): GraphNode[];
}

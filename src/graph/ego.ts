import type { Db } from '../store/db';
import { neighbourhood } from './bfs';
import { resolveMatchedNodeId, storeNeighbours } from './matched-source';
import type { GraphPayload } from './types';

export interface EgoOptions {
  hops?: number;
  /** Only links holding on this day (roles ended before it are left out). */
  asOf?: string;
  /** Maximum nodes returned; `truncated` tells when the neighbourhood was larger. */
  limit?: number;
}

/**
 * The k-hop neighbourhood of one entity, straight from the store: roles, employments, licences,
 * placements, foster homes, relations, residences and shared addresses, each edge with its period
 * and source `file:line`. Nodes carry `attributes.hops` (distance from the entity). Edges are
 * those incident to nodes closer than `hops`. `id` may be a node id or any id a user types
 * (org_nr, personnummer, licence_id, home_id, address key); unknown ids give an empty payload.
 */
export function egoNetwork(db: Db, id: string, opts: EgoOptions = {}): GraphPayload {
  const hops = opts.hops ?? 2;
  const limit = opts.limit ?? 2000;
  const start = resolveMatchedNodeId(db, id);
  if (start == null) return { nodes: [], edges: [], truncated: false };
  const source = storeNeighbours(db, Math.max(1000, limit * 5));
  const hood = neighbourhood(source, [start], hops, { asOf: opts.asOf ?? null, limit });
  const nodes = source.nodes([...hood.depth.keys()]).map((n) => ({ ...n, attributes: { ...n.attributes, hops: hood.depth.get(n.id) } }));
  return { nodes, edges: [...hood.edges.values()], truncated: hood.truncated };
}

/** One step out from a node (the network view's "expand"). */
export function graphExpand(db: Db, id: string, opts: { asOf?: string; limit?: number } = {}): GraphPayload {
  return egoNetwork(db, id, { ...opts, hops: 1 });
}

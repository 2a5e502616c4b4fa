import type { Db } from '../store/db';
import { neighbourhood } from './bfs';
import { resolveMatchedNodeId, storeNeighbours } from './matched-source';
import type { GraphEdge, GraphPayload } from './types';

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

/**
 * One step out from a node (the network view's "expand"). With `among` (the nodes already on the
 * canvas), the links from the new neighbours to those nodes come too, so the picture never misses
 * a link between two nodes it shows.
 */
export function graphExpand(db: Db, id: string, opts: { asOf?: string; limit?: number; among?: readonly string[] } = {}): GraphPayload {
  const ego = egoNetwork(db, id, { ...opts, hops: 1 });
  if (!opts.among || opts.among.length === 0 || ego.nodes.length === 0) return ego;
  const present = new Set(opts.among);
  const fresh = ego.nodes.map((n) => n.id).filter((n) => !present.has(n));
  const shown = new Set([...present, ...ego.nodes.map((n) => n.id)]);
  const edges = new Map(ego.edges.map((e) => [e.id, e]));
  for (const e of storeNeighbours(db).edgesOf(fresh, opts.asOf ?? null)) {
    if (e.source !== e.target && shown.has(e.source) && shown.has(e.target) && !edges.has(e.id)) edges.set(e.id, e);
  }
  return { ...ego, edges: [...edges.values()] };
}

/**
 * The given nodes and every link among them (a saved view reopened in one request): edges with
 * one end outside the set are left out. Ids are node ids as the graph gave them; unknown ones come
 * back as bare nodes.
 */
export function inducedGraph(db: Db, ids: readonly string[], opts: { asOf?: string } = {}): GraphPayload {
  const wanted = [...new Set(ids)];
  const inSet = new Set(wanted);
  // Confirmed matches apply here too: a saved view names canonical ids.
  const source = storeNeighbours(db, Math.max(20_000, wanted.length * 20));
  const edges = new Map<string, GraphEdge>();
  for (const e of source.edgesOf(wanted, opts.asOf ?? null)) {
    if (e.source !== e.target && inSet.has(e.source) && inSet.has(e.target)) edges.set(e.id, e);
  }
  return { nodes: source.nodes(wanted), edges: [...edges.values()], truncated: false };
}

import Graph from 'graphology';
import type { Facts } from '../analysis/facts';
import { neighbourhood } from './bfs';
import { FactsSource } from './facts-source';
import { ADDRESS_PREFIX, homeNode, licenceNode, type GraphEdge, type GraphNode, type GraphPayload } from './types';

/** Node attributes: the node's kind and label plus its own attributes, flat (for sigma and GEXF). */
export type NodeAttributes = { kind: GraphNode['kind']; label: string } & Record<string, unknown>;
/** Edge attributes: kind and period plus the edge's own attributes (role, share_pct, source_ref …). */
export type EdgeAttributes = { kind: GraphEdge['kind']; from: string | null; to: string | null } & Record<string, unknown>;
export type InsynGraph = Graph<NodeAttributes, EdgeAttributes>;

/**
 * How far the welfare-sector graph reaches from its seeds (licence holders and their licences,
 * foster homes, and every company paid for placements or care). Two hops is what the signals and
 * the network score need: seed → its officers, owners, employees, foster parents and address
 * (1) → their other companies, relatives, homes and co-located entities (2). That covers
 * holding-company chains (licence holder → holding company → its owner) and "same people, new
 * company" (licence holder → person → new company). Addresses shared by more than
 * ADDRESS_FANOUT entities (service and box addresses) are kept as nodes but not passed through.
 */
export const WELFARE_HOPS = 2;
export const ADDRESS_FANOUT = 50;

export interface BuildOptions {
  /** Facts dated after this day do not exist; ends after it are still open. */
  asOf?: string;
  /** `welfare` (default): seeds + WELFARE_HOPS; `all`: every fact in the snapshot. */
  scope?: 'welfare' | 'all';
  hops?: number;
}

/** The welfare-sector seeds of a snapshot (node ids). */
export function welfareSeeds(facts: Facts): string[] {
  const seeds = new Set<string>();
  for (const l of facts.licences) {
    seeds.add(l.org_nr);
    seeds.add(licenceNode(l.licence_id));
  }
  for (const h of facts.fosterHomes.values()) seeds.add(homeNode(h.home_id));
  for (const p of facts.placements) if (p.payee_org_nr) seeds.add(p.payee_org_nr);
  for (const p of facts.payments) seeds.add(p.payee_org_nr);
  return [...seeds];
}

/** Builds the time-aware graph from a fact snapshot; every edge keeps its period. */
export function buildGraph(facts: Facts, opts: BuildOptions = {}): InsynGraph {
  const source = new FactsSource(facts);
  let ids: string[];
  let edges: GraphEdge[];
  if ((opts.scope ?? 'welfare') === 'all') {
    ids = [...facts.companies.keys(), ...facts.persons.keys(), ...welfareSeeds(facts)];
    edges = source.edgesOf([...new Set(ids)], null);
  } else {
    const hood = neighbourhood(source, welfareSeeds(facts), opts.hops ?? WELFARE_HOPS, { maxFanout: ADDRESS_FANOUT, fanoutApplies: (id) => id.startsWith(ADDRESS_PREFIX) });
    ids = [...hood.depth.keys()];
    edges = [...hood.edges.values()];
  }
  const graph: InsynGraph = new Graph({ multi: true, type: 'directed', allowSelfLoops: false });
  const seen = new Set<string>();
  const keep: GraphEdge[] = [];
  for (const e of edges) {
    if (seen.has(e.id) || e.source === e.target) continue;
    seen.add(e.id);
    const dated = opts.asOf ? edgeAsOf(e, opts.asOf) : e;
    if (dated) keep.push(dated);
  }
  const nodeIds = new Set(ids);
  for (const e of keep) { nodeIds.add(e.source); nodeIds.add(e.target); }
  for (const n of source.nodes([...nodeIds])) graph.addNode(n.id, { ...n.attributes, kind: n.kind, label: n.label });
  for (const e of keep) graph.addEdgeWithKey(e.id, e.source, e.target, { ...e.attributes, kind: e.kind, from: e.from, to: e.to });
  return graph;
}

/** An edge as known at as-of: gone when it starts later, still open when it ends later. */
function edgeAsOf(e: GraphEdge, asOf: string): GraphEdge | null {
  if (e.from != null && e.from > asOf) return null;
  return e.to != null && e.to > asOf ? { ...e, to: null } : e;
}

/** The graph (or a view of it) in the API's payload shape. */
export function toPayload(graph: InsynGraph): GraphPayload {
  const nodes: GraphNode[] = graph.mapNodes((id, a) => {
    const { kind, label, ...attributes } = a;
    return { id, kind, label, attributes };
  });
  const edges: GraphEdge[] = graph.mapEdges((id, a, source, target) => {
    const { kind, from, to, ...attributes } = a;
    return { id, source, target, kind, from, to, attributes };
  });
  return { nodes, edges };
}

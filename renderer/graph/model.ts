// Builds and merges the graphology model from API graph payloads. After insertion only layout
// data changes (positions, by the layout worker or a drag, and `pinned`); display state lives in
// the reducers.
import Graph from 'graphology';
import { edgeHoldsOn, isEdgeHidden, isNodeHidden, type DisplayState, type EdgeAttrs, type NodeAttrs } from './reducers';
import { relationLabel } from './relation';
import type { RiskHit } from './risk';
import { EDGE_COLORS, nodeColor, nodeSize } from './style';

export { EDGE_COLORS, KIND_COLORS, nodeColor, nodeSize } from './style';

export interface PayloadRisk { score: number; network: number; hits: RiskHit[] }
export interface PayloadNode { id: string; kind: string; label: string; attributes?: Record<string, unknown>; risk?: PayloadRisk | null }
export interface PayloadEdge {
  id: string; source: string; target: string; kind: string;
  from?: string | null; to?: string | null; attributes?: Record<string, unknown>;
}
export interface GraphPayloadLike { nodes: PayloadNode[]; edges: PayloadEdge[] }

export type InsynGraph = Graph<NodeAttrs, EdgeAttrs>;

// Shared by every node without risk: thousands of empty arrays are heap the garbage collector walks each frame.
const NONE: readonly string[] = Object.freeze([]);
const NO_HITS: readonly RiskHit[] = Object.freeze([]);

export function createGraph(): InsynGraph {
  return new Graph<NodeAttrs, EdgeAttrs>({ multi: true, type: 'directed', allowSelfLoops: false });
}

export interface MergeOptions {
  /** New nodes are placed around this node (an expansion) … */
  anchor?: string;
  /** … or, on a first load, in rings by their hop distance around this one (the ego). */
  centre?: string;
}

export interface MergeResult { addedNodes: number; addedEdges: number; added: string[] }

/** Adds nodes and edges not yet present; existing nodes keep their attributes and position. */
export function mergePayload(graph: InsynGraph, payload: GraphPayloadLike, opts: MergeOptions = {}): MergeResult {
  const seen = new Set<string>();
  const fresh = payload.nodes.filter((n) => !graph.hasNode(n.id) && !seen.has(n.id) && seen.add(n.id));
  const place = placement(graph, fresh, opts);
  for (const node of fresh) {
    const risk = node.risk ?? null;
    const score = risk?.score ?? 0;
    const { x, y } = place(node);
    graph.addNode(node.id, {
      label: String(node.label ?? node.id),
      kind: node.kind,
      x,
      y,
      size: nodeSize(score),
      color: nodeColor(node.kind, score),
      score,
      network: risk?.network ?? 0,
      signals: risk && risk.hits.length > 0 ? [...new Set(risk.hits.map((h) => h.signal))].sort() : NONE,
      hits: risk && risk.hits.length > 0 ? risk.hits : NO_HITS,
      centre: node.id === opts.centre,
      pinned: false,
    });
  }
  let addedEdges = 0;
  for (const e of payload.edges) {
    if (graph.hasEdge(e.id)) continue;
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target) || e.source === e.target) continue;
    graph.addEdgeWithKey(e.id, e.source, e.target, {
      kind: e.kind,
      from: e.from ?? null,
      to: e.to ?? null,
      size: 1.5,
      color: EDGE_COLORS[e.kind] ?? '#adb5bd',
      label: relationLabel(e.kind, e.attributes ?? {}),
    });
    addedEdges += 1;
  }
  return { addedNodes: fresh.length, addedEdges, added: fresh.map((n) => n.id) };
}

/**
 * Where new nodes start: evenly around the anchor at the graph's typical link length (so the
 * short layout that follows only has to settle them), or in rings by hop distance on a first
 * load. Deterministic, so the same payload always starts from the same picture.
 */
function placement(graph: InsynGraph, fresh: PayloadNode[], opts: MergeOptions): (n: PayloadNode) => { x: number; y: number } {
  if (opts.anchor && graph.hasNode(opts.anchor)) {
    const a = graph.getNodeAttributes(opts.anchor);
    const r = typicalEdgeLength(graph) ?? 10;
    const index = new Map(fresh.map((n, i) => [n.id, i]));
    const count = Math.max(1, fresh.length);
    return (n) => {
      const angle = (2 * Math.PI * index.get(n.id)!) / count;
      return { x: a.x + r * Math.cos(angle), y: a.y + r * Math.sin(angle) };
    };
  }
  const ringOf = (n: PayloadNode): number => (n.id === opts.centre ? 0 : Math.max(1, Number(n.attributes?.['hops'] ?? 1) || 1));
  const rings = new Map<number, string[]>();
  for (const n of fresh) {
    const k = ringOf(n);
    const ring = rings.get(k) ?? rings.set(k, []).get(k)!;
    ring.push(n.id);
  }
  const slot = new Map<string, number>();
  for (const ring of rings.values()) ring.forEach((id, i) => slot.set(id, i));
  return (n) => {
    const k = ringOf(n);
    const ring = rings.get(k)!;
    if (k === 0) return { x: 0, y: 0 };
    const angle = (2 * Math.PI * slot.get(n.id)!) / ring.length + k * 0.5;
    return { x: 10 * k * Math.cos(angle), y: 10 * k * Math.sin(angle) };
  };
}

/** Median length of (up to 200 of) the graph's links; null without links. */
export function typicalEdgeLength(graph: InsynGraph): number | null {
  const lengths: number[] = [];
  graph.someEdge((_e, _a, _s, _t, sa, ta) => {
    const d = Math.hypot(sa.x - ta.x, sa.y - ta.y);
    if (d > 0) lengths.push(d);
    return lengths.length >= 200;
  });
  if (lengths.length === 0) return null;
  lengths.sort((p, q) => p - q);
  return lengths[Math.floor(lengths.length / 2)]!;
}

/** The extent of the node positions now (sigma's own getBBox is as of its last refresh). */
export function extentOf(graph: InsynGraph): { x: [number, number]; y: [number, number] } {
  const x: [number, number] = [Infinity, -Infinity];
  const y: [number, number] = [Infinity, -Infinity];
  graph.forEachNode((_id, a) => {
    if (a.x < x[0]) x[0] = a.x;
    if (a.x > x[1]) x[1] = a.x;
    if (a.y < y[0]) y[0] = a.y;
    if (a.y > y[1]) y[1] = a.y;
  });
  return { x, y };
}

/** Earliest and latest dates on edges, for the as-of slider bounds. */
export function dateBounds(graph: InsynGraph): { min: string; max: string } | null {
  let min: string | null = null;
  let max: string | null = null;
  graph.forEachEdge((_e, a) => {
    for (const d of [a.from, a.to]) {
      if (!d) continue;
      if (!min || d < min) min = d;
      if (!max || d > max) max = d;
    }
  });
  if (!min || !max) return null;
  return { min, max };
}

/**
 * Nodes that had links but none holding on `date`: the canvas leaves them out on that day (like
 * the core's viewAsOf). Nodes without any link stay. Empty when no date is chosen.
 */
export function absentOn(graph: InsynGraph, date: string | null): Set<string> {
  const out = new Set<string>();
  if (date === null) return out;
  graph.forEachNode((id) => {
    if (graph.degree(id) === 0) return;
    const holds = graph.someEdge(id, (_e, a) => edgeHoldsOn(a, date));
    if (!holds) out.add(id);
  });
  return out;
}

/** Nodes and edges the reducers leave visible (the header counts and data-visible-edges). */
export function countVisible(graph: InsynGraph, ui: DisplayState): { nodes: number; edges: number } {
  let nodes = 0;
  let edges = 0;
  graph.forEachNode((id, a) => { if (!isNodeHidden(id, a, ui)) nodes += 1; });
  graph.forEachEdge((_e, a, s, t, sa, ta) => { if (!isEdgeHidden(a, ui, { sourceId: s, targetId: t, source: sa, target: ta })) edges += 1; });
  return { nodes, edges };
}

/** Graph node ids carry a kind prefix for licences, foster homes and addresses; profiles use the bare id. */
export function entityIdOf(nodeId: string): string {
  return nodeId.replace(/^(lic|home|addr):/, '');
}

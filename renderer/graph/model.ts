// Builds and merges the graphology model from API graph payloads. Layout positions are the only
// attributes changed after insertion (by the layout worker); display state lives in reducers.
import Graph from 'graphology';
import { isEdgeHidden, type EdgeAttrs, type GraphUiState, type NodeAttrs } from './reducers';

export interface PayloadNode { id: string; kind: string; label: string; attributes?: Record<string, unknown> }
export interface PayloadEdge {
  id: string; source: string; target: string; kind: string;
  from?: string | null; to?: string | null; attributes?: Record<string, unknown>;
}
export interface GraphPayloadLike { nodes: PayloadNode[]; edges: PayloadEdge[] }

export type InsynGraph = Graph<NodeAttrs, EdgeAttrs>;

export const KIND_COLORS: Record<string, string> = {
  company: '#1971c2',
  person: '#7048e8',
  licence: '#2b8a3e',
  foster_home: '#e67700',
  address: '#868e96',
};
export const EDGE_COLORS: Record<string, string> = {
  role: '#74c0fc',
  employment: '#b197fc',
  licence: '#8ce99a',
  placement: '#ffc078',
  relation: '#f783ac',
  residence: '#ced4da',
  address: '#ced4da',
  payment: '#ffd43b',
};
const RISK_COLOR = '#c92a2a';

export function nodeColor(kind: string, score: number): string {
  if (score >= 0.5) return RISK_COLOR;
  return KIND_COLORS[kind] ?? '#495057';
}

export function nodeSize(score: number): number {
  return 5 + Math.round(Math.min(1, Math.max(0, score)) * 12);
}

export function createGraph(): InsynGraph {
  return new Graph<NodeAttrs, EdgeAttrs>({ multi: true, type: 'directed', allowSelfLoops: false });
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Adds nodes/edges not yet present. New nodes are placed near `anchor` (or on a circle) so the layout starts sensibly. */
export function mergePayload(
  graph: InsynGraph,
  payload: GraphPayloadLike,
  anchor?: string,
  risk?: ReadonlyMap<string, NodeRisk>,
): { addedNodes: number; addedEdges: number } {
  let addedNodes = 0;
  let addedEdges = 0;
  const base = anchor && graph.hasNode(anchor) ? graph.getNodeAttributes(anchor) : { x: 0, y: 0 };
  const n = payload.nodes.length || 1;
  payload.nodes.forEach((node, i) => {
    if (graph.hasNode(node.id)) return;
    const a = node.attributes ?? {};
    const known = risk?.get(entityIdOf(node.id));
    const score = Math.max(num(a['score'] ?? a['network_score']), known?.score ?? 0);
    const angle = (2 * Math.PI * i) / n;
    const r = anchor ? 1 + Math.random() * 0.5 : 10;
    graph.addNode(node.id, {
      label: String(node.label ?? node.id),
      kind: node.kind,
      x: base.x + r * Math.cos(angle),
      y: base.y + r * Math.sin(angle),
      size: nodeSize(score),
      color: nodeColor(node.kind, score),
      score,
      signals: [...new Set([...strList(a['signals']), ...(known?.signals ?? [])])],
    });
    addedNodes += 1;
  });
  for (const e of payload.edges) {
    if (graph.hasEdge(e.id)) continue;
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target) || e.source === e.target) continue;
    graph.addEdgeWithKey(e.id, e.source, e.target, {
      kind: e.kind,
      from: e.from ?? null,
      to: e.to ?? null,
      size: 1.5,
      color: EDGE_COLORS[e.kind] ?? '#adb5bd',
    });
    addedEdges += 1;
  }
  return { addedNodes, addedEdges };
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

/** Edges the reducers leave visible (the Nätverk view exposes it as data-visible-edges). */
export function countVisibleEdges(graph: InsynGraph, ui: GraphUiState): number {
  let n = 0;
  graph.forEachEdge((_e, a, _s, _t, sa, ta) => { if (!isEdgeHidden(a, ui, sa, ta)) n += 1; });
  return n;
}

/** Graph node ids carry a kind prefix for licences, foster homes and addresses; profiles use the bare id. */
export function entityIdOf(nodeId: string): string {
  return nodeId.replace(/^(lic|home|addr):/, '');
}

export interface NodeRisk { score: number; signals: string[] }

/** Risk per entity from a list of hits: the subject's score and the signals naming it (as subject or related). */
export function riskIndex(hits: { signal: string; subjectId: string; relatedIds: string[]; score: number | null }[]): Map<string, NodeRisk> {
  const m = new Map<string, NodeRisk>();
  const add = (id: string, signal: string, score: number | null) => {
    const cur = m.get(id) ?? { score: 0, signals: [] };
    if (!cur.signals.includes(signal)) cur.signals.push(signal);
    if (score != null && score > cur.score) cur.score = score;
    m.set(id, cur);
  };
  for (const h of hits) {
    add(h.subjectId, h.signal, h.score);
    for (const r of h.relatedIds) add(r, h.signal, null);
  }
  return m;
}

import type { ExportEdge, ExportNode } from './types';

/**
 * Graph file formats want one scalar type per attribute. This flattens node/edge attributes to
 * scalars (objects and lists become JSON text) and settles each key on one type across all
 * elements, so a written file re-reads to exactly these values.
 */
export type ScalarType = 'boolean' | 'integer' | 'double' | 'string';
export type Scalar = string | number | boolean;

const NODE_RESERVED = new Set(['label', 'kind']);
const EDGE_RESERVED = new Set(['label', 'kind', 'from', 'to']);

export interface FlatElements {
  types: Map<string, ScalarType>;
  values: Map<string, Record<string, Scalar>>;
}

function scalarOf(v: unknown): Scalar | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  return JSON.stringify(v);
}

function typeOf(v: Scalar): ScalarType {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) <= 0x7fffffff ? 'integer' : 'double';
  return 'string';
}

function widen(a: ScalarType | undefined, b: ScalarType): ScalarType {
  if (!a || a === b) return b;
  if ((a === 'integer' && b === 'double') || (a === 'double' && b === 'integer')) return 'double';
  return 'string';
}

function cast(v: Scalar, t: ScalarType): Scalar {
  return t === 'string' ? String(v) : v;
}

function flatten(elements: { id: string; attributes: Record<string, unknown>; fixed: Record<string, unknown> }[], reserved: Set<string>): FlatElements {
  const raw = new Map<string, Record<string, Scalar>>();
  const types = new Map<string, ScalarType>();
  for (const e of elements) {
    const rec: Record<string, Scalar> = {};
    const merged: Record<string, unknown> = { ...e.fixed };
    // Payload attributes never shadow the element's own kind/label/period.
    for (const [k, v] of Object.entries(e.attributes)) if (!reserved.has(k)) merged[k] = v;
    for (const [k, v] of Object.entries(merged)) {
      const s = scalarOf(v);
      if (s === null) continue;
      rec[k] = s;
      types.set(k, widen(types.get(k), typeOf(s)));
    }
    raw.set(e.id, rec);
  }
  for (const rec of raw.values()) for (const k of Object.keys(rec)) rec[k] = cast(rec[k]!, types.get(k)!);
  return { types, values: raw };
}

export function flattenNodes(nodes: readonly ExportNode[]): FlatElements {
  return flatten(nodes.map((n) => ({ id: n.id, attributes: n.attributes, fixed: { kind: n.kind, label: n.label } })), NODE_RESERVED);
}

export function flattenEdges(edges: readonly ExportEdge[]): FlatElements {
  return flatten(edges.map((e) => ({ id: e.id, attributes: e.attributes, fixed: { kind: e.kind, from: e.from, to: e.to } })), EDGE_RESERVED);
}

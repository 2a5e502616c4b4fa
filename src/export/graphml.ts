import { flattenEdges, flattenNodes, type FlatElements, type ScalarType } from './attributes';
import type { ExportBundle } from './types';
import { escapeXml } from './xml';
import { groupedHash } from '../audit/receipt';

/**
 * GraphML (yEd, Gephi, Cytoscape, networkx). graphology-graphml only parses, so this writes the
 * XML itself; every attribute becomes a typed <key>, every text goes through escapeXml. GraphML's
 * schema types node and edge ids as NMTOKEN (no spaces, `|`, `[` or `"`), which address keys and
 * composite edge ids break, so ids are written through graphmlId and the original id travels as
 * the `insyn_id` attribute.
 */

/** Characters an NMTOKEN may hold that we keep as they are (letters incl. å ä ö é, digits, . - :). */
const NMTOKEN_SAFE = /[A-Za-z0-9.:\-\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF]/u;

/** A valid NMTOKEN for any id, one to one: other characters (and `_`) become `_<hex code point>_`. */
export function graphmlId(id: string): string {
  let out = '';
  for (const ch of id) out += NMTOKEN_SAFE.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}_`;
  return out || '_';
}

/** The inverse of graphmlId. */
export function fromGraphmlId(token: string): string {
  return token === '_' ? '' : token.replace(/_([0-9a-f]+)_/g, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}
const GRAPHML_TYPE: Record<ScalarType, string> = { boolean: 'boolean', integer: 'int', double: 'double', string: 'string' };

function keyDecls(flat: FlatElements, forWhat: 'node' | 'edge', prefix: string): { xml: string[]; ids: Map<string, string> } {
  const ids = new Map<string, string>();
  const xml: string[] = [];
  let i = 0;
  for (const [name, t] of [...flat.types].sort(([a], [b]) => a.localeCompare(b))) {
    const id = `${prefix}${i++}`;
    ids.set(name, id);
    xml.push(`  <key id="${id}" for="${forWhat}" attr.name="${escapeXml(name)}" attr.type="${GRAPHML_TYPE[t]}"/>`);
  }
  return { xml, ids };
}

function dataLines(values: Record<string, unknown> | undefined, ids: Map<string, string>, indent: string): string[] {
  if (!values) return [];
  return Object.entries(values)
    .filter(([k]) => ids.has(k))
    .map(([k, v]) => `${indent}<data key="${ids.get(k)}">${escapeXml(String(v))}</data>`);
}

export function writeGraphml(bundle: ExportBundle): string {
  const nodes = flattenNodes(bundle.graph.nodes.map((n) => ({ ...n, attributes: { ...n.attributes, insyn_id: n.id } })));
  const edges = flattenEdges(bundle.graph.edges.map((e) => ({ ...e, attributes: { ...e.attributes, insyn_id: e.id } })));
  const nk = keyDecls(nodes, 'node', 'n');
  const ek = keyDecls(edges, 'edge', 'e');
  const present = new Set<string>();
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...nk.xml,
    ...ek.xml,
    ...auditHeadKeys(bundle),
    `  <graph id="insyn" edgedefault="directed">`,
    ...auditHeadData(bundle),
  ];
  for (const n of bundle.graph.nodes) {
    if (present.has(n.id)) continue;
    present.add(n.id);
    out.push(`    <node id="${escapeXml(graphmlId(n.id))}">`, ...dataLines(nodes.values.get(n.id), nk.ids, '      '), '    </node>');
  }
  const seenEdges = new Set<string>();
  for (const e of bundle.graph.edges) {
    if (!present.has(e.source) || !present.has(e.target) || seenEdges.has(e.id)) continue;
    seenEdges.add(e.id);
    out.push(
      `    <edge id="${escapeXml(graphmlId(e.id))}" source="${escapeXml(graphmlId(e.source))}" target="${escapeXml(graphmlId(e.target))}">`,
      ...dataLines(edges.values.get(e.id), ek.ids, '      '),
      '    </edge>',
    );
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

// issue 13: the audit log's head when the export was made, as graph data.
const HEAD_KEYS = [['ga0', 'audit_head_seq', 'int'], ['ga1', 'audit_head_hash', 'string'], ['ga2', 'audit_head_at', 'string']] as const;

function auditHeadKeys(bundle: ExportBundle): string[] {
  if (bundle.auditHead === undefined) return [];
  return HEAD_KEYS.map(([id, name, type]) => `  <key id="${id}" for="graph" attr.name="${name}" attr.type="${type}"/>`);
}

function auditHeadData(bundle: ExportBundle): string[] {
  const h = bundle.auditHead;
  if (!h) return [];
  return [String(h.seq), groupedHash(h.hash), h.at].map((v, i) => `    <data key="${HEAD_KEYS[i]![0]}">${escapeXml(v)}</data>`);
}

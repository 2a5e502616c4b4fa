import { flattenEdges, flattenNodes, type Scalar } from './attributes';
import type { ExportBundle, ExportFile } from './types';
import { groupedHash } from '../audit/receipt';

/**
 * nodes.csv + edges.csv + hits.csv (+ export.csv: what the export is and the audit log's head when
 * it was made) (RFC 4180, UTF-8 with BOM so Swedish Excel reads å/ä/ö).
 * Cells that a spreadsheet would run as a formula (= + - @ TAB CR first) get a leading `'`.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function csvCell(v: Scalar | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = neutraliseFormula(String(v));
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvTable(header: readonly string[], rows: readonly (readonly (Scalar | null | undefined)[])[]): string {
  return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function writeCsv(bundle: ExportBundle, base: string): ExportFile[] {
  const nodes = flattenNodes(bundle.graph.nodes);
  const nodeExtra = [...nodes.types.keys()].filter((k) => k !== 'kind' && k !== 'label').sort();
  const nodeRows = bundle.graph.nodes.map((n) => {
    const v = nodes.values.get(n.id) ?? {};
    return [n.id, n.kind, n.label, ...nodeExtra.map((k) => v[k])];
  });
  const edges = flattenEdges(bundle.graph.edges);
  const edgeExtra = [...edges.types.keys()].filter((k) => !['kind', 'from', 'to'].includes(k)).sort();
  const edgeRows = bundle.graph.edges.map((e) => {
    const v = edges.values.get(e.id) ?? {};
    return [e.id, e.source, e.target, e.kind, e.from, e.to, ...edgeExtra.map((k) => v[k])];
  });
  const hitRows = bundle.hits.map((h) => [
    h.hit_key, h.signal, h.subject_kind, h.subject_id, h.related_ids.join('|'), h.severity, h.status, h.status_reason, h.changed,
    h.evidence.map((e) => e.text).join(' | '),
    h.evidence.map((e) => e.source).join('|'),
  ]);
  return [
    { name: `${base}nodes.csv`, content: csvTable(['id', 'kind', 'label', ...nodeExtra], nodeRows) },
    { name: `${base}edges.csv`, content: csvTable(['id', 'source', 'target', 'kind', 'from', 'to', ...edgeExtra], edgeRows) },
    {
      name: `${base}hits.csv`,
      content: csvTable(['hit_key', 'signal', 'subject_kind', 'subject_id', 'related_ids', 'severity', 'status', 'status_reason', 'changed', 'evidence', 'sources'], hitRows),
    },
    ...(bundle.auditHead !== undefined ? [{ name: `${base}export.csv`, content: csvTable(['key', 'value'], exportFacts(bundle)) }] : []),
  ];
}

// issue 13: one key/value file saying what the export is and where the audit log stood.
function exportFacts(bundle: ExportBundle): (string | number | boolean | null)[][] {
  const h = bundle.auditHead ?? null;
  return [
    ['title', bundle.title],
    ['scope', bundle.scopeLabel],
    ['generated_at', bundle.generatedAt],
    ['pseudonymised', bundle.pseudonymised],
    ['analysis_run', bundle.run?.id ?? null],
    ['data_version', bundle.run?.data_version ?? null],
    ['audit_head_seq', h?.seq ?? null],
    ['audit_head_at', h?.at ?? null],
    ['audit_head_hash', h ? groupedHash(h.hash) : null],
  ];
}

import { flattenEdges, flattenNodes, type Scalar } from './attributes';
import type { CsvDialect, ExportBundle, ExportFile } from './types';
import { groupedHash } from '../audit/receipt';

export { CSV_DIALECTS, type CsvDialect } from './types';

/**
 * nodes.csv + edges.csv + hits.csv (+ export.csv: what the export is and the audit log's head when
 * it was made), UTF-8 with BOM so Excel reads å/ä/ö, in one of two dialects:
 *
 * - `excel` (default): for Excel with Swedish settings, which splits on `;` and reads `,` as the
 *   decimal sign. Numbers get a decimal comma, and ids made of digits (org_nr, personnummer, any
 *   digit run of 8 or more or with a leading zero) are written as the text formula `="…"`, so Excel
 *   keeps every digit instead of turning 197506141634 into 1,97506E+11.
 * - `standard`: RFC 4180 (`,`, decimal point, ids as plain text) for pandas, R and other tools.
 *
 * In both, cells a spreadsheet would run as a formula (= + - @ TAB CR first) get a leading `'`.
 */

interface DialectRules { sep: string; decimalComma: boolean; idsAsText: boolean }
const RULES: Record<CsvDialect, DialectRules> = {
  excel: { sep: ';', decimalComma: true, idsAsText: true },
  standard: { sep: ',', decimalComma: false, idsAsText: false },
};

const FORMULA_START = /^[=+\-@\t\r]/;
const DIGIT_ID = /^(?:\d{8,}|0\d+)$/;

export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function quoted(s: string, sep: string): string {
  return s.includes('"') || s.includes(sep) || /[\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvCell(v: Scalar | null | undefined, dialect: CsvDialect = 'standard'): string {
  if (v === null || v === undefined) return '';
  const r = RULES[dialect];
  // Our own text formula for digit ids; the value is digits only, so nothing can be injected through it.
  if (r.idsAsText && typeof v === 'string' && DIGIT_ID.test(v)) return quoted(`="${v}"`, r.sep);
  // A number is never a formula; text is neutralised.
  if (typeof v === 'number') return quoted(r.decimalComma ? String(v).replace('.', ',') : String(v), r.sep);
  return quoted(neutraliseFormula(String(v)), r.sep);
}

export function csvTable(header: readonly string[], rows: readonly (readonly (Scalar | null | undefined)[])[], dialect: CsvDialect = 'standard'): string {
  const sep = RULES[dialect].sep;
  return '\uFEFF' + [header, ...rows].map((r) => r.map((c) => csvCell(c, dialect)).join(sep)).join('\r\n') + '\r\n';
}

export function writeCsv(bundle: ExportBundle, base: string, dialect: CsvDialect = 'excel'): ExportFile[] {
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
    { name: `${base}nodes.csv`, content: csvTable(['id', 'kind', 'label', ...nodeExtra], nodeRows, dialect) },
    { name: `${base}edges.csv`, content: csvTable(['id', 'source', 'target', 'kind', 'from', 'to', ...edgeExtra], edgeRows, dialect) },
    {
      name: `${base}hits.csv`,
      content: csvTable(['hit_key', 'signal', 'subject_kind', 'subject_id', 'related_ids', 'severity', 'status', 'status_reason', 'changed', 'evidence', 'sources'], hitRows, dialect),
    },
    ...(bundle.auditHead !== undefined ? [{ name: `${base}export.csv`, content: csvTable(['key', 'value'], exportFacts(bundle), dialect) }] : []),
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

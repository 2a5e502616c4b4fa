import type { AuditHead } from '../audit/log';

/**
 * What an export carries. The graph shape is the one `egoNetwork` returns (src/graph/ego.ts);
 * declared here structurally so the writers stay pure and testable on hand-built payloads.
 */
export interface ExportNode {
  id: string;
  kind: string;
  label: string;
  attributes: Record<string, unknown>;
}
export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  kind: string;
  from: string | null;
  to: string | null;
  attributes: Record<string, unknown>;
}
export interface ExportGraph {
  nodes: ExportNode[];
  edges: ExportEdge[];
}

export interface ExportEvidence {
  text: string;
  source: string;
}

export interface ExportHit {
  hit_key: string;
  signal: string;
  subject_kind: string;
  subject_id: string;
  related_ids: string[];
  severity: number;
  evidence: ExportEvidence[];
  /** Triage status (ny, under_utredning, avskriven, bekraftad) and its reason. */
  status: string;
  status_reason: string | null;
  changed: boolean;
}

export interface ExportRunInfo {
  id: number;
  as_of: string;
  data_version: string;
  params: unknown;
  finished_at: string | null;
}

export interface ExportAuditLine {
  seq: number;
  at: string;
  actor: string;
  action: string;
  summary: string;
}

/** Everything one export writes, already scoped (and pseudonymised when asked). */
export interface ExportBundle {
  /** Swedish title, e.g. "Ärende: Omsorg Norr" or "Nätverk kring 5566778899". */
  title: string;
  scopeLabel: string;
  generatedAt: string;
  graph: ExportGraph;
  hits: ExportHit[];
  run: ExportRunInfo | null;
  caseInfo: { id: number; name: string; description: string; notes: { at: string; author: string; text: string }[] } | null;
  /** Sanctions (näringsförbud, domar ...) on entities in scope, for FtM and the report. */
  sanctions?: ExportSanction[];
  audit: ExportAuditLine[];
  pseudonymised: boolean;
  /** The audit log's head when the export was made (issue 13): an old export proves a later truncation. */
  auditHead?: AuditHead | null;
}

export const EXPORT_FORMATS = ['gexf', 'graphml', 'csv', 'ftm', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** CSV for Swedish Excel (`excel`) or RFC 4180 tools (`standard`); see src/export/csv.ts. */
export const CSV_DIALECTS = ['excel', 'standard'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

export interface ExportFile {
  name: string;
  content: string;
}

export interface ExportSanction {
  subject_id: string;
  kind: string;
  from: string | null;
  to: string | null;
  offence: string | null;
  decision_ref: string | null;
  /** `file:line` */
  source: string;
}

import { z } from 'zod';
import { HIT_STATUSES, STATUSES_REQUIRING_REASON, SUBJECT_KINDS } from '../model/enums';
import { CSV_DIALECTS, EXPORT_FORMATS } from '../export/types';

/**
 * The one API contract between the workbench UI and the core (issue 5). Every method has a
 * request and a response schema; both transports (Electron IPC, loopback HTTP) are generated
 * from this object, so the renderer cannot tell which one it runs on. Replies travel in an
 * envelope `{ ok: true, value } | { ok: false, error: { code, message } }` with Swedish messages.
 *
 * Naming: fields are camelCase; ids are in the normalised form of the data contract
 * (org_nr 10 digits, person_id 12 digits or `ext:…`, address = normalised key).
 */

// ---------------------------------------------------------------------------------------------
// Shared building blocks

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum ska skrivas ÅÅÅÅ-MM-DD');
const nullableDate = isoDate.nullable();
const page = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
};
const empty = z.object({}).default({});

// Enums come from the model, so the contract cannot drift from the core.
export const SubjectKind = z.enum(SUBJECT_KINDS);
export type SubjectKind = z.infer<typeof SubjectKind>;

export const Severity = z.number().int().min(1).max(5);

/** Triage statuses (issue 6): ny, under utredning, avskriven, bekräftad. */
export const HitStatus = z.enum(HIT_STATUSES);
export type HitStatus = z.infer<typeof HitStatus>;
export { STATUSES_REQUIRING_REASON };

/** Where a stored fact came from (contract §3): dataset, file, line, import time. */
export const Source = z.object({
  datasetId: z.number().int().nullable(),
  datasetName: z.string().nullable(),
  file: z.string(),
  line: z.number().int().nullable(),
  importedAt: z.string().nullable(),
});
export type Source = z.infer<typeof Source>;

export const Evidence = z.object({
  text: z.string(),
  /** `file:line` as the analysis wrote it, e.g. `roles.csv:12`. */
  source: z.string(),
  /** The stored fact behind the evidence, when known (to open it). */
  fact: z.object({ table: z.string(), key: z.string() }).nullable().default(null),
});
export type Evidence = z.infer<typeof Evidence>;

/** A short reference to an entity, for lists and links. */
export const EntityRef = z.object({
  id: z.string(),
  kind: SubjectKind,
  label: z.string(),
});
export type EntityRef = z.infer<typeof EntityRef>;

// ---------------------------------------------------------------------------------------------
// Jobs (import, analysis, demo): long work runs off the request thread and reports progress.

export const JobId = z.string().min(1);
export const JobKind = z.enum(['import', 'analysis', 'demo']);
export const JobState = z.enum(['queued', 'running', 'done', 'failed']);

export const JobProgress = z.object({
  /** Machine-readable phase: 'read', 'import', 'analysis', 'index', 'done'. */
  phase: z.string(),
  done: z.number(),
  total: z.number(),
  rowsPerSec: z.number(),
  /** Swedish text for the progress bar, e.g. "Läser roles.csv (45 %)". */
  message: z.string(),
});
export type JobProgress = z.infer<typeof JobProgress>;

export const QuarantineRow = z.object({
  id: z.number().int(),
  datasetId: z.number().int(),
  file: z.string(),
  line: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
  reasonSv: z.string(),
});
export type QuarantineRow = z.infer<typeof QuarantineRow>;

export const ImportSummary = z.object({
  path: z.string(),
  dataset: z.string(),
  datasetId: z.number().int(),
  rows: z.record(z.string(), z.number()),
  quarantined: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** The first quarantined rows (the full list comes from quarantineList). */
  quarantineSample: z.array(QuarantineRow.omit({ id: true, datasetId: true })),
  /** Issue 11: tables this dataset was a full extract of, and rows per table it marked as no longer reported. */
  full: z.array(z.string()).default([]),
  ended: z.record(z.string(), z.number()).default({}),
});
export type ImportSummary = z.infer<typeof ImportSummary>;

export const CoverageEntry = z.object({
  signal: z.string(),
  title: z.string(),
  evaluable: z.boolean(),
  reason: z.string().nullable(),
});
export type CoverageEntry = z.infer<typeof CoverageEntry>;

export const AnalysisSummary = z.object({
  runId: z.number().int(),
  asOf: isoDate,
  hitCount: z.number().int(),
  hitsBySignal: z.record(z.string(), z.number()),
  coverage: z.array(CoverageEntry),
  durationMs: z.number(),
  // issue 13: set when the run read its data while an import was writing, or the data changed meanwhile.
  snapshotNote: z.string().nullable().optional(),
});
export type AnalysisSummary = z.infer<typeof AnalysisSummary>;

export const JobResult = z.object({
  imports: z.array(ImportSummary).default([]),
  analysis: AnalysisSummary.nullable().default(null),
});
export type JobResult = z.infer<typeof JobResult>;

export const JobStatus = z.object({
  jobId: JobId,
  kind: JobKind,
  state: JobState,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  progress: JobProgress,
  /** Present when state = done. */
  result: JobResult.nullable(),
  /** Present when state = failed (Swedish message). */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type JobStatus = z.infer<typeof JobStatus>;

// ---------------------------------------------------------------------------------------------
// Overview

export const Dataset = z.object({
  id: z.number().int(),
  name: z.string(),
  sourcePath: z.string(),
  importedAt: z.string(),
  rows: z.record(z.string(), z.number()),
  quarantined: z.number().int(),
});
export type Dataset = z.infer<typeof Dataset>;

export const Cluster = z.object({
  clusterId: z.string(),
  rank: z.number().int(),
  score: z.number(),
  size: z.number().int(),
  hitCount: z.number().int(),
  signals: z.array(z.string()),
  /** The highest-scoring members first (at most 10). */
  members: z.array(EntityRef.extend({ score: z.number().nullable() })),
});
export type Cluster = z.infer<typeof Cluster>;

export const AnalysisRunInfo = z.object({
  runId: z.number().int(),
  asOf: isoDate,
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  hitCount: z.number().int(),
  /** Identifies the data the run saw (e.g. last dataset id / content hash). */
  dataVersion: z.string().nullable(),
  params: z.record(z.string(), z.unknown()),
});
export type AnalysisRunInfo = z.infer<typeof AnalysisRunInfo>;

export const StatusReply = z.object({
  /** True when the store holds no facts at all: the UI offers the demo dataset. */
  empty: z.boolean(),
  storePath: z.string(),
  schemaVersion: z.number().int(),
  datasets: z.array(Dataset),
  /** Row count per contract table (all 15, zero when absent). */
  tables: z.record(z.string(), z.number()),
  lastRun: AnalysisRunInfo.nullable(),
  coverage: z.array(CoverageEntry),
  /** One entry per (signal, severity) with hits; zero counts omitted. */
  hitCounts: z.array(z.object({ signal: z.string(), title: z.string(), severity: Severity, count: z.number().int() })),
  hitTotal: z.number().int(),
  topClusters: z.array(Cluster),
  /** Newest first. */
  importHistory: z.array(Dataset),
  /** A job still running (so a reloaded UI can re-attach its progress bar). */
  runningJobs: z.array(z.object({ jobId: JobId, kind: JobKind })),
});
export type StatusReply = z.infer<typeof StatusReply>;

// ---------------------------------------------------------------------------------------------
// Import

export const PreviewFile = z.object({
  file: z.string(),
  table: z.string().nullable(),
  format: z.enum(['csv', 'csv.gz', 'xlsx', 'bolagsverket', 'ftm']),
  encoding: z.string(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  missingRequired: z.array(z.string()),
  unknownColumns: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())),
  error: z.string().nullable().default(null),
});
export type PreviewFile = z.infer<typeof PreviewFile>;

const paths = z.array(z.string().min(1)).min(1, 'Välj minst en mapp eller fil');

const QuarantineFilter = z.object({
  datasetId: z.number().int().optional(),
  file: z.string().optional(),
  /** Free text matched against value, column and reason. */
  text: z.string().optional(),
});

// ---------------------------------------------------------------------------------------------
// Hits (alert queue)

export const HitSortField = z.enum(['severity', 'score', 'signal', 'subject', 'status', 'municipality']);
export const HitSort = z.object({
  by: HitSortField.default('severity'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});

export const HitRow = z.object({
  hitKey: z.string(),
  signal: z.string(),
  signalTitle: z.string(),
  subjectKind: SubjectKind,
  subjectId: z.string(),
  subjectLabel: z.string(),
  relatedIds: z.array(z.string()),
  /** Labels for relatedIds, same order. */
  relatedLabels: z.array(z.string()),
  severity: Severity,
  status: HitStatus,
  /** The evidence changed since the status was set (issue 6.1). */
  changed: z.boolean(),
  municipality: z.string().nullable(),
  /** The subject's direct score (0..1) from the last run, if scored. */
  score: z.number().nullable(),
  evidenceCount: z.number().int(),
});
export type HitRow = z.infer<typeof HitRow>;

export const StatusChange = z.object({
  status: HitStatus,
  reason: z.string(),
  actor: z.string(),
  at: z.string(),
});

export const HitDetail = HitRow.extend({
  signalDescription: z.string(),
  signalBasis: z.string(),
  evidence: z.array(Evidence.extend({ provenance: Source.nullable() })),
  /** Distinct sources the evidence cites, resolved to dataset/file/line. */
  sources: z.array(Source),
  related: z.array(EntityRef),
  statusHistory: z.array(StatusChange),
  runId: z.number().int(),
  asOf: isoDate,
});
export type HitDetail = z.infer<typeof HitDetail>;

// ---------------------------------------------------------------------------------------------
// Entity profile

export const Fact = z.object({
  /** Contract column name, e.g. `legal_form`; unknown columns appear with their header. */
  field: z.string(),
  /** Swedish label, e.g. "Bolagsform". */
  label: z.string(),
  value: z.string().nullable(),
  source: Source.nullable(),
});
export type Fact = z.infer<typeof Fact>;

/** A role over time (one bar on the timeline). */
export const RoleSpan = z.object({
  orgNr: z.string(),
  orgName: z.string().nullable(),
  holderId: z.string(),
  holderKind: z.enum(['person', 'company']),
  holderName: z.string().nullable(),
  role: z.string(),
  roleLabel: z.string(),
  sharePct: z.number().nullable(),
  controlling: z.boolean(),
  from: nullableDate,
  to: nullableDate,
  source: Source.nullable(),
});
export type RoleSpan = z.infer<typeof RoleSpan>;

export const LicenceInfo = z.object({
  licenceId: z.string(),
  orgNr: z.string(),
  orgName: z.string().nullable(),
  kind: z.string(),
  status: z.string(),
  unitName: z.string().nullable(),
  address: z.string().nullable(),
  capacity: z.number().nullable(),
  grantedOn: nullableDate,
  statusOn: nullableDate,
  decisionRef: z.string().nullable(),
  reason: z.string().nullable(),
  inspections: z.array(z.object({
    decidedOn: nullableDate,
    outcome: z.string(),
    findings: z.string().nullable(),
    tags: z.array(z.string()),
    source: Source.nullable(),
  })),
  source: Source.nullable(),
});
export type LicenceInfo = z.infer<typeof LicenceInfo>;

export const FinancialEventInfo = z.object({
  subjectId: z.string(),
  kind: z.string(),
  amountSek: z.number().nullable(),
  occurredOn: nullableDate,
  resolvedOn: nullableDate,
  sourceText: z.string().nullable(),
  source: Source.nullable(),
});

export const SanctionInfo = z.object({
  subjectId: z.string(),
  kind: z.string(),
  offence: z.string().nullable(),
  from: nullableDate,
  to: nullableDate,
  decisionRef: z.string().nullable(),
  source: Source.nullable(),
});

export const RelatedEntity = EntityRef.extend({
  /** How it relates, in Swedish, e.g. "Styrelseledamot i", "Make/maka", "Samma adress". */
  relation: z.string(),
  from: nullableDate,
  to: nullableDate,
  source: Source.nullable(),
});

export const ScoreBreakdown = z.object({
  /** Direct score from this entity's own hits (0..1). */
  direct: z.number(),
  /** Network score propagated from neighbours (0..1, never above the direct evidence it comes from). */
  network: z.number(),
  directParts: z.array(z.object({ hitKey: z.string(), signal: z.string(), severity: Severity, contribution: z.number() })),
  networkParts: z.array(z.object({ from: EntityRef, via: z.string(), distance: z.number().int(), contribution: z.number() })),
});
export type ScoreBreakdown = z.infer<typeof ScoreBreakdown>;

export const EntityProfile = z.object({
  kind: SubjectKind,
  id: z.string(),
  name: z.string().nullable(),
  facts: z.array(Fact),
  roles: z.array(RoleSpan),
  licences: z.array(LicenceInfo),
  financialEvents: z.array(FinancialEventInfo),
  sanctions: z.array(SanctionInfo),
  related: z.array(RelatedEntity),
  hits: z.array(HitRow),
  score: ScoreBreakdown.nullable(),
});
export type EntityProfile = z.infer<typeof EntityProfile>;

// ---------------------------------------------------------------------------------------------
// Graph

/**
 * A node's risk from the latest analysis run (issue 14): the stored direct and network score and
 * every hit naming the node, each with `since`, the day from which all the facts its evidence
 * cites were known, so the canvas can show the direct score as it stood on any day.
 */
export const NodeRiskHit = z.object({
  hitKey: z.string(),
  signal: z.string(),
  severity: Severity,
  /** True when the node is the hit's subject (only those count towards its direct score). */
  subject: z.boolean(),
  since: nullableDate,
});
export const NodeRisk = z.object({
  score: z.number(),
  network: z.number(),
  /** The run's as-of date. */
  asOf: isoDate,
  hits: z.array(NodeRiskHit),
});
export type NodeRisk = z.infer<typeof NodeRisk>;

export const GraphNode = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  attributes: z.record(z.string(), z.unknown()),
  /** Null when the latest run neither flags nor scores the node (or there is no run). */
  risk: NodeRisk.nullable().default(null),
});
export const GraphEdge = z.object({
  id: z.string(),
  source: z.string(),
  target: z.string(),
  kind: z.string(),
  from: nullableDate,
  to: nullableDate,
  attributes: z.record(z.string(), z.unknown()),
});
export const GraphPayload = z.object({
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
  /** True when a node limit cut the neighbourhood short. */
  truncated: z.boolean().default(false),
});
export type GraphNode = z.infer<typeof GraphNode>;
export type GraphEdge = z.infer<typeof GraphEdge>;
export type GraphPayload = z.infer<typeof GraphPayload>;

// ---------------------------------------------------------------------------------------------
// Search

export const SearchResult = EntityRef.extend({
  /** A second line: org_nr/personnummer, city, licence kind … */
  detail: z.string().nullable(),
  matchedBy: z.enum(['id', 'name']),
  score: z.number(),
});
export type SearchResult = z.infer<typeof SearchResult>;

// ---------------------------------------------------------------------------------------------
// Rules

export const ParamSpec = z.object({
  name: z.string(),
  type: z.enum(['integer', 'number', 'boolean', 'string', 'enum', 'string[]', 'enum[]']),
  /** Swedish description for the editor. */
  description: z.string(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  options: z.array(z.string()).nullable(),
  /** issue 14: Swedish labels of the options (contract codes), when they have any. */
  optionLabels: z.record(z.string(), z.string()).nullable().default(null),
  value: z.unknown(),
  default: z.unknown(),
});
export type ParamSpec = z.infer<typeof ParamSpec>;

export const RuleInfo = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  basis: z.string(),
  subjectKinds: z.array(SubjectKind),
  params: z.array(ParamSpec),
  values: z.record(z.string(), z.unknown()),
  defaults: z.record(z.string(), z.unknown()),
});
export type RuleInfo = z.infer<typeof RuleInfo>;

export const ValidationIssue = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof ValidationIssue>;

// ---------------------------------------------------------------------------------------------
// Cases, audit, exports, dossier

export const CaseSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  entityCount: z.number().int(),
  hitCount: z.number().int(),
  noteCount: z.number().int(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;

export const CaseNote = z.object({ id: z.number().int(), at: z.string(), author: z.string(), text: z.string() });

/** A saved network view: reopened exactly as saved (issue 6.2). */
export const NetworkView = z.object({
  nodeIds: z.array(z.string()),
  positions: z.record(z.string(), z.object({ x: z.number(), y: z.number() })),
  filters: z.record(z.string(), z.unknown()).default({}),
  asOf: nullableDate.default(null),
  camera: z.object({ x: z.number(), y: z.number(), ratio: z.number(), angle: z.number().default(0) }).nullable().default(null),
  /** The graph extent the camera is relative to (issue 14: the canvas keeps its framing); null = fit the nodes. */
  frame: z.object({ x: z.tuple([z.number(), z.number()]), y: z.tuple([z.number(), z.number()]) }).nullable().default(null),
});
export type NetworkView = z.infer<typeof NetworkView>;

export const SavedView = z.object({ id: z.number().int(), name: z.string(), savedAt: z.string(), view: NetworkView });

export const CaseDetail = z.object({
  id: z.number().int(),
  name: z.string(),
  description: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  entities: z.array(EntityRef),
  hits: z.array(HitRow),
  /** issue 14: alerts the case holds that the latest analysis no longer finds (kept, shown apart). */
  missingHitKeys: z.array(z.string()).default([]),
  notes: z.array(CaseNote),
  views: z.array(SavedView),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  /** issue 14: the action and what it concerned, in Swedish (the raw record stays in `details`). */
  actionLabel: z.string().default(''),
  summary: z.string().default(''),
  details: z.unknown(),
  hash: z.string(),
  prevHash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const ExportFormat = z.enum(EXPORT_FORMATS);
export const ExportScope = z
  .object({ subject: z.string().min(1).optional(), case: z.number().int().optional(), cluster: z.string().min(1).optional() })
  .refine((s) => [s.subject, s.case, s.cluster].filter((v) => v !== undefined).length === 1, {
    message: 'Ange exakt en av: subjekt, ärende eller kluster',
  });

export const DossierRequest = z.union([
  z.object({
    orgNr: z.string().min(1),
    personkrets: z.array(z.object({ personId: z.string().min(1), role: z.string().default('') })),
    asOf: isoDate.optional(),
  }),
  z.object({ licenceId: z.string().min(1), asOf: isoDate.optional() }),
]);

export const DossierFinding = z.object({
  /** Machine-readable kind, e.g. 'revoked_company', 'bankruptcy', 'trading_ban', 'undeclared_controller'. */
  kind: z.string(),
  severity: Severity.nullable(),
  text: z.string(),
  sources: z.array(z.string()),
  related: z.array(EntityRef),
});
export type DossierFinding = z.infer<typeof DossierFinding>;

export const Dossier = z.object({
  asOf: isoDate,
  applicant: z.object({ orgNr: z.string(), name: z.string().nullable(), inStore: z.boolean() }),
  /** One section for the company, then one per person (declared first, then undeclared). */
  sections: z.array(z.object({
    subject: EntityRef,
    declared: z.boolean(),
    role: z.string().nullable(),
    findings: z.array(DossierFinding),
  })),
  /** Persons controlling the applicant in the register but missing from the declared personkrets. */
  undeclared: z.array(EntityRef.extend({ role: z.string(), source: z.string() })),
  /** Self-contained HTML report of the dossier (no external resources). */
  html: z.string(),
});
export type Dossier = z.infer<typeof Dossier>;

// issue 13: file roots
export const FileRootsReply = z.object({
  importRoot: z.string(),
  exportRoot: z.string(),
  importRootExists: z.boolean(),
  exportRootExists: z.boolean(),
  /** What the roots are when the user has chosen none ($INSYN_IMPORT_ROOT/$INSYN_EXPORT_ROOT or ~/Insyn-import, ~/Insyn-export). */
  defaults: z.object({ importRoot: z.string(), exportRoot: z.string() }),
});
export type FileRootsReply = z.infer<typeof FileRootsReply>;

// ---------------------------------------------------------------------------------------------
// Monitoring across imports (issue 11): runs kept, changes between runs, the watch list and the
// known-time history of facts (which dataset stated, changed, ended them).

export const RunInfo = AnalysisRunInfo.pick({ runId: true, asOf: true, startedAt: true, hitCount: true }).extend({
  /** The run saw every dataset with id up to this one. */
  datasetMax: z.number().int(),
  /** An as-known run: the dataset it was limited to (it never becomes the current picture). */
  asKnown: z.number().int().nullable(),
});
export type RunInfo = z.infer<typeof RunInfo>;

export const ChangeEvidence = z.object({ text: z.string(), source: z.string() });

/** A hit in a changes report, by identity (signal, subject kind, subject id), with its casework. */
export const ChangeHit = z.object({
  identity: z.string(),
  /** Stored hit keys of this identity (triage status and case membership are keyed by them). */
  hitKeys: z.array(z.string()),
  signal: z.string(),
  signalTitle: z.string(),
  subjectKind: SubjectKind,
  subjectId: z.string(),
  subjectLabel: z.string(),
  relatedIds: z.array(z.string()),
  relatedLabels: z.array(z.string()),
  severity: Severity,
  evidence: z.array(ChangeEvidence),
  /** Triage status (null = never triaged). */
  status: HitStatus.nullable(),
  cases: z.array(z.object({ id: z.number().int(), name: z.string() })),
});
export type ChangeHit = z.infer<typeof ChangeHit>;

export const ChangedHit = ChangeHit.extend({
  evidenceAdded: z.array(ChangeEvidence),
  evidenceRemoved: z.array(ChangeEvidence),
  severityBefore: Severity.nullable(),
  relatedIdsBefore: z.array(z.string()).nullable(),
});
export type ChangedHit = z.infer<typeof ChangedHit>;

export const DatasetRef = z.object({ id: z.number().int(), name: z.string(), importedAt: z.string() });

export const FactChangeKind = z.enum(['added', 'changed', 'ended', 'reported_again']);

/** One change of a fact by one dataset: a field's before → after, or a whole row added or ended. */
const FactChange = z.object({
  dataset: DatasetRef,
  field: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  /** `file:line` of the version after the change (ended: the last version). */
  source: z.string(),
  beforeSource: z.string().nullable(),
});

export const WatchedChange = FactChange.extend({ table: z.string(), change: FactChangeKind, key: z.string() });
export type WatchedChange = z.infer<typeof WatchedChange>;

export const WatchedEntity = z.object({
  id: z.string(),
  /** company | person | licence | foster_home | address, or 'unknown' for an id the store does not know. */
  kind: z.string(),
  label: z.string(),
  /** 0 = on the watch list, 1 = one step from a watched entity. */
  step: z.union([z.literal(0), z.literal(1)]),
  watchedId: z.string(),
  note: z.string().nullable(),
  inStore: z.boolean().nullable(),
  changes: z.array(WatchedChange),
});
export type WatchedEntity = z.infer<typeof WatchedEntity>;

export const ChangesReply = z.object({
  fromRun: RunInfo,
  toRun: RunInfo,
  /** The runs used different rule parameters: compared anyway, flagged. */
  paramsDiffer: z.boolean(),
  differences: z.array(z.object({ what: z.enum(['params', 'as_of', 'as_known']), signal: z.string().nullable(), param: z.string().nullable(), from: z.unknown(), to: z.unknown() })),
  /** The watch feed covers datasets imported after this one. */
  sinceDataset: z.number().int(),
  new: z.array(ChangeHit),
  changed: z.array(ChangedHit),
  gone: z.array(ChangeHit),
  watched: z.array(WatchedEntity),
});
export type ChangesReply = z.infer<typeof ChangesReply>;

export const WatchEntry = z.object({
  id: z.string(),
  kind: z.string(),
  label: z.string(),
  note: z.string(),
  addedAt: z.string(),
  addedBy: z.string(),
  inStore: z.boolean(),
});
export type WatchEntry = z.infer<typeof WatchEntry>;

export const FactHistoryEntry = z.object({
  table: z.string(),
  key: z.string(),
  label: z.string(),
  firstStated: DatasetRef,
  lastStated: DatasetRef,
  /** No longer reported from this dataset on (a full extract without it). */
  endedBy: DatasetRef.nullable(),
  events: z.array(FactChange.extend({ kind: FactChangeKind })),
});
export type FactHistoryEntry = z.infer<typeof FactHistoryEntry>;

// ---------------------------------------------------------------------------------------------
// The API: method name → { request, response }

const def = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({ request, response });

// ---------------------------------------------------------------------------------------------
// Entity resolution (issue 15): candidate pairs for records without a Swedish id, and decisions

export const MatchStatus = z.enum(['proposed', 'unsure', 'confirmed', 'rejected']);
export type MatchStatus = z.infer<typeof MatchStatus>;
export const MatchDecision = z.enum(['confirmed', 'rejected', 'unsure']);
export type MatchDecision = z.infer<typeof MatchDecision>;

/** One record of a candidate pair, with the features that were compared. */
export const MatchSide = z.object({
  id: z.string(),
  /** The name as stored (or the id when the record has none). */
  label: z.string(),
  birthDate: nullableDate,
  country: z.string().nullable(),
  /** Normalised address key, `STREET|POSTAL`. */
  addressKey: z.string().nullable(),
  /** `file:line` of the stored record. */
  source: z.string().nullable(),
  /** A personnummer / org_nr (never merged with another Swedish id). */
  swedishId: z.boolean(),
});
export type MatchSide = z.infer<typeof MatchSide>;

export const MatchDecisionInfo = z.object({
  id: z.number().int(),
  decision: MatchDecision,
  note: z.string(),
  actor: z.string(),
  at: z.string(),
});
export type MatchDecisionInfo = z.infer<typeof MatchDecisionInfo>;

export const MatchItem = z.object({
  kind: z.enum(['person', 'company']),
  a: MatchSide,
  b: MatchSide,
  /** 0..1, the sum of the parts' weights. */
  score: z.number(),
  /** The score's parts in Swedish, strongest first: "namn 0,93", "samma födelsedatum", "gemensam styrelse (…)". */
  parts: z.array(z.object({ code: z.string(), text: z.string(), weight: z.number() })),
  explanation: z.string(),
  status: MatchStatus,
  /** The decision in force (unsure, confirmed, rejected); null when only proposed. */
  decision: MatchDecisionInfo.nullable(),
  /** An earlier rejection, made when the compared data was different. */
  previous: MatchDecisionInfo.nullable(),
});
export type MatchItem = z.infer<typeof MatchItem>;

export const MATCH_NOTE_REQUIRED: readonly MatchDecision[] = ['confirmed', 'rejected'];

export const MATCH_API = {
  matchesList: def(
    z.object({
      /** 'queue' = proposed and unsure (the review queue); 'all' = every status. */
      status: z.enum(['queue', 'proposed', 'unsure', 'confirmed', 'rejected', 'all']).default('queue'),
      /** Only pairs involving this entity (or a record confirmed into it). */
      entityId: z.string().optional(),
      ...page,
    }),
    z.object({
      total: z.number().int(),
      items: z.array(MatchItem),
      /** How the candidate list was made (absent when only decisions were listed). */
      stats: z.object({ records: z.number().int(), compared: z.number().int(), ms: z.number() }).nullable(),
    }),
  ),
  matchesDecide: def(
    z
      .object({ a: z.string().min(1), b: z.string().min(1), decision: MatchDecision, note: z.string().default('') })
      .refine((r) => !MATCH_NOTE_REQUIRED.includes(r.decision) || r.note.trim().length > 0, {
        message: 'En anteckning krävs när en matchning bekräftas eller avvisas',
        path: ['note'],
      }),
    z.object({ decision: MatchDecisionInfo }),
  ),
  matchesUndo: def(
    z.object({ a: z.string().min(1), b: z.string().min(1) }),
    z.object({ undone: MatchDecisionInfo, restored: MatchDecisionInfo.nullable() }),
  ),
} as const;

export const API = {
  status: def(empty, StatusReply),

  importPreview: def(z.object({ paths }), z.object({ files: z.array(PreviewFile) })),
  importStart: def(
    z.object({
      paths,
      datasetName: z.string().optional(),
      /** Issue 11: a full extract (rows of its source it lacks are no longer reported); absent = detect. */
      full: z.boolean().optional(),
      source: z.string().trim().optional(),
    }),
    z.object({ jobId: JobId }),
  ),
  jobStatus: def(z.object({ jobId: JobId }), JobStatus),
  quarantineList: def(
    QuarantineFilter.extend(page),
    z.object({ total: z.number().int(), items: z.array(QuarantineRow) }),
  ),
  quarantineExportCsv: def(QuarantineFilter, z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() })),

  analysisRun: def(
    z.object({
      asOf: isoDate.optional(),
      /** Issue 11: analyse only what the store knew right after this dataset was imported. */
      asKnown: z.number().int().positive().optional(),
    }).default({}),
    z.object({ jobId: JobId }),
  ),

  hitsList: def(
    z.object({
      signal: z.string().optional(),
      severity: Severity.optional(),
      subjectKind: SubjectKind.optional(),
      municipality: z.string().optional(),
      status: HitStatus.optional(),
      /** Matched against subject id/label, related ids and evidence text. */
      text: z.string().optional(),
      sort: HitSort.default({ by: 'severity', dir: 'desc' }),
      ...page,
    }),
    z.object({ total: z.number().int(), items: z.array(HitRow) }),
  ),
  hitGet: def(z.object({ hitKey: z.string().min(1) }), HitDetail),
  hitsSetStatus: def(
    z
      .object({ hitKeys: z.array(z.string().min(1)).min(1, 'Välj minst ett larm'), status: HitStatus, reason: z.string().default('') })
      .refine((r) => !STATUSES_REQUIRING_REASON.has(r.status) || r.reason.trim().length > 0, {
        message: 'Ett skäl krävs när ett larm avskrivs eller bekräftas',
        path: ['reason'],
      }),
    z.object({ updated: z.number().int() }),
  ),

  entityGet: def(z.object({ id: z.string().min(1) }), EntityProfile),

  graphEgo: def(
    z.object({
      id: z.string().min(1),
      hops: z.number().int().min(1).max(4).default(1),
      asOf: isoDate.optional(),
      limit: z.number().int().min(1).max(50_000).optional(),
    }),
    GraphPayload,
  ),
  graphExpand: def(
    z.object({
      id: z.string().min(1),
      asOf: isoDate.optional(),
      /** Nodes already on the canvas: links from the new neighbours to them come too (issue 14). */
      among: z.array(z.string()).max(50_000).optional(),
    }),
    GraphPayload,
  ),
  graphPath: def(
    z.object({ from: z.string().min(1), to: z.string().min(1), asOf: isoDate.optional() }),
    z.object({ found: z.boolean(), path: z.array(z.string()), graph: GraphPayload.nullable() }),
  ),
  // Issue 14 (canvas): a saved view's nodes and the links among them, in one request.
  graphNodes: def(
    z.object({ ids: z.array(z.string().min(1)).min(1, 'Ange minst en nod').max(5000), asOf: isoDate.optional() }),
    GraphPayload,
  ),

  search: def(
    z.object({ q: z.string(), limit: z.number().int().min(1).max(200).default(20) }),
    z.object({ items: z.array(SearchResult) }),
  ),

  rulesList: def(empty, z.object({ rules: z.array(RuleInfo) })),
  rulesUpdate: def(
    z.object({ signal: z.string().min(1), params: z.record(z.string(), z.unknown()) }),
    /** Validation errors are data: saved=false with issues (path + Swedish message). */
    z.object({ saved: z.boolean(), issues: z.array(ValidationIssue), values: z.record(z.string(), z.unknown()) }),
  ),

  demoLoad: def(empty, z.object({ jobId: JobId })),

  casesList: def(empty, z.object({ items: z.array(CaseSummary) })),
  caseGet: def(z.object({ id: z.number().int() }), CaseDetail),
  caseSave: def(
    z.object({
      /** Absent = create a new case. */
      id: z.number().int().optional(),
      name: z.string().trim().min(1, 'Ärendet behöver ett namn'),
      description: z.string().default(''),
      entityIds: z.array(z.string()).default([]),
      hitKeys: z.array(z.string()).default([]),
    }),
    z.object({ id: z.number().int() }),
  ),
  caseAddNote: def(z.object({ caseId: z.number().int(), text: z.string().trim().min(1, 'Anteckningen är tom') }), CaseNote),
  caseSaveView: def(
    z.object({ caseId: z.number().int(), name: z.string().trim().min(1, 'Vyn behöver ett namn'), view: NetworkView }),
    z.object({ viewId: z.number().int() }),
  ),

  // issue 14: cases hold alerts and entities — add/remove from the alert list, an alert, a profile
  // or the canvas selection (and undo), and which cases already hold them.
  caseChangeItems: def(
    z.object({
      caseId: z.number().int(),
      addEntities: z.array(z.object({ id: z.string().min(1), kind: SubjectKind.optional() })).default([]),
      removeEntities: z.array(z.string().min(1)).default([]),
      addHits: z.array(z.string().min(1)).default([]),
      removeHits: z.array(z.string().min(1)).default([]),
    }),
    z.object({
      entitiesAdded: z.array(z.string()),
      entitiesRemoved: z.array(z.string()),
      hitsAdded: z.array(z.string()),
      hitsRemoved: z.array(z.string()),
    }),
  ),
  caseMemberships: def(
    z.object({ entityIds: z.array(z.string()).default([]), hitKeys: z.array(z.string()).default([]) }),
    z.object({ items: z.array(z.object({ caseId: z.number().int(), entityIds: z.array(z.string()), hitKeys: z.array(z.string()) })) }),
  ),

  auditList: def(z.object(page), z.object({ total: z.number().int(), items: z.array(AuditEntry) })),
  auditVerify: def(
    empty,
    z.object({
      ok: z.boolean(),
      checked: z.number().int(),
      /** The first entry that fails, with a Swedish explanation. */
      firstBad: z.object({ seq: z.number().int(), problem: z.string() }).nullable(),
      // issue 13: the head the log ends at (what receipts and exports state), and entries written before keys.
      head: z.object({ seq: z.number().int(), hash: z.string(), at: z.string() }).nullable().optional(),
      unkeyed: z.number().int().optional(),
    }),
  ),

  exportRun: def(
    z.object({
      format: ExportFormat,
      scope: ExportScope,
      pseudonymise: z.boolean().default(false),
      /** Destination folder chosen by the user; defaults to the per-user export folder. */
      dir: z.string().optional(),
      /** Existing files are not overwritten unless confirmed (issue 6.6). */
      overwrite: z.boolean().default(false),
      // issue 14: CSV for Swedish Excel (`;`, decimal comma, digit ids as text) or RFC 4180 tools.
      csvDialect: z.enum(CSV_DIALECTS).default('excel'),
    }),
    z.object({
      dir: z.string(),
      files: z.array(z.object({ path: z.string(), bytes: z.number().int() })),
      /** Files that already exist and were left alone (overwrite=false). */
      existing: z.array(z.string()),
    }),
  ),

  dossier: def(DossierRequest, Dossier),

  // issue 13: the folders the API reads from (imports) and writes to (exports); paths outside are refused.
  fileRootsGet: def(empty, FileRootsReply),
  fileRootsSet: def(
    z.object({ importRoot: z.string().optional(), exportRoot: z.string().optional() }),
    FileRootsReply,
  ),

  // Monitoring across imports (issue 11).
  runsList: def(empty, z.object({ items: z.array(RunInfo) })),
  changesGet: def(
    z.object({ since: z.number().int().optional(), to: z.number().int().optional() }).default({}),
    ChangesReply,
  ),
  watchList: def(empty, z.object({ items: z.array(WatchEntry) })),
  watchAdd: def(
    z.object({ id: z.string().trim().min(1, 'Ange ett id att bevaka'), note: z.string().default('') }),
    /** warning: the id is not in the store yet (it is watched anyway). */
    z.object({ entry: WatchEntry, warning: z.string().nullable(), updated: z.boolean() }),
  ),
  watchRemove: def(z.object({ id: z.string().trim().min(1) }), z.object({ removed: z.boolean() })),
  factHistory: def(z.object({ id: z.string().min(1) }), z.object({ items: z.array(FactHistoryEntry) })),

  // issue 15: entity resolution
  ...MATCH_API,
} as const;

export type Api = typeof API;
export type Method = keyof Api;
export const METHODS = Object.keys(API) as Method[];

/** What a caller passes (defaults not yet applied). */
export type Req<M extends Method> = z.input<Api[M]['request']>;
/** What the service receives (defaults applied, validated). */
export type ParsedReq<M extends Method> = z.output<Api[M]['request']>;
export type Res<M extends Method> = z.output<Api[M]['response']>;

// ---------------------------------------------------------------------------------------------
// Envelope

export const ERROR_CODES = [
  'invalid_request', // the request failed its schema
  'invalid_reply', // the reply failed its schema (a bug; reported rather than passed on)
  'unknown_method',
  'not_found',
  'not_available', // the feature's core module has not landed
  'conflict', // e.g. a job of the same kind is already running
  'unauthorized',
  'transport', // the transport failed (server gone, network error)
  'busy', // another writer holds the store (an import in another window or a terminal)
  'audit_failed', // the action's audit entry could not be written, so the action was not done
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode | string;
  /** Swedish, for people. */
  message: string;
  /** Validation issues when code = invalid_request. */
  issues?: ValidationIssue[];
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export const EnvelopeError = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(ValidationIssue).optional(),
});
export const envelopeSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: EnvelopeError })]);

export const ok = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const fail = (code: ErrorCode | string, message: string, issues?: ValidationIssue[]): Envelope<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(API, name);
}

/** Swedish zod messages for every parse at the API boundary. */
const svErrors = z.locales.sv().localeError;

export function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), message: i.message }));
}

export function describeIssues(issues: ValidationIssue[]): string {
  return issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

export function parseRequest<M extends Method>(method: M, input: unknown): Envelope<ParsedReq<M>> {
  const r = API[method].request.safeParse(input ?? {}, { error: svErrors });
  if (r.success) return ok(r.data as ParsedReq<M>);
  const issues = toIssues(r.error);
  return fail('invalid_request', `Ogiltig förfrågan (${method}): ${describeIssues(issues)}`, issues);
}

export function parseResponse<M extends Method>(method: M, output: unknown): Envelope<Res<M>> {
  const r = API[method].response.safeParse(output, { error: svErrors });
  if (r.success) return ok(r.data as Res<M>);
  const issues = toIssues(r.error);
  return fail('invalid_reply', `Ogiltigt svar från ${method}: ${describeIssues(issues)}`, issues);
}

/** Validates an envelope from a transport (shape only; the value is checked by parseResponse). */
export function parseEnvelope(raw: unknown): Envelope<unknown> {
  const r = envelopeSchema(z.unknown()).safeParse(raw);
  if (r.success) return r.data as Envelope<unknown>;
  return fail('transport', 'Svaret från Insyn kunde inte tolkas');
}

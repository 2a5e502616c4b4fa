import type { Db } from '../store/db';
import { InsynError } from '../model/errors';
import { egoNetwork } from '../graph/ego';
import { nodeIdOf } from '../graph/types';
import { latestRun, listClusters, listHits, type StoredHitView } from '../analysis/queries';
import { getHitStatuses } from '../cases/triage';
import { getCase } from '../cases/cases';
import { auditHead, listAudit, type AuditEntry } from '../audit/log';
import { countSv } from '../model/labels-sv';
import { auditSummarySv } from '../audit/summary';
import { sanctionRowsFor } from '../store/casework';
import type { ExportAuditLine, ExportBundle, ExportEdge, ExportGraph, ExportHit, ExportNode } from './types';

/**
 * What to export: a subject's network (2 hops), a case's entities (1 hop around each), a cluster of
 * the latest run, or — without a scope — the whole flagged network of the latest run. Each scope
 * brings the latest run's hits on its entities, their triage status, sanctions in scope, the run's
 * parameters and data version, and an excerpt of the audit log.
 */
export type ExportScope =
  | { subject: string; hops?: number; asOf?: string }
  | { case: number; asOf?: string }
  | { cluster: string | number; asOf?: string }
  | { flagged: true; asOf?: string };

export class ExportScopeError extends InsynError {
  constructor(message: string) {
    super('invalid_input', message);
  }
}

/** Ego-network size cap per entity, so a huge hub cannot make an export unbounded. */
const EGO_LIMIT = 2000;

export function mergeGraphs(graphs: readonly ExportGraph[]): ExportGraph {
  const nodes = new Map<string, ExportNode>();
  const edges = new Map<string, ExportEdge>();
  for (const g of graphs) {
    for (const n of g.nodes) if (!nodes.has(n.id)) nodes.set(n.id, n);
    for (const e of g.edges) if (!edges.has(e.id)) edges.set(e.id, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

function ego(db: Db, id: string, hops: number, asOf: string | undefined): ExportGraph {
  const g = egoNetwork(db, id, { hops, asOf, limit: EGO_LIMIT });
  return { nodes: g.nodes as ExportNode[], edges: g.edges as ExportEdge[] };
}

function allLatestHits(db: Db): StoredHitView[] {
  const out: StoredHitView[] = [];
  for (let offset = 0; ; offset += 10_000) {
    const page = listHits(db, {}, { offset, limit: 10_000 });
    out.push(...page.items);
    if (page.items.length < 10_000) return out;
  }
}

function withStatus(db: Db, hits: readonly StoredHitView[]): ExportHit[] {
  const statuses = getHitStatuses(db, hits.map((h) => h.hit_key), new Map(hits.map((h) => [h.hit_key, h.evidence_hash])));
  return hits.map((h) => {
    const s = statuses.get(h.hit_key);
    return {
      hit_key: h.hit_key, signal: h.signal, subject_kind: h.subject_kind, subject_id: h.subject_id, related_ids: h.related_ids,
      severity: h.severity, evidence: h.evidence.map((e) => ({ text: e.text, source: e.source })),
      status: s?.status ?? 'ny', status_reason: s?.reason ?? null, changed: s?.changed ?? false,
    };
  });
}

function auditSummary(e: AuditEntry): string {
  const { label, text } = auditSummarySv(e.action, e.details);
  return text ? `${label}: ${text}` : label;
}

/** The latest entries that concern the scope (by case id or entity id), else simply the latest. */
function auditExcerpt(db: Db, ids: ReadonlySet<string>, caseId: number | null, max = 30): ExportAuditLine[] {
  const recent = listAudit(db, { limit: 2000, newestFirst: true }).entries;
  const touches = (e: AuditEntry): boolean => {
    if (caseId != null && e.details.caseId === caseId) return true;
    const text = JSON.stringify(e.details);
    for (const id of ids) if (text.includes(id)) return true;
    return false;
  };
  const relevant = recent.filter(touches);
  const pick = (relevant.length > 0 ? relevant : recent).slice(0, max).reverse();
  return pick.map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, summary: auditSummary(e) }));
}

export function resolveScope(db: Db, scope: ExportScope): ExportBundle {
  const run = latestRun(db);
  // Without an explicit date the export keeps history: ended roles are the evidence, with their periods.
  const asOf = scope.asOf;
  let graph: ExportGraph;
  let title: string;
  let scopeLabel: string;
  let caseInfo: ExportBundle['caseInfo'] = null;
  let hits: StoredHitView[];
  const latest = run ? allLatestHits(db) : [];
  const touching = (ids: ReadonlySet<string>) =>
    latest.filter((h) => ids.has(nodeIdOf(h.subject_kind, h.subject_id)) || ids.has(h.subject_id) || h.related_ids.some((r) => ids.has(r)));

  if ('subject' in scope) {
    const hops = scope.hops ?? 2;
    graph = ego(db, scope.subject, hops, asOf);
    if (graph.nodes.length === 0 || (graph.edges.length === 0 && graph.nodes.every((n) => n.attributes.in_store === false))) throw new ExportScopeError(`Hittar inget i databasen med id ${scope.subject}`);
    title = `Nätverk kring ${graph.nodes.find((n) => n.id === scope.subject)?.label ?? scope.subject}`;
    scopeLabel = `${scope.subject}, ${hops} steg`;
    hits = touching(new Set(graph.nodes.map((n) => n.id)));
  } else if ('case' in scope) {
    const c = getCase(db, scope.case);
    if (!c) throw new ExportScopeError(`Ärende ${scope.case} finns inte`);
    const caseHits = latest.filter((h) => c.hitKeys.includes(h.hit_key));
    const entityIds = new Set([...c.entities.map((e) => e.id), ...caseHits.flatMap((h) => [nodeIdOf(h.subject_kind, h.subject_id), ...h.related_ids])]);
    graph = mergeGraphs([...entityIds].map((id) => ego(db, id, 1, asOf)));
    title = `Ärende: ${c.name}`;
    scopeLabel = `ärende ${c.id} (${countSv(entityIds.size, 'entitet', 'entiteter')})`;
    caseInfo = { id: c.id, name: c.name, description: c.description, notes: c.notes.map((n) => ({ at: n.at, author: n.author, text: n.text })) };
    hits = [...new Map([...caseHits, ...touching(entityIds)].map((h) => [h.hit_key, h])).values()];
  } else if ('cluster' in scope) {
    const clusters = listClusters(db);
    const rank = Number(scope.cluster);
    const cl = clusters.find((c) => c.rank === rank);
    if (!cl) throw new ExportScopeError(`Kluster ${String(scope.cluster)} finns inte i den senaste analysen`);
    const members = new Set(cl.members.map((m) => nodeIdOf(m.kind, m.id)));
    graph = mergeGraphs([...members].map((id) => ego(db, id, 1, asOf)));
    title = `Kluster ${cl.rank} (${countSv(cl.size, 'entitet', 'entiteter')})`;
    scopeLabel = `kluster ${cl.rank} i analys ${run?.run_id ?? '–'}`;
    hits = touching(members);
  } else {
    if (!run) throw new ExportScopeError('Det finns ingen analyskörning att exportera: kör analysen först');
    const flagged = new Set(latest.flatMap((h) => [nodeIdOf(h.subject_kind, h.subject_id), ...h.related_ids]));
    graph = mergeGraphs([...flagged].map((id) => ego(db, id, 1, asOf)));
    title = `Flaggat nätverk, analys ${run.run_id}`;
    scopeLabel = `alla larm i analys ${run.run_id}`;
    hits = latest;
  }

  const ids = new Set(graph.nodes.map((n) => n.id));
  // A node joined by confirmed matches stands for all its records (attributes.source_ids).
  const recordIds = graph.nodes.filter((n) => n.kind === 'person' || n.kind === 'company').flatMap((n) => (typeof n.attributes.source_ids === 'string' ? n.attributes.source_ids.split('|') : [n.id]));
  const sanctions = sanctionRowsFor(db, recordIds).map((s) => ({
    subject_id: s.subject_id, kind: s.kind, from: s.from_date, to: s.to_date, offence: s.offence, decision_ref: s.decision_ref, source: `${s.src_file}:${s.src_line}`,
  }));
  return {
    title,
    scopeLabel,
    generatedAt: new Date().toISOString(),
    graph,
    hits: withStatus(db, hits),
    run: run ? { id: run.run_id, as_of: run.as_of, data_version: run.data_version, params: run.params, finished_at: run.finished_at } : null,
    caseInfo,
    audit: auditExcerpt(db, ids, caseInfo?.id ?? null),
    sanctions,
    pseudonymised: false,
    auditHead: auditHead(db),
  };
}

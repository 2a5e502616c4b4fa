import { todayIso } from '../model/dates';
import os from 'node:os';
import path from 'node:path';
import { SIGNALS } from '../signals/index';
import { ExportExistsError, ExportPathError, ExportScopeError, exportScope } from '../export/index';
import { csvTable } from '../export/csv';
import { GlobalSearch } from '../search/index';
import type { Db } from '../store/db';
import { countQuarantine, iterateQuarantine, pageQuarantine, type QuarantineDbRow } from '../store/workbench';
import type { ParsedReq, QuarantineRow, Res } from './contract';
import { core } from './core';
import { ApiFailure, notFound, type ServiceImpl } from './handler';
import { HitTable } from './hit-table';
import { inProcessExecutor, JobRegistry, workerExecutor, type JobExecutor } from './jobs';
import { Labels } from './labels';
import { signalTitle, status } from './overview';
import { toProfile } from './profile';
import { rulesList, rulesUpdate } from './rules';
import { matchMethods } from './matches';

/**
 * The workbench API implemented once over the core (issue 5): every method of src/api/contract.ts.
 * Transports (loopback HTTP, Electron IPC) wrap it with createApiHandler, which validates requests
 * and replies. Analyst actions are written to the audit log.
 */

export interface ServiceOptions {
  db: Db;
  /** File of the store (`:memory:` runs jobs in-process; a file runs them in worker threads). */
  dbPath: string;
  /** Who is at the keyboard (audit log); defaults to the OS user. */
  actor?: string;
  executor?: JobExecutor;
  /** Default folder for exports when the user picks none. */
  exportDir?: string;
}

export interface Workbench {
  service: ServiceImpl;
  jobs: JobRegistry;
  search: GlobalSearch;
}

function actorOf(explicit?: string): string {
  if (explicit) return explicit;
  try {
    return os.userInfo().username || 'okänd';
  } catch {
    return 'okänd';
  }
}

const toQuarantine = (r: QuarantineDbRow): QuarantineRow => ({
  id: r.id, datasetId: r.dataset_id, file: r.file, line: r.line, column: r.column_name, value: r.value, reason: r.reason, reasonSv: r.reason_sv,
});

export function createWorkbench(opts: ServiceOptions): Workbench {
  const { db } = opts;
  const actor = actorOf(opts.actor);
  const labels = new Labels(db);
  const hits = new HitTable(db, labels, signalTitle);
  const search = new GlobalSearch(db);
  const executor = opts.executor ?? (opts.dbPath === ':memory:' ? inProcessExecutor(db) : workerExecutor(opts.dbPath));
  const jobs = new JobRegistry(executor, () => {
    // New facts or a new run: names, the alert table and the search index must be rebuilt.
    labels.clear();
    hits.invalidate();
    search.invalidate();
    void search.warm().catch(() => undefined);
  });

  const audit = async (action: string, details: Record<string, unknown>): Promise<void> => {
    const append = await core('appendAudit').catch(() => null);
    append?.(db, { actor, action, details });
  };

  const caseFn = <K extends 'listCases' | 'getCase' | 'createCase' | 'updateCase' | 'addCaseNote' | 'saveCaseView'>(name: K) => core(name);
  const caseError = (err: unknown): never => {
    if ((err as Error)?.name === 'CaseError') throw new ApiFailure('invalid_request', (err as Error).message);
    throw err;
  };

  const service: ServiceImpl = {
    status: () => status(db, { storePath: opts.dbPath, labels, hits, runningJobs: jobs.running() }),

    importPreview: async ({ paths }) => {
      const preview = await core('previewPath');
      const files = [];
      for (const p of paths) {
        try {
          files.push(...(await preview(p)));
        } catch (err) {
          const e = err as { messageSv?: string; message?: string };
          files.push({ file: p, table: null, format: 'csv' as const, encoding: '', delimiter: null, headers: [], missingRequired: [], unknownColumns: [], sampleRows: [], error: e.messageSv ?? e.message ?? String(err) });
        }
      }
      return { files: files.map((f) => ({ ...f, error: f.error ?? null })) };
    },
    importStart: ({ paths, datasetName }) => ({ jobId: jobs.start({ kind: 'import', paths, datasetName, actor }) }),
    jobStatus: ({ jobId }) => jobs.get(jobId),

    quarantineList: ({ offset, limit, ...filter }) => ({
      total: countQuarantine(db, filter),
      items: pageQuarantine(db, filter, offset, limit).map(toQuarantine),
    }),
    quarantineExportCsv: (filter) => {
      const rows: (string | number | null)[][] = [];
      for (const r of iterateQuarantine(db, filter)) rows.push([r.dataset_id, r.file, r.line, r.column_name, r.value, r.reason_sv, r.reason]);
      const csv = csvTable(['dataset', 'fil', 'rad', 'kolumn', 'värde', 'orsak', 'reason'], rows);
      return { filename: `karantan-${todayIso()}.csv`, csv, rows: rows.length };
    },

    analysisRun: ({ asOf }) => ({ jobId: jobs.start({ kind: 'analysis', asOf, actor }) }),

    hitsList: (q) => hits.list(q),
    hitGet: async ({ hitKey }) => {
      const entry = hits.get(hitKey);
      if (!entry) throw notFound('Larmet');
      const { runId, asOf } = hits.current();
      const def = SIGNALS.find((s) => s.id === entry.row.signal);
      const evidence = entry.evidence.map((e) => ({ ...e, provenance: labels.evidenceSource(e.source, e.fact) }));
      const seen = new Set<string>();
      const sources = evidence.flatMap((e) => {
        const p = e.provenance;
        if (!p) return [];
        const k = `${p.datasetId}|${p.file}|${p.line}`;
        if (seen.has(k)) return [];
        seen.add(k);
        return [p];
      });
      const history = await core('hitStatusHistory').then((f) => f(db, hitKey), () => []);
      return {
        ...entry.row,
        signalDescription: def?.description ?? '',
        signalBasis: def?.basis ?? '',
        evidence,
        sources,
        related: entry.row.relatedIds.map((id) => labels.ref(id)),
        statusHistory: history.map((h) => ({ status: h.status as Res<'hitGet'>['status'], reason: h.reason ?? '', actor: h.actor, at: h.at })),
        runId: runId ?? 0,
        asOf: asOf ?? '',
      };
    },
    hitsSetStatus: async ({ hitKeys, status: next, reason }) => {
      const set = await core('setHitStatus');
      let updated: number;
      try {
        updated = set(db, hitKeys, next, reason, actor);
      } catch (err) {
        if ((err as Error)?.name === 'TriageError') throw new ApiFailure('invalid_request', (err as Error).message);
        throw err;
      }
      hits.patchStatus(hitKeys, next);
      return { updated };
    },

    entityGet: async ({ id }) => {
      const get = await core('getEntity');
      const raw = get(db, id);
      if (!raw) throw notFound(`Entiteten ${id}`);
      if (raw.kind === 'person') await audit('open_profile', { id: raw.id });
      return toProfile(db, raw, labels, hits);
    },

    graphEgo: async ({ id, hops, asOf, limit }) => {
      const ego = await core('egoNetwork');
      return normaliseGraph(ego(db, id, { hops, asOf, limit }));
    },
    graphExpand: async ({ id, asOf }) => {
      const ego = await core('egoNetwork');
      return normaliseGraph(ego(db, id, { hops: 1, asOf }));
    },
    graphPath: async ({ from, to, asOf }) => {
      const find = await core('shortestPath');
      const g = find(db, from, to, { asOf });
      if (!g) return { found: false, path: [], graph: null };
      const graph = normaliseGraph(g);
      return { found: true, path: graph.nodes.map((n) => n.id), graph };
    },

    search: async ({ q, limit }) => {
      const items = await search.search(q, limit);
      // Searches are analyst actions (issue 6.3); the query is logged, not the results.
      if (q.trim()) await audit('search', { q: q.trim(), results: items.length });
      return { items };
    },

    rulesList: () => ({ rules: rulesList(db) }),
    rulesUpdate: async ({ signal, params }) => {
      const r = rulesUpdate(db, signal, params);
      if (r.saved) await audit('config_change', { signal, params: r.values });
      return r;
    },

    demoLoad: () => ({ jobId: jobs.start({ kind: 'demo', actor }) }),

    casesList: async () => ({ items: (await caseFn('listCases'))(db) }),
    caseGet: async ({ id }) => {
      const c = (await caseFn('getCase'))(db, id);
      if (!c) throw notFound(`Ärende ${id}`);
      const caseHits = c.hitKeys.map((k) => hits.get(k)?.row).filter((r): r is NonNullable<typeof r> => !!r);
      return {
        id: c.id,
        name: c.name,
        description: c.description,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
        entities: c.entities.map((e) => labels.ref(e.id, e.kind ?? undefined)),
        hits: caseHits,
        notes: c.notes.map((n) => ({ id: n.id, at: n.at, author: n.author, text: n.text })),
        views: c.views.map((v) => ({ id: v.id, name: v.name, savedAt: v.savedAt, view: v.view as Res<'caseGet'>['views'][number]['view'] })),
      };
    },
    caseSave: async ({ id, name, description, entityIds, hitKeys }) => {
      try {
        if (id === undefined) return { id: (await caseFn('createCase'))(db, { name, description, entities: entityIds, hitKeys }, actor) };
        (await caseFn('updateCase'))(db, id, { name, description, entities: entityIds, hitKeys }, actor);
        return { id };
      } catch (err) {
        return caseError(err);
      }
    },
    caseAddNote: async ({ caseId, text }) => {
      try {
        const n = (await caseFn('addCaseNote'))(db, caseId, text, actor);
        return { id: n.id, at: n.at, author: n.author, text: n.text };
      } catch (err) {
        return caseError(err);
      }
    },
    caseSaveView: async ({ caseId, name, view }) => {
      try {
        return { viewId: (await caseFn('saveCaseView'))(db, caseId, { name, view, asOf: view.asOf }, actor) };
      } catch (err) {
        return caseError(err);
      }
    },

    auditList: async ({ offset, limit }) => {
      const list = await core('listAudit');
      const r = list(db, { offset, limit, newestFirst: true });
      return { total: r.total, items: r.entries.map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, details: e.details, hash: e.hash, prevHash: e.prev_hash })) };
    },
    auditVerify: async () => {
      const verify = await core('verifyAudit');
      const r = verify(db);
      return r.ok ? { ok: true, checked: r.entries, firstBad: null } : { ok: false, checked: r.entries, firstBad: { seq: r.seq ?? r.brokenAt, problem: r.message_sv } };
    },

    exportRun: ({ format, scope, pseudonymise, dir, overwrite }) => {
      const outDir = path.resolve(dir ?? opts.exportDir ?? path.join(os.homedir(), 'Insyn-export'));
      const exportScopeArg = scope.subject !== undefined ? { subject: scope.subject } : scope.case !== undefined ? { case: scope.case } : { cluster: scope.cluster! };
      try {
        const r = exportScope(db, { format, scope: exportScopeArg, outDir, pseudonymise, overwrite, actor });
        return { dir: r.dir, files: r.files, existing: [] };
      } catch (err) {
        if (err instanceof ExportExistsError) return { dir: outDir, files: [], existing: err.existing };
        if (err instanceof ExportPathError || err instanceof ExportScopeError) throw new ApiFailure('invalid_request', err.message);
        throw err;
      }
    },

    dossier: async (req) => {
      const build = await core('buildDossier');
      try {
        return build(db, req, actor);
      } catch (err) {
        if ((err as Error)?.name === 'DossierError') throw new ApiFailure('invalid_request', (err as Error).message);
        throw err;
      }
    },

    // issue 15: entity resolution
    ...matchMethods(db, actor),
  };
  return { service, jobs, search };
}

function normaliseGraph(g: { nodes: { id: string; kind: string; label: string; attributes?: Record<string, unknown> }[]; edges: { id: string; source: string; target: string; kind: string; from?: string | null; to?: string | null; attributes?: Record<string, unknown> }[]; truncated?: boolean }): Res<'graphEgo'> {
  return {
    nodes: g.nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.label, attributes: n.attributes ?? {} })),
    edges: g.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, kind: e.kind, from: e.from ?? null, to: e.to ?? null, attributes: e.attributes ?? {} })),
    truncated: g.truncated ?? false,
  };
}

export type { ParsedReq };

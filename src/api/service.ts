import { todayIso } from '../model/dates';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getMeta, setMeta } from '../store/casework';
import { checkRootChoice, confineRead, confineWriteDir, defaultRoots, RootError, type FileRoots } from './roots';
import { SIGNALS } from '../signals/index';
import { describeSignal } from '../signals/describe';
import { auditSummarySv } from '../audit/summary';
import { auditOpenProfile, auditSearch } from '../audit/events';
import { appendAudit } from '../audit/log';
import { getRun } from '../analysis/queries';
import { ExportExistsError, exportScope } from '../export/index';
import { csvTable } from '../export/csv';
import { InsynError } from '../model/errors';
import { GlobalSearch } from '../search/index';
import type { Db } from '../store/db';
import { countQuarantine, iterateQuarantine, pageQuarantine, type QuarantineDbRow } from '../store/workbench';
import type { ParsedReq, QuarantineRow, Res } from './contract';
import { core } from './core';
import { notFound, type ServiceImpl } from './handler';
import { HitTable } from './hit-table';
import { inProcessExecutor, JobRegistry, workerExecutor, type JobExecutor } from './jobs';
import { Labels } from './labels';
import { NodeRisks } from './node-risk';
import { signalTitle, status } from './overview';
import { toProfile } from './profile';
import { rulesList, rulesUpdate } from './rules';
import * as monitor from './monitor';
import { datasetExists } from '../store/known';
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
  /** Default export folder (the export root until the user picks another); default ~/Insyn-export. */
  exportDir?: string;
  /** Default import folder (the import root until the user picks another); default ~/Insyn-import. */
  importRoot?: string;
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

const IMPORT_ROOT_KEY = 'import_root';
const EXPORT_ROOT_KEY = 'export_root';

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

  // Never optional (issue 13): an action whose entry cannot be written fails with a clear message.
  const audited = (write: () => void): void => {
    try {
      write();
    } catch (err) {
      throw auditFailure(err);
    }
  };
  const audit = (action: string, details: Record<string, unknown>): void => audited(() => appendAudit(db, { actor, action, details }));

  // issue 13: imports read and exports write only inside the roots the user chose.
  const rootDefaults: FileRoots = {
    importRoot: path.resolve(opts.importRoot ?? defaultRoots().importRoot),
    exportRoot: path.resolve(opts.exportDir ?? defaultRoots().exportRoot),
  };
  const roots = (): FileRoots => ({
    importRoot: getMeta(db, IMPORT_ROOT_KEY) ?? rootDefaults.importRoot,
    exportRoot: getMeta(db, EXPORT_ROOT_KEY) ?? rootDefaults.exportRoot,
  });
  const rootsReply = (): Res<'fileRootsGet'> => {
    const r = roots();
    const isDir = (p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
    return { ...r, importRootExists: isDir(r.importRoot), exportRootExists: isDir(r.exportRoot), defaults: rootDefaults };
  };
  const confined = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof RootError) throw new InsynError('invalid_input', err.message);
      throw err;
    }
  };

  const risks = new NodeRisks(db, hits);
  /** Every graph reply carries each node's risk from the latest run (issue 14). */
  const withRisk = (g: RawGraph): Res<'graphEgo'> => {
    const graph = normaliseGraph(g);
    const risk = risks.of(graph.nodes.map((n) => n.id));
    for (const n of graph.nodes) n.risk = risk.get(n.id) ?? null;
    return graph;
  };

  const caseFn = <K extends 'listCases' | 'getCase' | 'createCase' | 'updateCase' | 'addCaseNote' | 'saveCaseView' | 'changeCaseItems' | 'caseMemberships'>(name: K) => core(name);

  const service: ServiceImpl = {
    status: () => status(db, { storePath: opts.dbPath, labels, hits, runningJobs: jobs.running() }),

    importPreview: async ({ paths }) => {
      const preview = await core('previewPath');
      const files = [];
      const root = roots().importRoot;
      for (const p of paths) {
        try {
          files.push(...(await preview(confineRead(root, p))));
        } catch (err) {
          const error = err instanceof InsynError ? err.messageSv : err instanceof Error ? err.message : String(err);
          files.push({ file: p, table: null, format: 'csv' as const, encoding: '', delimiter: null, headers: [], missingRequired: [], unknownColumns: [], sampleRows: [], error });
        }
      }
      return { files: files.map((f) => ({ ...f, error: f.error ?? null })) };
    },
    importStart: ({ paths, datasetName, full, source }) => {
      const root = roots().importRoot;
      const real = confined(() => paths.map((p) => confineRead(root, p)));
      return { jobId: jobs.start({ kind: 'import', paths: real, datasetName, full, source, actor, root }) };
    },
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

    analysisRun: ({ asOf, asKnown }) => {
      if (asKnown !== undefined && !datasetExists(db, asKnown)) throw new InsynError('not_found', `Datamängd ${asKnown} finns inte`);
      return { jobId: jobs.start({ kind: 'analysis', asOf, asKnown, actor }) };
    },

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
        // The description for the parameters the run that found the hit used.
        signalDescription: def ? describeSignal(def, runId != null ? getRun(db, runId)?.params[def.id] : undefined) : '',
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
      const updated = set(db, hitKeys, next, reason, actor);
      hits.patchStatus(hitKeys, next);
      return { updated };
    },

    entityGet: async ({ id }) => {
      const get = await core('getEntity');
      const raw = get(db, id);
      if (!raw) throw notFound(`Entiteten ${id}`);
      if (raw.kind === 'person') audited(() => auditOpenProfile(db, raw.id, raw.kind, actor));
      return toProfile(db, raw, labels, hits);
    },

    graphEgo: async ({ id, hops, asOf, limit }) => {
      const ego = await core('egoNetwork');
      return withRisk(ego(db, id, { hops, asOf, limit }));
    },
    graphExpand: async ({ id, asOf, among }) => {
      const expand = await core('graphExpand');
      return withRisk(expand(db, id, { asOf, among }));
    },
    graphPath: async ({ from, to, asOf }) => {
      const find = await core('shortestPath');
      const g = find(db, from, to, { asOf });
      if (!g) return { found: false, path: [], graph: null };
      const graph = withRisk(g);
      return { found: true, path: graph.nodes.map((n) => n.id), graph };
    },
    graphNodes: async ({ ids, asOf }) => {
      const induced = await core('inducedGraph');
      return withRisk(induced(db, ids, { asOf }));
    },

    search: async ({ q, limit }) => {
      const items = await search.search(q, limit);
      // Searches are analyst actions (issue 6.3); the query is logged, not the results.
      if (q.trim()) audited(() => auditSearch(db, q.trim(), items.length, actor));
      return { items };
    },

    rulesList: () => ({ rules: rulesList(db) }),
    rulesUpdate: ({ signal, params }) =>
      // The new parameters and their entry commit together; if the entry fails, nothing is saved.
      db.transaction(() => {
        const r = rulesUpdate(db, signal, params);
        if (r.saved) audit('config_change', { signal, params: r.values });
        return r;
      }).immediate(),

    demoLoad: () => ({ jobId: jobs.start({ kind: 'demo', actor }) }),

    casesList: async () => ({ items: (await caseFn('listCases'))(db) }),
    caseGet: async ({ id }) => {
      const c = (await caseFn('getCase'))(db, id);
      if (!c) throw notFound(`Ärende ${id}`);
      const caseHits = c.hitKeys.map((k) => hits.get(k)?.row).filter((r): r is NonNullable<typeof r> => !!r);
      const found = new Set(caseHits.map((h) => h.hitKey));
      return {
        id: c.id,
        name: c.name,
        description: c.description,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
        entities: c.entities.map((e) => labels.ref(e.id, e.kind ?? undefined)),
        hits: caseHits,
        missingHitKeys: c.hitKeys.filter((k) => !found.has(k)),
        notes: c.notes.map((n) => ({ id: n.id, at: n.at, author: n.author, text: n.text })),
        views: c.views.map((v) => ({ id: v.id, name: v.name, savedAt: v.savedAt, view: v.view as Res<'caseGet'>['views'][number]['view'] })),
      };
    },
    caseSave: async ({ id, name, description, entityIds, hitKeys }) => {
      if (id === undefined) return { id: (await caseFn('createCase'))(db, { name, description, entities: entityIds, hitKeys }, actor) };
      (await caseFn('updateCase'))(db, id, { name, description, entities: entityIds, hitKeys }, actor);
      return { id };
    },
    caseAddNote: async ({ caseId, text }) => {
      const n = (await caseFn('addCaseNote'))(db, caseId, text, actor);
      return { id: n.id, at: n.at, author: n.author, text: n.text };
    },
    caseSaveView: async ({ caseId, name, view }) => ({ viewId: (await caseFn('saveCaseView'))(db, caseId, { name, view, asOf: view.asOf }, actor) }),
    // issue 14: cases hold alerts and entities.
    caseChangeItems: async ({ caseId, ...change }) => (await caseFn('changeCaseItems'))(db, caseId, change, actor),
    caseMemberships: async ({ entityIds, hitKeys }) => ({ items: (await caseFn('caseMemberships'))(db, entityIds, hitKeys) }),

    auditList: async ({ offset, limit }) => {
      const list = await core('listAudit');
      const r = list(db, { offset, limit, newestFirst: true });
      return {
        total: r.total,
        items: r.entries.map((e) => {
          const sv = auditSummarySv(e.action, e.details);
          return { seq: e.seq, at: e.at, actor: e.actor, action: e.action, actionLabel: sv.label, summary: sv.text, details: e.details, hash: e.hash, prevHash: e.prev_hash };
        }),
      };
    },
    auditVerify: async () => {
      const verify = await core('verifyAudit');
      const r = verify(db);
      const facts = { checked: r.entries, head: r.head, unkeyed: r.unkeyed };
      return r.ok ? { ok: true, ...facts, firstBad: null } : { ok: false, ...facts, firstBad: { seq: r.seq ?? r.brokenAt, problem: r.message_sv } };
    },

    exportRun: ({ format, scope, pseudonymise, dir, overwrite, csvDialect }) => {
      const root = roots().exportRoot;
      // The default export folder is made on first use, as before; a chosen one must exist.
      if (!getMeta(db, EXPORT_ROOT_KEY)) fs.mkdirSync(root, { recursive: true });
      const outDir = confined(() => confineWriteDir(root, dir));
      const exportScopeArg = scope.subject !== undefined ? { subject: scope.subject } : scope.case !== undefined ? { case: scope.case } : { cluster: scope.cluster! };
      try {
        const r = exportScope(db, { format, scope: exportScopeArg, outDir, pseudonymise, overwrite, actor, csvDialect });
        return { dir: r.dir, files: r.files, existing: [] };
      } catch (err) {
        if (err instanceof ExportExistsError) return { dir: outDir, files: [], existing: err.existing };
        throw err;
      }
    },

    fileRootsGet: () => rootsReply(),
    fileRootsSet: ({ importRoot, exportRoot }) => {
      const next = confined(() => ({
        importRoot: importRoot === undefined ? undefined : checkRootChoice(importRoot, 'import'),
        exportRoot: exportRoot === undefined ? undefined : checkRootChoice(exportRoot, 'export'),
      }));
      db.transaction(() => {
        if (next.importRoot !== undefined) setMeta(db, IMPORT_ROOT_KEY, next.importRoot);
        if (next.exportRoot !== undefined) setMeta(db, EXPORT_ROOT_KEY, next.exportRoot);
        audit('config_change', { fileRoots: { ...(next.importRoot !== undefined ? { importRoot: next.importRoot } : {}), ...(next.exportRoot !== undefined ? { exportRoot: next.exportRoot } : {}) } });
      }).immediate();
      return rootsReply();
    },

    dossier: async (req) => {
      const build = await core('buildDossier');
      return build(db, req, actor);
    },

    // Monitoring across imports (issue 11).
    runsList: () => monitor.runsList(db),
    changesGet: (req) => monitor.changesGet(db, labels, req),
    watchList: () => monitor.watchList(db, labels),
    watchAdd: (req) => monitor.watchAdd(db, labels, req, actor),
    watchRemove: (req) => monitor.watchRemove(db, req, actor),
    factHistory: (req) => monitor.factHistory(db, req),
    // issue 15: entity resolution
    ...matchMethods(db, actor),
  };
  return { service, jobs, search };
}

type RawGraph = { nodes: { id: string; kind: string; label: string; attributes?: Record<string, unknown> }[]; edges: { id: string; source: string; target: string; kind: string; from?: string | null; to?: string | null; attributes?: Record<string, unknown> }[]; truncated?: boolean };

function normaliseGraph(g: RawGraph): Res<'graphEgo'> {
  return {
    nodes: g.nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.label, attributes: n.attributes ?? {}, risk: null })),
    edges: g.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, kind: e.kind, from: e.from ?? null, to: e.to ?? null, attributes: e.attributes ?? {} })),
    truncated: g.truncated ?? false,
  };
}

export type { ParsedReq };

/** A Swedish reply for an audit entry that could not be written; a locked store says what to do. */
export function auditFailure(err: unknown): InsynError {
  const msg = err instanceof Error ? err.message : String(err);
  if ((err as { code?: string })?.code === 'SQLITE_BUSY') {
    return new InsynError('busy', 'Åtgärden avbröts: databasen är låst av en annan skrivare (t.ex. en import i ett annat fönster eller i terminalen), så granskningsloggen kunde inte skrivas. Försök igen när den är klar.');
  }
  return new InsynError('audit_failed', `Åtgärden avbröts eftersom granskningsloggen inte kunde skrivas: ${msg}`);
}

import type { Db } from '../store/db';
import { notAvailable } from './handler';

/**
 * Late-bound access to core modules that other parts of Insyn provide (importer, analysis,
 * graph, entity profile, triage, exports, dossier). They are looked up when first called, so
 * the API works with whatever has been built and answers `not_available` for the rest instead
 * of failing to start. The signatures are the agreed cross-module interfaces (team brief).
 */

export interface ImportProgressLike { file: string; table: string; rows: number; bytesRead: number; bytesTotal: number; rowsPerSec: number }
export interface QuarantineLike { file: string; line: number; column: string | null; value: string | null; reason: string; reason_sv: string }
export interface ImportResultLike {
  dataset: string; dataset_id: number; rows: Record<string, number>; quarantined: number; quarantine: QuarantineLike[];
  unchanged: number; inserted: number; updated: number;
}
export interface PreviewFileLike {
  file: string; table: string | null; format: 'csv' | 'csv.gz' | 'xlsx' | 'bolagsverket' | 'ftm'; encoding: string; delimiter: string | null;
  headers: string[]; missingRequired: string[]; unknownColumns: string[]; sampleRows: string[][]; error?: string;
}
export interface AnalysisResultLike {
  as_of: string; run_id: number;
  coverage: Record<string, { evaluable: boolean; reason?: string }>;
  hits: { signal: string }[];
  scores?: unknown[]; clusters?: unknown[];
}
export interface GraphPayloadLike {
  nodes: { id: string; kind: string; label: string; attributes?: Record<string, unknown> }[];
  edges: { id: string; source: string; target: string; kind: string; from?: string | null; to?: string | null; attributes?: Record<string, unknown> }[];
  truncated?: boolean;
}

export interface CoreFns {
  importPath(db: Db, path: string, opts?: { onProgress?: (p: ImportProgressLike) => void; datasetName?: string }): Promise<ImportResultLike>;
  previewPath(path: string): Promise<PreviewFileLike[]>;
  runAnalysis(db: Db, opts?: { asOf?: string; onProgress?: (p: { step: string; done: number; total: number }) => void }): AnalysisResultLike | Promise<AnalysisResultLike>;
  egoNetwork(db: Db, id: string, opts?: { hops?: number; asOf?: string; limit?: number }): GraphPayloadLike;
  shortestPath(db: Db, a: string, b: string, opts?: { asOf?: string }): GraphPayloadLike | null;
  getEntity(db: Db, id: string): Record<string, unknown> | null;
  setHitStatus(db: Db, hitKeys: string[], status: string, reason: string, actor: string): number;
  hitStatusHistory(db: Db, hitKey: string): { status: string; reason: string | null; actor: string; at: string }[];
  appendAudit(db: Db, entry: { actor?: string; action: string; details?: Record<string, unknown> }): unknown;
  listAudit(db: Db, opts: { offset?: number; limit?: number; newestFirst?: boolean }): { total: number; entries: { seq: number; at: string; actor: string; action: string; details: unknown; hash: string; prev_hash: string }[] };
  verifyAudit(db: Db): { ok: true; entries: number } | { ok: false; entries: number; seq: number | null; brokenAt: number; message_sv: string };
  listCases(db: Db): { id: number; name: string; createdAt: string; updatedAt: string; entityCount: number; hitCount: number; noteCount: number }[];
  getCase(db: Db, id: number): CaseLike | null;
  createCase(db: Db, input: { name: string; description?: string; entities?: string[]; hitKeys?: string[] }, actor: string): number;
  updateCase(db: Db, id: number, input: { name: string; description?: string; entities?: string[]; hitKeys?: string[] }, actor: string): void;
  addCaseNote(db: Db, caseId: number, text: string, author: string): { id: number; text: string; author: string; at: string };
  saveCaseView(db: Db, caseId: number, input: { name: string; view: unknown; asOf?: string | null }, actor: string): number;
}

export interface CaseLike {
  id: number; name: string; description: string; createdAt: string; updatedAt: string;
  entities: { id: string; kind: string | null }[];
  hitKeys: string[];
  notes: { id: number; text: string; author: string; at: string }[];
  views: { id: number; name: string; asOf: string | null; view: unknown; savedAt: string }[];
}

/** Where each function lives (relative to this file) and what the user calls the feature. */
const LOCATIONS: { [K in keyof CoreFns]: { module: string; feature: string } } = {
  importPath: { module: '../import/importer', feature: 'Import' },
  previewPath: { module: '../import/preview', feature: 'Förhandsvisning av import' },
  runAnalysis: { module: '../analysis/run', feature: 'Analys' },
  egoNetwork: { module: '../graph/ego', feature: 'Nätverksvyn' },
  shortestPath: { module: '../graph/path', feature: 'Kortaste väg' },
  getEntity: { module: '../store/entities', feature: 'Entitetsprofilen' },
  setHitStatus: { module: '../cases/triage', feature: 'Statusändring av larm' },
  hitStatusHistory: { module: '../cases/triage', feature: 'Statushistorik' },
  appendAudit: { module: '../audit/log', feature: 'Granskningsloggen' },
  listAudit: { module: '../audit/log', feature: 'Granskningsloggen' },
  verifyAudit: { module: '../audit/log', feature: 'Kontroll av granskningsloggen' },
  listCases: { module: '../cases/cases', feature: 'Ärenden' },
  getCase: { module: '../cases/cases', feature: 'Ärenden' },
  createCase: { module: '../cases/cases', feature: 'Ärenden' },
  updateCase: { module: '../cases/cases', feature: 'Ärenden' },
  addCaseNote: { module: '../cases/cases', feature: 'Anteckningar' },
  saveCaseView: { module: '../cases/cases', feature: 'Sparade vyer' },
};

const loaded = new Map<string, Promise<Record<string, unknown> | null>>();

function isModuleMissing(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find module|Failed to load url|does not provide an export/.test(String((err as Error)?.message));
}

/** Loads an optional module by path; null when it does not exist (yet). */
export async function loadOptional(specifier: string): Promise<Record<string, unknown> | null> {
  let p = loaded.get(specifier);
  if (!p) {
    p = import(/* @vite-ignore */ specifier).then(
      (m: Record<string, unknown>) => m,
      (err: unknown) => {
        if (isModuleMissing(err)) return null;
        throw err;
      },
    );
    loaded.set(specifier, p);
    // A module that is missing now may land later in a long-running dev session.
    p.then((m) => m === null && loaded.delete(specifier), () => loaded.delete(specifier));
  }
  return p;
}

export async function core<K extends keyof CoreFns>(name: K): Promise<CoreFns[K]> {
  const where = LOCATIONS[name];
  const mod = await loadOptional(where.module);
  const fn = mod?.[name];
  if (typeof fn !== 'function') throw notAvailable(where.feature);
  return fn as CoreFns[K];
}

/** Whether a core function exists now (for the overview and tests). */
export async function hasCore(name: keyof CoreFns): Promise<boolean> {
  const mod = await loadOptional(LOCATIONS[name].module);
  return typeof mod?.[name] === 'function';
}

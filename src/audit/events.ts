import path from 'node:path';
import type { Db } from '../store/db';
import { importPath, type ImportOptions, type ImportResult } from '../import/importer';
import { appendAudit, defaultActor } from './log';

/**
 * The audit entries for analyst actions that happen outside casework, in one place so the CLI and
 * the API log them alike. Callers: import (CLI + API job), analysis run, search, opening a profile.
 */
export function auditImport(
  db: Db,
  r: { dataset: string; dataset_id?: number; rows: Record<string, number>; quarantined: number; inserted?: number; updated?: number; unchanged?: number },
  sourcePath: string,
  actor: string = defaultActor(),
): void {
  appendAudit(db, {
    actor,
    action: 'import',
    details: {
      dataset: r.dataset, datasetId: r.dataset_id ?? null, path: sourcePath, rows: r.rows, quarantined: r.quarantined,
      inserted: r.inserted ?? null, updated: r.updated ?? null, unchanged: r.unchanged ?? null,
    },
  });
}

/** Records the parameters and data version a run used, so its result can be reproduced. */
export function auditAnalysisRun(
  db: Db,
  r: { run_id: number; as_of: string; params: unknown; data_version: string; hits: readonly unknown[] },
  actor: string = defaultActor(),
): void {
  appendAudit(db, {
    actor,
    action: 'analysis_run',
    details: { runId: r.run_id, as_of: r.as_of, params: r.params, data_version: r.data_version, hits: r.hits.length },
  });
}

export function auditSearch(db: Db, q: string, results: number, actor: string = defaultActor()): void {
  appendAudit(db, { actor, action: 'search', details: { q, results } });
}

export function auditOpenProfile(db: Db, id: string, kind: string | null, actor: string = defaultActor()): void {
  appendAudit(db, { actor, action: 'open_profile', details: { id, kind } });
}

/**
 * importPath with its audit entry written inside the import's transaction: an import whose entry
 * cannot be written is rolled back (issue 13). Content imported before changes nothing and is
 * logged on its own.
 */
export async function importAudited(db: Db, inputPath: string, opts: ImportOptions & { actor?: string } = {}): Promise<ImportResult> {
  const { actor = defaultActor(), ...rest } = opts;
  const source = path.resolve(inputPath);
  const result = await importPath(db, inputPath, { ...rest, beforeCommit: (r) => auditImport(db, r, source, actor) });
  if (result.already_imported) auditImport(db, result, source, actor);
  return result;
}

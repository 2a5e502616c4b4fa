import path from 'node:path';
import type { Db } from '../store/db';
import type { ImportOptions, ImportResult } from '../import/importer';
import { appendAudit, defaultActor } from './log';

/**
 * The audit entries for analyst actions that happen outside casework, in one place so the CLI and
 * the API log them alike. Callers: import (CLI + API job), analysis run, search, opening a profile.
 */
export function auditImport(
  db: Db,
  r: { dataset: string; dataset_id?: number; rows: Record<string, number>; quarantined: number; inserted?: number; updated?: number; unchanged?: number; full?: string[]; source?: string | null; ended?: Record<string, number> },
  sourcePath: string,
  actor: string = defaultActor(),
): void {
  appendAudit(db, {
    actor,
    action: 'import',
    details: {
      dataset: r.dataset, datasetId: r.dataset_id ?? null, path: sourcePath, rows: r.rows, quarantined: r.quarantined,
      inserted: r.inserted ?? null, updated: r.updated ?? null, unchanged: r.unchanged ?? null,
      // Known time (issue 11): a full extract and what it marked as no longer reported.
      full: r.full ?? [], source: r.source ?? null, ended: r.ended ?? {},
    },
  });
}

/**
 * Records the parameters, data version and datasets a run used, so its result can be reproduced.
 * An as-known run (issue 11) is its own action: it looked at the store as it was in the past.
 */
export function auditAnalysisRun(
  db: Db,
  r: { run_id: number; as_of: string; params: unknown; data_version: string; hits: readonly unknown[]; dataset_max?: number; as_known?: number | null },
  actor: string = defaultActor(),
): void {
  const known = r.as_known != null ? { asKnown: r.as_known } : {};
  appendAudit(db, {
    actor,
    action: r.as_known != null ? AS_KNOWN_ACTION : 'analysis_run',
    details: { runId: r.run_id, as_of: r.as_of, params: r.params, data_version: r.data_version, hits: r.hits.length, datasetMax: r.dataset_max ?? null, ...known },
  });
}

// --- Monitoring across imports (issue 11): as-known runs and watch-list changes.

export const AS_KNOWN_ACTION = 'analysis_as_known';
export const WATCH_ADD_ACTION = 'watch_add';
export const WATCH_REMOVE_ACTION = 'watch_remove';

export function auditWatchChange(
  db: Db,
  change: { action: 'add' | 'remove'; id: string; note?: string | null; inStore: boolean; previousNote?: string | null },
  actor: string = defaultActor(),
): void {
  const details: Record<string, unknown> = { id: change.id, inStore: change.inStore };
  if (change.note != null) details.note = change.note;
  if (change.previousNote != null) details.previousNote = change.previousNote;
  appendAudit(db, { actor, action: change.action === 'add' ? WATCH_ADD_ACTION : WATCH_REMOVE_ACTION, details });
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
  // Loaded on use: the CLI's start-up reaches this module (watch) but must not load the importer.
  const { importPath } = await import('../import/importer');
  const result = await importPath(db, inputPath, { ...rest, beforeCommit: (r) => auditImport(db, r, source, actor) });
  if (result.already_imported) auditImport(db, result, source, actor);
  return result;
}

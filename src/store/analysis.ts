import { createHash } from 'node:crypto';
import type { Db } from './db';
import { stmt } from './statements';
import * as m002 from './migrations/002_analysis';

/**
 * SQL for analysis: rule parameters, runs, hits, scores and clusters (migration 002).
 * The analysis core calls these; nothing else writes these tables.
 */

export interface RunRow {
  id: number; started_at: string; finished_at: string | null; as_of: string; params: string;
  data_version: string; coverage: string; timings: string; hit_count: number;
  /** Migration 006: the run saw datasets with id <= dataset_max; as_known = the as-known dataset. */
  dataset_max: number | null; as_known: number | null;
}
export interface HitRow {
  id: number; run_id: number; signal: string; subject_kind: string; subject_id: string; related_ids: string;
  severity: number; evidence: string; hit_key: string; evidence_hash: string;
}
export interface StoredHit {
  signal: string; subject_kind: string; subject_id: string; related_ids: string[]; severity: number;
  evidence: unknown[]; hit_key: string; evidence_hash: string;
}
export interface ScoreRow { subject_kind: string; subject_id: string; score: number; network_score: number }
export interface ClusterRow { rank: number; size: number; score: number; members: string; signals: string }


/**
 * Id indexes on the registers (also in migration 002); created here too for stores that were
 * migrated before they were added. Idempotent; a one-time cost on a national register.
 */
export function ensureAnalysisIndexes(db: Db): void {
  // A store migrated to 003 before 002 existed has skipped 002; its statements are idempotent.
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'analysis_runs'").get()) db.exec(m002.sql);
  db.exec('CREATE INDEX IF NOT EXISTS companies_org ON companies(org_nr); CREATE INDEX IF NOT EXISTS persons_id ON persons(person_id);');
}

export function readRuleParams(db: Db): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const r of stmt(db, 'SELECT signal, params FROM rule_params ORDER BY signal').all() as { signal: string; params: string }[]) {
    out[r.signal] = JSON.parse(r.params);
  }
  return out;
}

export function writeRuleParams(db: Db, signal: string, params: unknown, now = new Date().toISOString()): void {
  stmt(db, 'INSERT INTO rule_params (signal, params, updated_at) VALUES (?, ?, ?) ON CONFLICT(signal) DO UPDATE SET params = excluded.params, updated_at = excluded.updated_at')
    .run(signal, JSON.stringify(params), now);
}

/** Data version: a hash over the imported datasets (id + content hash), so a run can be reproduced. */
export function dataVersion(db: Db): string {
  const h = createHash('sha256');
  for (const r of stmt(db, 'SELECT id, content_hash FROM datasets ORDER BY id').all() as { id: number; content_hash: string }[]) {
    h.update(`${r.id}:${r.content_hash}\n`);
  }
  return h.digest('hex').slice(0, 16);
}

export interface NewRun {
  started_at: string; finished_at: string; as_of: string; params: unknown; data_version: string;
  coverage: unknown; timings: unknown; dataset_max?: number | null; as_known?: number | null;
}

/** Persists one complete run in a single transaction; returns its id. */
export function insertRun(db: Db, run: NewRun, hits: readonly StoredHit[], scores: readonly ScoreRow[], clusters: readonly ClusterRow[]): number {
  return db.transaction(() => {
    const info = stmt(db, 'INSERT INTO analysis_runs (started_at, finished_at, as_of, params, data_version, coverage, timings, hit_count, dataset_max, as_known) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(run.started_at, run.finished_at, run.as_of, JSON.stringify(run.params), run.data_version, JSON.stringify(run.coverage), JSON.stringify(run.timings), hits.length, run.dataset_max ?? null, run.as_known ?? null);
    const runId = Number(info.lastInsertRowid);
    const insHit = stmt(db, 'INSERT OR IGNORE INTO hits (run_id, signal, subject_kind, subject_id, related_ids, severity, evidence, hit_key, evidence_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    for (const h of hits) insHit.run(runId, h.signal, h.subject_kind, h.subject_id, JSON.stringify(h.related_ids), h.severity, JSON.stringify(h.evidence), h.hit_key, h.evidence_hash);
    const insScore = stmt(db, 'INSERT INTO scores (run_id, subject_kind, subject_id, score, network_score) VALUES (?, ?, ?, ?, ?)');
    for (const s of scores) insScore.run(runId, s.subject_kind, s.subject_id, s.score, s.network_score);
    const insCluster = stmt(db, 'INSERT INTO clusters (run_id, rank, size, score, members, signals) VALUES (?, ?, ?, ?, ?, ?)');
    for (const c of clusters) insCluster.run(runId, c.rank, c.size, c.score, c.members, c.signals);
    return runId;
  })();
}

/** Sets the run's timings after persisting (the persist step itself is timed). */
export function updateRunTimings(db: Db, runId: number, timings: unknown): void {
  stmt(db, 'UPDATE analysis_runs SET timings = ? WHERE id = ?').run(JSON.stringify(timings), runId);
}

/**
 * The latest run over everything imported: the current picture (alerts, triage, profiles). An
 * as-known run (issue 11) looks at the past and is kept, but never becomes the current picture.
 */
export function latestRunRow(db: Db): RunRow | undefined {
  return stmt(db, 'SELECT * FROM analysis_runs WHERE as_known IS NULL ORDER BY id DESC LIMIT 1').get() as RunRow | undefined;
}

/** Every run, newest first (the run picker of "Nytt sedan …"). */
export function runRows(db: Db, limit = 500): RunRow[] {
  return stmt(db, 'SELECT * FROM analysis_runs ORDER BY id DESC LIMIT ?').all(limit) as RunRow[];
}

/** The latest current-picture run before `runId` (the default "since" of `insyn changes`). */
export function previousRunRow(db: Db, runId: number): RunRow | undefined {
  return stmt(db, 'SELECT * FROM analysis_runs WHERE as_known IS NULL AND id < ? ORDER BY id DESC LIMIT 1').get(runId) as RunRow | undefined;
}

export interface HitIdentityRow { id: number; signal: string; subject_kind: string; subject_id: string; related_ids: string; hit_key: string; evidence_hash: string; severity: number }

/** A run's hits without their evidence: enough to tell new, gone and possibly changed hits apart. */
export function hitIdentityRows(db: Db, runId: number): HitIdentityRow[] {
  return stmt(db, 'SELECT id, signal, subject_kind, subject_id, related_ids, hit_key, evidence_hash, severity FROM hits WHERE run_id = ? ORDER BY id').all(runId) as HitIdentityRow[];
}

/** Full hit rows by their row ids. */
export function hitRowsById(db: Db, ids: readonly number[]): HitRow[] {
  if (ids.length === 0) return [];
  return stmt(db, 'SELECT * FROM hits WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify(ids)) as HitRow[];
}

export function runRow(db: Db, runId: number): RunRow | undefined {
  return stmt(db, 'SELECT * FROM analysis_runs WHERE id = ?').get(runId) as RunRow | undefined;
}

export interface HitFilterSql {
  runId: number; signal?: string; subjectKind?: string; subjectId?: string; minSeverity?: number;
  /** Matches the subject id or any related id. */
  entityId?: string;
}

function hitWhere(f: HitFilterSql): { where: string; args: unknown[] } {
  const parts = ['run_id = ?'];
  const args: unknown[] = [f.runId];
  if (f.signal) { parts.push('signal = ?'); args.push(f.signal); }
  if (f.subjectKind) { parts.push('subject_kind = ?'); args.push(f.subjectKind); }
  if (f.subjectId) { parts.push('subject_id = ?'); args.push(f.subjectId); }
  if (f.minSeverity != null) { parts.push('severity >= ?'); args.push(f.minSeverity); }
  if (f.entityId) {
    parts.push('(subject_id = ? OR EXISTS (SELECT 1 FROM json_each(hits.related_ids) WHERE json_each.value = ?))');
    args.push(f.entityId, f.entityId);
  }
  return { where: parts.join(' AND '), args };
}

export function countHitRows(db: Db, f: HitFilterSql): number {
  const { where, args } = hitWhere(f);
  return (stmt(db, `SELECT COUNT(*) AS n FROM hits WHERE ${where}`).get(...args) as { n: number }).n;
}

export function hitRows(db: Db, f: HitFilterSql, paging: { offset: number; limit: number }): HitRow[] {
  const { where, args } = hitWhere(f);
  return stmt(db, `SELECT * FROM hits WHERE ${where} ORDER BY severity DESC, signal, subject_id, id LIMIT ? OFFSET ?`)
    .all(...args, paging.limit, paging.offset) as HitRow[];
}

export function hitRowByKey(db: Db, hitKey: string, runId: number): HitRow | undefined {
  return stmt(db, 'SELECT * FROM hits WHERE hit_key = ? AND run_id = ?').get(hitKey, runId) as HitRow | undefined;
}

export function scoreRows(db: Db, runId: number, opts: { subjectId?: string; limit?: number } = {}): ScoreRow[] {
  if (opts.subjectId) {
    return stmt(db, 'SELECT subject_kind, subject_id, score, network_score FROM scores WHERE run_id = ? AND subject_id = ?').all(runId, opts.subjectId) as ScoreRow[];
  }
  return stmt(db, 'SELECT subject_kind, subject_id, score, network_score FROM scores WHERE run_id = ? ORDER BY score DESC, network_score DESC, subject_id LIMIT ?')
    .all(runId, opts.limit ?? -1) as ScoreRow[];
}

export function clusterRows(db: Db, runId: number, limit = -1): ClusterRow[] {
  return stmt(db, 'SELECT rank, size, score, members, signals FROM clusters WHERE run_id = ? ORDER BY rank LIMIT ?').all(runId, limit) as ClusterRow[];
}

import type { Db } from '../store/db';
import {
  clusterRows, countHitRows, hitRowByKey, hitRows, latestRunRow, runRow, scoreRows,
  type HitRow, type RunRow,
} from '../store/analysis';
import type { Coverage, Evidence } from '../signals/types';

/** Read side of analysis runs, for the API and the CLI (all SQL in src/store/analysis.ts). */
export interface RunSummary {
  run_id: number;
  started_at: string;
  finished_at: string | null;
  as_of: string;
  params: Record<string, Record<string, unknown>>;
  data_version: string;
  coverage: Record<string, Coverage>;
  timings: unknown;
  hit_count: number;
  /** The run saw every dataset with id <= dataset_max (null: a run from before migration 006 on an empty store). */
  dataset_max: number | null;
  /** Set for an as-known run: the dataset it was limited to. */
  as_known: number | null;
}

export interface StoredHitView {
  run_id: number;
  signal: string;
  subject_kind: string;
  subject_id: string;
  related_ids: string[];
  severity: number;
  evidence: Evidence[];
  hit_key: string;
  evidence_hash: string;
}

export interface HitFilter {
  /** Defaults to the latest run. */
  runId?: number;
  signal?: string;
  subjectKind?: string;
  subjectId?: string;
  /** Hits whose subject or related ids include this id. */
  entityId?: string;
  minSeverity?: number;
}

export interface Paging {
  offset?: number;
  limit?: number;
}

function toSummary(r: RunRow): RunSummary {
  return {
    run_id: r.id, started_at: r.started_at, finished_at: r.finished_at, as_of: r.as_of, params: JSON.parse(r.params),
    data_version: r.data_version, coverage: JSON.parse(r.coverage), timings: JSON.parse(r.timings), hit_count: r.hit_count,
    dataset_max: r.dataset_max ?? null, as_known: r.as_known ?? null,
  };
}

function toHit(r: HitRow): StoredHitView {
  return {
    run_id: r.run_id, signal: r.signal, subject_kind: r.subject_kind, subject_id: r.subject_id,
    related_ids: JSON.parse(r.related_ids), severity: r.severity, evidence: JSON.parse(r.evidence),
    hit_key: r.hit_key, evidence_hash: r.evidence_hash,
  };
}

export function latestRun(db: Db): RunSummary | null {
  const r = latestRunRow(db);
  return r ? toSummary(r) : null;
}

export function getRun(db: Db, runId: number): RunSummary | null {
  const r = runRow(db, runId);
  return r ? toSummary(r) : null;
}

/** Hits of a run (latest by default), most severe first. `total` counts all matches. */
export function listHits(db: Db, filter: HitFilter = {}, paging: Paging = {}): { run_id: number | null; total: number; items: StoredHitView[] } {
  const runId = filter.runId ?? latestRunRow(db)?.id;
  if (runId == null) return { run_id: null, total: 0, items: [] };
  const f = { ...filter, runId };
  const limit = Math.max(0, Math.min(paging.limit ?? 100, 10_000));
  const offset = Math.max(0, paging.offset ?? 0);
  return { run_id: runId, total: countHitRows(db, f), items: hitRows(db, f, { offset, limit }).map(toHit) };
}

/** One hit by its stable key, in the given run or the latest. */
export function getHit(db: Db, hitKey: string, runId?: number): StoredHitView | null {
  const id = runId ?? latestRunRow(db)?.id;
  if (id == null) return null;
  const r = hitRowByKey(db, hitKey, id);
  return r ? toHit(r) : null;
}

/** Scores of a run (latest by default), highest direct score first; or one entity's scores. */
export function listScores(db: Db, opts: { runId?: number; subjectId?: string; limit?: number } = {}) {
  const runId = opts.runId ?? latestRunRow(db)?.id;
  if (runId == null) return [];
  return scoreRows(db, runId, opts);
}

/** Ranked clusters of a run (latest by default). */
export function listClusters(db: Db, opts: { runId?: number; limit?: number } = {}) {
  const runId = opts.runId ?? latestRunRow(db)?.id;
  if (runId == null) return [];
  return clusterRows(db, runId, opts.limit ?? -1).map((c) => ({
    rank: c.rank, size: c.size, score: c.score,
    members: JSON.parse(c.members) as { kind: string; id: string }[], signals: JSON.parse(c.signals) as string[],
  }));
}

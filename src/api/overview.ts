import { coverageOf } from '../analysis/coverage';
import { TABLE_NAMES, type TableName } from '../model/tables';
import { SIGNALS } from '../signals/index';
import { clusterRows, latestRunRow, scoreRows } from '../store/analysis';
import { schemaVersion, type Db } from '../store/db';
import { tableCounts } from '../store/facts';
import { datasetInfoRows, hitCountsBySignalSeverity } from '../store/workbench';
import type { Cluster, CoverageEntry, Dataset, StatusReply } from './contract';
import type { HitTable } from './hit-table';
import type { Labels } from './labels';

/** The overview (Översikt): datasets, coverage, hit counts, top clusters, import history. */

const parse = <T>(json: string | null, fallback: T): T => {
  if (!json) return fallback;
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
};

export function datasets(db: Db): Dataset[] {
  return datasetInfoRows(db).map((d) => {
    const summary = parse<{ rows?: Record<string, number> }>(d.summary, {});
    return { id: d.id, name: d.name, sourcePath: d.source_path, importedAt: d.imported_at, rows: summary.rows ?? {}, quarantined: d.quarantined };
  });
}

const TITLE = new Map(SIGNALS.map((s) => [s.id, s.title]));
export const signalTitle = (id: string): string => TITLE.get(id) ?? id;

function coverage(db: Db, counts: Record<string, number>, storedJson: string | null): CoverageEntry[] {
  const stored = parse<Record<string, { evaluable: boolean; reason?: string }> | null>(storedJson, null);
  const present = new Set<TableName>(TABLE_NAMES.filter((t) => (counts[t] ?? 0) > 0));
  return SIGNALS.map((s) => {
    const c = stored?.[s.id] ?? coverageOf(s, present);
    return { signal: s.id, title: s.title, evaluable: c.evaluable, reason: c.evaluable ? null : ((c as { reason?: string }).reason ?? null) };
  });
}

function clusters(db: Db, runId: number, labels: Labels, hits: HitTable): Cluster[] {
  const hitSubjects = new Map<string, number>();
  for (const e of hits.all()) hitSubjects.set(e.row.subjectId, (hitSubjects.get(e.row.subjectId) ?? 0) + 1);
  return clusterRows(db, runId, 10).map((c) => {
    const members = parse<{ kind: string; id: string }[]>(c.members, []);
    const scored = members.map((m) => ({ ...labels.ref(m.id, m.kind), score: scoreRows(db, runId, { subjectId: m.id })[0]?.score ?? null }));
    scored.sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
    return {
      clusterId: String(c.rank),
      rank: c.rank,
      score: c.score,
      size: c.size,
      hitCount: members.reduce((n, m) => n + (hitSubjects.get(m.id) ?? 0), 0),
      signals: parse<string[]>(c.signals, []),
      members: scored.slice(0, 10),
    };
  });
}

export function status(db: Db, ctx: { storePath: string; labels: Labels; hits: HitTable; runningJobs: StatusReply['runningJobs'] }): StatusReply {
  const all = tableCounts(db);
  const tables: Record<string, number> = {};
  for (const t of TABLE_NAMES) tables[t] = all[t] ?? 0;
  const run = latestRunRow(db);
  const ds = datasets(db);
  const hitCounts = run
    ? hitCountsBySignalSeverity(db, run.id).map((h) => ({ signal: h.signal, title: signalTitle(h.signal), severity: Math.min(5, Math.max(1, h.severity)), count: h.count }))
    : [];
  return {
    empty: Object.values(tables).every((n) => n === 0),
    storePath: ctx.storePath,
    schemaVersion: schemaVersion(db),
    datasets: ds,
    tables,
    lastRun: run
      ? { runId: run.id, asOf: run.as_of, startedAt: run.started_at, finishedAt: run.finished_at, hitCount: run.hit_count, dataVersion: run.data_version, params: parse(run.params, {}) }
      : null,
    coverage: coverage(db, tables, run?.coverage ?? null),
    hitCounts,
    hitTotal: hitCounts.reduce((n, h) => n + h.count, 0),
    topClusters: run ? clusters(db, run.id, ctx.labels, ctx.hits) : [],
    importHistory: [...ds].reverse(),
    runningJobs: ctx.runningJobs,
  };
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analysisStepText } from '../analysis/progress-text';
import { auditAnalysisRun, auditImport } from '../audit/events';
import { runAnalysis, type AnalysisResult } from '../analysis/run';
import { importPath, type ImportResult } from '../import/importer';
import { importProgressText } from '../import/progress-text';
import type { Db } from '../store/db';
import type { AnalysisSummary, ImportSummary, JobProgress, JobResult } from './contract';

/**
 * The work of a long job (import, analysis, demo), shared by the worker thread and the
 * in-process runner. Reports progress through `report` and writes the audit entries.
 */

export type JobSpec =
  | { kind: 'import'; paths: string[]; datasetName?: string; actor: string }
  | { kind: 'analysis'; asOf?: string; actor: string }
  | { kind: 'demo'; actor: string };

export type ProgressReporter = (p: JobProgress) => void;

/** The bundled demo dataset (data/demo at the repository or app root). */
export function demoDataPath(): string {
  return process.env.INSYN_DEMO_DATA ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'demo');
}


export function toImportSummary(p: string, r: ImportResult): ImportSummary {
  return {
    path: p,
    dataset: r.dataset,
    datasetId: r.dataset_id,
    rows: r.rows,
    quarantined: r.quarantined,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    quarantineSample: r.quarantine.slice(0, 200).map((q) => ({ file: q.file, line: q.line, column: q.column, value: q.value, reason: q.reason, reasonSv: q.reason_sv })),
  };
}

export function toAnalysisSummary(r: AnalysisResult, durationMs: number, titles: Map<string, string>): AnalysisSummary {
  const hitsBySignal: Record<string, number> = {};
  for (const h of r.hits) hitsBySignal[h.signal] = (hitsBySignal[h.signal] ?? 0) + 1;
  return {
    runId: r.run_id,
    asOf: r.as_of,
    hitCount: r.hits.length,
    hitsBySignal,
    coverage: Object.entries(r.coverage).map(([signal, c]) => ({ signal, title: titles.get(signal) ?? signal, evaluable: c.evaluable, reason: c.evaluable ? null : c.reason })),
    durationMs: Math.round(durationMs),
  };
}

async function runImport(db: Db, paths: string[], actor: string, report: ProgressReporter, datasetName?: string): Promise<ImportSummary[]> {
  const out: ImportSummary[] = [];
  for (const [i, p] of paths.entries()) {
    const prefix = paths.length > 1 ? `(${i + 1}/${paths.length}) ` : '';
    report({ phase: 'import', done: 0, total: 1, rowsPerSec: 0, message: `${prefix}Förbereder import av ${path.basename(p)}` });
    const result = await importPath(db, p, {
      datasetName,
      onProgress: (g) =>
        report({
          phase: 'import',
          done: g.bytesRead,
          total: g.bytesTotal,
          rowsPerSec: Math.round(g.rowsPerSec),
          message: `${prefix}${importProgressText(g)}`,
        }),
    });
    const summary = toImportSummary(p, result);
    out.push(summary);
    // The same audit entry as `insyn import` writes.
    auditImport(db, result, p, actor);
  }
  return out;
}

async function runAnalysisJob(db: Db, actor: string, report: ProgressReporter, asOf?: string): Promise<AnalysisSummary> {
  const { SIGNALS } = await import('../signals/index');
  const titles = new Map(SIGNALS.map((s) => [s.id, s.title]));
  report({ phase: 'analysis', done: 0, total: SIGNALS.length + 3, rowsPerSec: 0, message: 'Läser in fakta för analys' });
  // Let the progress message leave the thread before the synchronous analysis takes it.
  await new Promise((r) => setImmediate(r));
  const t0 = performance.now();
  const result = runAnalysis(db, {
    asOf,
    onProgress: (p) => report({ phase: 'analysis', done: p.done, total: p.total, rowsPerSec: 0, message: `Analys: ${analysisStepText(p.step)}` }),
  });
  const summary = toAnalysisSummary(result, performance.now() - t0, titles);
  auditAnalysisRun(db, result, actor);
  return summary;
}

export async function executeJob(db: Db, spec: JobSpec, report: ProgressReporter): Promise<JobResult> {
  switch (spec.kind) {
    case 'import':
      return { imports: await runImport(db, spec.paths, spec.actor, report, spec.datasetName), analysis: null };
    case 'analysis':
      return { imports: [], analysis: await runAnalysisJob(db, spec.actor, report, spec.asOf) };
    case 'demo': {
      const imports = await runImport(db, [demoDataPath()], spec.actor, report, 'Demodata');
      return { imports, analysis: await runAnalysisJob(db, spec.actor, report) };
    }
  }
}

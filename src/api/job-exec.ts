import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analysisStepText } from '../analysis/progress-text';
import { runAnalysis, type AnalysisResult } from '../analysis/run';
import type { ImportResult } from '../import/importer';
import { importProgressText } from '../import/progress-text';
import { confineRead } from './roots';
import { auditAnalysisRun, importAudited } from '../audit/events';
import type { Db } from '../store/db';
import type { AnalysisSummary, ImportSummary, JobProgress, JobResult } from './contract';

/**
 * The work of a long job (import, analysis, demo), shared by the worker thread and the
 * in-process runner. Reports progress through `report` and writes the audit entries.
 */

export type JobSpec =
  | { kind: 'import'; paths: string[]; datasetName?: string; full?: boolean; source?: string; actor: string; /** API imports: the import root, checked again when the job runs. */ root?: string }
  | { kind: 'analysis'; asOf?: string; asKnown?: number; actor: string }
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
    full: r.full ?? [],
    ended: r.ended ?? {},
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
    snapshotNote: r.snapshot.note_sv,
  };
}

async function runImport(db: Db, paths: string[], actor: string, report: ProgressReporter, datasetName?: string, extract: { full?: boolean; source?: string; root?: string } = {}): Promise<ImportSummary[]> {
  const out: ImportSummary[] = [];
  for (const [i, p] of paths.entries()) {
    // A link may have appeared since the request was checked: check again right before reading.
    if (extract.root !== undefined) confineRead(extract.root, p);
    const prefix = paths.length > 1 ? `(${i + 1}/${paths.length}) ` : '';
    report({ phase: 'import', done: 0, total: 1, rowsPerSec: 0, message: `${prefix}Förbereder import av ${path.basename(p)}` });
    // The audit entry is written in the import's transaction: no import without its entry (issue 13).
    const result = await importAudited(db, p, {
      actor,
      datasetName,
      onWaitForStore: (waited) =>
        report({ phase: 'import', done: 0, total: 1, rowsPerSec: 0, message: `${prefix}Väntar på databasen: en annan import eller analys skriver just nu (${Math.round(waited / 1000)} s). Importen startar när den är klar.` }),
      full: extract.full,
      source: extract.source || undefined,
      onProgress: (g) =>
        report({
          phase: 'import',
          // The whole import's bytes (issue 10.6), so the bar does not restart with each file.
          done: g.importBytesDone ?? g.bytesRead,
          total: g.importBytesTotal ?? g.bytesTotal,
          rowsPerSec: Math.round(g.rowsPerSec),
          message: `${prefix}${importProgressText(g)}`,
        }),
    });
    out.push(toImportSummary(p, result));
  }
  return out;
}

async function runAnalysisJob(db: Db, actor: string, report: ProgressReporter, asOf?: string, asKnown?: number): Promise<AnalysisSummary> {
  const { SIGNALS } = await import('../signals/index');
  const titles = new Map(SIGNALS.map((s) => [s.id, s.title]));
  report({ phase: 'analysis', done: 0, total: SIGNALS.length + 3, rowsPerSec: 0, message: 'Läser in fakta för analys' });
  // Let the progress message leave the thread before the synchronous analysis takes it.
  await new Promise((r) => setImmediate(r));
  const t0 = performance.now();
  const result = runAnalysis(db, {
    asOf,
    asKnown,
    onProgress: (p) => report({ phase: 'analysis', done: p.done, total: p.total, rowsPerSec: 0, message: `Analys: ${analysisStepText(p.step)}` }),
    // The run and its audit entry commit together (issue 13).
    onPersist: (run) => auditAnalysisRun(db, run, actor),
  });
  return toAnalysisSummary(result, performance.now() - t0, titles);
}

export async function executeJob(db: Db, spec: JobSpec, report: ProgressReporter): Promise<JobResult> {
  switch (spec.kind) {
    case 'import':
      return { imports: await runImport(db, spec.paths, spec.actor, report, spec.datasetName, { full: spec.full, source: spec.source, root: spec.root }), analysis: null };
    case 'analysis':
      return { imports: [], analysis: await runAnalysisJob(db, spec.actor, report, spec.asOf, spec.asKnown) };
    case 'demo': {
      const imports = await runImport(db, [demoDataPath()], spec.actor, report, 'Demodata');
      return { imports, analysis: await runAnalysisJob(db, spec.actor, report) };
    }
  }
}

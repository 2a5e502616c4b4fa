import crypto from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import { spawnWorker as spawnWorkerBeside } from '../threads/spawn-worker';
import type { Db } from '../store/db';
import type { JobProgress, JobResult, JobStatus } from './contract';
import { executeJob, type JobSpec } from './job-exec';
import { fromFailure, InsynError, type Failure } from '../model/errors';
import { notFound } from './handler';

/**
 * Long jobs (import, analysis, demo) run off the request path, one at a time (SQLite has one
 * writer; queued jobs wait their turn), and report progress that the UI polls with jobStatus.
 */

export type JobExecutor = (spec: JobSpec, report: (p: JobProgress) => void) => Promise<JobResult>;

interface JobRecord {
  status: JobStatus;
  done: Promise<JobStatus>;
}

/** Swedish message for a failed job: the core's own failures carry one, anything else is unexpected. */
export function jobErrorMessage(err: unknown): { code: string; message: string } {
  if (err instanceof InsynError) return { code: err.code, message: err.messageSv };
  return { code: 'job_failed', message: `Jobbet misslyckades: ${err instanceof Error ? err.message : String(err)}` };
}

export class JobRegistry {
  private readonly jobs = new Map<string, JobRecord>();
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly executor: JobExecutor,
    private readonly onFinished: (status: JobStatus) => void = () => {},
  ) {}

  start(spec: JobSpec): string {
    const jobId = crypto.randomUUID();
    const status: JobStatus = {
      jobId,
      kind: spec.kind,
      state: 'queued',
      startedAt: new Date().toISOString(),
      finishedAt: null,
      progress: { phase: 'queued', done: 0, total: 0, rowsPerSec: 0, message: 'Väntar på tidigare jobb' },
      result: null,
      error: null,
    };
    const run = async (): Promise<JobStatus> => {
      status.state = 'running';
      status.progress = { ...status.progress, phase: 'start', message: 'Startar' };
      try {
        status.result = await this.executor(spec, (p) => (status.progress = p));
        status.state = 'done';
        status.progress = { ...status.progress, phase: 'done', done: status.progress.total, message: 'Klart' };
      } catch (err) {
        status.state = 'failed';
        status.error = jobErrorMessage(err);
        status.progress = { ...status.progress, phase: 'failed', message: status.error.message };
      }
      status.finishedAt = new Date().toISOString();
      try {
        this.onFinished(status);
      } catch {
        // A failing listener (cache refresh) must not turn a finished job into a failure.
      }
      return status;
    };
    const done = this.tail.then(run, run);
    this.tail = done;
    this.jobs.set(jobId, { status, done });
    return jobId;
  }

  get(jobId: string): JobStatus {
    const r = this.jobs.get(jobId);
    if (!r) throw notFound('Jobbet');
    return structuredClone(r.status);
  }

  wait(jobId: string): Promise<JobStatus> {
    const r = this.jobs.get(jobId);
    if (!r) return Promise.reject(notFound('Jobbet'));
    return r.done.then((s) => structuredClone(s));
  }

  running(): { jobId: string; kind: JobStatus['kind'] }[] {
    return [...this.jobs.values()].filter((j) => j.status.state === 'running' || j.status.state === 'queued').map((j) => ({ jobId: j.status.jobId, kind: j.status.kind }));
  }

  /** Resolves when every job started so far has finished. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined, () => undefined);
  }
}

/** Runs jobs on the caller's thread (async, with progress): used for in-memory stores in tests. */
export function inProcessExecutor(db: Db): JobExecutor {
  return (spec, report) => executeJob(db, spec, report);
}

/**
 * Runs each job in a worker thread with its own connection to the store file, so imports and
 * analyses never block the thread that answers the UI (SQLite WAL lets readers continue).
 */
export function workerExecutor(dbPath: string): JobExecutor {
  return (spec, report) =>
    new Promise<JobResult>((resolve, reject) => {
      const worker = spawnWorker('./worker', { mode: 'job', dbPath, spec });
      let settled = false;
      worker.on('message', (m: { type: string; progress?: JobProgress; result?: JobResult; error?: Failure | { message: string } }) => {
        if (m.type === 'progress' && m.progress) report(m.progress);
        else if (m.type === 'done' && m.result) {
          settled = true;
          resolve(m.result);
        } else if (m.type === 'error') {
          settled = true;
          reject(fromFailure(m.error) ?? new Error(m.error?.message ?? 'okänt fel'));
        }
      });
      worker.on('error', (err) => {
        if (!settled) reject(err);
        settled = true;
      });
      worker.on('exit', (code) => {
        if (!settled) reject(new Error(`arbetstråden avslutades oväntat (kod ${code})`));
      });
    });
}

/** Starts a worker from a module beside this one (src/api/worker.ts; compiled: worker.js). */
export function spawnWorker(relative: string, workerData: unknown): Worker {
  return spawnWorkerBeside(import.meta.url, relative, workerData);
}

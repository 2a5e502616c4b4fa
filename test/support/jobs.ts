import { unwrap, type ApiClient } from '../../src/api/client';
import type { Res } from '../../src/api/contract';

type JobStatus = Res<'jobStatus'>;
/** A job id, or the reply of the call that started it (importStart, analysisRun …). */
type JobStart = string | Promise<unknown>;

async function jobIdOf(start: JobStart): Promise<string> {
  return typeof start === 'string' ? start : unwrap(await (start as ReturnType<ApiClient['analysisRun']>)).jobId;
}

/** Waits until the job is done or failed and returns its last status. */
export async function settleJob(api: ApiClient, start: JobStart, pollMs = 20): Promise<JobStatus> {
  const jobId = await jobIdOf(start);
  for (;;) {
    const s = unwrap(await api.jobStatus({ jobId }));
    if (s.state === 'done' || s.state === 'failed') return s;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Waits for the job; a failed job throws with its error. */
export async function runJob(api: ApiClient, start: JobStart, pollMs = 20): Promise<JobStatus> {
  const s = await settleJob(api, start, pollMs);
  if (s.state === 'failed') throw new Error(`job failed: ${JSON.stringify(s.error)}`);
  return s;
}

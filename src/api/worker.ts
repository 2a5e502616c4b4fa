import { parentPort, workerData } from 'node:worker_threads';
import { openDb } from '../store/db';
import type { JobProgress } from './contract';
import { executeJob, type JobSpec } from './job-exec';

/**
 * Worker-thread entry: runs one long job against its own connection to the store file and
 * reports progress, result or error to the parent. Progress is throttled so a fast import does
 * not flood the message channel.
 */
interface JobData {
  mode: 'job';
  dbPath: string;
  spec: JobSpec;
}

async function main(data: JobData): Promise<void> {
  const port = parentPort!;
  const db = openDb(data.dbPath);
  let last = 0;
  const report = (p: JobProgress): void => {
    const now = Date.now();
    if (now - last < 100 && p.done < p.total) return;
    last = now;
    port.postMessage({ type: 'progress', progress: p });
  };
  try {
    const result = await executeJob(db, data.spec, report);
    port.postMessage({ type: 'done', result });
  } catch (err) {
    const e = err as { message?: string; code?: string; messageSv?: string };
    port.postMessage({ type: 'error', error: { code: e?.code ?? 'job_failed', message: e?.message ?? String(err), messageSv: e?.messageSv } });
  } finally {
    db.close();
  }
}

if (parentPort && (workerData as JobData | undefined)?.mode === 'job') void main(workerData as JobData);

import { parentPort, workerData } from 'node:worker_threads';
import { openDb } from '../store/db';
import { InsynError, toFailure } from '../model/errors';
import type { JobProgress } from './contract';
import { executeJob, type JobSpec } from './job-exec';
import { createApiHandler } from './handler';
import { createWorkbench } from './service';

/**
 * Worker-thread entry, two modes. 'job': runs one long job against its own connection to the store file and
 * reports progress, result or error to the parent. Progress is throttled so a fast import does
 * not flood the message channel.
 */
interface JobData {
  mode: 'job';
  dbPath: string;
  spec: JobSpec;
}

/**
 * 'host': the whole API service on its own thread (Electron: the main process only forwards
 * IPC calls, so database work never blocks the UI thread). Jobs still get their own workers.
 */
interface HostData {
  mode: 'host';
  dbPath: string;
  actor?: string;
}

function host(data: HostData): void {
  const port = parentPort!;
  const db = openDb(data.dbPath);
  const { service } = createWorkbench({ db, dbPath: data.dbPath, actor: data.actor });
  const handle = createApiHandler(service);
  port.on('message', (m: { id: number; method: string; request: unknown } | { type: 'close' }) => {
    if ('type' in m) {
      db.close();
      port.close();
      return;
    }
    void handle(m.method, m.request).then((envelope) => port.postMessage({ id: m.id, envelope }));
  });
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
    port.postMessage({ type: 'error', error: err instanceof InsynError ? toFailure(err) : { message: err instanceof Error ? err.message : String(err) } });
  } finally {
    db.close();
  }
}

const data = workerData as JobData | HostData | undefined;
if (parentPort && data?.mode === 'job') void main(data);
if (parentPort && data?.mode === 'host') host(data);

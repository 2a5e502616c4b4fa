import type { Envelope } from './contract';
import { spawnWorker } from './jobs';

/** A client for the API service running in a worker thread (see worker.ts, mode 'host'). */
export interface ServiceWorker {
  call(method: string, request: unknown): Promise<Envelope<unknown>>;
  close(): Promise<void>;
}

export function startServiceWorker(dbPath: string, actor?: string): ServiceWorker {
  const worker = spawnWorker('./worker', { mode: 'host', dbPath, actor });
  const pending = new Map<number, (e: Envelope<unknown>) => void>();
  let next = 1;
  const failAll = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'internal', message } });
    pending.clear();
  };
  worker.on('message', (m: { id: number; envelope: Envelope<unknown> }) => {
    pending.get(m.id)?.(m.envelope);
    pending.delete(m.id);
  });
  worker.on('error', (err: Error) => failAll(`Databastråden föll: ${err.message}`));
  worker.on('exit', () => failAll('Databastråden har avslutats'));
  return {
    call: (method, request) =>
      new Promise((resolve) => {
        const id = next++;
        pending.set(id, resolve);
        worker.postMessage({ id, method, request });
      }),
    close: async () => {
      worker.postMessage({ type: 'close' });
      await worker.terminate();
    },
  };
}

import { parentPort, workerData } from 'node:worker_threads';
import { encodeBatch, transferables } from './batch-codec';
import { MAX_IN_FLIGHT, parseFiles, serialiseError, type ParseConsumer, type ParseMessage } from './parse';
import type { PlannedFile } from './plan';

/**
 * Worker-thread entry of the import's read side (see parse.ts): parses the planned files and
 * posts batches to the importer, which writes them and acknowledges each one. At most
 * MAX_IN_FLIGHT batches wait unacknowledged, so a fast reader piles up a bounded number of rows.
 */
function run(port: NonNullable<typeof parentPort>, files: PlannedFile[], storeFile: string | undefined): void {
  let inFlight = 0;
  let wake: (() => void) | null = null;
  port.on('message', (m: unknown) => {
    if (m !== 'ack') return;
    inFlight--;
    const w = wake;
    wake = null;
    w?.();
  });
  const post = (m: ParseMessage): void => port.postMessage(m, m.t === 'batch' ? transferables(m.batch) : []);
  const consumer: ParseConsumer = {
    startFile: (index) => post({ t: 'start', index }),
    batch: (ops, bytes) => {
      inFlight++;
      post({ t: 'batch', batch: encodeBatch(ops), bytesRead: bytes.bytesRead, bytesTotal: bytes.bytesTotal });
    },
    endFile: (index, bytes) => post({ t: 'end', index, bytesRead: bytes.bytesRead, bytesTotal: bytes.bytesTotal }),
  };
  const started = performance.now();
  let waitedMs = 0;
  const ready = (): Promise<void> | null => {
    if (inFlight < MAX_IN_FLIGHT) return null;
    const t = performance.now();
    return new Promise<void>((resolve) => (wake = resolve)).then(() => void (waitedMs += performance.now() - t));
  };
  parseFiles(files, consumer, ready, storeFile, { prefetch: true }).then(
    () => post({ t: 'done', busyMs: performance.now() - started - waitedMs }),
    (err: unknown) => post({ t: 'error', error: serialiseError(err) }),
  );
}

const data = workerData as { files?: PlannedFile[]; storeFile?: string } | undefined;
if (parentPort && data?.files) run(parentPort, data.files, data.storeFile);

import { parentPort, workerData } from 'node:worker_threads';
import { encodedSize, encodeBatch, transferables } from './batch-codec';
import { MAX_IN_FLIGHT_BYTES, parseFiles, serialiseError, type ParseConsumer, type ParseMessage } from './parse';
import type { PlannedFile } from './plan';

/**
 * Worker-thread entry of the import's read side (see parse.ts): parses the planned files and
 * posts batches to the importer, which writes them and acknowledges each one, in order. At most
 * MAX_IN_FLIGHT_BYTES of batches wait unacknowledged, so a fast reader piles up a bounded amount.
 */
function run(port: NonNullable<typeof parentPort>, files: PlannedFile[], storeFile: string | undefined, readAhead: number, hold: boolean): void {
  // `hold`: started before the import's transaction (importer.ts EarlyReader); reads the stored
  // records at once but no file before 'go'.
  let go: () => void = () => {};
  const start = hold ? new Promise<void>((resolve) => (go = resolve)) : undefined;
  let inFlight = 0;
  // Sizes of the unacknowledged batches, oldest first (acks come in posting order).
  const sizes: number[] = [];
  let oldest = 0;
  let wake: (() => void) | null = null;
  port.on('message', (m: unknown) => {
    if (m === 'go') go();
    if (m !== 'ack') return;
    inFlight -= sizes[oldest++]!;
    if (oldest > 4096) {
      sizes.splice(0, oldest);
      oldest = 0;
    }
    const w = wake;
    wake = null;
    w?.();
  });
  const post = (m: ParseMessage): void => port.postMessage(m, m.t === 'batch' ? transferables(m.batch) : []);
  const consumer: ParseConsumer = {
    startFile: (index) => post({ t: 'start', index }),
    batch: (ops, bytes) => {
      const batch = encodeBatch(ops);
      const size = encodedSize(batch);
      inFlight += size;
      sizes.push(size);
      post({ t: 'batch', batch, bytesRead: bytes.bytesRead, bytesTotal: bytes.bytesTotal });
    },
    endFile: (index, bytes) => post({ t: 'end', index, bytesRead: bytes.bytesRead, bytesTotal: bytes.bytesTotal }),
  };
  const started = performance.now();
  let waitedMs = 0;
  const ready = (): Promise<void> | null => {
    if (inFlight < readAhead) return null;
    const t = performance.now();
    return new Promise<void>((resolve) => (wake = resolve)).then(() => void (waitedMs += performance.now() - t));
  };
  parseFiles(files, consumer, ready, storeFile, { prefetch: true, start }).then(
    () => post({ t: 'done', busyMs: performance.now() - started - waitedMs }),
    (err: unknown) => post({ t: 'error', error: serialiseError(err) }),
  );
}

const data = workerData as { files?: PlannedFile[]; storeFile?: string; readAheadBytes?: number; hold?: boolean } | undefined;
if (parentPort && data?.files) run(parentPort, data.files, data.storeFile, data.readAheadBytes ?? MAX_IN_FLIGHT_BYTES, data.hold ?? false);

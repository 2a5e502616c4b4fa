import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import fs from 'node:fs';
import type { ByteCounter } from './source';

/**
 * Bytes of the first .txt/.csv entry of a zip archive, streamed (Bolagsverket publishes its bulk
 * file zipped). fflate inflates synchronously per pushed chunk, so memory stays bounded.
 */
export async function* zipEntryBytes(file: string, counter: ByteCounter): AsyncGenerator<Uint8Array> {
  counter.bytesTotal = fs.statSync(file).size;
  const queue: Uint8Array[] = [];
  let chosen: UnzipFile | null = null;
  let entryDone = false;
  let failure: unknown = null;
  const unzip = new Unzip((entry) => {
    if (chosen || !/\.(txt|csv)$/i.test(entry.name)) return;
    chosen = entry;
    entry.ondata = (err, data, final) => {
      if (err) failure = err;
      else if (data.length) queue.push(data);
      if (final) entryDone = true;
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of input) {
      counter.bytesRead += (chunk as Buffer).length;
      unzip.push(chunk as Buffer, false);
      if (failure) throw failure;
      while (queue.length) yield queue.shift()!;
      if (entryDone) return;
    }
    unzip.push(new Uint8Array(0), true);
    if (failure) throw failure;
    while (queue.length) yield queue.shift()!;
  } finally {
    input.destroy();
  }
  if (!chosen) throw new Error('the zip archive holds no .txt or .csv file');
  if (!entryDone) throw new Error('the zip archive is truncated');
}

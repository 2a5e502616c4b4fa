import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import fs from 'node:fs';
import type { ByteCounter } from './source';

const INFLATE_SLICE = 16 << 10;

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
      const buf = chunk as Buffer;
      counter.bytesRead += buf.length;
      // Deflate expands up to ~1000:1: a whole 1 MiB of input could inflate to a gigabyte at
      // once, so the input goes in small slices and each slice's output is handed on first.
      for (let off = 0; off < buf.length; off += INFLATE_SLICE) {
        unzip.push(buf.subarray(off, off + INFLATE_SLICE), false);
        if (failure) throw failure;
        while (queue.length) yield queue.shift()!;
        if (entryDone) return;
      }
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

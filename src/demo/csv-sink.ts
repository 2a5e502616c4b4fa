import { createWriteStream, type WriteStream } from 'node:fs';

export type FileEncoding = 'utf8' | 'utf8-bom' | 'windows-1252';

export interface SinkFormat {
  encoding: FileEncoding;
  delimiter: ',' | ';' | '\t';
}

const FLUSH_AT = 1 << 18;

/**
 * A CSV file written in buffered chunks: rows are joined in memory up to a few hundred kB and
 * then handed to a write stream; `drain()` waits when the stream's buffer is full, so memory
 * stays bounded however many rows are written. Counts physical lines (header = line 1), so a
 * row's line number can be reported the way an importer reports it.
 */
export class CsvSink {
  private readonly stream: WriteStream;
  private chunk: string[] = [];
  private chunkLength = 0;
  private blocked: Promise<void> | null = null;
  private readonly needsQuotes: RegExp;
  /** Physical lines written so far (the header included). */
  lines = 0;
  rows = 0;

  constructor(readonly path: string, readonly format: SinkFormat, header: readonly string[]) {
    this.needsQuotes = new RegExp(`[${format.delimiter === '\t' ? '\\t' : format.delimiter}"\\r\\n]`);
    this.stream = createWriteStream(path);
    if (format.encoding === 'utf8-bom') this.stream.write(Buffer.from([0xef, 0xbb, 0xbf]));
    this.writeRaw(header);
    this.rows = 0;
  }

  /** Writes one row; returns its (first) line number. */
  write(values: readonly string[]): number {
    this.rows++;
    return this.writeRaw(values);
  }

  private writeRaw(values: readonly string[]): number {
    const line = this.lines + 1;
    const d = this.format.delimiter;
    let record = '';
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (i > 0) record += d;
      if (this.needsQuotes.test(v)) {
        record += '"' + v.replace(/"/g, '""') + '"';
        for (const ch of v) if (ch === '\n') this.lines++;
      } else record += v;
    }
    record += '\r\n';
    this.lines++;
    this.chunk.push(record);
    this.chunkLength += record.length;
    if (this.chunkLength >= FLUSH_AT) this.flush();
    return line;
  }

  private flush(): void {
    if (this.chunk.length === 0) return;
    const text = this.chunk.join('');
    this.chunk = [];
    this.chunkLength = 0;
    // Latin-1 bytes equal Windows-1252 for every character the generator emits.
    const ok = this.stream.write(this.format.encoding === 'windows-1252' ? Buffer.from(text, 'latin1') : Buffer.from(text, 'utf8'));
    if (!ok && !this.blocked) this.blocked = new Promise((resolve) => this.stream.once('drain', () => { this.blocked = null; resolve(); }));
  }

  /** Resolves when the stream can take more (backpressure). */
  drain(): Promise<void> {
    return this.blocked ?? Promise.resolve();
  }

  async close(): Promise<void> {
    this.flush();
    await this.drain();
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }
}

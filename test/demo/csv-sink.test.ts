import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvSink } from '../../src/demo/csv-sink';

describe('CsvSink', () => {
  it('quotes what needs quoting, counts physical lines, writes Windows-1252 bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'insyn-sink-'));
    try {
      const sink = new CsvSink(join(dir, 'x.csv'), { encoding: 'windows-1252', delimiter: ';' }, ['a', 'b']);
      expect(sink.write(['Åsa; "Ö"', 'rad1\nrad2'])).toBe(2);
      expect(sink.write(['1 234,50', 'x'])).toBe(4);
      await sink.close();
      const bytes = readFileSync(join(dir, 'x.csv'));
      expect(bytes.includes(Buffer.from([0xc5]))).toBe(true);
      expect(new TextDecoder('windows-1252').decode(bytes)).toBe('a;b\r\n"Åsa; ""Ö""";"rad1\nrad2"\r\n1 234,50;x\r\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes a UTF-8 BOM and TAB-separated values on request', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'insyn-sink-'));
    try {
      const sink = new CsvSink(join(dir, 'x.csv'), { encoding: 'utf8-bom', delimiter: '\t' }, ['a', 'b']);
      sink.write(['x\ty', 'z,w']);
      await sink.close();
      expect(readFileSync(join(dir, 'x.csv'), 'utf8')).toBe('\uFEFFa\tb\r\n"x\ty"\tz,w\r\n');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

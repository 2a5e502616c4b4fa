import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, type CsvRecord } from '../../src/import/csv-tokenizer';
import { detectDelimiter, detectEncoding, decodeWindows1252, looksBinary } from '../../src/import/encoding';
import { csvField } from '../support/fixtures';

function tokenize(text: string, delimiter: string, cuts: number[] = [], opts: { maxRecord?: number; plainLines?: boolean } = {}): CsvRecord[] {
  const out: CsvRecord[] = [];
  const t = new CsvTokenizer(delimiter, (r) => out.push(r), opts.maxRecord, opts.plainLines);
  let prev = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    t.push(text.slice(prev, c));
    prev = c;
  }
  t.push(text.slice(prev));
  t.end();
  return out;
}

const cell = fc.string({ unit: fc.constantFrom('a', 'Ö', ' ', '"', ',', ';', '\n', '\r\n', '=', '|', 'x'), maxLength: 8 });

describe('CsvTokenizer', () => {
  it('reads what was written, whatever the chunking and line endings, with start lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.nat(), { maxLength: 6 }),
        (rows, d, nl, cutSeeds) => {
          const rowsNonBlank = rows.map((r) => (r.every((c) => c === '') ? ['x', ...r.slice(1)] : r));
          const lines = rowsNonBlank.map((r) => r.map((c) => csvField(c, d)).join(d));
          const text = lines.join(nl) + nl;
          const cuts = cutSeeds.map((s) => s % (text.length + 1));
          const got = tokenize(text, d, cuts);
          expect(got.map((r) => r.fields)).toEqual(rowsNonBlank);
          // start line = 1 + number of physical line breaks before the record
          let line = 1;
          const expectedLines = lines.map((l) => {
            const start = line;
            line += 1 + (l.match(/\r\n|\r|\n/g) ?? []).length;
            return start;
          });
          expect(got.map((r) => r.line)).toEqual(expectedLines);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads plain lines in one step exactly as the character loop reads them (any text, chunking, limit)', () => {
    const unit = fc.constantFrom('a', 'Ö', ' ', '"', '""', ',', ';', '\n', '\r\n', '\r', '\n\n', 'xyz', '\t');
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit, maxLength: 40 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(',', ';', '\t'),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.constantFrom(undefined, 3, 8, 20),
        (parts, d, cutSeeds, maxRecord) => {
          const text = parts.join('');
          const cuts = cutSeeds.map((c) => c % (text.length + 1));
          expect(tokenize(text, d, cuts, { maxRecord, plainLines: true })).toEqual(tokenize(text, d, cuts, { maxRecord, plainLines: false }));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a line filter consumes whole lines it accepts (with their start line) and the rest reads as before', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(',', ';'),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.nat(), { maxLength: 6 }),
        (rows, d, nl, cutSeeds) => {
          const kept = rows.map((r) => (r.every((c) => c === '') ? ['x', ...r.slice(1)] : r));
          const lines = kept.map((r) => r.map((c) => csvField(c, d)).join(d));
          const text = lines.join(nl) + nl;
          // Accept every other line that has neither quote nor line break (the re-import's rule).
          const plain = (l: string): boolean => !/["\r\n]/.test(l);
          const accept = new Set(lines.filter((l, i) => i % 2 === 0 && plain(l)));
          const events: string[] = [];
          const t = new CsvTokenizer(d, (r) => events.push(`rec ${r.line} ${JSON.stringify(r.fields)}`));
          const asked: number[] = [];
          t.lineFilter = (s, start, end, line) => {
            asked.push(line);
            if (!accept.has(s.slice(start, end))) return false;
            events.push(`skip ${line} ${s.slice(start, end)}`);
            return true;
          };
          const cuts = cutSeeds.map((c) => c % (text.length + 1)).sort((x, y) => x - y);
          let prev = 0;
          for (const c of [...cuts, text.length]) {
            t.push(text.slice(prev, c));
            prev = c;
          }
          t.end();
          let line = 1;
          const starts = lines.map((l) => {
            const start = line;
            line += 1 + (l.match(/\r\n|\r|\n/g) ?? []).length;
            return start;
          });
          // Each record once, in order: skipped only if accepted, else read with its fields.
          expect(events).toHaveLength(lines.length);
          // A line is asked once at most (a filter may count what it is asked).
          expect(new Set(asked).size).toBe(asked.length);
          events.forEach((e, i) => {
            if (e.startsWith('skip')) expect(e).toBe(`skip ${starts[i]} ${lines[i]}`);
            else expect(e).toBe(`rec ${starts[i]} ${JSON.stringify(kept[i])}`);
          });
          // In one chunk every accepted line ends inside it, so all of them are skipped.
          if (cuts.length === 0) expect(events.filter((e) => e.startsWith('skip'))).toHaveLength(accept.size === 0 ? 0 : lines.filter((l) => accept.has(l)).length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('handles mixed line endings, blank lines, stray quotes and an unclosed quote at the end', () => {
    const got = tokenize('a,b\r\n\r\nc,d"e\nf,"g"h\r"open,x\ny\n', ',');
    expect(got).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['c', 'd"e'] },
      { line: 4, fields: ['f', 'gh'] },
      { line: 5, fields: ['open,x\ny\n'], error: 'unclosed_quote' },
    ]);
  });

  it('turns an over-long quoted field into one bad record and resynchronises', () => {
    const got: CsvRecord[] = [];
    const t = new CsvTokenizer(',', (r) => got.push(r), 100);
    t.push('a,b\n"' + 'x'.repeat(150));
    t.push('\nc,d\n');
    t.end();
    expect(got.map((r) => [r.line, r.error ?? null])).toEqual([
      [1, null],
      [2, 'field_too_long'],
      [3, null],
    ]);
  });
});

describe('encoding and delimiter detection', () => {
  it('detects BOM, UTF-8 and real Windows-1252 bytes', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), true)).toBe('utf-8-bom');
    expect(detectEncoding(Buffer.from('Åsa Öberg', 'utf8'), true)).toBe('utf-8');
    expect(detectEncoding(Buffer.from([0xc5, 0x73, 0x61]), true)).toBe('windows-1252');
    // a UTF-8 sequence cut at the end of a probe is not a 1252 sign
    expect(detectEncoding(Buffer.from('aÅ', 'utf8').subarray(0, 2), false)).toBe('utf-8');
    expect(decodeWindows1252(Buffer.from([0xc5, 0xe4, 0xf6, 0x80, 0x96]))).toBe('Åäö€–');
  });
  it('detects binary content', () => {
    expect(looksBinary(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]))).toBe(true);
    expect(looksBinary(Buffer.from('org_nr,name\n'))).toBe(false);
  });
  it('detects the delimiter from the header', () => {
    expect(detectDelimiter('org_nr;name;"a,b"')).toBe(';');
    expect(detectDelimiter('org_nr\tname')).toBe('\t');
    expect(detectDelimiter('org_nr,name')).toBe(',');
    expect(detectDelimiter('org_nr')).toBe(',');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/import/source';

/** Issue 10: text is decoded in slices of 64 KB; characters cut at any slice or read boundary come back whole. */

async function decodeAll(bytes: Buffer, readSize: number): Promise<string> {
  async function* reads(): AsyncGenerator<Uint8Array> {
    for (let off = 0; off < bytes.length; off += readSize) yield bytes.subarray(off, off + readSize);
  }
  const { chunks } = await decodeText(reads(), 'test.csv');
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}

// Characters of 1–4 UTF-8 bytes, and a line longer than a slice.
const CHARS = ['a', 'å', 'Ö', '€', '𝄞', ';', '\n', '"'];

describe('decoding in slices', () => {
  it('any text of 1–4 byte characters, read in any size, decodes to itself', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...CHARS), { minLength: 150_000, maxLength: 200_000 }), fc.constantFrom(1 << 20, 65_535, 65_537, 4_093, 200_001), async (chars, readSize) => {
        const text = `namn;ort\n${chars.join('')}${'x'.repeat(70_000)}\n`;
        expect(await decodeAll(Buffer.from(text, 'utf8'), readSize)).toBe(text);
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstLines, hash32 } from '../../src/import/first-lines';

/** The duplicate finder of id tables (parse.ts) against the Map it replaced. */
describe('FirstLines', () => {
  it('answers as a Map of first lines would, for any keys (repeats, empty, surrogates) across growth', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('', '["5566778899"]', '\ud800', 'a\u0000b'), fc.integer({ min: 0, max: 3000 }).map(String));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 3000 }), (keys) => {
        const seen = new FirstLines();
        const model = new Map<string, number>();
        keys.forEach((k, i) => {
          const line = i + 2;
          expect(seen.firstOr(k, line)).toBe(model.get(k) ?? 0);
          if (!model.has(k)) model.set(k, line);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('answers the same when reserve() makes room ahead, at any point and for any size', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2000 }).map(String), { maxLength: 3000 }), fc.nat({ max: 3000 }), fc.nat({ max: 20_000 }), (keys, at, room) => {
        const seen = new FirstLines();
        const model = new Map<string, number>();
        keys.forEach((k, i) => {
          if (i === at) seen.reserve(room);
          expect(seen.firstOr(k, i + 2)).toBe(model.get(k) ?? 0);
          if (!model.has(k)) model.set(k, i + 2);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('keeps keys apart whose 32-bit hashes collide (the text decides)', () => {
    const byHash = new Map<number, string>();
    let pair: [string, string] | null = null;
    for (let i = 0; pair === null; i++) {
      const k = `["55${i}"]`;
      const other = byHash.get(hash32(k));
      if (other !== undefined) pair = [other, k];
      else byHash.set(hash32(k), k);
    }
    const [a, b] = pair;
    expect(a).not.toBe(b);
    const seen = new FirstLines();
    expect(seen.firstOr(a, 2)).toBe(0);
    expect(seen.firstOr(b, 3)).toBe(0);
    expect(seen.firstOr(b, 4)).toBe(3);
    expect(seen.firstOr(a, 5)).toBe(2);
  });
});

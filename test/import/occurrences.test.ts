import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OccurrenceCounter } from '../../src/import/occurrences';

describe('OccurrenceCounter', () => {
  it('numbers each repeat of a key 1, 2, 3, … exactly as a Map would, through growth, and count() tells the number so far', () => {
    // 53-bit hashes as keyHash gives them, drawn from a small pool so keys repeat.
    const hash = fc.oneof(fc.integer({ min: 1, max: 2 ** 53 - 1 }), fc.constantFrom(1, 2 ** 32, 2 ** 32 + 1, 2 ** 53 - 1));
    fc.assert(
      fc.property(fc.array(hash, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6000 }), (pool, picks) => {
        const counter = new OccurrenceCounter();
        const reference = new Map<number, number>();
        for (const p of picks) {
          const h = pool[p % pool.length]!;
          expect(counter.count(h)).toBe(reference.get(h) ?? 0);
          const want = (reference.get(h) ?? 0) + 1;
          reference.set(h, want);
          expect(counter.next(h)).toBe(want);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps every count when reserve() makes room ahead, at any point and for any size (also smaller than it holds)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 2 ** 53 - 1 }), { maxLength: 3000 }), fc.nat({ max: 3000 }), fc.nat({ max: 20_000 }), (hashes, at, room) => {
        const counter = new OccurrenceCounter();
        const reference = new Map<number, number>();
        hashes.forEach((h, i) => {
          if (i === at) counter.reserve(room);
          const want = (reference.get(h) ?? 0) + 1;
          reference.set(h, want);
          expect(counter.next(h)).toBe(want);
        });
        for (const [h, n] of reference) expect(counter.count(h)).toBe(n);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps counting distinct keys past its first table size (tens of thousands of keys)', () => {
    const counter = new OccurrenceCounter();
    for (let i = 2; i <= 50_000; i++) expect(counter.next(i * 7919 * 104729)).toBe(1);
    for (let i = 2; i <= 50_000; i += 997) expect([counter.count(i * 7919 * 104729), counter.next(i * 7919 * 104729)]).toEqual([1, 2]);
    expect(counter.count(1 * 7919 * 104729)).toBe(0);
  });
});

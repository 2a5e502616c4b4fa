import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { assertSeeded, fuzzRuns, fuzzSeed } from './seed';

describe('fuzz seeds (issue 13.6)', () => {
  it('are fixed unless INSYN_FUZZ_SEED says otherwise, and printed', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(fuzzSeed('x', 42, {})).toBe(42);
    expect(fuzzSeed('x', 42, { INSYN_FUZZ_SEED: '7' })).toBe(7);
    expect(log.mock.calls.map((c) => String(c[0]))).toEqual(['[fuzz] x: seed 42', '[fuzz] x: seed 7 (INSYN_FUZZ_SEED)']);
    expect(() => fuzzSeed('x', 42, { INSYN_FUZZ_SEED: 'abc' })).toThrow(/heltal/);
    expect(fuzzRuns(30, { INSYN_FUZZ_RUNS: '5' })).toBe(5);
    expect(fuzzRuns(30, {})).toBe(30);
    log.mockRestore();
  });

  it('the same seed draws the same cases; a failure names the seed and the replay command', async () => {
    const draw = async (seed: number) => {
      const seen: number[] = [];
      await assertSeeded('t', 'f.ts', seed, fc.property(fc.integer(), (n) => void seen.push(n)), { numRuns: 20 });
      return seen;
    };
    expect(await draw(99)).toEqual(await draw(99));
    expect(await draw(99)).not.toEqual(await draw(100));
    const err = await assertSeeded('t', 'test/fuzz/x.fuzz.test.ts', 1234, fc.property(fc.integer(), (n) => n < 1000), { numRuns: 200 }).catch((e: Error) => e);
    expect(String(err)).toMatch(/t failed with seed 1234\. Replay: INSYN_FUZZ_SEED=1234 npx vitest run test\/fuzz\/x\.fuzz\.test\.ts/);
  });
});

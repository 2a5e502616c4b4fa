import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MUTATIONS, runCase } from './cases';
import { assertSeeded, fuzzRuns, fuzzSeed } from './seed';

const CASES = fuzzRuns(2000);
// The expensive mutations (1 MB field, 10 k columns) are drawn less often.
const mutationArb = fc.oneof(...MUTATIONS.map((m) => ({ arbitrary: fc.constant(m), weight: m === 'huge-field' || m === 'wide' ? 1 : 4 })));

describe('importer fuzz (issue 7.1)', () => {
  it(`${CASES} mutated datasets: typed errors only, no partial store, rows stored or quarantined`, async () => {
    const seed = fuzzSeed('importer', 20260413);
    await assertSeeded(
      'importer fuzz',
      'test/fuzz/import.fuzz.test.ts',
      seed,
      fc.asyncProperty(fc.record({ seed: fc.integer(), mutation: mutationArb }), async (spec) => {
        const failure = await runCase(spec);
        expect(failure, JSON.stringify(spec)).toBeNull();
      }),
      { numRuns: CASES },
    );
  }, 300_000); // 2000 imports: about 100 s on a busy 2-core machine
});

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareXlsxTemplate, runCase, XLSX_MUTATION } from './cases';
import { assertSeeded, fuzzRuns, fuzzSeed } from './seed';

describe('importer fuzz: .xlsx', () => {
  beforeAll(prepareXlsxTemplate);
  it('truncated, bit-flipped and intact workbooks: typed errors only, never a hang, counts add up', async () => {
    await assertSeeded(
      'xlsx fuzz',
      'test/fuzz/xlsx.fuzz.test.ts',
      fuzzSeed('xlsx', 20260414),
      fc.asyncProperty(fc.integer(), async (seed) => {
        expect(await runCase({ seed, mutation: XLSX_MUTATION }), String(seed)).toBeNull();
      }),
      { numRuns: fuzzRuns(30) },
    );
  }, 120_000);
});

import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareXlsxTemplate, runCase, XLSX_MUTATION } from './cases';

describe('importer fuzz: .xlsx', () => {
  beforeAll(prepareXlsxTemplate);
  it('truncated, bit-flipped and intact workbooks: typed errors only, never a hang, counts add up', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (seed) => {
        expect(await runCase({ seed, mutation: XLSX_MUTATION }), String(seed)).toBeNull();
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});

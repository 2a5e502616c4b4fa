import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapHeader, RowNormaliser } from '../../src/import/rows';
import { factColumns } from '../../src/store/facts';
import { orgNr } from '../support/fixtures';

const ORG = orgNr('556036079');
const extraOf = (headers: string[], cells: string[]): unknown => {
  const r = new RowNormaliser(mapHeader('companies', headers)).normalise(cells);
  if (!r.ok) throw new Error(r.reason);
  const cols = factColumns('companies');
  return r.values[cols.length - 1];
};

describe('RowNormaliser: unknown columns kept in extra', () => {
  it('writes them as the JSON of an object built in header order (property)', () => {
    // Names JavaScript orders differently from insertion (array indices) and ones that need escaping.
    const name = fc.oneof(fc.constantFrom('7', '0', '01', '4294967295', 'land', 'a"b', 'ö\\', ' x '), fc.string({ minLength: 1, maxLength: 6 }));
    const value = fc.oneof(fc.constantFrom('', ' ', 'SE', 'a"\\b', '\u0001v'), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 6, selector: (n) => n.trim().toLowerCase() }), fc.array(value, { minLength: 6, maxLength: 6 }), (names, values) => {
        const mapping = mapHeader('companies', ['org_nr', 'name', ...names]);
        const cells = [ORG, 'Bolaget AB', ...values.slice(0, names.length)];
        let expected: Record<string, string> | null = null;
        for (const e of mapping.extra) {
          const v = cells[e.idx]!;
          // Kept: every non-blank cell, trimmed and without control characters.
          if (v.trim() !== '') (expected ??= {})[e.name] = v.trim().replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
        }
        expect(extraOf(['org_nr', 'name', ...names], cells)).toBe(expected ? JSON.stringify(expected) : null);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps an array-index name in the order an object gives it', () => {
    expect(extraOf(['org_nr', 'name', 'land', '7'], [ORG, 'Bolaget AB', 'SE', 'sju'])).toBe('{"7":"sju","land":"SE"}');
    expect(extraOf(['org_nr', 'name', 'land', 'kod'], [ORG, 'Bolaget AB', ' SE ', ''])).toBe('{"land":"SE"}');
  });

  it('writes a one-column key as the JSON array of its value', () => {
    const r = new RowNormaliser(mapHeader('companies', ['org_nr', 'name'])).normalise([ORG, 'Bolaget AB']);
    expect(r.ok && r.key).toBe(JSON.stringify([ORG]));
  });
});

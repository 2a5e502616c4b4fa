import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, fromDays, toDays } from '../../src/demo/dates';
import { breakCheckDigit, OrgNrs, PersonIds } from '../../src/demo/ids';
import { isLegalEntityOrgNr, normaliseOrgNr } from '../../src/ids/orgnr';
import { normalisePersonId } from '../../src/ids/personnummer';
import { affinePermutation } from '../../src/demo/prng';

const DAY = 86_400_000;

describe('demo dates', () => {
  it('day numbers agree with Date for any day 1800–2199', () => {
    fc.assert(fc.property(fc.integer({ min: Math.floor(Date.UTC(1800, 0, 1) / DAY), max: Math.floor(Date.UTC(2199, 11, 31) / DAY) }), (n) => {
      const iso = new Date(n * DAY).toISOString().slice(0, 10);
      expect(toDays(iso)).toBe(n);
      expect(fromDays(n)).toBe(iso);
    }));
  });

  it('adds months, clamping to the end of the month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
  });
});

describe('demo ids', () => {
  it('affine permutations are bijections', () => {
    for (const n of [1, 7, 1000, 23_741]) {
      const perm = affinePermutation(n, 42);
      expect(new Set(Array.from({ length: n }, (_, i) => perm(i))).size).toBe(n);
    }
  });

  it('background personnummer are valid and distinct', () => {
    const ids = new PersonIds(3);
    const seen = new Set<string>();
    for (let j = 0; j < 60_000; j += 7) {
      const id = ids.id(j, j % 11 === 0);
      const n = normalisePersonId(id);
      expect(n.ok && n.value).toBe(id);
      expect(seen.has(id)).toBe(false);
      seen.add(id);
    }
  });

  it('background org_nr are valid legal-entity numbers, distinct across blocks and forms', () => {
    const ids = new OrgNrs(5);
    const seen = new Set<string>();
    for (let i = 0; i < 2_400_000; i += 997) {
      const org = ids.id(i, i % 3 === 0 ? 'AB' : i % 3 === 1 ? 'HB' : 'IDEELL');
      expect(normaliseOrgNr(org)).toEqual({ ok: true, value: org });
      expect(isLegalEntityOrgNr(org)).toBe(true);
      expect(seen.has(org)).toBe(false);
      seen.add(org);
    }
  });

  it('a broken check digit fails the normaliser', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 999_999 }), (i) => {
      const org = new OrgNrs(1).id(i, 'AB');
      expect(normaliseOrgNr(breakCheckDigit(org)).ok).toBe(false);
    }));
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakCheckDigit, OrgNrs, PersonIds } from '../../src/demo/ids';
import { isLegalEntityOrgNr, normaliseOrgNr } from '../../src/ids/orgnr';
import { normalisePersonId } from '../../src/ids/personnummer';
import { affinePermutation } from '../../src/demo/prng';

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

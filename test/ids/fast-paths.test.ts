import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseStreet, normaliseStreetLine } from '../../src/ids/address';
import { normaliseDate } from '../../src/ids/values';
import { daysInMonth } from '../../src/model/dates';

/**
 * Issue 10.1: the importer's hot normalisers take shortcuts (no Date per value, a plain street
 * line upper-cased directly). Each shortcut must give exactly what the general code gives.
 */
const SEED = 10_0101;

const word = fc.stringMatching(/^[A-Za-zÅÄÖåäöÉéÜü]{1,12}$/);
const simpleStreet = fc.tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 99999 })).map(([w, n]) => `${w.join(' ')} ${n}`);
const anyStreet = fc.oneof(simpleStreet, fc.string({ maxLength: 30 }), fc.constantFrom('Lgh 1102', 'Storgatan 12B', 'c/o Berg, Storgatan 1', 'Östra  Långgatan 3', 'ǰ 1', 'Straße 5', 'Lghvägen 2'));

/** The calendar check as it was: through Date.UTC (years 0–99 read as 19xx, hence refused). */
function dateByDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

describe('fast paths of the import normalisers', () => {
  it('a street line normalises the same with and without the shortcut', () => {
    fc.assert(fc.property(anyStreet, (s) => { expect(normaliseStreet(s)).toBe(normaliseStreetLine(s)); }), { seed: SEED, numRuns: 5000 });
    expect(normaliseStreet('Kometvägen 1')).toBe('KOMETVÄGEN 1');
    expect(normaliseStreet('Lgh 1102')).toBe('');
  });

  it('dates are accepted exactly when the calendar (Date.UTC) has them', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const date = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(fc.property(date, (s) => { expect(normaliseDate(s).ok).toBe(dateByDate(s)); }), { seed: SEED, numRuns: 20_000 });
    for (const s of ['2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '0099-01-01', '0100-01-01']) expect(normaliseDate(s).ok, s).toBe(dateByDate(s));
  });

  it('days in a month match Date for every month of years 100–9999', () => {
    fc.assert(fc.property(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => { expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate()); }), { seed: SEED, numRuns: 5000 });
  });
});

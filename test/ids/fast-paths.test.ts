import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseStreet, normaliseStreetLine } from '../../src/ids/address';
import { luhnValid } from '../../src/ids/luhn';
import { isExtId, normalisePersonId } from '../../src/ids/personnummer';
import { keyJson } from '../../src/import/rows';
import { normaliseDate } from '../../src/ids/values';
import { daysInMonth } from '../../src/model/dates';

/**
 * Issue 10.1: the importer's hot normalisers take shortcuts (no Date per value, a plain street
 * line upper-cased directly). Each shortcut must give exactly what the general code gives.
 */
const SEED = 10_0101;

const word = fc.stringMatching(/^[A-Za-zÅÄÖåäöÉéÜü]{1,12}$/);
const entrance = fc.option(fc.stringMatching(/^[A-Za-zÅÄÖåäöÉéÜüß]$/), { nil: '' });
const simpleStreet = fc.tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 99999 }), entrance).map(([w, n, e]) => `${w.join(' ')} ${n}${e && ` ${e}`}`);
const anyStreet = fc.oneof(simpleStreet, fc.string({ maxLength: 30 }), fc.constantFrom('Lgh 1102', 'Storgatan 12B', 'c/o Berg, Storgatan 1', 'Östra  Långgatan 3', 'ǰ 1', 'Straße 5', 'Lghvägen 2'));

/** The calendar check as it was: through Date.UTC (years 0–99 read as 19xx, hence refused). */
function dateByDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** normaliseDate as it was, through the general pattern only (the YYYY-MM-DD shortcut must agree). */
function dateByPattern(raw: string): unknown {
  const s = raw.trim();
  if (s === '') return { ok: true, value: null };
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(s);
  if (!m) return { ok: false, reason: 'date must be YYYY-MM-DD or YYYYMMDD', reasonSv: 'datum måste vara ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD' };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: 'date does not exist in the calendar', reasonSv: 'datumet finns inte i kalendern' };
  return { ok: true, value: `${m[1]}-${m[2]}-${m[3]}` };
}

/** normalisePersonId as it was, through the general pattern only (the fast path must agree). */
function personIdByPattern(raw: string, today: Date): string | null {
  const trimmed = raw.trim();
  if (trimmed.toLowerCase().startsWith('ext:') && trimmed.length > 4) return 'ext:' + trimmed.slice(4).trim();
  const m = /^(\d{2})?(\d{6})([-+])?(\d{4})$/.exec(trimmed.replace(/\s+/g, ''));
  if (!m) return null;
  const [, century, yymmdd, sep, last4] = m as unknown as [string, string | undefined, string, string | undefined, string];
  if (!luhnValid(yymmdd + last4)) return null;
  let year: number;
  if (century !== undefined) year = Number(century + yymmdd.slice(0, 2));
  else {
    const thisYear = today.getUTCFullYear();
    year = Math.floor(thisYear / 100) * 100 + Number(yymmdd.slice(0, 2));
    if (year > thisYear) year -= 100;
    if (sep === '+') year -= 100;
  }
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  if (day > 60) day -= 60;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year < 100 ? year + 1900 : year, month)) return null;
  return String(year).padStart(4, '0') + yymmdd.slice(2) + last4;
}

describe('fast paths of the import normalisers', () => {
  it('a personnummer normalises the same with and without the twelve-digit shortcut', () => {
    const today = new Date(Date.UTC(2026, 11, 6));
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    // Valid-looking ids (a Luhn digit appended) in the forms the registers write, and noise.
    const withLuhn = fc.tuple(fc.constantFrom('19', '20', '18', ''), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 91 }), digits(3), fc.constantFrom('', '-', '+', ' '))
      .map(([c, y, m, d, n, sep]) => {
        const nine = `${String(y).padStart(2, '0')}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${n}`;
        for (let k = 0; k <= 9; k++) if (luhnValid(nine + k)) return `${c}${nine.slice(0, 6)}${sep}${nine.slice(6)}${k}`;
        return nine;
      });
    const id = fc.oneof(withLuhn, digits(12), digits(10), fc.constantFrom('ext:A1', 'EXT:b', 'Ext: c ', 'ext:', ' 198112189876 ', '19811218-9876', '１９８１１２１８９８７６'), fc.string({ maxLength: 14 }));
    fc.assert(fc.property(id, (s) => {
      const r = normalisePersonId(s, today);
      expect(r.ok ? r.value : null).toBe(personIdByPattern(s, today));
      expect(isExtId(s)).toBe(s.trim().toLowerCase().startsWith('ext:') && s.trim().length > 4);
    }), { seed: SEED, numRuns: 20_000 });
  });

  it('a record key is the JSON of its values as an array', () => {
    const value = fc.oneof(fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom('a"b', 'c\\d', '\u0001', '\ud800', '\u2028', 'ö', '\u007f'), fc.constant(null), fc.integer(), fc.double());
    fc.assert(fc.property(fc.array(value, { minLength: 1, maxLength: 5 }), (values) => {
      const positions = values.map((_, i) => values.length - 1 - i);
      expect(keyJson(values, positions)).toBe(JSON.stringify(positions.map((p) => values[p])));
    }), { seed: SEED, numRuns: 20_000 });
  });

  it('a street line normalises the same with and without the shortcut', () => {
    fc.assert(fc.property(anyStreet, (s) => { expect(normaliseStreet(s)).toBe(normaliseStreetLine(s)); }), { seed: SEED, numRuns: 5000 });
    expect(normaliseStreet('Kometvägen 1')).toBe('KOMETVÄGEN 1');
    expect(normaliseStreet('Parkvägen 66 b')).toBe('PARKVÄGEN 66 B');
    expect(normaliseStreet('Parkvägen 66b')).toBe('PARKVÄGEN 66 B');
    expect(normaliseStreet('Lghvägen 2 B')).toBe(normaliseStreetLine('Lghvägen 2 B'));
    expect(normaliseStreet('Lgh 1102')).toBe('');
  });

  it('dates are accepted exactly when the calendar (Date.UTC) has them', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const date = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(fc.property(date, (s) => { expect(normaliseDate(s).ok).toBe(dateByDate(s)); }), { seed: SEED, numRuns: 20_000 });
    for (const s of ['2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '0099-01-01', '0100-01-01']) expect(normaliseDate(s).ok, s).toBe(dateByDate(s));
  });

  it('a date normalises to the same value or refusal with and without the YYYY-MM-DD shortcut', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const canonical = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    // Near misses of the shortcut's shape: a character replaced, spaces around, other lengths.
    const nearMiss = fc.tuple(canonical, fc.nat({ max: 9 }), fc.constantFrom('x', ' ', '-', '/', '٣', '0', 'T')).map(([s, i, c]) => s.slice(0, i) + c + s.slice(i + 1));
    const other = fc.oneof(fc.string({ maxLength: 12 }), canonical.map((s) => ` ${s} `), canonical.map((s) => `${s}T00:00:00Z`), canonical.map((s) => s.replace(/-/g, '')));
    fc.assert(fc.property(fc.oneof(canonical, nearMiss, other), (s) => { expect(normaliseDate(s)).toEqual(dateByPattern(s)); }), { seed: SEED, numRuns: 20_000 });
    expect(normaliseDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(normaliseDate('2023-02-29').ok).toBe(false);
  });

  it('days in a month match Date for every month of years 100–9999', () => {
    fc.assert(fc.property(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 1, max: 12 }), (y, m) => { expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate()); }), { seed: SEED, numRuns: 5000 });
  });
});

import { daysInMonth } from '../model/dates';
import { fail, ok, type Normalised } from './result';

/** Dates: `YYYY-MM-DD` or `YYYYMMDD`, checked against the calendar; empty = unknown (null). */
export function normaliseDate(raw: string | null | undefined): Normalised<string | null> {
  const s = (raw ?? '').trim();
  if (s === '') return ok(null);
  // YYYY-MM-DD, as nearly every date of an extract is written: read by character codes, and the
  // string itself is the result (the pattern's match, its groups and the joined result were most
  // of a date's cost: about 2 s of a national import's reading).
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const year = digitsAt(s, 0, 4);
    const month = digitsAt(s, 5, 2);
    const day = digitsAt(s, 8, 2);
    if (year >= 0 && month >= 0 && day >= 0) return calendarDate(year, month, day) ? ok(s) : notInCalendar();
  }
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(s);
  if (!m) return fail('date must be YYYY-MM-DD or YYYYMMDD', 'datum måste vara ÅÅÅÅ-MM-DD eller ÅÅÅÅMMDD');
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  return calendarDate(year, month, day) ? ok(`${y}-${mo}-${d}`) : notInCalendar();
}

/**
 * Checked by arithmetic (a Date per value is a tenth of a national import's parsing); years
 * before 100 stay refused, as they were when Date.UTC read them as 19xx.
 */
function calendarDate(year: number, month: number, day: number): boolean {
  return year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const notInCalendar = (): Normalised<never> => fail('date does not exist in the calendar', 'datumet finns inte i kalendern');

/** The number written by `n` ASCII digits of `s` from `at`, or -1 when one is not a digit. */
function digitsAt(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/**
 * Amounts in SEK: `1234.50`, `1 234,50`, `1234,50`, `1.234,50` are one number. Spaces (also
 * no-break and thin spaces) group thousands; the last of `,`/`.` is the decimal mark when both appear.
 */
export function normaliseAmount(raw: string | null | undefined): Normalised<number | null> {
  let s = (raw ?? '').trim().replace(/\s*(kr|sek|:-)\.?$/i, '').replace(/[\s\u00a0\u202f']/g, '').replace(/^−/, '-');
  if (s === '') return ok(null);
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    s = s.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    s = (s.match(/,/g) ?? []).length > 1 ? s.replace(/,/g, '') : s.replace(',', '.');
  } else if ((s.match(/\./g) ?? []).length > 1) {
    s = s.replace(/\./g, '');
  }
  if (!/^-?\d+(\.\d+)?$/.test(s)) return fail('not an amount', 'inte ett belopp');
  const n = Number(s);
  // A 400-digit "amount" parses to Infinity (and SQLite would store Inf): out of range, not a number to keep.
  if (!Number.isFinite(n) || Math.abs(n) > MAX_AMOUNT) return fail('amount out of range', 'beloppet är orimligt stort');
  return ok(n);
}

/** Amounts beyond this (10^15 SEK) are no real amount and lose öre precision in a double. */
export const MAX_AMOUNT = 1e15;

/**
 * Shares in percent (roles.share_pct): an amount, optionally followed by a percent sign or the word
 * (`25 %`, `30%`, `25,5 %`, `50 procent`). Only shares take `%`: a SEK amount with `%` stays an error.
 */
export function normaliseShare(raw: string | null | undefined): Normalised<number | null> {
  const t = (raw ?? '').trim();
  const s = t.replace(/\s*(%|procent)$/i, '');
  if (s === '' && t !== '') return fail('not a share in percent', 'inte en andel i procent');
  const r = normaliseAmount(s);
  return r.ok ? r : fail('not a share in percent', 'inte en andel i procent');
}

export function normaliseInt(raw: string | null | undefined): Normalised<number | null> {
  const s = (raw ?? '').trim().replace(/[\s\u00a0]/g, '');
  if (s === '') return ok(null);
  if (!/^-?\d+$/.test(s)) return fail('not a whole number', 'inte ett heltal');
  const n = Number(s);
  if (!Number.isSafeInteger(n)) return fail('whole number out of range', 'heltalet är för stort');
  return ok(n);
}

const TRUE = new Set(['true', 'ja', 'yes', 'y', 'j', '1', 'x', 'sant']);
const FALSE = new Set(['false', 'nej', 'no', 'n', '0', 'falskt']);

export function normaliseBool(raw: string | null | undefined): Normalised<boolean | null> {
  const s = (raw ?? '').trim().toLowerCase();
  if (s === '') return ok(null);
  if (TRUE.has(s)) return ok(true);
  if (FALSE.has(s)) return ok(false);
  return fail('not true/false', 'inte sant/falskt');
}

/** A `|`-separated list inside a cell. */
export function splitList(raw: string | null | undefined): string[] {
  return (raw ?? '').split('|').map((v) => v.trim()).filter(Boolean);
}

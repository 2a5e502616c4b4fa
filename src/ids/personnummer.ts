import { daysInMonth } from '../model/dates';
import { luhnValid } from './luhn';
import { fail, ok, type Normalised } from './result';

/** Persons without a Swedish id carry an opaque `ext:` id (foreign officers, pseudonymised exports). */
export const EXT_PREFIX = 'ext:';

export function isExtId(raw: string): boolean {
  const s = raw.trim();
  // `ext:` in any case, by character codes: lower-casing every id to look at four characters
  // was a string copy per id at import.
  return s.length > EXT_PREFIX.length && (s.charCodeAt(0) | 32) === 101 && (s.charCodeAt(1) | 32) === 120 && (s.charCodeAt(2) | 32) === 116 && s.charCodeAt(3) === 58;
}

/** Twelve digits and nothing else: the form the registers write, read without the general pattern. */
const TWELVE_DIGITS = /^\d{12}$/;


/**
 * Normalise a personnummer or samordningsnummer (day + 60) to 12 digits `YYYYMMDDNNNC`.
 * Accepts 10 or 12 digits with an optional `-` or `+` (+ = 100 years or older) before the
 * last four. The century of a 10-digit number is inferred relative to `today`.
 */
export function normalisePersonId(raw: string, today?: Date): Normalised<string> {
  const trimmed = raw.trim();
  if (isExtId(trimmed)) return ok(EXT_PREFIX + trimmed.slice(EXT_PREFIX.length).trim());
  let century: string | undefined;
  let yymmdd: string;
  let sep: string | undefined;
  let last4: string;
  if (trimmed.length === 12 && TWELVE_DIGITS.test(trimmed)) {
    century = trimmed.slice(0, 2);
    yymmdd = trimmed.slice(2, 8);
    last4 = trimmed.slice(8);
  } else {
    const m = /^(\d{2})?(\d{6})([-+])?(\d{4})$/.exec(trimmed.replace(/\s+/g, ''));
    if (!m) return fail('not a personnummer (10 or 12 digits)', 'inte ett personnummer (10 eller 12 siffror)');
    [, century, yymmdd, sep, last4] = m as unknown as [string, string | undefined, string, string | undefined, string];
  }
  const ten = yymmdd + last4;
  if (!luhnValid(ten)) return fail('personnummer check digit (Luhn) does not hold', 'personnumrets kontrollsiffra stämmer inte');
  const yy = Number(yymmdd.slice(0, 2));
  let year: number;
  if (century !== undefined) {
    year = Number(century + yymmdd.slice(0, 2));
  } else {
    const thisYear = (today ?? new Date()).getUTCFullYear();
    year = Math.floor(thisYear / 100) * 100 + yy;
    if (year > thisYear) year -= 100;
    if (sep === '+') year -= 100;
  }
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  if (day > 60) day -= 60; // samordningsnummer
  if (month < 1 || month > 12) return fail('personnummer has an invalid month', 'personnumret har en ogiltig månad');
  // Years 0–99 count as 19xx for the month length, as Date.UTC (used here before) read them.
  if (day < 1 || day > daysInMonth(year < 100 ? year + 1900 : year, month)) return fail('personnummer has an invalid day', 'personnumret har en ogiltig dag');
  return ok(String(year).padStart(4, '0') + yymmdd.slice(2) + last4);
}

/** True for a samordningsnummer (coordination number: day of birth + 60). */
export function isCoordinationNumber(personId: string): boolean {
  return /^\d{12}$/.test(personId) && Number(personId.slice(6, 8)) > 60;
}

/** Birth date (YYYY-MM-DD) encoded in a normalised personnummer, or undefined for ext: ids. */
export function birthDateOf(personId: string): string | undefined {
  if (!/^\d{12}$/.test(personId)) return undefined;
  let day = Number(personId.slice(6, 8));
  if (day > 60) day -= 60;
  return `${personId.slice(0, 4)}-${personId.slice(4, 6)}-${String(day).padStart(2, '0')}`;
}

/**
 * The contract's address key `STREET LINE|POSTAL CODE` (e.g. `STORGATAN 12 B|11122`): street line
 * upper-cased with Swedish letters kept, c/o parts and apartment numbers (LGH 1102) removed,
 * punctuation removed, whitespace collapsed; postal code as 5 digits; city not part of the key.
 */
export function normalisePostalCode(raw: string | null | undefined): string {
  const digits = (raw ?? '').replace(/\D/g, '');
  return digits.length === 5 ? digits : '';
}

// A street line of plain words and a house number, perhaps with its entrance letter apart
// ("Storgatan 12", "Storgatan 12 B"): most of a national register (two thirds of its addresses
// have the letter). Upper-casing it is its whole normalisation (no c/o, LGH, punctuation or
// number+letter to fix).
const SIMPLE_STREET = /^[A-Za-zÅÄÖåäöÉéÜü]+(?: [A-Za-zÅÄÖåäöÉéÜü]+)* \d{1,5}(?: [A-Za-zÅÄÖåäöÉéÜü])?$/;

export function normaliseStreet(raw: string | null | undefined): string {
  if (!raw) return '';
  if (SIMPLE_STREET.test(raw)) {
    const upper = raw.toUpperCase();
    if (!upper.includes('LGH')) return upper;
  }
  return normaliseStreetLine(raw);
}

/** The general case of normaliseStreet (exported so tests can hold the fast path to it). */
export function normaliseStreetLine(raw: string): string {
  const parts = raw
    .split(/[\r\n,]+/)
    .map((p) => p.trim())
    .filter((p) => p && !/^c\s*\/\s*o\b/i.test(p));
  let s = parts.join(' ').toLocaleUpperCase('sv-SE');
  s = s.replace(/\bLGH\.?\s*\d+\b/g, ' ');
  s = s.replace(/[-/\\]/g, ' ').replace(/[^\p{L}\p{N}\s]/gu, '');
  s = s.replace(/(\d)(\p{L})\b/gu, '$1 $2'); // "12B" and "12 B" are one entrance
  return s.replace(/\s+/g, ' ').trim();
}

/** The address key, or null when there is no street line to compare. */
export function addressKey(street: string | null | undefined, postalCode: string | null | undefined): string | null {
  const s = normaliseStreet(street);
  if (!s) return null;
  return `${s}|${normalisePostalCode(postalCode)}`;
}

/** Split a c/o part out of a street line, for display (`{street, co}`). */
export function splitCareOf(raw: string | null | undefined): { street: string; co: string | null } {
  if (!raw) return { street: '', co: null };
  const parts = raw.split(/[\r\n,]+/).map((p) => p.trim()).filter(Boolean);
  const co = parts.find((p) => /^c\s*\/\s*o\b/i.test(p));
  return { street: parts.filter((p) => p !== co).join(', '), co: co ? co.replace(/^c\s*\/\s*o\s*/i, '') : null };
}

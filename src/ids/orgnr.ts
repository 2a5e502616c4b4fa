import { luhnValid } from './luhn';
import { normalisePersonId } from './personnummer';
import { fail, ok, type Normalised } from './result';

/**
 * Normalise an organisationsnummer to 10 digits without dash.
 * Accepts `556677-8899`, `5566778899`, `165566778899` (16-prefixed 12 digits) and, for sole
 * traders, a 12-digit personnummer (`19YYMMDDNNNC`), whose org_nr is its last 10 digits.
 */
export function normaliseOrgNr(raw: string): Normalised<string> {
  const compact = raw.trim().replace(/[\s-]/g, '');
  if (!/^\d{10}$|^\d{12}$/.test(compact)) return fail('not an org_nr (10 digits, or 12 with prefix 16)', 'inte ett organisationsnummer (10 siffror, eller 12 med prefix 16)');
  let ten = compact;
  if (compact.length === 12) {
    if (compact.startsWith('16')) ten = compact.slice(2);
    else {
      const person = normalisePersonId(compact);
      if (!person.ok) return fail('12-digit org_nr must start with 16 or be a sole trader personnummer', '12-siffrigt organisationsnummer måste börja med 16 eller vara en enskild firmas personnummer');
      ten = person.value.slice(2);
    }
  }
  if (!luhnValid(ten)) return fail('org_nr check digit (Luhn) does not hold', 'organisationsnumrets kontrollsiffra stämmer inte');
  return ok(ten);
}

/** Legal entities have 20 or more in digits 3–4 (the "month" of a personnummer is 01–12). */
export function isLegalEntityOrgNr(orgNr: string): boolean {
  return /^\d{10}$/.test(orgNr) && Number(orgNr.slice(2, 4)) >= 20;
}

import { normaliseOrgNr } from '../ids/orgnr';
import { normalisePersonId } from '../ids/personnummer';

/**
 * Folds a name for matching: NFD, combining marks removed, lower case. "Östlund" and "Ostlund"
 * fold to the same term, so a user without Swedish letters on the keyboard still finds people.
 */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Splits a name into folded terms (letters and digits; punctuation separates). */
export function tokenize(s: string): string[] {
  return foldText(s).split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}

/**
 * Every normalised id a query could mean: an org_nr and/or a personnummer in any accepted
 * form (dashed, 10 or 12 digits, `+`, 16-prefix). A sole trader's 10-digit org_nr is also a
 * personnummer, so both readings are returned.
 */
export function idCandidates(q: string, today: Date = new Date()): string[] {
  const compact = q.trim();
  if (!/^[\d\s+-]{10,15}$/.test(compact)) return [];
  const out = new Set<string>();
  const org = normaliseOrgNr(compact);
  if (org.ok) out.add(org.value);
  const person = normalisePersonId(compact, today);
  if (person.ok) {
    out.add(person.value);
    out.add(person.value.slice(2)); // the sole trader's org_nr
  }
  return [...out];
}

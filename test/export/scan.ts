import { normalisePersonId } from '../../src/ids/personnummer';

/** Every run of 10 or 12 digits (with an optional -/+ before the last four) that the id validator accepts. */
export function personnummerIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?<!\d)(?:\d{6}|\d{8})[-+]?\d{4}(?!\d)/g)) if (normalisePersonId(m[0]).ok) found.push(m[0]);
  for (const m of text.matchAll(/(?<!\d)\d{10,12}(?!\d)/g)) if (normalisePersonId(m[0]).ok) found.push(m[0]);
  return found;
}


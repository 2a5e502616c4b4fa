import { EXT_PREFIX } from '../ids/personnummer';

/**
 * Stored ids are normalised and checked on import, so any id that is not an `ext:` id is a valid
 * Swedish one (personnummer, samordningsnummer or org_nr): a deterministic key that entity
 * resolution never merges with another Swedish id.
 */
export function isSwedishId(id: string): boolean {
  return !id.startsWith(EXT_PREFIX);
}

/** A pair in stored order (a < b), so one pair has one key whichever side was named first. */
export function orderedPair(x: string, y: string): [string, string] {
  return x < y ? [x, y] : [y, x];
}

export function pairKey(x: string, y: string): string {
  const [a, b] = orderedPair(x, y);
  return `${a}\u0000${b}`;
}

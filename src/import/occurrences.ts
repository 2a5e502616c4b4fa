import { TABLES, TABLE_NAMES, type TableName } from '../model/tables';

/**
 * Event tables (natural key of several columns, no id of their own — contract §1 names ids only
 * for entities, licences, foster homes and placements): two identical rows in one file are two
 * events (two payments of the same amount on the same day), not a duplicate.
 */
export const OCCURRENCE_KEYED: ReadonlySet<TableName> = new Set(TABLE_NAMES.filter((t) => TABLES[t].key.length > 1));

/**
 * The stored key of a row of an event table: the natural key for its first occurrence in a file,
 * `key#n` for the n-th. Numbering depends only on the file's own rows, so re-importing the file
 * yields the same keys, and a newer extract updates them by key.
 */
export const occurrenceKey = (key: string, n: number): string => (n > 1 ? `${key}#${n}` : key);

/**
 * Counts occurrences of keys within one file. Keys are remembered as 64-bit hashes (two 32-bit
 * mixes) rather than their text, so a national roles file (millions of rows) costs tens of MB, not
 * hundreds; a collision (≈ n²/2⁶⁵, ~3·10⁻⁷ for 3.5 M rows) would only give a row a `#2` suffix.
 */
export class OccurrenceCounter {
  private readonly seen = new Map<string, number>();

  next(table: TableName, key: string): number {
    const h = hash64(`${table}\u0000${key}`);
    const n = (this.seen.get(h) ?? 0) + 1;
    this.seen.set(h, n);
    return n;
  }
}

/** cyrb53-style hash, both 32-bit states kept: 64 bits as a 4-code-unit string. */
function hash64(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return String.fromCharCode(h1 & 0xffff, h1 >>> 16, h2 & 0xffff, h2 >>> 16);
}

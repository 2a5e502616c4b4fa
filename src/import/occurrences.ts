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
 * Counts occurrences of keys within one file. Keys are remembered as 53-bit hashes (unchanged.ts
 * keyHash, also stored with each row so a re-import can count a row it skips) rather than their
 * text, so a national roles file (millions of rows) costs tens of MB, not hundreds; a collision
 * (≈ n²/2⁵⁴, ~7·10⁻⁴ for 3.5 M rows) would only give a row a `#2` suffix.
 */
export class OccurrenceCounter {
  private readonly seen = new Map<number, number>();

  /** The occurrence number of a key given by its hash. */
  next(hash: number): number {
    const n = (this.seen.get(hash) ?? 0) + 1;
    this.seen.set(hash, n);
    return n;
  }
}

import { OCCURRENCE_KEYED } from '../model/tables';

/** Event tables: repeated keys within a file are numbered, not duplicates (defined with the tables). */
export { OCCURRENCE_KEYED };

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
  // Open addressing in one typed array, a key's hash beside its count (one cache line a probe): a
  // Map with 53-bit (heap number) keys cost about 1 µs a row at national scale, most of it hashing
  // and collecting the boxed keys.
  private slots = new Float64Array(2 << 12);
  private size = 0;

  /** The occurrence number of a key given by its hash (never 0: 0 marks an empty slot). */
  next(hash: number): number {
    const h = hash === 0 ? 1 : hash;
    if ((this.size + 1) * 4 > this.slots.length) this.grow();
    const slots = this.slots;
    const mask = slots.length / 2 - 1;
    let i = spread(h) & mask;
    for (;;) {
      const k = slots[2 * i]!;
      if (k === h) return ++slots[2 * i + 1]!;
      if (k === 0) {
        slots[2 * i] = h;
        slots[2 * i + 1] = 1;
        this.size++;
        return 1;
      }
      i = (i + 1) & mask;
    }
  }

  /** How often the key has been counted so far (0: never). */
  count(hash: number): number {
    const h = hash === 0 ? 1 : hash;
    const slots = this.slots;
    const mask = slots.length / 2 - 1;
    for (let i = spread(h) & mask; ; i = (i + 1) & mask) {
      const k = slots[2 * i]!;
      if (k === h) return slots[2 * i + 1]!;
      if (k === 0) return 0;
    }
  }

  /** Makes room for `n` keys at once (parse.ts estimates a file's rows): one rehash instead of one per doubling. */
  reserve(n: number): void {
    let length = this.slots.length;
    while ((n + 1) * 4 > length) length *= 2;
    if (length > this.slots.length) this.grow(length);
  }

  /** Moves the keys into a table of `length` numbers (`length / 2` slots; doubles by default). */
  private grow(length = this.slots.length * 2): void {
    const old = this.slots;
    const slots = (this.slots = new Float64Array(length));
    const mask = length / 2 - 1;
    for (let j = 0; j < old.length; j += 2) {
      const k = old[j]!;
      if (k === 0) continue;
      let i = spread(k) & mask;
      while (slots[2 * i] !== 0) i = (i + 1) & mask;
      slots[2 * i] = k;
      slots[2 * i + 1] = old[j + 1]!;
    }
  }
}

/**
 * Low and high halves of a 53-bit hash mixed into 32 bits (the slot before masking). `| 0` keeps
 * the low 32 bits exactly (a truncating conversion), where `%` on a double is a call to fmod:
 * 1.5-2.0 s -> 1.3 s for 7 M counts of 3.5 M keys.
 */
export function spread(h: number): number {
  return (h | 0) ^ ((h / 4294967296) | 0);
}

/**
 * The first line of each key of one file's id table, to spot duplicates (parse.ts). A Map from key
 * text to line needs a lookup and then an insert per row, each a random access into a table of
 * millions of entries (1.8 M bulk-file companies: 2.2 s of the reader's 19 s). Here one probe of
 * open addressing over typed arrays finds the slot, and the key text is compared only where the
 * 32-bit hashes agree, so it stays exact.
 */
export class FirstLines {
  private hashes = new Int32Array(1 << 10);
  private lines = new Int32Array(1 << 10);
  private keys: (string | undefined)[] = new Array<string | undefined>(1 << 10);
  private size = 0;

  /** The line `key` was first seen on, or 0 when this is its first time (then `line` is recorded). */
  firstOr(key: string, line: number): number {
    if ((this.size + 1) * 2 > this.hashes.length) this.grow();
    const h = hash32(key);
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    let i = h & mask;
    for (;;) {
      const k = hashes[i]!;
      if (k === 0) {
        hashes[i] = h;
        this.lines[i] = line;
        this.keys[i] = key;
        this.size++;
        return 0;
      }
      if (k === h && this.keys[i] === key) return this.lines[i]!;
      i = (i + 1) & mask;
    }
  }

  /** Makes room for `n` keys at once (parse.ts estimates a file's rows): one rehash instead of one per doubling. */
  reserve(n: number): void {
    let cap = this.hashes.length;
    while ((n + 1) * 2 > cap) cap *= 2;
    if (cap > this.hashes.length) this.grow(cap);
  }

  private grow(cap = this.hashes.length * 2): void {
    const { hashes, lines, keys } = this;
    this.hashes = new Int32Array(cap);
    this.lines = new Int32Array(cap);
    this.keys = new Array<string | undefined>(cap);
    const mask = cap - 1;
    for (let j = 0; j < hashes.length; j++) {
      const h = hashes[j]!;
      if (h === 0) continue;
      let i = h & mask;
      while (this.hashes[i] !== 0) i = (i + 1) & mask;
      this.hashes[i] = h;
      this.lines[i] = lines[j]!;
      this.keys[i] = keys[j];
    }
  }
}

/** FNV-1a over UTF-16 units with murmur3's finaliser (the low bits pick the slot); never 0 (empty). */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}

/**
 * A set of SQLite row ids as a bitmap (one bit per id up to the largest added), for the rows a
 * full extract stated: 8 million rows cost 1 MB and membership is one array read.
 */
export class RowIdSet {
  private bits = new Uint8Array(1 << 16);
  private count = 0;

  add(id: number): void {
    const byte = id >>> 3;
    if (byte >= this.bits.length) {
      let size = this.bits.length;
      while (size <= byte) size *= 2;
      const grown = new Uint8Array(size);
      grown.set(this.bits);
      this.bits = grown;
    }
    const mask = 1 << (id & 7);
    if ((this.bits[byte]! & mask) === 0) {
      this.bits[byte] = this.bits[byte]! | mask;
      this.count++;
    }
  }

  has(id: number): boolean {
    const byte = id >>> 3;
    return byte < this.bits.length && (this.bits[byte]! & (1 << (id & 7))) !== 0;
  }

  get size(): number {
    return this.count;
  }
}

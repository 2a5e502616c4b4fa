/**
 * Seeded pseudo-random numbers for the synthetic dataset. Deterministic by construction: the
 * same seed and key always give the same stream, and no global randomness is used.
 */

/** 32-bit mix (murmur3 finaliser) of any number of integers: stable keys for per-entity streams. */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    let k = Math.imul(p | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Stable integer for a short label, so streams can be keyed by name ("companies", "dirty:roles"). */
export function labelHash(label: string): number {
  let h = 2166136261;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** mulberry32: small, fast and good enough for test data. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A stream keyed by (seed, label, index...), independent of every other stream. */
  static keyed(seed: number, label: string, ...index: number[]): Rng {
    return new Rng(hash32(seed, labelHash(label), ...index));
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Pick by relative weight: `[[value, weight], ...]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return items[items.length - 1]![0];
  }
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * A bijection on [0, n): i → (i·a + b) mod n with gcd(a, n) = 1. Spreads sequential indexes over
 * an id space without keeping a set of used ids, so ids stay unique at any scale.
 */
export function affinePermutation(n: number, seed: number): (i: number) => number {
  let a = 1 + (hash32(seed, n) % Math.max(1, n - 1));
  while (gcd(a, n) !== 1) a++;
  const b = hash32(seed, n, 7) % n;
  // n ≤ ~10^7 here, so i·a stays far below 2^53 and Number arithmetic is exact.
  return (i: number) => (i * a + b) % n;
}

import anyAscii from 'any-ascii';
import { distance } from 'fastest-levenshtein';

/**
 * Names as comparable features for entity resolution. Transliteration to ASCII is any-ascii's
 * (every script, ø → o, ß → ss, Дмитрий → Dmitriy); edit distance is fastest-levenshtein's.
 * What is ours: the tokenising rules (order-free tokens, particles and legal forms dropped) and a
 * spelling key (`skeleton`) for blocking that survives vowel typos and transliteration variants.
 */

/** Name particles that one source writes and another drops (al-Hassan / Hassan, von Essen / Essen). */
const PARTICLES = new Set(['al', 'el', 'ul', 'bin', 'ibn', 'von', 'van', 'der', 'den', 'de', 'af', 'da', 'di', 'la', 'le', 'du']);

/** Legal-form words of company names, Nordic and international (Omsorg AB = Omsorg Aktiebolag = Omsorg AS). */
const LEGAL_FORMS = new Set([
  'ab', 'abp', 'aktiebolag', 'hb', 'handelsbolag', 'kb', 'kommanditbolag', 'ek', 'ekonomisk', 'forening', 'ideell', 'stiftelse',
  'as', 'asa', 'a', 's', 'aps', 'oy', 'oyj', 'ltd', 'limited', 'llc', 'inc', 'corp', 'corporation', 'co', 'plc', 'gmbh', 'ag', 'kg',
  'sa', 'sarl', 'sas', 'bv', 'nv', 'spa', 'srl', 'sp', 'z', 'o', 'oo', 'spzoo', 'ou', 'uab', 'sia', 'ehf', 'hf', 'enskild', 'firma', 'ef',
]);

/** Lower-case ASCII letters and digits of a name, transliterated from any script. */
export function asciiFold(s: string): string {
  return anyAscii(s).toLowerCase();
}

/** The tokens of a person's name, order-free (sorted), without particles; a repeated name stays repeated (Mohammed Mohammed). */
export function personTokens(name: string | null | undefined): string[] {
  if (!name) return [];
  const all = asciiFold(name).split(/[^a-z]+/).filter((t) => t.length > 0);
  const kept = all.filter((t) => !PARTICLES.has(t));
  return (kept.length > 0 ? kept : all).sort();
}

/** The distinct tokens of a company name without legal-form words (`Omsorg Norr AB` → norr, omsorg). */
export function companyTokens(name: string | null | undefined): string[] {
  if (!name) return [];
  const all = asciiFold(name).split(/[^a-z0-9]+/).filter((t) => t.length > 0);
  const kept = all.filter((t) => !LEGAL_FORMS.has(t));
  return [...new Set(kept.length > 0 ? kept : all)].sort();
}

const SOUND_RULES: [RegExp, string][] = [
  [/sch|sh|zh/g, 's'], [/dzh|dj|dz/g, 'j'], [/[ck]h/g, 'h'], [/ph/g, 'f'], [/th/g, 't'], [/ck|q|c/g, 'k'],
  [/x/g, 'ks'], [/w/g, 'v'], [/z/g, 's'], [/[jy]/g, 'i'],
];

/**
 * A spelling key for blocking (after Pollock and Zamora's skeleton key): letters that
 * transliterations write differently are merged (w/v, c/k, j/y/i, kh/h, ph/f ...), then the first
 * letter is kept with the consonants after it, runs collapsed. Mohammed, Muhammad and Mohamed
 * share `mhmd`; Sergei and Sergey `srg`; Hovland and a typo Hovlnad `hvlnd`.
 */
export function skeleton(token: string): string {
  const known = SKELETONS.get(token);
  if (known !== undefined) return known;
  const out = computeSkeleton(token);
  // Name tokens repeat a lot (a register has far fewer distinct tokens than names).
  if (SKELETONS.size > 200_000) SKELETONS.clear();
  SKELETONS.set(token, out);
  return out;
}

const SKELETONS = new Map<string, string>();

function computeSkeleton(token: string): string {
  let s = token;
  for (const [re, to] of SOUND_RULES) s = s.replace(re, to);
  if (s.length === 0) return '';
  let out = s[0]!;
  for (let i = 1; i < s.length; i++) {
    const ch = s[i]!;
    if ('aeiou'.includes(ch) || ch === out[out.length - 1]) continue;
    out += ch;
  }
  return out;
}

/** Similarity of two tokens in [0, 1] and how it was reached. */
export interface TokenMatch {
  score: number;
  /** One token is an initial of the other (J / Jan). */
  initial: boolean;
  /** Equal only after the spelling key (a transliteration or vowel variant). */
  variant: boolean;
}

export function tokenSimilarity(a: string, b: string): TokenMatch {
  if (a === b) return { score: 1, initial: false, variant: false };
  if (a.length === 1 || b.length === 1) {
    const ok = a[0] === b[0] || skeleton(a)[0] === skeleton(b)[0];
    return { score: ok ? 0.85 : 0, initial: ok, variant: false };
  }
  const lev = 1 - distance(a, b) / Math.max(a.length, b.length);
  // A spelling variant: same key, about the same length, not too far apart (Marie / Mirja share a key by chance).
  if (lev >= 0.6 && Math.abs(a.length - b.length) <= 1 && skeleton(a) === skeleton(b)) return { score: Math.max(lev, 0.9), initial: false, variant: lev < 0.9 };
  return { score: lev, initial: false, variant: false };
}

/** Below this, one name part is simply another name (Johansson / Jakobsson): it caps the whole. */
export const TOKEN_FLOOR = 0.8;

export interface NameMatch {
  /**
   * 0..1: mean best token similarity, lightly penalised for extra tokens (a middle name), and
   * never above its weakest paired token when that one is below TOKEN_FLOOR.
   */
  score: number;
  /** The tokens pair up in another order than written (family name first in one source). */
  reordered: boolean;
  initial: boolean;
  variant: boolean;
}

/**
 * Order-free name similarity: each token of the shorter name is paired with its best unused
 * token of the longer (greedy, best pairs first). `written` are the names as written, to tell
 * whether the pairing swapped their order.
 */
export function nameSimilarity(a: readonly string[], b: readonly string[], written?: { a: string; b: string }): NameMatch {
  if (a.length === 0 || b.length === 0) return { score: 0, reordered: false, initial: false, variant: false };
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const pairs: { i: number; j: number; m: TokenMatch }[] = [];
  for (let i = 0; i < short.length; i++) for (let j = 0; j < long.length; j++) pairs.push({ i, j, m: tokenSimilarity(short[i]!, long[j]!) });
  pairs.sort((x, y) => y.m.score - x.m.score);
  const usedI = new Set<number>();
  const usedJ = new Set<number>();
  let sum = 0;
  let worst = 1;
  let initial = false;
  let variant = false;
  const chosen: [string, string][] = [];
  for (const p of pairs) {
    if (usedI.has(p.i) || usedJ.has(p.j)) continue;
    usedI.add(p.i);
    usedJ.add(p.j);
    sum += p.m.score;
    worst = Math.min(worst, p.m.score);
    initial ||= p.m.initial;
    variant ||= p.m.variant;
    chosen.push([short[p.i]!, long[p.j]!]);
    if (usedI.size === short.length) break;
  }
  const mean = (sum / short.length) * (0.9 + 0.1 * (short.length / long.length));
  const score = worst < TOKEN_FLOOR ? Math.min(mean, worst) : mean;
  return { score: Math.round(score * 1000) / 1000, reordered: written ? isReordered(chosen, written, a.length <= b.length) : false, initial, variant };
}

/** Whether the paired tokens appear in a different order in the two written names. */
function isReordered(chosen: [string, string][], written: { a: string; b: string }, shortIsA: boolean): boolean {
  if (chosen.length < 2) return false;
  const seqA = personTokensInOrder(written.a);
  const seqB = personTokensInOrder(written.b);
  const posA = (t: string) => seqA.indexOf(t);
  const posB = (t: string) => seqB.indexOf(t);
  const order = chosen
    .map(([s, l]) => (shortIsA ? [posA(s), posB(l)] : [posA(l), posB(s)]) as [number, number])
    .filter(([x, y]) => x >= 0 && y >= 0)
    .sort((x, y) => x[0] - y[0]);
  for (let k = 1; k < order.length; k++) if (order[k]![1] < order[k - 1]![1]) return true;
  return false;
}

function personTokensInOrder(name: string): string[] {
  return asciiFold(name).split(/[^a-z]+/).filter((t) => t.length > 0 && !PARTICLES.has(t));
}

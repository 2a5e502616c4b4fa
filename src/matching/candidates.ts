import { createHash } from 'node:crypto';
import type { Db } from '../store/db';
import { companyLinksOf, extRecords, iterateRecords, namesOf, officersOf, type MatchKind } from '../store/matches';
import { loadCanon, type IdCanon } from './canon';
import { isSwedishId, pairKey } from './ids';
import { birthDateOf } from '../ids/personnummer';
import { companyTokens, nameSimilarity, personTokens, skeleton } from './names';
import { nameKeys, toRecord, type MatchRecord } from './records';
import { canReach, DEFAULT_MIN_SCORE, explain, MIN_NAME_SIMILARITY, scorePair, type Links, type ScorePart } from './score';

/** A "possibly the same" pair: `a.id < b.id`; at least one side has no Swedish id. */
export interface Candidate {
  kind: MatchKind;
  a: MatchRecord;
  b: MatchRecord;
  score: number;
  parts: ScorePart[];
  explanation: string;
  /** Hash of what was compared: a rejection holds until this changes ("for the same data"). */
  fingerprint: string;
}

export interface CandidateOptions {
  minScore?: number;
  /** Comparisons per record without a Swedish id before its blocks are cut (reported). */
  maxComparisonsPerRecord?: number;
  kinds?: readonly MatchKind[];
  canon?: IdCanon;
}

export interface CandidateStats {
  /** Records without a Swedish id that were resolved. */
  records: number;
  /** Stored records streamed through the blocks. */
  scanned: number;
  /** Pairs sharing a blocking key (each compared by name). */
  compared: number;
  /** Pairs whose names were close enough to score in full. */
  scored: number;
  /** Records whose blocks were cut at maxComparisonsPerRecord. */
  cut: number;
  ms: number;
}

const DEFAULT_MAX_COMPARISONS = 50_000;

/**
 * Proposes candidate pairs for every record without a Swedish id (contract §1 `ext:` ids: foreign
 * officers, FtM persons and companies), against all stored persons / companies. Blocking keeps it
 * linear: the ext: records' keys go into a map and the store is streamed once per kind; only
 * records sharing a key are compared. Never proposed: two Swedish ids, two records already in
 * one confirmed group, or a pair whose groups hold two different Swedish ids.
 */
export function findCandidates(db: Db, opts: CandidateOptions = {}): { candidates: Candidate[]; stats: CandidateStats } {
  const t0 = performance.now();
  const canon = opts.canon ?? loadCanon(db);
  const minScore = opts.minScore ?? DEFAULT_MIN_SCORE;
  const maxComparisons = opts.maxComparisonsPerRecord ?? DEFAULT_MAX_COMPARISONS;
  const stats: CandidateStats = { records: 0, scanned: 0, compared: 0, scored: 0, cut: 0, ms: 0 };
  const out: Candidate[] = [];
  for (const kind of opts.kinds ?? (['person', 'company'] as const)) {
    const queries = extRecords(db, kind).map((r) => toRecord(kind, r)).filter((r) => r.tokens.length > 0);
    stats.records += queries.length;
    if (queries.length === 0) continue;
    const pairs = blockAndCompare(db, kind, queries, canon, maxComparisons, minScore, stats);
    out.push(...scorePairs(db, kind, pairs, canon, minScore));
  }
  out.sort((x, y) => y.score - x.score || x.a.id.localeCompare(y.a.id) || x.b.id.localeCompare(y.b.id));
  stats.ms = Math.round(performance.now() - t0);
  return { candidates: out, stats };
}

interface Pair { a: MatchRecord; b: MatchRecord }

/**
 * Streams the stored records of one kind through the ext: records' blocks and keeps the pairs
 * that could reach `minScore`: birth dates first (a namesake born in another year is dropped
 * without a name comparison), then the name similarity.
 */
function blockAndCompare(db: Db, kind: MatchKind, queries: MatchRecord[], canon: IdCanon, maxComparisons: number, minScore: number, stats: CandidateStats): Map<string, Pair> {
  // Name keys in one map; (birth date, initial) keys by birth date, so a register row costs one
  // lookup for its birth date and no key strings.
  const index = new Map<string, number[]>();
  const byBirth = new Map<string, [initial: string, query: number][]>();
  let singles = false;
  queries.forEach((q, i) => {
    for (const k of nameKeys(kind, q.tokens)) {
      if (k.startsWith('s|') || k.startsWith('c1|')) singles = true;
      const list = index.get(k);
      if (list) list.push(i);
      else index.set(k, [i]);
    }
    if (kind === 'person' && q.birthDate) {
      const list = byBirth.get(q.birthDate) ?? [];
      for (const ini of new Set(q.tokens.map((t) => skeleton(t)[0]!))) list.push([ini, i]);
      byBirth.set(q.birthDate, list);
    }
  });
  const comparisons = new Uint32Array(queries.length);
  const cut = new Set<number>();
  const pairs = new Map<string, Pair>();
  // Names repeat a lot in a register: tokens and name keys are computed once per distinct name.
  const byName = new Map<string, { tokens: string[]; keys: string[]; initials: string[] }>();
  const seen = new Set<number>();
  const blocked: number[] = [];
  for (const row of iterateRecords(db, kind)) {
    stats.scanned++;
    const [id, name] = row;
    let info = byName.get(name!);
    if (!info) {
      const tokens = kind === 'person' ? personTokens(name) : companyTokens(name);
      info = { tokens, keys: nameKeys(kind, tokens, singles), initials: tokens.map((t) => skeleton(t)[0]!) };
      if (byName.size > 500_000) byName.clear();
      byName.set(name!, info);
    }
    if (info.tokens.length === 0) continue;
    const birth = kind === 'person' ? row[2] ?? (isSwedishId(id) ? birthDateOf(id) ?? null : null) : null;
    blocked.length = 0;
    for (const k of info.keys) {
      const hits = index.get(k);
      if (hits) for (const qi of hits) blocked.push(qi);
    }
    const sameBirth = birth ? byBirth.get(birth) : undefined;
    if (sameBirth) for (const [ini, qi] of sameBirth) if (info.initials.includes(ini)) blocked.push(qi);
    if (blocked.length === 0) continue;
    let target: MatchRecord | null = null;
    seen.clear();
    for (const qi of blocked) {
      if (seen.has(qi)) continue;
      seen.add(qi);
      const q = queries[qi]!;
      if (comparisons[qi]! >= maxComparisons) { cut.add(qi); continue; }
      comparisons[qi]!++;
      stats.compared++;
      if (!canReach(1, q.birthDate, birth, minScore)) continue;
      if (q.id === id || (!canon.empty && canon.canonical(q.id) === canon.canonical(id))) continue;
      const sim = nameSimilarity(q.tokens, info.tokens).score;
      if (sim < MIN_NAME_SIMILARITY || !canReach(sim, q.birthDate, birth, minScore)) continue;
      const key = pairKey(q.id, id);
      if (pairs.has(key)) continue;
      target ??= toRecord(kind, row);
      pairs.set(key, q.id < id ? { a: q, b: target } : { a: target, b: q });
    }
  }
  stats.cut += cut.size;
  stats.scored += pairs.size;
  return pairs;
}

/** Full scores for the name-close pairs, with the company links that tell "shared board". */
function scorePairs(db: Db, kind: MatchKind, pairs: Map<string, Pair>, canon: IdCanon, minScore: number): Candidate[] {
  if (pairs.size === 0) return [];
  const ids = new Set<string>();
  for (const p of pairs.values()) for (const r of [p.a, p.b]) for (const m of canon.members(r.id)) ids.add(m);
  const links = new Map<string, { other: string; role: string }[]>();
  const rows = kind === 'person'
    ? companyLinksOf(db, [...ids]).map((r) => ({ id: r.id, other: r.org_nr, role: r.role }))
    : officersOf(db, [...ids]).map((r) => ({ id: r.id, other: r.holder_id, role: r.role }));
  for (const r of rows) {
    // Links of every member count for the group, and point at canonical ids.
    const owner = canon.canonical(r.id);
    const list = links.get(owner) ?? [];
    list.push({ other: canon.canonical(r.other), role: r.role });
    links.set(owner, list);
  }
  const linksOf: Links = new Map([...ids].map((id) => [id, links.get(canon.canonical(id)) ?? []]));
  const names = namesOf(db, [...new Set(rows.map((r) => canon.canonical(r.other)))]);

  const best = new Map<string, Candidate>();
  for (const { a, b } of pairs.values()) {
    if (!allowed(a.id, b.id, canon)) continue;
    const s = scorePair(a, b, linksOf, names);
    if (s.score < minScore) continue;
    const explanation = explain(s.parts);
    const cand: Candidate = { kind, a, b, score: s.score, parts: s.parts, explanation, fingerprint: fingerprint(a, b, explanation) };
    // One proposal per pair of groups: the best-scoring pair of their members.
    const groups = pairKey(canon.canonical(a.id), canon.canonical(b.id));
    const prev = best.get(groups);
    if (!prev || cand.score > prev.score) best.set(groups, cand);
  }
  return [...best.values()];
}

/**
 * Whether confirming a and b could be allowed: never two Swedish ids, never joining two groups
 * that together would hold two different Swedish ids.
 */
export function allowed(a: string, b: string, canon: IdCanon): boolean {
  const swedish = new Set([...canon.members(a), ...canon.members(b)].filter((id) => !id.startsWith('ext:')));
  return swedish.size <= 1 && canon.canonical(a) !== canon.canonical(b);
}

export function fingerprint(a: MatchRecord, b: MatchRecord, explanation: string): string {
  const [x, y] = a.id < b.id ? [a, b] : [b, a];
  const features = (r: MatchRecord) => [r.id, r.name, r.birthDate, r.country, r.addressKey];
  return createHash('sha256').update(JSON.stringify([features(x), features(y), explanation])).digest('hex').slice(0, 32);
}

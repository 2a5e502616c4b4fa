/**
 * Entity resolution in `npm run eval` (issue 15): precision and recall of the candidate list
 * against the planted duplicates of the demo generator (src/demo/planted/duplicates.ts,
 * truth_matches.csv), per variant (typo, swapped order, missing birth date, transliteration ...).
 *
 * - recall: planted `match` pairs that are proposed;
 * - precision (planted): proposed planted pairs that are `match` (a proposed `no_match` is a FP);
 * - precision (all): every proposed pair judged, since every background record is a distinct
 *   synthetic person; background pairs are split into "doppelgängers" (identical name and birth
 *   date: nothing in the data tells them apart) and the rest.
 * With `effect`, the proposed true pairs are then confirmed (as a reviewer would) and the analysis
 * rerun: the officer planted under two ext: ids must now fire revoked-network. Only on a
 * throwaway store (decisions are written).
 */
import fs from 'node:fs';
import path from 'node:path';
import { runAnalysis } from '../../src/analysis/run';
import { findCandidates } from '../../src/matching/candidates';
import { decideMatch } from '../../src/matching/decisions';
import { MATCH_TRUTH_FILE } from '../../src/demo/planted/duplicates';
import type { Db } from '../../src/store/db';

interface Row { a_id: string; b_id: string; expected: 'match' | 'no_match'; variant: string; note: string }

function readTruth(dir: string): Row[] | null {
  const file = path.join(dir, MATCH_TRUTH_FILE);
  if (!fs.existsSync(file)) return null;
  const [, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  return lines.map((l) => {
    const cells = l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
    return { a_id: cells[0]!, b_id: cells[1]!, expected: cells[2] as Row['expected'], variant: cells[3]!, note: cells[4] ?? '' };
  });
}

export interface MatchEval {
  scale: string;
  truth_pairs: number;
  proposed: number;
  tp: number;
  fp_planted: number;
  fn: number;
  recall: number | null;
  precision_planted: number | null;
  precision_all: number | null;
  background_doppelgangers: number;
  background_other: number;
  by_variant: Record<string, { expected: string; pairs: number; proposed: number }>;
  misses: { pair: string; variant: string; note: string }[];
  false_positives: { pair: string; variant: string; explanation: string }[];
  stats: ReturnType<typeof findCandidates>['stats'];
  effect?: { confirmed: number; revoked_network_on: string[]; evidence_names_match: boolean };
}

export function evalMatches(db: Db, dir: string, scale: string, opts: { effect?: boolean; asOf?: string } = {}): MatchEval | null {
  const truth = readTruth(dir);
  if (!truth) return null;
  const { candidates, stats } = findCandidates(db);
  const key = (a: string, b: string) => (a < b ? `${a} ~ ${b}` : `${b} ~ ${a}`);
  const proposed = new Map(candidates.map((c) => [key(c.a.id, c.b.id), c]));
  const listed = new Map(truth.map((t) => [key(t.a_id, t.b_id), t]));
  const e: MatchEval = {
    scale, truth_pairs: truth.length, proposed: candidates.length, tp: 0, fp_planted: 0, fn: 0, recall: null, precision_planted: null, precision_all: null,
    background_doppelgangers: 0, background_other: 0, by_variant: {}, misses: [], false_positives: [], stats,
  };
  for (const t of truth) {
    const k = key(t.a_id, t.b_id);
    const v = (e.by_variant[`${t.expected}:${t.variant}`] ??= { expected: t.expected, pairs: 0, proposed: 0 });
    v.pairs++;
    const c = proposed.get(k);
    if (c) v.proposed++;
    if (t.expected === 'match' && c) e.tp++;
    else if (t.expected === 'match') { e.fn++; e.misses.push({ pair: k, variant: t.variant, note: t.note }); }
    else if (c) { e.fp_planted++; e.false_positives.push({ pair: k, variant: t.variant, explanation: c.explanation }); }
  }
  for (const [k, c] of proposed) {
    if (listed.has(k)) continue;
    if (c.a.name === c.b.name && c.a.birthDate != null && c.a.birthDate === c.b.birthDate) e.background_doppelgangers++;
    else e.background_other++;
  }
  e.recall = e.tp + e.fn ? e.tp / (e.tp + e.fn) : null;
  e.precision_planted = e.tp + e.fp_planted ? e.tp / (e.tp + e.fp_planted) : null;
  e.precision_all = candidates.length ? e.tp / candidates.length : null;
  if (opts.effect) e.effect = confirmAndAnalyse(db, truth, proposed, key, opts.asOf ?? '2026-11-01');
  return e;
}

function confirmAndAnalyse(db: Db, truth: Row[], proposed: Map<string, unknown>, key: (a: string, b: string) => string, asOf: string): MatchEval['effect'] {
  let confirmed = 0;
  for (const t of truth) {
    if (t.expected !== 'match' || !proposed.has(key(t.a_id, t.b_id))) continue;
    decideMatch(db, { a: t.a_id, b: t.b_id, decision: 'confirmed', note: 'eval: planted duplicate', actor: 'eval' });
    confirmed++;
  }
  const hits = runAnalysis(db, { asOf, persist: false }).hits.filter((h) => h.signal === 'revoked-network');
  const joined = hits.filter((h) => h.evidence.some((x) => x.text.includes('bekräftad matchning')));
  return { confirmed, revoked_network_on: joined.map((h) => h.subject_id), evidence_names_match: joined.length > 0 && joined.every((h) => h.evidence.some((x) => x.text.includes('eval'))) };
}

export function matchMarkdown(e: MatchEval): string {
  const f = (x: number | null) => (x == null ? '–' : x.toFixed(3));
  const lines = [
    `### entity resolution: ${e.scale}`, '',
    `candidates ${e.proposed} from ${e.stats.records} records without a Swedish id against ${e.stats.scanned} stored records (${e.stats.compared} blocked comparisons, ${e.stats.scored} scored) in ${(e.stats.ms / 1000).toFixed(1)} s`, '',
    `| planted pairs | recall | precision (planted pairs) | precision (all proposals) | tp | fp (planted near misses) | fn | background proposals: doppelgängers / other |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${e.truth_pairs} | ${f(e.recall)} | ${f(e.precision_planted)} | ${f(e.precision_all)} | ${e.tp} | ${e.fp_planted} | ${e.fn} | ${e.background_doppelgangers} / ${e.background_other} |`, '',
    '| variant | expected | pairs | proposed |', '| --- | --- | --- | --- |',
    ...Object.entries(e.by_variant).map(([k, v]) => `| ${k.split(':')[1]} | ${v.expected} | ${v.pairs} | ${v.proposed} |`), '',
    ...e.misses.map((m) => `- FN ${m.variant} ${m.pair}: ${m.note}`),
    ...e.false_positives.map((m) => `- FP ${m.variant} ${m.pair}: ${m.explanation}`),
  ];
  if (e.effect) lines.push(`- effect: ${e.effect.confirmed} planted pairs confirmed; revoked-network now fires on ${e.effect.revoked_network_on.join(', ') || 'nobody'} with match evidence${e.effect.evidence_names_match ? ' naming who confirmed' : ''}`);
  return lines.join('\n') + '\n';
}

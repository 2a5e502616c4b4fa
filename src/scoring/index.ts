import type { Facts } from '../analysis/facts';
import type { Hit } from '../signals/types';
import { buildClusters, type Cluster } from './clusters';
import { directScores, splitNodeKey } from './direct';
import { buildEntityGraph } from './entity-graph';
import { networkScores } from './network';

export type { Cluster } from './clusters';
export { noisyOr, SEVERITY_WEIGHT, directScores, nodeKey } from './direct';

export interface ScoringOptions {
  asOf: string;
  decay?: number;
  maxHops?: number;
  maxAddressDegree?: number;
  louvainAbove?: number;
}

export interface EntityScore {
  subject_kind: string;
  subject_id: string;
  /** Direct score (noisy-OR of the entity's own hits). */
  score: number;
  /** Network score, shown apart; never merged into `score`. */
  network_score: number;
}

export const SCORING_DEFAULTS = { decay: 0.5, maxHops: 3, maxAddressDegree: 25, louvainAbove: 200 } as const;

/** Ids in hits are normalised: 10 digits = org_nr, 12 digits or ext: = person; others looked up. */
export function kindResolver(facts: Facts): (id: string) => string {
  return (id) => {
    if (/^\d{10}$/.test(id) || facts.companies.has(id)) return 'company';
    if (/^\d{12}$/.test(id) || id.startsWith('ext:') || facts.persons.has(id)) return 'person';
    if (facts.licencesById.has(id)) return 'licence';
    if (facts.fosterHomes.has(id)) return 'foster_home';
    if (id.includes('|')) return 'address';
    return 'licence';
  };
}

/**
 * Scores every entity that has a hit or lies within reach of one: direct score and network
 * score side by side, plus ranked clusters. Rounded to 4 decimals for stable output.
 */
export function scoreHits(facts: Facts, hits: readonly Hit[], opts: ScoringOptions): { scores: EntityScore[]; clusters: Cluster[] } {
  const o = { ...SCORING_DEFAULTS, ...opts };
  const direct = directScores(hits);
  const graph = buildEntityGraph(facts, { asOf: o.asOf, maxAddressDegree: o.maxAddressDegree });
  const network = networkScores(direct, graph, { decay: o.decay, maxHops: o.maxHops });
  const keys = new Set([...direct.keys(), ...network.keys()]);
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  const scores: EntityScore[] = [];
  for (const k of keys) {
    const { kind, id } = splitNodeKey(k);
    scores.push({ subject_kind: kind, subject_id: id, score: round(direct.get(k) ?? 0), network_score: round(network.get(k) ?? 0) });
  }
  scores.sort((a, b) => b.score - a.score || b.network_score - a.network_score || a.subject_id.localeCompare(b.subject_id));
  const clusters = buildClusters(hits, direct, graph, { louvainAbove: o.louvainAbove, kindOf: kindResolver(facts) });
  return { scores, clusters };
}

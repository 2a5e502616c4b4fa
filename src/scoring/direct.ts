import type { Hit } from '../signals/types';

/**
 * Direct score per entity: a noisy-OR over the hits whose subject it is,
 *   score = 1 − Π (1 − w(severity_i)),
 * reading each hit as an independent piece of evidence that "something is wrong" with
 * probability w(severity). Properties the tests check: 0 ≤ score < 1; adding a hit or raising
 * a severity never lowers a score; one severity-5 hit outranks any single lower hit.
 */
export const SEVERITY_WEIGHT: Readonly<Record<number, number>> = { 1: 0.1, 2: 0.25, 3: 0.45, 4: 0.65, 5: 0.85 };

export function noisyOr(severities: Iterable<number>): number {
  let miss = 1;
  for (const s of severities) miss *= 1 - (SEVERITY_WEIGHT[s] ?? 0);
  return 1 - miss;
}

/** Node key used by scoring and clustering: `<subject_kind>:<id>`. */
export const nodeKey = (kind: string, id: string): string => `${kind}:${id}`;

export function splitNodeKey(key: string): { kind: string; id: string } {
  const i = key.indexOf(':');
  return { kind: key.slice(0, i), id: key.slice(i + 1) };
}

/** Direct scores keyed by node key (only entities that are the subject of at least one hit). */
export function directScores(hits: readonly Hit[]): Map<string, number> {
  const sev = new Map<string, number[]>();
  for (const h of hits) {
    const k = nodeKey(h.subject_kind, h.subject_id);
    const list = sev.get(k);
    if (list) list.push(h.severity);
    else sev.set(k, [h.severity]);
  }
  const out = new Map<string, number>();
  for (const [k, s] of sev) out.set(k, noisyOr(s));
  return out;
}

// A node's risk as of a day, from the hits the server sent with it (each dated by `since`, the
// day its evidence was complete). Pure; the reducers call it for the date slider.
import { noisyOr } from '../../src/scoring/direct';

export interface RiskHit {
  signal: string;
  severity: number;
  /** The node is the hit's subject (only those make up its direct score). */
  subject: boolean;
  since: string | null;
}

export interface Risky {
  /** The direct score the latest run stored (0..1). */
  score: number;
  hits: readonly RiskHit[];
}

/** Whether a hit stood on `date` (null date: the run as it is). */
export function hitStandsOn(h: RiskHit, date: string | null): boolean {
  return date === null || h.since === null || h.since <= date;
}

/** The direct score on `date`: the run's noisy-OR over the subject hits that had begun by then. */
export function scoreAt(r: Risky, date: string | null): number {
  if (date === null) return r.score;
  const severities: number[] = [];
  for (const h of r.hits) if (h.subject && hitStandsOn(h, date)) severities.push(h.severity);
  return severities.length === r.hits.filter((h) => h.subject).length ? r.score : noisyOr(severities);
}

/** Signals naming the node (as subject or related) on `date`. */
export function signalsAt(r: Risky, date: string | null): string[] {
  const out = new Set<string>();
  for (const h of r.hits) if (hitStandsOn(h, date)) out.add(h.signal);
  return [...out].sort();
}

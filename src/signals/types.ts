import type { z } from 'zod';
import type { SubjectKind, TableName } from '../model/index';
import type { Facts } from '../analysis/facts';

/** One checkable fact behind a hit, phrased for an investigator (Swedish). */
export interface Evidence {
  text: string;
  /** `file:line` of the fact, e.g. `roles.csv:12`. */
  source: string;
  /** The stored fact, so the UI can open it. */
  fact?: { table: TableName; key: string };
}

export interface Hit {
  signal: string;
  subject_kind: SubjectKind;
  subject_id: string;
  related_ids: string[];
  severity: 1 | 2 | 3 | 4 | 5;
  evidence: Evidence[];
}

export type Coverage = { evaluable: true } | { evaluable: false; reason: string };

export interface SignalContext<P> {
  /** ISO date; facts dated after it do not exist for the analysis. */
  asOf: string;
  facts: Facts;
  params: P;
}

/**
 * A signal (contract §4): pure (facts, params, as-of) → hits with evidence. One per file in
 * src/signals/<id>.ts, registered in src/signals/index.ts.
 */
export interface SignalDefinition<P = any> {
  id: string;
  /** Short Swedish title for lists. */
  title: string;
  /** Swedish description of the rule as implemented, with the default parameters. */
  description: string;
  /** The description for the parameters actually set (the window, thresholds and code lists it names); see describe.ts. */
  describe?(params: P): string;
  /** The IVO report passage the signal encodes. */
  basis: string;
  subjectKinds: readonly SubjectKind[];
  params: z.ZodType<P>;
  defaults: P;
  /** Tables whose absence makes the signal not evaluable (any one of each inner list suffices). */
  requires: readonly (TableName | readonly TableName[])[];
  evaluate(ctx: SignalContext<P>): Hit[];
}

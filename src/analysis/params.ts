import type { z } from 'zod';
import { InsynError } from '../model/errors';
import type { Db } from '../store/db';
import { readRuleParams, writeRuleParams } from '../store/analysis';
import { SIGNALS, signalById } from '../signals/index';

/**
 * Rule configuration (issue 4.4): parameters per signal, stored in the database, overridable per
 * run (`--config FILE.json` or the API), always validated with the signal's zod schema.
 * Errors are data: a path (signal id, then parameter) and a Swedish message.
 */
export interface ParamIssue {
  path: (string | number)[];
  message: string;
}
export type ParamsResult<T> = { ok: true; value: T } | { ok: false; issues: ParamIssue[] };

/** Resolved parameters for every signal, keyed by signal id. */
export type ResolvedParams = Record<string, Record<string, unknown>>;

function svIssue(issue: z.core.$ZodIssue): string {
  const i = issue as any;
  switch (issue.code) {
    case 'invalid_type':
      return `fel typ: förväntade ${typeSv(i.expected)}`;
    case 'too_small':
      return i.origin === 'array' ? `måste ha minst ${i.minimum} värden` : `måste vara ${i.inclusive === false ? 'större än' : 'minst'} ${i.minimum}`;
    case 'too_big':
      return i.origin === 'array' ? `får ha högst ${i.maximum} värden` : `får vara ${i.inclusive === false ? 'mindre än' : 'högst'} ${i.maximum}`;
    case 'unrecognized_keys':
      return `okänd parameter: ${(i.keys as string[]).join(', ')}`;
    case 'invalid_value':
      return `ogiltigt värde; tillåtna: ${(i.values as unknown[]).map(String).join(', ')}`;
    case 'not_multiple_of':
      return `måste vara en multipel av ${i.divisor}`;
    default:
      return `ogiltigt värde (${issue.message})`;
  }
}

function typeSv(t: string): string {
  return ({ number: 'ett tal', int: 'ett heltal', string: 'text', boolean: 'sant/falskt', array: 'en lista', object: 'ett objekt' } as Record<string, string>)[t] ?? t;
}

/** Validates one signal's (partial) parameters; missing ones take the defaults. */
export function validateSignalParams(signalId: string, input: unknown): ParamsResult<Record<string, unknown>> {
  const def = signalById(signalId);
  if (!def) return { ok: false, issues: [{ path: [signalId], message: `okänd signal: ${signalId}` }] };
  const parsed = def.params.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as Record<string, unknown> };
  return {
    ok: false,
    issues: parsed.error.issues.map((iss) => ({ path: [signalId, ...(iss.path as (string | number)[])], message: svIssue(iss) })),
  };
}

/** Validates a whole configuration `{ "<signal-id>": { param: value } }` (partial per signal). */
export function validateConfig(config: unknown): ParamsResult<Record<string, Record<string, unknown>>> {
  if (config == null || typeof config !== 'object' || Array.isArray(config)) {
    return { ok: false, issues: [{ path: [], message: 'konfigurationen måste vara ett JSON-objekt { "<signal-id>": { parameter: värde } }' }] };
  }
  const issues: ParamIssue[] = [];
  const value: Record<string, Record<string, unknown>> = {};
  for (const [id, p] of Object.entries(config)) {
    if (p == null || typeof p !== 'object' || Array.isArray(p)) {
      issues.push({ path: [id], message: signalById(id) ? 'parametrarna måste vara ett JSON-objekt' : `okänd signal: ${id}` });
      continue;
    }
    const r = validateSignalParams(id, p);
    if (r.ok) value[id] = p as Record<string, unknown>;
    else issues.push(...r.issues);
  }
  return issues.length ? { ok: false, issues } : { ok: true, value };
}

export function formatIssues(issues: readonly ParamIssue[]): string {
  return issues.map((i) => `${i.path.join('.') || '(rot)'}: ${i.message}`).join('\n');
}

/** Stored parameters merged over the defaults, for every signal. */
export function getParams(db: Db): ResolvedParams {
  const stored = readRuleParams(db);
  const out: ResolvedParams = {};
  for (const s of SIGNALS) {
    const r = validateSignalParams(s.id, stored[s.id] ?? {});
    // Stored values were validated when written; a later schema change falls back to defaults.
    out[s.id] = r.ok ? r.value : (s.defaults as Record<string, unknown>);
  }
  return out;
}

/** Validates and stores one signal's parameters (partial: the rest keep their defaults). */
export function setParams(db: Db, signalId: string, params: unknown): ParamsResult<Record<string, unknown>> {
  const r = validateSignalParams(signalId, params);
  if (r.ok) writeRuleParams(db, signalId, params ?? {});
  return r;
}

/**
 * The parameters for one run: defaults, then stored values, then per-run overrides (each layer
 * partial). Throws ParamsError with the issues when an override is invalid.
 */
export function resolveParams(db: Db, overrides?: Record<string, unknown>): ResolvedParams {
  const stored = readRuleParams(db);
  if (overrides) {
    const check = validateConfig(overrides);
    if (!check.ok) throw new ParamsError(check.issues);
  }
  const out: ResolvedParams = {};
  for (const s of SIGNALS) {
    const merged = { ...((stored[s.id] as object) ?? {}), ...((overrides?.[s.id] as object) ?? {}) };
    const r = validateSignalParams(s.id, merged);
    if (!r.ok) throw new ParamsError(r.issues);
    out[s.id] = r.value;
  }
  return out;
}

export class ParamsError extends InsynError {
  constructor(readonly issues: ParamIssue[]) {
    super('invalid_input', `ogiltiga parametrar:\n${formatIssues(issues)}`);
  }
}

import { z } from 'zod';
import { getParams, setParams } from '../analysis/params';
import { SIGNALS, signalById } from '../signals/index';
import { describeSignal } from '../signals/describe';
import { paramCodeLabels, paramLabelSv } from '../signals/param-texts';
import type { Db } from '../store/db';
import type { ParamSpec, RuleInfo, ValidationIssue } from './contract';

/**
 * Rule editing (issue 5 view "Regler"): each signal's parameters described for an editor
 * (derived from its zod schema via JSON Schema) and validated updates with errors as data.
 */

interface JsonProp {
  type?: string;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  enum?: unknown[];
  items?: JsonProp;
  default?: unknown;
}

const SAFE_MAX = Number.MAX_SAFE_INTEGER;

export function describeParams(schema: z.ZodType, values: Record<string, unknown>, defaults: Record<string, unknown>): ParamSpec[] {
  let json: { properties?: Record<string, JsonProp> };
  try {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as typeof json;
  } catch {
    json = {};
  }
  return Object.entries(json.properties ?? {}).map(([name, p]) => {
    const isArray = p.type === 'array';
    const codes = paramCodeLabels(name);
    // Lists of contract codes are offered as their Swedish labels (the stored values stay codes).
    const itemEnum = isArray ? (p.items?.enum ?? (codes ? Object.keys(codes) : undefined)) : undefined;
    const type: ParamSpec['type'] = p.enum
      ? 'enum'
      : isArray
        ? itemEnum ? 'enum[]' : 'string[]'
        : p.type === 'integer' ? 'integer' : p.type === 'number' ? 'number' : p.type === 'boolean' ? 'boolean' : 'string';
    const min = p.minimum ?? p.exclusiveMinimum ?? null;
    const max = p.maximum ?? p.exclusiveMaximum ?? null;
    return {
      name,
      type,
      description: p.description ?? paramLabelSv(name),
      min,
      max: max !== null && max >= SAFE_MAX ? null : max,
      options: (p.enum ?? itemEnum ?? null) as string[] | null,
      optionLabels: codes ? { ...codes } : null,
      value: values[name] ?? defaults[name] ?? p.default ?? null,
      default: defaults[name] ?? p.default ?? null,
    };
  });
}

export function rulesList(db: Db): RuleInfo[] {
  const current = getParams(db);
  return SIGNALS.map((s) => {
    const defaults = (s.defaults ?? {}) as Record<string, unknown>;
    const values = current[s.id] ?? defaults;
    return {
      id: s.id,
      title: s.title,
      description: describeSignal(s, values),
      basis: s.basis,
      subjectKinds: [...s.subjectKinds],
      params: describeParams(s.params, values, defaults),
      values,
      defaults,
    };
  });
}

export function rulesUpdate(db: Db, signal: string, params: Record<string, unknown>): { saved: boolean; issues: ValidationIssue[]; values: Record<string, unknown> } {
  if (!signalById(signal)) return { saved: false, issues: [{ path: ['signal'], message: `Okänd signal: ${signal}` }], values: {} };
  const r = setParams(db, signal, params);
  if (!r.ok) {
    // Drop the leading signal id from the path: the editor shows issues per parameter.
    return { saved: false, issues: r.issues.map((i) => ({ path: i.path[0] === signal ? i.path.slice(1) : i.path, message: i.message })), values: getParams(db)[signal] ?? {} };
  }
  return { saved: true, issues: [], values: r.value };
}

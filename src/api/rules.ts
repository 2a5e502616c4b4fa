import { z } from 'zod';
import { getParams, setParams } from '../analysis/params';
import { SIGNALS, signalById } from '../signals/index';
import type { Db } from '../store/db';
import type { ParamSpec, RuleInfo, ValidationIssue } from './contract';

/**
 * Rule editing (issue 5 view "Regler"): each signal's parameters described for an editor
 * (derived from its zod schema via JSON Schema) and validated updates with errors as data.
 */

/** Swedish labels for the parameters the signals use; unknown names fall back to the name itself. */
const PARAM_SV: Record<string, string> = {
  minCompanies: 'Minsta antal bolag',
  windowMonths: 'Tidsfönster (månader)',
  defaultMaxChildren: 'Högsta antal placerade barn när godkänt antal saknas',
  careProfessions: 'Yrken som räknas som vårdpersonal',
  maxEvidence: 'Högsta antal bevisrader per larm',
  debtThresholdSek: 'Skuldgräns (kr)',
  debtKinds: 'Skuldslag som räknas',
  minEvents: 'Minsta antal händelser inom 24 månader',
  eventKinds: 'Händelseslag som räknas',
  sanctionKinds: 'Sanktionsslag som räknas',
  years: 'Antal år bakåt',
  offences: 'Brottstyper som räknas',
  includeUnsuitable: 'Räkna tidigare olämplighetsbeslut',
  kinds: 'Tillståndsslag som räknas',
  useRevocationSanctions: 'Räkna återkallad legitimation',
  inspectionTags: 'Inspektionstaggar som räknas',
  excludePublicBodies: 'Undanta offentliga organ',
  minLicenceUnits: 'Minsta antal tillståndsenheter på adressen',
  maxListed: 'Högsta antal listade bolag i bevisningen',
  minProviders: 'Minsta antal vårdgivare samtidigt',
};

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
    const itemEnum = isArray ? p.items?.enum : undefined;
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
      description: p.description ?? PARAM_SV[name] ?? name,
      min,
      max: max !== null && max >= SAFE_MAX ? null : max,
      options: (p.enum ?? itemEnum ?? null) as string[] | null,
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
      description: s.description,
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

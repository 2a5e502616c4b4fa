// Converts between rule parameter values and editor text (pure; unit-tested).
import type { ParamSpec } from '../../src/api/contract';

export function paramToText(spec: Pick<ParamSpec, 'type'>, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** Parses editor text into the parameter's type. Invalid numbers are passed on as text so the core's validation reports them. */
export function textToParam(spec: Pick<ParamSpec, 'type'>, text: string): unknown {
  const t = text.trim();
  switch (spec.type) {
    case 'integer':
    case 'number': {
      if (t === '') return null;
      const n = Number(t.replace(/\s/g, '').replace(',', '.'));
      return Number.isFinite(n) ? n : t;
    }
    case 'boolean':
      return t === 'true';
    case 'string[]':
    case 'enum[]':
      return t === '' ? [] : t.split(/[,|]/).map((s) => s.trim()).filter(Boolean);
    default:
      return t;
  }
}

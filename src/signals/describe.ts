import type { SignalDefinition } from './types';

/**
 * A signal's description for the parameters in force: signals that name a parameter in their text
 * (a window, a threshold, a list of kinds) describe themselves from it, so the text never says
 * "24 månader" after the window is set to 60. Unparseable values fall back to the default text.
 */
export function describeSignal(def: SignalDefinition, params: unknown): string {
  if (!def.describe) return def.description;
  const parsed = def.params.safeParse(params ?? {});
  return parsed.success ? def.describe(parsed.data) : def.description;
}

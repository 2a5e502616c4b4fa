import type { SignalDefinition } from './types';
import { signal as revokedNetwork } from './revoked-network';

/**
 * All signals of contract §4, in contract order. Each lives in its own file
 * (src/signals/<id>.ts) exporting `signal`.
 */
export const SIGNALS: readonly SignalDefinition[] = [
  revokedNetwork,
];

export const SIGNAL_IDS: readonly string[] = SIGNALS.map((s) => s.id);

export function signalById(id: string): SignalDefinition | undefined {
  return SIGNALS.find((s) => s.id === id);
}

export type { SignalDefinition, Hit, Evidence, Coverage } from './types';

// The alert list's keyboard (pure, unit-tested): which key does what, and the legend the view shows.
import type { HitStatus } from '../../src/api/contract';

export type AlertKeyAction =
  | { type: 'move'; by: number; extend: boolean }
  | { type: 'edge'; to: 'first' | 'last'; extend: boolean }
  | { type: 'open' }
  | { type: 'toggle' }
  | { type: 'selectAll' }
  | { type: 'status'; status: HitStatus }
  | { type: 'case' }
  | { type: 'close' };

/** Single letters set a status (Avskriv and Bekräfta then ask for the reason). */
export const STATUS_KEYS: Readonly<Record<string, HitStatus>> = { n: 'ny', u: 'under_utredning', a: 'avskriven', b: 'bekraftad' };
export const CASE_KEY = 'ä';
const PAGE_ROWS = 15;

export interface KeyLike { key: string; shiftKey?: boolean; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }

export function alertKeyAction(e: KeyLike): AlertKeyAction | null {
  const extend = !!e.shiftKey;
  if (e.altKey) return null; // Alt+digit switches views (App).
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') return { type: 'selectAll' };
  if (e.ctrlKey || e.metaKey) return null;
  switch (e.key) {
    case 'ArrowDown': return { type: 'move', by: 1, extend };
    case 'ArrowUp': return { type: 'move', by: -1, extend };
    case 'PageDown': return { type: 'move', by: PAGE_ROWS, extend };
    case 'PageUp': return { type: 'move', by: -PAGE_ROWS, extend };
    case 'Home': return { type: 'edge', to: 'first', extend };
    case 'End': return { type: 'edge', to: 'last', extend };
    case 'Enter': return { type: 'open' };
    case ' ': return { type: 'toggle' };
    case 'Escape': return { type: 'close' };
  }
  const k = e.key.toLowerCase();
  if (STATUS_KEYS[k]) return { type: 'status', status: STATUS_KEYS[k] };
  if (k === CASE_KEY) return { type: 'case' };
  return null;
}

/** The legend shown under the list (and read as the grid's description). */
export const ALERT_KEY_LEGEND: readonly [string, string][] = [
  ['↑ ↓', 'flytta'],
  ['Enter', 'öppna'],
  ['Mellanslag', 'markera'],
  ['Skift+↑ ↓', 'markera flera'],
  ['N', 'ny'],
  ['U', 'under utredning'],
  ['A', 'avskriv'],
  ['B', 'bekräfta'],
  ['Ä', 'lägg i ärende'],
  ['Esc', 'stäng larmet'],
];

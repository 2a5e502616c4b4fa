import { create } from 'zustand';
import type { HitStatus, SubjectKind } from '../../src/api/contract';

export type SortBy = 'severity' | 'score' | 'signal' | 'subject' | 'status' | 'municipality';

export interface AlertFilters {
  signal: string;
  severity: string;
  subjectKind: '' | SubjectKind;
  municipality: string;
  status: '' | HitStatus;
  text: string;
}

export const EMPTY_FILTERS: AlertFilters = { signal: '', severity: '', subjectKind: '', municipality: '', status: '', text: '' };

/** Builds the hitsList request from UI filters: empty fields are omitted. */
export function filtersToRequest(f: AlertFilters, sort: { by: SortBy; dir: 'asc' | 'desc' }) {
  return {
    ...(f.signal ? { signal: f.signal } : {}),
    ...(f.severity ? { severity: Number(f.severity) } : {}),
    ...(f.subjectKind ? { subjectKind: f.subjectKind } : {}),
    ...(f.municipality.trim() ? { municipality: f.municipality.trim() } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.text.trim() ? { text: f.text.trim() } : {}),
    sort,
  };
}

/** Clicking the current sort column flips direction; a new column starts descending. */
export function nextSort(cur: { by: SortBy; dir: 'asc' | 'desc' }, by: SortBy): { by: SortBy; dir: 'asc' | 'desc' } {
  if (cur.by === by) return { by, dir: cur.dir === 'desc' ? 'asc' : 'desc' };
  return { by, dir: by === 'subject' || by === 'signal' || by === 'municipality' ? 'asc' : 'desc' };
}

interface AlertsState {
  filters: AlertFilters;
  sort: { by: SortBy; dir: 'asc' | 'desc' };
  setFilter: <K extends keyof AlertFilters>(k: K, v: AlertFilters[K]) => void;
  resetFilters: (f?: Partial<AlertFilters>) => void;
  sortBy: (by: SortBy) => void;
}

export const useAlerts = create<AlertsState>((set, get) => ({
  filters: EMPTY_FILTERS,
  sort: { by: 'severity', dir: 'desc' },
  setFilter: (k, v) => set({ filters: { ...get().filters, [k]: v } }),
  resetFilters: (f) => set({ filters: { ...EMPTY_FILTERS, ...f } }),
  sortBy: (by) => set({ sort: nextSort(get().sort, by) }),
}));

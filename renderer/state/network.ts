import { create } from 'zustand';
import type { NetworkView } from '../../src/api/contract';
import { emptyUiState, type GraphUiState } from '../graph/reducers';

/** Immutable updates of the canvas UI state (the graph itself is held outside the store). */
interface NetworkState {
  ui: GraphUiState;
  /** A saved case view waiting to be opened by the Nätverk view. */
  pendingView: NetworkView | null;
  set: (patch: Partial<GraphUiState>) => void;
  toggleKind: (which: 'hiddenNodeKinds' | 'hiddenEdgeKinds', kind: string) => void;
  select: (id: string, additive: boolean) => void;
  clearSelection: () => void;
  reset: () => void;
  openSaved: (v: NetworkView) => void;
  takePending: () => NetworkView | null;
}

export function toggled(set: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(set);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}

export const useNetwork = create<NetworkState>((set, get) => ({
  ui: emptyUiState(),
  pendingView: null,
  set: (patch) => set({ ui: { ...get().ui, ...patch } }),
  toggleKind: (which, kind) => set({ ui: { ...get().ui, [which]: toggled(get().ui[which], kind) } }),
  select: (id, additive) => {
    const cur = get().ui.selected;
    const selected = additive ? toggled(cur, id) : new Set([id]);
    set({ ui: { ...get().ui, selected } });
  },
  clearSelection: () => set({ ui: { ...get().ui, selected: new Set(), pathNodes: new Set(), pathEdges: new Set() } }),
  reset: () => set({ ui: emptyUiState() }),
  openSaved: (v) => set({ pendingView: v }),
  takePending: () => {
    const v = get().pendingView;
    if (v) set({ pendingView: null });
    return v;
  },
}));

import { create } from 'zustand';
import { formatHash, parseHash, type Route, type ViewId } from './route';

interface NavState extends Route {
  /** The last argument each view had, so returning via the menu reopens the same entity/network. */
  lastArg: Partial<Record<ViewId, string>>;
  go: (view: ViewId, arg?: string | null) => void;
  sync: () => void;
}

function remember(last: NavState['lastArg'], r: Route): NavState['lastArg'] {
  return r.arg ? { ...last, [r.view]: r.arg } : last;
}

const initial = parseHash(window.location.hash);

export const useNav = create<NavState>((set, get) => ({
  ...initial,
  lastArg: remember({}, initial),
  go: (view, arg) => {
    const a = arg === undefined ? (get().lastArg[view] ?? null) : arg;
    const hash = formatHash({ view, arg: a });
    if (window.location.hash !== hash) window.location.hash = hash;
    set({ view, arg: a, lastArg: remember(get().lastArg, { view, arg: a }) });
  },
  sync: () => {
    const r = parseHash(window.location.hash);
    set({ ...r, lastArg: remember(get().lastArg, r) });
  },
}));

export function startHashSync(): () => void {
  const onHash = () => useNav.getState().sync();
  window.addEventListener('hashchange', onHash);
  return () => window.removeEventListener('hashchange', onHash);
}

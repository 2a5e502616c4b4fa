// Pure multi-select logic for lists: click, ctrl/cmd-click toggles, shift-click selects a range.
export interface SelectionState { selected: ReadonlySet<string>; anchor: string | null }

export function emptySelection(): SelectionState {
  return { selected: new Set(), anchor: null };
}

export function clickSelect(
  s: SelectionState,
  keys: readonly string[],
  key: string,
  mods: { shift: boolean; toggle: boolean },
): SelectionState {
  if (mods.shift && s.anchor !== null) {
    const a = keys.indexOf(s.anchor);
    const b = keys.indexOf(key);
    if (a >= 0 && b >= 0) {
      const [lo, hi] = a < b ? [a, b] : [b, a];
      const next = new Set(s.selected);
      for (let i = lo; i <= hi; i++) next.add(keys[i]!);
      return { selected: next, anchor: s.anchor };
    }
  }
  if (mods.toggle) {
    const next = new Set(s.selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return { selected: next, anchor: key };
  }
  return { selected: new Set([key]), anchor: key };
}

export function toggleAll(s: SelectionState, keys: readonly string[]): SelectionState {
  const all = keys.length > 0 && keys.every((k) => s.selected.has(k));
  return { selected: all ? new Set() : new Set(keys), anchor: s.anchor };
}

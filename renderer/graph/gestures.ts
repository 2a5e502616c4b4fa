// What a click on the canvas means, as a pure state machine (so click, shift-click, double-click
// and drag are never confused). Sigma reports the second click within its timeout as a
// "double click" wherever it lands; here it only counts as one on the same target as the first
// click. A click that ends a node drag selects nothing.

export type Target = string | null; // a node id, or null for the empty stage

export type Gesture =
  | { type: 'down'; target: Target; x: number; y: number }
  | { type: 'move'; x: number; y: number }
  | { type: 'up' }
  | { type: 'click'; target: Target; shift: boolean; at: number }
  | { type: 'doubleClick'; target: Target; shift: boolean; at: number };

export type Action =
  | { type: 'none' }
  | { type: 'select'; node: string } // replace the selection
  | { type: 'toggle'; node: string } // add to / remove from the selection
  | { type: 'clear' }
  | { type: 'expand'; node: string }
  | { type: 'zoom' } // sigma's own double-click zoom on the stage
  | { type: 'drag'; node: string }
  | { type: 'dragEnd'; node: string };

export interface GestureState {
  lastClick: { target: Target; at: number } | null;
  /** A node under a pressed button, where it was pressed, and whether it has been dragged since. */
  pressed: { node: string; x: number; y: number; moved: boolean } | null;
  /** The click that the browser sends after a drag ends is swallowed. */
  swallowClick: boolean;
}

export const DOUBLE_CLICK_MS = 300;
/** A press that moves less than this (px) is still a click: hands shake. */
export const DRAG_PX = 4;

export function initialGestures(): GestureState {
  return { lastClick: null, pressed: null, swallowClick: false };
}

const clickAction = (target: Target, shift: boolean): Action =>
  target === null ? (shift ? { type: 'none' } : { type: 'clear' }) : shift ? { type: 'toggle', node: target } : { type: 'select', node: target };

export function gesture(state: GestureState, g: Gesture): { state: GestureState; action: Action } {
  switch (g.type) {
    case 'down':
      return { state: { ...state, pressed: g.target === null ? null : { node: g.target, x: g.x, y: g.y, moved: false }, swallowClick: false }, action: { type: 'none' } };
    case 'move': {
      const p = state.pressed;
      if (!p) return { state, action: { type: 'none' } };
      if (!p.moved && Math.hypot(g.x - p.x, g.y - p.y) < DRAG_PX) return { state, action: { type: 'none' } };
      return { state: { ...state, pressed: { ...p, moved: true } }, action: { type: 'drag', node: p.node } };
    }
    case 'up': {
      const p = state.pressed;
      if (p?.moved) return { state: { ...state, pressed: null, swallowClick: true, lastClick: null }, action: { type: 'dragEnd', node: p.node } };
      return { state: { ...state, pressed: null }, action: { type: 'none' } };
    }
    case 'click':
    case 'doubleClick': {
      if (state.swallowClick) return { state: { ...state, swallowClick: false }, action: { type: 'none' } };
      const last = state.lastClick;
      const isDouble = g.type === 'doubleClick' && last !== null && last.target === g.target && g.at - last.at <= DOUBLE_CLICK_MS;
      if (isDouble) {
        return { state: { ...state, lastClick: null }, action: g.target === null ? { type: 'zoom' } : { type: 'expand', node: g.target } };
      }
      // A first click, or a "double click" that landed elsewhere: an ordinary click.
      return { state: { ...state, lastClick: { target: g.target, at: g.at } }, action: clickAction(g.target, g.shift) };
    }
  }
}

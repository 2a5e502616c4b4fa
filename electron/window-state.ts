/**
 * Window position and size, restored on the next start. Pure: reading and writing the JSON file
 * is main.ts's job; here the saved state is validated and fitted onto the current displays.
 */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_STATE: WindowState = { width: 1366, height: 768, maximized: false };
const MIN_W = 800;
const MIN_H = 600;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Parses a saved state; anything malformed gives the default. */
export function parseWindowState(json: string | null | undefined): WindowState {
  if (!json) return { ...DEFAULT_STATE };
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return { ...DEFAULT_STATE };
  }
  if (!v || typeof v !== 'object' || !isNum(v.width) || !isNum(v.height)) return { ...DEFAULT_STATE };
  const s: WindowState = { width: Math.max(MIN_W, Math.round(v.width)), height: Math.max(MIN_H, Math.round(v.height)), maximized: v.maximized === true };
  if (isNum(v.x) && isNum(v.y)) {
    s.x = Math.round(v.x);
    s.y = Math.round(v.y);
  }
  return s;
}

/** Drops the position when the window would not be visible on any display (a monitor was unplugged). */
export function fitToDisplays(state: WindowState, displays: readonly DisplayArea[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const visible = displays.some((d) => x + 100 > d.x && y + 50 > d.y && x < d.x + d.width - 100 && y < d.y + d.height - 50);
  if (visible) return state;
  const { x: _x, y: _y, ...rest } = state;
  return rest;
}

// Display state for the network canvas, applied through sigma's nodeReducer/edgeReducer.
// Pure functions of (stored attributes, UI state): the graph is never mutated for display.

export interface NodeAttrs {
  label: string;
  kind: string;
  x: number;
  y: number;
  size: number;
  color: string;
  score: number;
  signals: string[];
}

export interface EdgeAttrs {
  kind: string;
  from: string | null;
  to: string | null;
  size: number;
  color: string;
}

export interface GraphUiState {
  /** YYYY-MM-DD; edges whose period does not cover it are hidden. null = show all periods. */
  asOf: string | null;
  hiddenNodeKinds: ReadonlySet<string>;
  hiddenEdgeKinds: ReadonlySet<string>;
  /** Only nodes hit by this signal (and their neighbours via `focus`) are emphasised. */
  signal: string | null;
  selected: ReadonlySet<string>;
  hovered: string | null;
  /** Nodes to keep bright (e.g. hovered node + neighbours); everything else is dimmed. null = no dimming. */
  focus: ReadonlySet<string> | null;
  pathNodes: ReadonlySet<string>;
  pathEdges: ReadonlySet<string>;
}

export interface NodeDisplay extends Partial<NodeAttrs> {
  hidden?: boolean;
  highlighted?: boolean;
  zIndex?: number;
  forceLabel?: boolean;
}

export interface EdgeDisplay extends Partial<EdgeAttrs> {
  hidden?: boolean;
  zIndex?: number;
  label?: string;
}

export const DIM_NODE = '#d5d9e0';
export const DIM_EDGE = '#eceef2';
export const PATH_COLOR = '#d9480f';
export const SELECT_COLOR = '#1c7ed6';

export function emptyUiState(): GraphUiState {
  return {
    asOf: null,
    hiddenNodeKinds: new Set(),
    hiddenEdgeKinds: new Set(),
    signal: null,
    selected: new Set(),
    hovered: null,
    focus: null,
    pathNodes: new Set(),
    pathEdges: new Set(),
  };
}

/** Whether a period [from, to] (either open) covers the date. */
export function periodCovers(from: string | null, to: string | null, date: string | null): boolean {
  if (!date) return true;
  if (from && from > date) return false;
  if (to && to < date) return false;
  return true;
}

export function isNodeHidden(attrs: NodeAttrs, ui: GraphUiState): boolean {
  return ui.hiddenNodeKinds.has(attrs.kind);
}

export function isEdgeHidden(attrs: EdgeAttrs, ui: GraphUiState, source: NodeAttrs, target: NodeAttrs): boolean {
  if (ui.hiddenEdgeKinds.has(attrs.kind)) return true;
  if (!periodCovers(attrs.from, attrs.to, ui.asOf)) return true;
  return isNodeHidden(source, ui) || isNodeHidden(target, ui);
}

function isDimmed(id: string, attrs: NodeAttrs, ui: GraphUiState): boolean {
  if (ui.pathNodes.size > 0 && !ui.pathNodes.has(id)) return true;
  if (ui.focus && !ui.focus.has(id)) return true;
  if (ui.signal && !attrs.signals.includes(ui.signal) && !ui.selected.has(id)) return true;
  return false;
}

export function nodeDisplay(id: string, attrs: NodeAttrs, ui: GraphUiState): NodeDisplay {
  if (isNodeHidden(attrs, ui)) return { ...attrs, hidden: true };
  const out: NodeDisplay = { ...attrs };
  if (ui.selected.has(id)) {
    out.highlighted = true;
    out.forceLabel = true;
    out.zIndex = 2;
  }
  if (ui.pathNodes.has(id)) {
    out.color = PATH_COLOR;
    out.forceLabel = true;
    out.zIndex = 2;
  }
  if (ui.hovered === id) {
    out.highlighted = true;
    out.zIndex = 3;
  }
  if (isDimmed(id, attrs, ui)) {
    out.color = DIM_NODE;
    out.label = '';
    out.zIndex = 0;
    out.highlighted = false;
  }
  return out;
}

export function edgeDisplay(
  id: string,
  attrs: EdgeAttrs,
  ui: GraphUiState,
  ends: { sourceId: string; targetId: string; source: NodeAttrs; target: NodeAttrs },
): EdgeDisplay {
  if (isEdgeHidden(attrs, ui, ends.source, ends.target)) return { ...attrs, hidden: true };
  const out: EdgeDisplay = { ...attrs };
  if (ui.pathEdges.has(id)) {
    out.color = PATH_COLOR;
    out.size = Math.max(attrs.size, 3);
    out.zIndex = 2;
    return out;
  }
  const dimmed =
    ui.pathNodes.size > 0 ||
    (ui.focus !== null && !(ui.focus.has(ends.sourceId) && ui.focus.has(ends.targetId))) ||
    (ui.signal !== null && !(ends.source.signals.includes(ui.signal) || ends.target.signals.includes(ui.signal)));
  if (dimmed) {
    out.color = DIM_EDGE;
    out.zIndex = 0;
  }
  return out;
}

// Display state for the network canvas, applied through sigma's nodeReducer/edgeReducer.
// Pure functions of (stored attributes, UI state): the graph is never mutated for display.
import { edgeActiveOn } from '../../src/graph/types';
import { LICENCE_HELD } from './relation';
import { scoreAt, signalsAt, type RiskHit } from './risk';
import { nodeColor, nodeSize } from './style';

export interface NodeAttrs {
  label: string;
  kind: string;
  x: number;
  y: number;
  /** Size and colour by the latest run's score (what is drawn with no date chosen). */
  size: number;
  color: string;
  /** Direct score of the latest run (0..1). */
  score: number;
  /** Network score of the latest run (0..1), shown apart. */
  network: number;
  /** Every signal naming the node in the latest run. */
  signals: readonly string[];
  /** The hits behind score and signals, each dated (see risk.ts). */
  hits: readonly RiskHit[];
  /** The entity the network was opened for: always labelled. */
  centre: boolean;
  /** Placed by the user: layouts leave it where it is. Layout data, like x and y. */
  pinned: boolean;
}

export interface EdgeAttrs {
  kind: string;
  from: string | null;
  to: string | null;
  size: number;
  color: string;
  /** The relation in Swedish ("styrelseledamot", "anställd", "folkbokförd" …). */
  label: string;
}

export interface GraphUiState {
  /** YYYY-MM-DD; links that did not hold that day, nodes without any, and hits not yet complete are left out. null = the whole history. */
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

/** What the reducers read: the UI state and what it implies for the current graph (derived, never stored). */
export interface DisplayState extends GraphUiState {
  /** Nodes with links, none of which held on `asOf` (see absentOn in model.ts). */
  absent: ReadonlySet<string>;
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
  forceLabel?: boolean;
}

export const DIM_NODE = '#d5d9e0';
export const DIM_EDGE = '#eceef2';
export const PATH_COLOR = '#d9480f';
export const SELECT_COLOR = '#1c7ed6';
/** A hovered node's neighbours are all labelled when there are at most this many. */
export const FOCUS_LABELS = 40;

const NONE: ReadonlySet<string> = new Set();

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

/** The UI state as the reducers read it; `absent` defaults to none (no date, or not yet derived). */
export function displayState(ui: GraphUiState, absent: ReadonlySet<string> = NONE): DisplayState {
  return { ...ui, absent };
}

/** Whether a period [from, to] (either open) covers the date. */
export function periodCovers(from: string | null, to: string | null, date: string | null): boolean {
  if (!date) return true;
  if (from && from > date) return false;
  if (to && to < date) return false;
  return true;
}

/** Whether the link held on the date (the core's rule: licences and current addresses do not end). */
export function edgeHoldsOn(attrs: Pick<EdgeAttrs, 'kind' | 'from' | 'to'>, date: string | null): boolean {
  return date === null || edgeActiveOn(attrs, date);
}

export function isNodeHidden(id: string, attrs: NodeAttrs, ui: DisplayState): boolean {
  return ui.hiddenNodeKinds.has(attrs.kind) || ui.absent.has(id);
}

export function isEdgeHidden(
  attrs: EdgeAttrs,
  ui: DisplayState,
  ends: { sourceId: string; targetId: string; source: NodeAttrs; target: NodeAttrs },
): boolean {
  if (ui.hiddenEdgeKinds.has(attrs.kind)) return true;
  if (!edgeHoldsOn(attrs, ui.asOf)) return true;
  return isNodeHidden(ends.sourceId, ends.source, ui) || isNodeHidden(ends.targetId, ends.target, ui);
}

/** Signals naming the node on the date (the run's own list when no date is chosen). */
function signalsOn(attrs: NodeAttrs, date: string | null): readonly string[] {
  return date === null ? attrs.signals : signalsAt(attrs, date);
}

function isDimmed(id: string, attrs: NodeAttrs, ui: DisplayState): boolean {
  if (ui.pathNodes.size > 0 && !ui.pathNodes.has(id)) return true;
  if (ui.focus && !ui.focus.has(id)) return true;
  if (ui.signal && !ui.selected.has(id) && !signalsOn(attrs, ui.asOf).includes(ui.signal)) return true;
  return false;
}

/**
 * What sigma draws for a node. Only the drawn fields are passed on (not the stored risk and
 * signals): sigma copies these objects for every name it draws, every frame.
 */
export function nodeDisplay(id: string, attrs: NodeAttrs, ui: DisplayState): NodeDisplay {
  if (isNodeHidden(id, attrs, ui)) return { x: attrs.x, y: attrs.y, size: attrs.size, hidden: true };
  const out: NodeDisplay = { x: attrs.x, y: attrs.y, size: attrs.size, color: attrs.color, label: attrs.label, pinned: attrs.pinned };
  if (ui.asOf !== null && attrs.hits.length > 0) {
    const score = scoreAt(attrs, ui.asOf);
    out.color = nodeColor(attrs.kind, score);
    out.size = nodeSize(score);
  }
  if (attrs.centre || attrs.pinned) out.forceLabel = true;
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
  if (ui.focus && ui.focus.has(id) && ui.focus.size <= FOCUS_LABELS) out.forceLabel = true;
  if (ui.hovered === id) {
    out.highlighted = true;
    out.zIndex = 3;
  }
  if (isDimmed(id, attrs, ui)) {
    out.color = DIM_NODE;
    out.label = '';
    out.forceLabel = false;
    out.zIndex = 0;
    out.highlighted = false;
  }
  return out;
}

export function edgeDisplay(
  id: string,
  attrs: EdgeAttrs,
  ui: DisplayState,
  ends: { sourceId: string; targetId: string; source: NodeAttrs; target: NodeAttrs },
): EdgeDisplay {
  if (isEdgeHidden(attrs, ui, ends)) return { size: attrs.size, hidden: true };
  const out: EdgeDisplay = { size: attrs.size, color: attrs.color, label: attrs.label };
  // A licence revoked later was still just a licence on the chosen day.
  if (attrs.kind === 'licence' && ui.asOf !== null && attrs.to !== null && ui.asOf < attrs.to) out.label = LICENCE_HELD;
  if (ui.pathEdges.has(id)) {
    out.color = PATH_COLOR;
    out.size = Math.max(attrs.size, 3);
    out.zIndex = 2;
    out.forceLabel = true;
    return out;
  }
  const dimmed =
    ui.pathNodes.size > 0 ||
    (ui.focus !== null && !(ui.focus.has(ends.sourceId) && ui.focus.has(ends.targetId))) ||
    (ui.signal !== null && !(signalsOn(ends.source, ui.asOf).includes(ui.signal) || signalsOn(ends.target, ui.asOf).includes(ui.signal)));
  if (dimmed) {
    out.color = DIM_EDGE;
    out.label = '';
    out.zIndex = 0;
  } else if (ui.hovered !== null && (ends.sourceId === ui.hovered || ends.targetId === ui.hovered)) {
    // The hovered node's relations are named whatever the zoom.
    out.forceLabel = true;
  }
  return out;
}

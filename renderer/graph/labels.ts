// Labels on the canvas. Node names at sigma's place, with a white halo in graphs small enough
// for it to be cheap (a name stays readable where it crosses links), and a ring around nodes the
// user pinned; relation names along links (see edgeLabelDrawer).
import type { EdgeLabelDrawingFunction, NodeLabelDrawingFunction } from 'sigma/rendering';
import type { DisplayState, EdgeAttrs, NodeAttrs } from './reducers';

export const PIN_COLOR = '#212529';
/**
 * Up to this many nodes (an ego network and its expansions) every node is named from a drawn size
 * of 4 px, with a halo. Larger graphs use sigma's economical defaults (names from 6 px, no halo):
 * there each extra name candidate and the halo's second text pass cost more per frame than the
 * picture itself, and the label grid shows only a sample of names at overview zoom anyway.
 */
export const SMALL_GRAPH = 2000;

/** Node-label settings for a graph of `order` nodes (see SMALL_GRAPH). */
export function nodeLabelSettings(order: number): { labelRenderedSizeThreshold: number; defaultDrawNodeLabel: NodeLabelDrawingFunction<NodeAttrs, EdgeAttrs> } {
  const small = order <= SMALL_GRAPH;
  return { labelRenderedSizeThreshold: small ? 4 : 6, defaultDrawNodeLabel: small ? HALO_LABEL : PLAIN_LABEL };
}

function nodeLabelDrawer(halo: boolean): NodeLabelDrawingFunction<NodeAttrs, EdgeAttrs> {
  return (ctx, data, settings) => {
    if ((data as { pinned?: boolean }).pinned) {
      ctx.beginPath();
      ctx.arc(data.x, data.y, data.size + 2, 0, 2 * Math.PI);
      ctx.lineWidth = 2;
      ctx.strokeStyle = PIN_COLOR;
      ctx.stroke();
    }
    if (!data.label) return;
    const size = settings.labelSize;
    ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    const x = data.x + data.size + 3;
    const y = data.y + size / 3;
    if (halo) {
      ctx.lineJoin = 'round';
      ctx.lineWidth = 3;
      ctx.strokeStyle = '#ffffff';
      ctx.strokeText(data.label, x, y);
    }
    ctx.fillStyle = settings.labelColor.color ?? '#212529';
    ctx.fillText(data.label, x, y);
  };
}

const HALO_LABEL = nodeLabelDrawer(true);
const PLAIN_LABEL = nodeLabelDrawer(false);

/** How many relation names one frame draws beyond the forced ones (more are clutter, and cost). */
export const EDGE_LABELS_PER_FRAME = 200;

/**
 * A relation's name along its link, centred, in the same direction as sigma's. Unlike sigma's
 * own drawing it never shortens a name letter by letter (one text measurement per letter, the
 * canvas's main cost on large graphs): a name that does not fit between the two nodes is left
 * out, and past `budget.left` names in a frame only forced ones (hovered node, path) are drawn.
 */
export function edgeLabelDrawer(budget: { left: number }): EdgeLabelDrawingFunction<NodeAttrs, EdgeAttrs> {
  return (ctx, edge, source, target, settings) => {
    const label = edge.label;
    if (!label) return;
    if (!edge.forceLabel && budget.left <= 0) return;
    const size = settings.edgeLabelSize;
    const dx = target.x - source.x;
    const dy = target.y - source.y;
    const d = Math.sqrt(dx * dx + dy * dy);
    // A generous width estimate (0.6 em a letter) instead of measuring.
    if (label.length * size * 0.6 > d - source.size - target.size) return;
    if (!edge.forceLabel) budget.left -= 1;
    let angle = Math.atan2(dy, dx);
    if (angle > Math.PI / 2 || angle < -Math.PI / 2) angle += Math.PI; // never upside down
    ctx.save();
    ctx.translate((source.x + target.x) / 2, (source.y + target.y) / 2);
    ctx.rotate(angle);
    ctx.font = `${settings.edgeLabelWeight} ${size}px ${settings.edgeLabelFont}`;
    ctx.textAlign = 'center';
    ctx.fillStyle = settings.edgeLabelColor.color ?? '#5c636a';
    ctx.fillText(label, 0, -(edge.size / 2) - 3);
    ctx.restore();
  };
}

/**
 * Up to this many links, relations are named along every link whose two ends are labelled. Above
 * it, sigma's choice of names (a walk over every link, each frame) costs more than drawing the
 * graph, so names appear only for a hovered node's links and a shortest path.
 */
export const EDGE_LABELS_ALWAYS_UP_TO = 5000;

/** Whether sigma should name links in this state (see EDGE_LABELS_ALWAYS_UP_TO). Pure. */
export function edgeLabelsWanted(links: number, display: Pick<DisplayState, 'hovered' | 'pathEdges'>): boolean {
  return links <= EDGE_LABELS_ALWAYS_UP_TO || display.hovered !== null || display.pathEdges.size > 0;
}

// The canvas's sigma settings, one place for the Nätverk view and the canvas bench.
import type { Settings } from 'sigma/settings';
import Sigma from 'sigma';
import { EDGE_LABELS_PER_FRAME, edgeLabelDrawer, edgeLabelsWanted, nodeLabelSettings } from './labels';
import type { InsynGraph } from './model';
import { edgeDisplay, nodeDisplay, type DisplayState, type EdgeAttrs, type NodeAttrs } from './reducers';

/**
 * The canvas's sigma settings (shared with the canvas bench). Every node is labelled once its
 * drawn size reaches 4 px (the smallest node is 5 px at zoom 1; 6 px in large graphs, see
 * SMALL_GRAPH), as far as the label grid leaves room; the ego's centre, pinned, selected and path
 * nodes always. A relation is named on the link
 * when both its ends are labelled, or its node is hovered (large graphs: only the latter, and paths).
 */
export function canvasSettings(graph: InsynGraph, display: () => DisplayState, budget: { left: number }): Partial<Settings<NodeAttrs, EdgeAttrs>> {
  return {
    renderEdgeLabels: edgeLabelsWanted(graph.size, display()),
    ...nodeLabelSettings(graph.order),
    labelGridCellSize: 100,
    labelDensity: 1,
    labelFont: 'system-ui, sans-serif',
    labelSize: 12,
    labelColor: { color: '#212529' },
    edgeLabelFont: 'system-ui, sans-serif',
    edgeLabelSize: 10,
    edgeLabelColor: { color: '#5c636a' },
    defaultDrawEdgeLabel: edgeLabelDrawer(budget),
    zIndex: true,
    // Large graphs stay responsive while dragging: skip edges and labels during the move.
    hideEdgesOnMove: graph.size > 20_000,
    hideLabelsOnMove: graph.order > 5_000,
    defaultEdgeType: 'line',
    nodeReducer: (id, attrs) => nodeDisplay(id, attrs, display()),
    edgeReducer: (id, attrs) => {
      const [sourceId, targetId] = graph.extremities(id);
      return edgeDisplay(id, attrs, display(), { sourceId, targetId, source: graph.getNodeAttributes(sourceId), target: graph.getNodeAttributes(targetId) });
    },
  };
}

/** A sigma instance with the canvas's settings; the relation-name budget is renewed every frame. */
export function createCanvas(graph: InsynGraph, host: HTMLElement, display: () => DisplayState): Sigma<NodeAttrs, EdgeAttrs> {
  const budget = { left: EDGE_LABELS_PER_FRAME };
  const sigma = new Sigma<NodeAttrs, EdgeAttrs>(graph, host, canvasSettings(graph, display, budget));
  sigma.on('beforeRender', () => { budget.left = EDGE_LABELS_PER_FRAME; });
  return sigma;
}

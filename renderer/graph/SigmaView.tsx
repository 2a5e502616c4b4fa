import { useEffect, useRef } from 'react';
import Sigma from 'sigma';
import { countVisibleEdges, type InsynGraph } from './model';
import { edgeDisplay, nodeDisplay, type EdgeAttrs, type GraphUiState, type NodeAttrs } from './reducers';

export interface SigmaHandlers {
  onClickNode: (id: string, shift: boolean) => void;
  onDoubleClickNode: (id: string) => void;
  onHover: (id: string | null) => void;
  onClickStage: () => void;
}

interface Props extends SigmaHandlers {
  graph: InsynGraph;
  ui: GraphUiState;
  /** Incremented when the graph instance's content changes (for the visible-edge counter). */
  version: number;
  onReady: (sigma: Sigma<NodeAttrs, EdgeAttrs> | null) => void;
}

/** One sigma instance per graph. Display state enters only through the reducers. */
export function SigmaView({ graph, ui, version, onReady, ...handlers }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma<NodeAttrs, EdgeAttrs> | null>(null);
  const uiRef = useRef(ui);
  const handlersRef = useRef(handlers);
  uiRef.current = ui;
  handlersRef.current = handlers;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const sigma = new Sigma<NodeAttrs, EdgeAttrs>(graph, el, {
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 7,
      labelFont: 'system-ui, sans-serif',
      labelSize: 12,
      zIndex: true,
      // Large graphs stay responsive while panning: skip edges and labels during the move.
      hideEdgesOnMove: graph.size > 20_000,
      hideLabelsOnMove: graph.order > 5_000,
      defaultEdgeType: 'line',
      nodeReducer: (id, attrs) => nodeDisplay(id, attrs, uiRef.current),
      edgeReducer: (id, attrs) => edgeDisplay(id, attrs, uiRef.current, {
        sourceId: graph.source(id),
        targetId: graph.target(id),
        source: graph.getSourceAttributes(id),
        target: graph.getTargetAttributes(id),
      }),
    });
    sigma.on('clickNode', ({ node, event }) => handlersRef.current.onClickNode(node, !!(event.original as MouseEvent).shiftKey));
    sigma.on('doubleClickNode', (e) => { e.preventSigmaDefault(); handlersRef.current.onDoubleClickNode(e.node); });
    sigma.on('enterNode', ({ node }) => handlersRef.current.onHover(node));
    sigma.on('leaveNode', () => handlersRef.current.onHover(null));
    sigma.on('clickStage', () => handlersRef.current.onClickStage());
    sigmaRef.current = sigma;
    onReady(sigma);
    // Read-only hook for the e2e tests: where a node is drawn, so they can click it like a user.
    (window as unknown as { __insynNetwork?: unknown }).__insynNetwork = {
      nodeIds: () => graph.nodes(),
      neighbours: (id: string) => (graph.hasNode(id) ? graph.neighbors(id) : []),
      viewportOf: (id: string) => {
        if (!graph.hasNode(id)) return null;
        const a = graph.getNodeAttributes(id);
        const p = sigma.graphToViewport({ x: a.x, y: a.y });
        const r = el.getBoundingClientRect();
        return { x: r.left + p.x, y: r.top + p.y };
      },
    };
    return () => { onReady(null); sigma.kill(); sigmaRef.current = null; };
  }, [graph]);

  useEffect(() => {
    sigmaRef.current?.refresh();
    if (host.current) {
      host.current.dataset['visibleEdges'] = String(countVisibleEdges(graph, ui));
      host.current.dataset['pathNodes'] = String(ui.pathNodes.size);
      host.current.dataset['selected'] = String(ui.selected.size);
    }
  }, [ui, graph, version]);

  return (
    <div
      ref={host}
      className="sigma-host"
      data-testid="sigma"
      data-nodes={graph.order}
      data-edges={graph.size}
      aria-label="Nätverksgraf"
    />
  );
}

/** Composites sigma's layers onto one canvas (with a white background) and returns a PNG blob. */
export function exportPng(sigma: Sigma<NodeAttrs, EdgeAttrs>): Promise<Blob | null> {
  sigma.refresh();
  const layers = sigma.getCanvases();
  const first = Object.values(layers)[0];
  if (!first) return Promise.resolve(null);
  const out = document.createElement('canvas');
  out.width = first.width;
  out.height = first.height;
  const ctx = out.getContext('2d');
  if (!ctx) return Promise.resolve(null);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  for (const name of ['edges', 'nodes', 'edgeLabels', 'labels', 'hovers', 'hoverNodes']) {
    const c = layers[name];
    if (c) ctx.drawImage(c, 0, 0);
  }
  return new Promise((resolve) => out.toBlob((b) => resolve(b), 'image/png'));
}

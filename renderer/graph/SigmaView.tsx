import { useEffect, useRef } from 'react';
import type Sigma from 'sigma';
import { gesture, initialGestures, type Action, type Gesture } from './gestures';
import { extentOf, type InsynGraph } from './model';
import type { DisplayState, EdgeAttrs, NodeAttrs } from './reducers';
import { SMALL_GRAPH, edgeLabelsWanted, nodeLabelSettings } from './labels';
import { createCanvas } from './settings';

export interface SigmaHandlers {
  onSelect: (id: string) => void;
  onToggle: (id: string) => void;
  onClear: () => void;
  onExpand: (id: string) => void;
  onHover: (id: string | null) => void;
  /** A node was dragged to a new place (the view pins it there). */
  onDragEnd: (id: string) => void;
}

interface Props extends SigmaHandlers {
  graph: InsynGraph;
  display: DisplayState;
  /** Nodes and edges the reducers leave visible (countVisible), for the e2e data attributes. */
  shown: { nodes: number; edges: number };
  /** Incremented when the graph instance's content changes. */
  version: number;
  onReady: (sigma: Sigma<NodeAttrs, EdgeAttrs> | null) => void;
}

/** One sigma instance per graph. Display state enters only through the reducers. */
export function SigmaView({ graph, display, shown, version, onReady, ...handlers }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma<NodeAttrs, EdgeAttrs> | null>(null);
  const displayRef = useRef(display);
  /** Whether the graph has small-graph labels (it may grow past SMALL_GRAPH by expansions). */
  const smallRef = useRef(graph.order <= SMALL_GRAPH);
  const handlersRef = useRef(handlers);
  displayRef.current = display;
  handlersRef.current = handlers;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const sigma = createCanvas(graph, el, () => displayRef.current);
    smallRef.current = graph.order <= SMALL_GRAPH;
    let gestures = initialGestures();
    const run = (g: Gesture): Action => {
      const r = gesture(gestures, g);
      gestures = r.state;
      const h = handlersRef.current;
      const a = r.action;
      if (a.type === 'select') h.onSelect(a.node);
      else if (a.type === 'toggle') h.onToggle(a.node);
      else if (a.type === 'clear') h.onClear();
      else if (a.type === 'expand') h.onExpand(a.node);
      else if (a.type === 'dragEnd') h.onDragEnd(a.node);
      return a;
    };
    const shiftOf = (e: { original: MouseEvent | TouchEvent }) => !!(e.original as MouseEvent).shiftKey;
    sigma.on('clickNode', ({ node, event }) => run({ type: 'click', target: node, shift: shiftOf(event), at: performance.now() }));
    sigma.on('clickStage', ({ event }) => run({ type: 'click', target: null, shift: shiftOf(event), at: performance.now() }));
    sigma.on('doubleClickNode', (e) => {
      e.preventSigmaDefault();
      run({ type: 'doubleClick', target: e.node, shift: shiftOf(e.event), at: performance.now() });
    });
    sigma.on('doubleClickStage', (e) => {
      // Sigma zooms on any second click; only a real double click on the empty stage may.
      if (run({ type: 'doubleClick', target: null, shift: shiftOf(e.event), at: performance.now() }).type !== 'zoom') e.preventSigmaDefault();
    });
    sigma.on('downNode', ({ node, event }) => {
      run({ type: 'down', target: node, x: event.x, y: event.y });
      // Freeze the framing so dragging a node past the edge does not rescale the picture.
      if (!sigma.getCustomBBox()) freezeFraming(sigma, graph);
    });
    sigma.on('downStage', ({ event }) => run({ type: 'down', target: null, x: event.x, y: event.y }));
    sigma.on('moveBody', ({ event }) => {
      const pressed = gestures.pressed;
      if (!pressed) return;
      // Pressing a node never pans the camera; past a few pixels it drags the node.
      event.preventSigmaDefault();
      event.original.preventDefault();
      event.original.stopPropagation();
      if (run({ type: 'move', x: event.x, y: event.y }).type !== 'drag') return;
      const pos = sigma.viewportToGraph(event);
      graph.mergeNodeAttributes(pressed.node, { x: pos.x, y: pos.y });
    });
    sigma.on('upNode', () => run({ type: 'up' }));
    sigma.on('upStage', () => run({ type: 'up' }));
    sigma.on('enterNode', ({ node }) => handlersRef.current.onHover(node));
    sigma.on('leaveNode', () => handlersRef.current.onHover(null));
    sigma.on('afterRender', () => { el.dataset['labels'] = String(sigma.getNodeDisplayedLabels().size); });
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
      displayedLabels: () => [...sigma.getNodeDisplayedLabels()],
      displayedEdgeLabels: () => [...sigma.getEdgeDisplayedLabels()].map((e) => graph.getEdgeAttribute(e, 'label')),
      shown: (id: string) => graph.hasNode(id) && !sigma.getNodeDisplayData(id)?.hidden,
      colourOf: (id: string) => sigma.getNodeDisplayData(id)?.color ?? null,
      cameraRatio: () => sigma.getCamera().getState().ratio,
      framing: () => ({ custom: sigma.getCustomBBox(), camera: sigma.getCamera().getState() }),
      pinned: (id: string) => graph.hasNode(id) && graph.getNodeAttribute(id, 'pinned'),
      position: (id: string) => (graph.hasNode(id) ? { x: graph.getNodeAttribute(id, 'x'), y: graph.getNodeAttribute(id, 'y') } : null),
    };
    return () => { onReady(null); sigma.kill(); sigmaRef.current = null; };
  }, [graph]);

  useEffect(() => {
    const sigma = sigmaRef.current;
    if (sigma) {
      const names = edgeLabelsWanted(graph.size, display);
      if (sigma.getSetting('renderEdgeLabels') !== names) sigma.setSetting('renderEdgeLabels', names);
      const small = graph.order <= SMALL_GRAPH;
      if (smallRef.current !== small) {
        smallRef.current = small;
        sigma.setSettings(nodeLabelSettings(graph.order));
      }
      sigma.refresh();
    }
    if (host.current) {
      host.current.dataset['visibleNodes'] = String(shown.nodes);
      host.current.dataset['visibleEdges'] = String(shown.edges);
      host.current.dataset['pathNodes'] = String(display.pathNodes.size);
      host.current.dataset['selected'] = String(display.selected.size);
    }
  }, [display, graph, version, shown]);

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

/**
 * Fixes sigma's normalisation to where the nodes are now, so later additions and drags never
 * rescale the picture (sigma otherwise fits the graph's extent on every refresh). `null` frees it.
 */
export function freezeFraming(sigma: Sigma<NodeAttrs, EdgeAttrs>, graph: InsynGraph | null): void {
  if (!graph || graph.order === 0) {
    sigma.setCustomBBox(null);
  } else {
    // Labels are drawn to the right of their node: leave room for those of the rightmost nodes.
    const { x, y } = extentOf(graph);
    const span = Math.max(x[1] - x[0], y[1] - y[0], 1);
    sigma.setCustomBBox({ x: [x[0], x[1] + LABEL_ROOM * span], y });
  }
  sigma.scheduleRefresh();
}

const LABEL_ROOM = 0.2;

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

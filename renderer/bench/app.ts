// Canvas bench, the app: the graph built by the Nätverk view's model code (mergePayload) and drawn
// with the view's own sigma settings, reducers and label drawing (canvasSettings), in its
// opening state (no date, nothing selected or hovered).
import Sigma from 'sigma';
import { createGraph, mergePayload } from '../graph/model';
import { displayState, emptyUiState } from '../graph/reducers';
import { createCanvas } from '../graph/settings';
import { expose, recordFrames, webglRenderer } from './frames';
import { syntheticGraph } from './synthetic';

const params = new URLSearchParams(location.search);
const { nodes, edges } = syntheticGraph(Number(params.get('nodes') ?? 20000), Number(params.get('edges') ?? 50000));

const graph = createGraph();
mergePayload(graph, {
  nodes: nodes.map((n) => ({ id: n.id, kind: n.kind, label: n.label, risk: n.score > 0 ? { score: n.score, network: 0, hits: [] } : null })),
  edges: edges.map((e) => ({ id: e.id, source: e.source, target: e.target, kind: e.kind, from: e.from, to: e.to, attributes: { role: e.role } })),
});
for (const n of nodes) graph.mergeNodeAttributes(n.id, { x: n.x, y: n.y });

const display = displayState(emptyUiState());
const t0 = performance.now();
// Sigma settings to try on top of the app's (BENCH_SET), to price one of them.
const overrides = JSON.parse(params.get('set') ?? '{}') as Record<string, unknown>;
const sigma = createCanvas(graph, document.getElementById('host')!, () => display);
for (const [k, v] of Object.entries(overrides)) sigma.setSetting(k as never, v as never);
expose({ ready: true, mode: 'app', nodes: graph.order, edges: graph.size, constructMs: performance.now() - t0, webgl: webglRenderer(), record: (kind, frames) => recordFrames(sigma as unknown as Sigma, kind, frames) });

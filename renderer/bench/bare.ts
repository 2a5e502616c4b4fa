// Canvas bench, baseline: bare sigma with its default settings and no app code (no reducers,
// no label drawing, no settings of ours) on the same graph as the app.
import Graph from 'graphology';
import Sigma from 'sigma';
import { expose, recordFrames, webglRenderer } from './frames';
import { syntheticGraph } from './synthetic';

const params = new URLSearchParams(location.search);
const { nodes, edges } = syntheticGraph(Number(params.get('nodes') ?? 20000), Number(params.get('edges') ?? 50000));

// The same drawn attributes as the app gives these nodes: size 5–17 by score, red from 0.50.
const COLOURS: Record<string, string> = { company: '#1971c2', person: '#7048e8', licence: '#2b8a3e', address: '#868e96' };
const graph = new Graph({ multi: true, type: 'directed' });
for (const n of nodes) {
  graph.addNode(n.id, { x: n.x, y: n.y, label: n.label, size: 5 + Math.round(n.score * 12), color: n.score >= 0.5 ? '#c92a2a' : COLOURS[n.kind] });
}
for (const e of edges) if (e.source !== e.target) graph.addEdgeWithKey(e.id, e.source, e.target, { size: 1.5, color: '#74c0fc' });

const t0 = performance.now();
const sigma = new Sigma(graph, document.getElementById('host')!);
expose({ ready: true, mode: 'bare', nodes: graph.order, edges: graph.size, constructMs: performance.now() - t0, webgl: webglRenderer(), record: (kind, frames) => recordFrames(sigma, kind, frames) });

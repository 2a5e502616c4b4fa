// Canvas benchmark harness (built only by test/bench/canvas.bench.ts): renders a synthetic
// graph with the same sigma settings and reducers as the Nätverk view, then pans the camera
// and records requestAnimationFrame deltas.
import Sigma from 'sigma';
import { createGraph, mergePayload, type PayloadEdge, type PayloadNode } from '../graph/model';
import { displayState, edgeDisplay, emptyUiState, nodeDisplay, type EdgeAttrs, type NodeAttrs } from '../graph/reducers';

const params = new URLSearchParams(location.search);
const N = Number(params.get('nodes') ?? 20000);
const E = Number(params.get('edges') ?? 50000);

// Deterministic PRNG so every run draws the same graph.
let seed = 42;
const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const kinds = ['company', 'person', 'person', 'licence', 'address'];

const nodes: PayloadNode[] = [];
for (let i = 0; i < N; i++) nodes.push({ id: `n${i}`, kind: kinds[i % kinds.length]!, label: `Nod ${i}`, attributes: { score: rnd() < 0.05 ? rnd() : 0 } });
const edges: PayloadEdge[] = [];
for (let i = 0; i < E; i++) {
  const a = Math.floor(rnd() * N);
  // Mostly local edges, like a real register network (clustered).
  const b = rnd() < 0.8 ? (a + 1 + Math.floor(rnd() * 50)) % N : Math.floor(rnd() * N);
  edges.push({ id: `e${i}`, source: `n${a}`, target: `n${b}`, kind: 'role', from: '2015-01-01', to: rnd() < 0.3 ? '2020-01-01' : null });
}
const graph = createGraph();
mergePayload(graph, { nodes, edges });
// Spread nodes on a grid-ish layout with jitter (layout quality is irrelevant for frame times).
const side = Math.ceil(Math.sqrt(N));
graph.forEachNode((id) => {
  const i = Number(id.slice(1));
  graph.mergeNodeAttributes(id, { x: (i % side) + rnd() * 0.8, y: Math.floor(i / side) + rnd() * 0.8 });
});

const ui = displayState({ ...emptyUiState(), asOf: '2022-01-01' });
const t0 = performance.now();
const plain = params.get('plain') === '1';
const sigma = new Sigma<NodeAttrs, EdgeAttrs>(graph, document.getElementById('host')!, plain ? {} : {
  labelRenderedSizeThreshold: 7,
  zIndex: true,
  hideEdgesOnMove: graph.size > 20_000,
  hideLabelsOnMove: graph.order > 5_000,
  nodeReducer: (id, a) => nodeDisplay(id, a, ui),
  edgeReducer: (id, a) => edgeDisplay(id, a, ui, { sourceId: graph.source(id), targetId: graph.target(id), source: graph.getSourceAttributes(id), target: graph.getTargetAttributes(id) }),
});
const firstRenderMs = performance.now() - t0;

async function pan(durationMs: number): Promise<{ deltas: number[]; firstRenderMs: number; nodes: number; edges: number; webgl: string }> {
  const cam = sigma.getCamera();
  cam.setState({ x: 0.5, y: 0.5, ratio: 0.5, angle: 0 });
  const deltas: number[] = [];
  let last = performance.now();
  const start = last;
  await new Promise<void>((resolve) => {
    const frame = (now: number) => {
      deltas.push(now - last);
      last = now;
      const t = (now - start) / durationMs;
      // Continuous pan in a circle (as a user dragging the canvas would).
      cam.setState({ x: 0.5 + 0.2 * Math.cos(t * 2 * Math.PI), y: 0.5 + 0.2 * Math.sin(t * 2 * Math.PI) });
      if (now - start < durationMs) requestAnimationFrame(frame);
      else resolve();
    };
    requestAnimationFrame(frame);
  });
  const gl = document.createElement('canvas').getContext('webgl2');
  const dbg = gl?.getExtension('WEBGL_debug_renderer_info');
  const webgl = gl ? String(dbg ? gl.getParameter(dbg.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)) : 'none';
  return { deltas: deltas.slice(1), firstRenderMs, nodes: graph.order, edges: graph.size, webgl };
}

/** Records frame deltas for `ms` without moving the camera (the driver drags the mouse meanwhile). */
function record(ms: number): Promise<number[]> {
  return new Promise((resolve) => {
    const d: number[] = [];
    let last = performance.now();
    const start = last;
    const f = (now: number) => { d.push(now - last); last = now; if (now - start < ms) requestAnimationFrame(f); else resolve(d.slice(1)); };
    requestAnimationFrame(f);
  });
}

(window as unknown as { __bench: unknown }).__bench = { pan, record, ready: true };

// ForceAtlas2 in a module web worker: receives positions + edges, streams positions back
// until told to stop. Same-origin module worker, so it runs under worker-src 'self'.
// Nodes marked `fixed` (already placed, or pinned by the user) are not moved.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

interface StartMsg { type: 'start'; nodes: { id: string; x: number; y: number; size: number; fixed: boolean }[]; edges: [string, string][] }
interface StopMsg { type: 'stop' }

let running = false;
let graph: Graph | null = null;

function step(): void {
  if (!running || !graph) return;
  const g = graph;
  const settings = forceAtlas2.inferSettings(g);
  forceAtlas2.assign(g, { iterations: 5, settings: { ...settings, barnesHutOptimize: g.order > 500 } });
  const ids: string[] = [];
  const xy = new Float64Array(g.order * 2);
  let i = 0;
  g.forEachNode((id, a) => {
    ids.push(id);
    xy[i++] = a['x'] as number;
    xy[i++] = a['y'] as number;
  });
  (self as unknown as Worker).postMessage({ type: 'positions', ids, xy });
  setTimeout(step, 16);
}

self.onmessage = (ev: MessageEvent<StartMsg | StopMsg>) => {
  const msg = ev.data;
  if (msg.type === 'stop') {
    running = false;
    return;
  }
  const g = new Graph({ multi: true });
  for (const n of msg.nodes) g.addNode(n.id, { x: n.x, y: n.y, size: n.size, fixed: n.fixed });
  for (const [s, t] of msg.edges) if (g.hasNode(s) && g.hasNode(t)) g.addEdge(s, t);
  graph = g;
  running = true;
  step();
};

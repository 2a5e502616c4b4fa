// Controls the ForceAtlas2 worker for a graph; positions streamed back are written to the graph
// (layout is model data, unlike highlight/filter state which stays in reducers). A run moves
// only the nodes it is given (an expansion's new nodes) and never a pinned one.
import noverlap from 'graphology-layout-noverlap';
import type { InsynGraph } from './model';

export interface LayoutRun {
  /** Only these nodes move; all others stay where they are. Absent: every node not pinned. */
  movable?: ReadonlySet<string>;
}

export interface LayoutController {
  start: (run?: LayoutRun) => void;
  stop: () => void;
  running: () => boolean;
  dispose: () => void;
}

/** Which nodes a run may move: the given ones (or all), never a pinned one. Pure. */
export function movableNodes(graph: InsynGraph, run: LayoutRun = {}): Set<string> {
  const out = new Set<string>();
  graph.forEachNode((id, a) => {
    if (!a.pinned && (!run.movable || run.movable.has(id))) out.add(id);
  });
  return out;
}

export function createLayout(graph: InsynGraph, onChange: (running: boolean) => void): LayoutController {
  let worker: Worker | null = null;
  let isRunning = false;
  let moving: Set<string> = new Set();

  // Overlaps are removed after a run that moved the whole graph; a partial run leaves the others alone.
  const applyNoverlap = () => {
    if (graph.order === 0 || graph.order > 5000 || moving.size < graph.order) return;
    noverlap.assign(graph, { maxIterations: 60, settings: { ratio: 1.4, margin: 2 } });
  };

  const stop = () => {
    if (!isRunning) return;
    worker?.postMessage({ type: 'stop' });
    worker?.terminate();
    worker = null;
    isRunning = false;
    applyNoverlap();
    onChange(false);
  };

  const start = (run: LayoutRun = {}) => {
    if (isRunning || graph.order === 0) return;
    moving = movableNodes(graph, run);
    if (moving.size === 0) return;
    worker = new Worker(new URL('./fa2.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<{ type: 'positions'; ids: string[]; xy: Float64Array }>) => {
      const { ids, xy } = ev.data;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        // Fixed nodes come back unchanged; writing only the moving ones keeps a drag in progress intact.
        if (!moving.has(id) || !graph.hasNode(id) || graph.getNodeAttribute(id, 'pinned')) continue;
        graph.mergeNodeAttributes(id, { x: xy[2 * i]!, y: xy[2 * i + 1]! });
      }
    };
    const nodes = graph.mapNodes((id, a) => ({ id, x: a.x, y: a.y, size: a.size, fixed: !moving.has(id) }));
    const edges = graph.mapEdges((_e, _a, s, t) => [s, t] as [string, string]);
    worker.postMessage({ type: 'start', nodes, edges });
    isRunning = true;
    onChange(true);
  };

  return { start, stop, running: () => isRunning, dispose: () => { worker?.terminate(); worker = null; isRunning = false; } };
}

// Controls the ForceAtlas2 worker for a graph; positions streamed back are written to the graph
// (layout is model data, unlike highlight/filter state which stays in reducers).
import noverlap from 'graphology-layout-noverlap';
import type { InsynGraph } from './model';

export interface LayoutController { start: () => void; stop: () => void; running: () => boolean; dispose: () => void }

export function createLayout(graph: InsynGraph, onChange: (running: boolean) => void): LayoutController {
  let worker: Worker | null = null;
  let isRunning = false;

  const applyNoverlap = () => {
    if (graph.order > 0 && graph.order <= 5000) noverlap.assign(graph, { maxIterations: 60, settings: { ratio: 1.4, margin: 2 } });
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

  const start = () => {
    if (isRunning || graph.order === 0) return;
    worker = new Worker(new URL('./fa2.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<{ type: 'positions'; ids: string[]; xy: Float64Array }>) => {
      const { ids, xy } = ev.data;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i]!;
        if (!graph.hasNode(id)) continue;
        graph.mergeNodeAttributes(id, { x: xy[2 * i]!, y: xy[2 * i + 1]! });
      }
    };
    const nodes = graph.mapNodes((id, a) => ({ id, x: a.x, y: a.y, size: a.size }));
    const edges = graph.mapEdges((_e, _a, s, t) => [s, t] as [string, string]);
    worker.postMessage({ type: 'start', nodes, edges });
    isRunning = true;
    onChange(true);
  };

  return { start, stop, running: () => isRunning, dispose: () => { worker?.terminate(); worker = null; isRunning = false; } };
}

// Frame recording for the canvas bench: drives the camera once per animation frame (a pan along
// a circle, or a zoom in and out) and records the time between frames. Sigma renders in its own
// animation frame after each camera change, so every delta contains one full render.
import type Sigma from 'sigma';

export interface FrameRun { deltas: number[]; renderMs: number[] }

export type Interaction = 'pan' | 'zoom';

function cameraAt(kind: Interaction, t: number): { x: number; y: number; ratio: number } {
  const a = t * 2 * Math.PI;
  if (kind === 'pan') return { x: 0.5 + 0.2 * Math.cos(a), y: 0.5 + 0.2 * Math.sin(a), ratio: 0.5 };
  // Zoom from 0.5 in to 0.25 and out to 1 and back: labels and edge counts change with it.
  return { x: 0.5, y: 0.5, ratio: 0.5 * Math.pow(2, Math.sin(a)) };
}

/** Moves the camera `frames` times, one step per animation frame; returns frame deltas and sigma's own render times. */
export function recordFrames(sigma: Sigma, kind: Interaction, frames: number): Promise<FrameRun> {
  const cam = sigma.getCamera();
  cam.setState({ ...cameraAt(kind, 0), angle: 0 });
  const renderMs: number[] = [];
  let renderStart = 0;
  const before = () => { renderStart = performance.now(); };
  const after = () => { renderMs.push(performance.now() - renderStart); };
  sigma.on('beforeRender', before);
  sigma.on('afterRender', after);
  const deltas: number[] = [];
  return new Promise((resolve) => {
    let last = -1;
    let i = 0;
    const frame = (now: number) => {
      if (last >= 0) deltas.push(now - last);
      last = now;
      if (deltas.length >= frames) {
        sigma.off('beforeRender', before);
        sigma.off('afterRender', after);
        resolve({ deltas, renderMs });
        return;
      }
      i += 1;
      cam.setState(cameraAt(kind, i / frames));
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

export function webglRenderer(): string {
  const gl = document.createElement('canvas').getContext('webgl2');
  const dbg = gl?.getExtension('WEBGL_debug_renderer_info');
  return gl ? String(dbg ? gl.getParameter(dbg.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)) : 'none';
}

export interface BenchPage {
  ready: true;
  mode: 'bare' | 'app';
  nodes: number;
  edges: number;
  constructMs: number;
  webgl: string;
  record: (kind: Interaction, frames: number) => Promise<FrameRun>;
}

export function expose(page: BenchPage): void {
  (window as unknown as { __bench: BenchPage }).__bench = page;
}

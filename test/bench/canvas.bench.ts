// Canvas benchmark (issue 5): frame times while panning a 20 k-node / 50 k-edge graph in
// headless Chromium (SwiftShader WebGL), using the Nätverk view's sigma settings and reducers.
// Writes p50/p95 to test/bench/results/latest/canvas.json.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import { SWIFTSHADER_ARGS, launchChromium } from '../e2e/support/browser';
import { RESULTS_DIR } from './results-dir';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODES = Number(process.env['BENCH_NODES'] ?? 20_000);
const EDGES = Number(process.env['BENCH_EDGES'] ?? 50_000);
const PAN_MS = Number(process.env['BENCH_PAN_MS'] ?? 6000);

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
function stats(deltas: number[]) {
  const s = [...deltas].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return {
    frames: s.length,
    p50_ms: +pct(s, 50).toFixed(2),
    p95_ms: +pct(s, 95).toFixed(2),
    p99_ms: +pct(s, 99).toFixed(2),
    max_ms: +(s[s.length - 1] ?? NaN).toFixed(2),
    mean_fps: +(1000 / mean).toFixed(1),
    long_frames_over_50ms: s.filter((d) => d > 50).length,
  };
}

async function main(): Promise<void> {
  const out = mkdtempSync(path.join(tmpdir(), 'insyn-canvas-bench-'));
  await build({
    configFile: false,
    root: path.join(ROOT, 'renderer'),
    base: './',
    logLevel: 'warn',
    build: { outDir: out, emptyOutDir: true, modulePreload: { polyfill: false }, rollupOptions: { input: path.join(ROOT, 'renderer/bench/canvas.html') } },
  });
  const server = http.createServer((req, res) => {
    const p = path.join(out, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!p.startsWith(out)) { res.writeHead(404).end(); return; }
    try {
      const body = readFileSync(p);
      res.writeHead(200, { 'content-type': MIME[path.extname(p)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/bench/canvas.html?nodes=${NODES}&edges=${EDGES}${process.env['BENCH_PLAIN'] ? '&plain=1' : ''}`;

  // BENCH_FLAGS: extra Chromium flags to compare WebGL backends (e.g. --use-angle=swiftshader).
  let flags: string[] = (process.env['BENCH_FLAGS'] ?? '').split(' ').filter(Boolean);
  let browser = await launchChromium({ extraArgs: flags, viewport: { width: 1366, height: 768 } });
  let page = await browser.context.newPage();
  const hasGl = (await page.evaluate("!!document.createElement('canvas').getContext('webgl2') || !!document.createElement('canvas').getContext('webgl')")) as boolean;
  if (!hasGl) {
    await browser.close();
    flags = [...flags, ...SWIFTSHADER_ARGS];
    browser = await launchChromium({ extraArgs: flags, viewport: { width: 1366, height: 768 } });
    page = await browser.context.newPage();
  }
  page.on('pageerror', (e) => console.error('[page]', e.message));
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction('window.__bench && window.__bench.ready === true', null, { timeout: 120_000 });
  const loadMs = Date.now() - t0;

  type PanResult = { deltas: number[]; firstRenderMs: number; nodes: number; edges: number; webgl: string };
  const runPan = () => page.evaluate(`window.__bench.pan(${PAN_MS})`) as Promise<PanResult>;
  await runPan(); // warm-up (shader compilation, first upload)
  const camPan = await runPan();

  // Mouse-drag pan: sigma's own drag handling (edges hidden while moving at this size).
  // Strings, not closures: tsx would inject helpers the page does not have.
  const dragDeltas = page.evaluate(`window.__bench.record(${PAN_MS})`) as Promise<number[]>;
  await page.mouse.move(683, 384);
  await page.mouse.down();
  const steps = Math.round(PAN_MS / 16);
  for (let i = 0; i < steps; i++) {
    const a = (i / steps) * 2 * Math.PI;
    await page.mouse.move(683 + 200 * Math.cos(a), 384 + 150 * Math.sin(a));
  }
  await page.mouse.up();
  const drag = await dragDeltas;

  const result = {
    date: new Date().toISOString(),
    nodes: camPan.nodes,
    edges: camPan.edges,
    viewport: '1366x768',
    // Frame times on SwiftShader are CPU-bound: record how busy the machine was.
    cpus: cpus().length,
    load_average_1m_at_end: +(loadavg()[0] ?? 0).toFixed(2),
    chromium_flags: ['--headless', '--disable-gpu', ...flags],
    webgl_renderer: camPan.webgl,
    page_load_and_first_render_ms: loadMs,
    sigma_construct_ms: +camPan.firstRenderMs.toFixed(1),
    camera_pan: stats(camPan.deltas),
    mouse_drag_pan: stats(drag),
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const name = process.env['BENCH_OUT'] ?? 'canvas.json';
  writeFileSync(path.join(RESULTS_DIR, name), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  await browser.close();
  server.close();
  rmSync(out, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

// Canvas benchmark (issue 10.5): the same 20 k-node / 50 k-edge graph rendered by bare sigma
// (default settings, no app code) and by the app's canvas (the Nätverk view's model, settings,
// reducers and label drawing) in one Chromium run, panning and zooming the camera one step per
// frame. Pages alternate (bare, app, app, bare …) so load on the machine hits both alike.
// Writes test/bench/results/latest/canvas.json with `ratio_vs_bare_sigma`: median frame time
// app / bare, for pan and for zoom (the reported figure is the worse of the two), and the same
// ratio for sigma's JavaScript render call alone (on SwiftShader the frame is mostly rasterising;
// on a GPU the JavaScript share is what the app adds). BENCH_SET='{"renderEdgeLabels":true}'
// applies sigma settings on top of the app's, to price one of them.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { SWIFTSHADER_ARGS, launchChromium, type Launched } from '../e2e/support/browser';
import { RESULTS_DIR } from './results-dir';

const ROOT = path.resolve(import.meta.dirname, '../..');
const NODES = Number(process.env['BENCH_NODES'] ?? 20_000);
const EDGES = Number(process.env['BENCH_EDGES'] ?? 50_000);
/** Frames per interaction per page visit; each mode is visited ROUNDS times. */
const FRAMES = Number(process.env['BENCH_FRAMES'] ?? 30);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 2);
const WARMUP = 3;

type Mode = 'bare' | 'app';
type Interaction = 'pan' | 'zoom';
interface FrameRun { deltas: number[]; renderMs: number[] }
interface PageInfo { nodes: number; edges: number; constructMs: number; webgl: string }

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const r2 = (x: number): number => Math.round(x * 100) / 100;

function stats(run: FrameRun) {
  return {
    frames: run.deltas.length,
    median_ms: r2(median(run.deltas)),
    p95_ms: r2(pct(run.deltas, 95)),
    mean_fps: r2(1000 / (run.deltas.reduce((a, b) => a + b, 0) / (run.deltas.length || 1))),
    // Sigma's own render call (JS: matrices, draw calls, labels), without the GPU's share.
    render_js_median_ms: r2(median(run.renderMs)),
  };
}

async function buildPages(out: string): Promise<void> {
  const bench = path.join(ROOT, 'renderer/bench');
  await build({
    configFile: false,
    root: path.join(ROOT, 'renderer'),
    base: './',
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir: out, emptyOutDir: true, minify: !PROFILE, modulePreload: { polyfill: false }, rollupOptions: { input: { bare: path.join(bench, 'bare.html'), app: path.join(bench, 'app.html') } } },
  });
}

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const p = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!p.startsWith(dir)) { res.writeHead(404).end(); return; }
    let body: Buffer;
    try {
      body = readFileSync(p);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[path.extname(p)] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

/** Chromium with WebGL: the default flags if they give WebGL, else SwiftShader (GPU-less machines). */
async function launch(): Promise<{ browser: Launched; flags: string[] }> {
  let flags = (process.env['BENCH_FLAGS'] ?? '').split(' ').filter(Boolean);
  let browser = await launchChromium({ extraArgs: flags, viewport: { width: 1366, height: 768 } });
  const probe = await browser.context.newPage();
  const hasGl = (await probe.evaluate("!!document.createElement('canvas').getContext('webgl2') || !!document.createElement('canvas').getContext('webgl')")) as boolean;
  await probe.close();
  if (!hasGl) {
    await browser.close();
    flags = [...flags, ...SWIFTSHADER_ARGS];
    browser = await launchChromium({ extraArgs: flags, viewport: { width: 1366, height: 768 } });
  }
  return { browser, flags };
}

async function visit(page: Page, base: string, mode: Mode): Promise<{ info: PageInfo; runs: Record<Interaction, FrameRun> }> {
  // Building 20 k nodes and sigma's first render run before `load`: on a loaded machine that takes long.
  await page.goto(`${base}/bench/${mode}.html?nodes=${NODES}&edges=${EDGES}&set=${encodeURIComponent(process.env['BENCH_SET'] ?? '{}')}`, { waitUntil: 'commit', timeout: 300_000 });
  // Polled with evaluate: waitForFunction would eval() a string predicate, which the page's CSP refuses.
  const until = Date.now() + 300_000;
  while (!(await page.evaluate('!!(window.__bench && window.__bench.ready === true)'))) {
    if (Date.now() > until) throw new Error(`${mode}: the bench page was not ready within 300 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const info = (await page.evaluate('({ nodes: __bench.nodes, edges: __bench.edges, constructMs: __bench.constructMs, webgl: __bench.webgl })')) as PageInfo;
  // Strings, not closures: tsx would inject helpers the page does not have.
  const record = (kind: Interaction, frames: number) => page.evaluate(`window.__bench.record(${JSON.stringify(kind)}, ${frames})`) as Promise<FrameRun>;
  await record('pan', WARMUP); // shader compilation, first upload
  const profiler = PROFILE ? await startProfile(page) : null;
  const pan = await record('pan', FRAMES);
  const zoom = await record('zoom', FRAMES);
  if (profiler) profiles[mode].push(await profiler());
  return { info, runs: { pan, zoom } };
}

/** BENCH_PROFILE=1: where each page's JavaScript spends its time while panning and zooming (CPU profile, self time). */
const PROFILE = process.env['BENCH_PROFILE'] === '1';
const profiles: Record<Mode, Record<string, number>[]> = { bare: [], app: [] };

interface CpuProfile { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] }

async function startProfile(page: Page): Promise<() => Promise<Record<string, number>>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const byNode = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    const selfMs: Record<string, number> = {};
    profile.samples.forEach((id, i) => {
      const f = byNode.get(id)!;
      const key = `${f.functionName || '(anonymous)'} ${path.basename(f.url)}:${f.lineNumber}`;
      selfMs[key] = (selfMs[key] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
    });
    await cdp.detach();
    return selfMs;
  };
}

function topSelfTimes(list: Record<string, number>[], n = 25): { fn: string; self_ms: number }[] {
  const sum: Record<string, number> = {};
  for (const p of list) for (const [k, v] of Object.entries(p)) sum[k] = (sum[k] ?? 0) + v;
  return Object.entries(sum).filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, n).map(([fn, ms]) => ({ fn, self_ms: r2(ms) }));
}

async function main(): Promise<void> {
  const out = mkdtempSync(path.join(tmpdir(), 'insyn-canvas-bench-'));
  await buildPages(out);
  const server = await serve(out);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { browser, flags } = await launch();

  const frames: Record<Mode, Record<Interaction, FrameRun>> = {
    bare: { pan: { deltas: [], renderMs: [] }, zoom: { deltas: [], renderMs: [] } },
    app: { pan: { deltas: [], renderMs: [] }, zoom: { deltas: [], renderMs: [] } },
  };
  const info: Partial<Record<Mode, PageInfo>> = {};
  const loads: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // ABBA order: neither mode always runs first (warmer caches) or last (busier machine).
    for (const mode of (round % 2 === 0 ? ['bare', 'app'] : ['app', 'bare']) as Mode[]) {
      // A fresh page per visit: nothing of the other mode's page (GPU buffers, timers) lingers.
      const page = await browser.context.newPage();
      page.on('pageerror', (e) => console.error('[page]', e.message));
      const v = await visit(page, base, mode);
      await page.close();
      info[mode] = v.info;
      for (const k of ['pan', 'zoom'] as Interaction[]) {
        frames[mode][k].deltas.push(...v.runs[k].deltas);
        frames[mode][k].renderMs.push(...v.runs[k].renderMs);
      }
      loads.push(loadavg()[0] ?? 0);
      process.stderr.write(`round ${round + 1} ${mode}: pan median ${r2(median(v.runs.pan.deltas))} ms, zoom median ${r2(median(v.runs.zoom.deltas))} ms (load ${r2(loadavg()[0] ?? 0)})\n`);
    }
  }

  const ratio = (k: Interaction) => r2(median(frames.app[k].deltas) / median(frames.bare[k].deltas));
  const ratios = { pan: ratio('pan'), zoom: ratio('zoom') };
  const jsRatio = (k: Interaction) => r2(median(frames.app[k].renderMs) / median(frames.bare[k].renderMs));
  const result = {
    date: new Date().toISOString(),
    nodes: info.app?.nodes,
    edges: info.app?.edges,
    viewport: '1366x768',
    frames_per_interaction_per_mode: FRAMES * ROUNDS,
    // Frame times on SwiftShader are CPU-bound: record how busy the machine was.
    cpus: cpus().length,
    load_average_1m: { min: r2(Math.min(...loads)), max: r2(Math.max(...loads)) },
    chromium_flags: ['--headless', '--disable-gpu', ...flags],
    webgl_renderer: info.app?.webgl,
    ratio_vs_bare_sigma: Math.max(ratios.pan, ratios.zoom),
    ratios,
    render_js_ratios: { pan: jsRatio('pan'), zoom: jsRatio('zoom') },
    app_settings_override: process.env['BENCH_SET'] ?? null,
    bare: { sigma_construct_ms: r2(info.bare?.constructMs ?? NaN), pan: stats(frames.bare.pan), zoom: stats(frames.bare.zoom) },
    app: { sigma_construct_ms: r2(info.app?.constructMs ?? NaN), pan: stats(frames.app.pan), zoom: stats(frames.app.zoom) },
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  if (PROFILE) writeFileSync(path.join(RESULTS_DIR, 'canvas-profile.json'), `${JSON.stringify({ bare: topSelfTimes(profiles.bare), app: topSelfTimes(profiles.app) }, null, 2)}\n`);
  writeFileSync(path.join(RESULTS_DIR, process.env['BENCH_OUT'] ?? 'canvas.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  await browser.close();
  server.close();
  rmSync(out, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

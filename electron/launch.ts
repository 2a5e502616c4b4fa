import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_ROOT, RENDERER_DIST, startLoopbackApp } from '../src/api/app';
import { defaultDbPath } from '../src/store/db';

/**
 * `npm start` (compiled to dist/app/start.js by electron/build.mjs): launches the Electron
 * workbench where the Electron binary exists; otherwise builds the renderer when needed, prepares
 * the store (demo data on first start) and serves the same UI on 127.0.0.1 with a per-session
 * token, printing the URL. Opens nothing remote.
 */

const require = createRequire(import.meta.url);
const log = (line: string) => process.stderr.write(line + '\n');

/** Path of a working Electron binary, or null (here the binary download is not allowed). */
export function electronBinary(): string | null {
  let bin: unknown;
  try {
    bin = require('electron');
  } catch {
    return null;
  }
  if (typeof bin !== 'string' || !fs.existsSync(bin)) return null;
  const r = spawnSync(bin, ['--version'], { timeout: 15_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  return r.status === 0 ? bin : null;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** True when dist/renderer is missing or older than any renderer source or the API contract. */
export function rendererIsStale(root = APP_ROOT): boolean {
  const index = path.join(root, 'dist', 'renderer', 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  const sources = Math.max(newestMtime(path.join(root, 'renderer')), fs.statSync(path.join(root, 'src', 'api', 'contract.ts')).mtimeMs);
  return sources > built;
}

function buildRenderer(): void {
  log('Bygger gränssnittet (vite build) …');
  const vite = path.join(APP_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--config', path.join('renderer', 'vite.config.ts')], { cwd: APP_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error('Gränssnittet kunde inte byggas (vite build misslyckades)');
}

export async function launch(): Promise<void> {
  if (rendererIsStale()) buildRenderer();
  const bin = electronBinary();
  if (bin) {
    // Built by electron/build.mjs (`npm start` runs it first; `prepare` on npm ci).
    const main = path.join(APP_ROOT, 'dist', 'electron', 'main.js');
    if (!fs.existsSync(main)) throw new Error('dist/electron/main.js saknas: kör npm start (eller node electron/build.mjs)');
    log('Startar Insyn (Electron) …');
    const env: NodeJS.ProcessEnv = { ...process.env, INSYN_RENDERER_DIR: RENDERER_DIST };
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(bin, [main], { stdio: 'inherit', env });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }
  log('Electron finns inte på den här datorn: startar arbetsytan i webbläsaren på 127.0.0.1 i stället.');
  const dbPath = defaultDbPath();
  log(`Databas: ${dbPath}`);
  const app = await startLoopbackApp({ dbPath, demo: true, port: process.env.INSYN_PORT ? Number(process.env.INSYN_PORT) : 0, log });
  process.stdout.write(`Insyn körs på ${app.server.url}\n`);
  log('Öppna adressen ovan i en webbläsare på den här datorn. Avsluta med Ctrl+C.');
  const stop = () => void app.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  launch().catch((err: unknown) => {
    log(`insyn: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}

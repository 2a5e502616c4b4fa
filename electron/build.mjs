// Compiles every Node-side program to JavaScript with esbuild (no TypeScript at run time):
//   dist/app/       insyn.js (the CLI, package.json `bin`), start.js (`npm start`: Electron or the
//                   loopback server), worker.js (API jobs and the Electron service thread),
//                   parse-worker.js (import parsing), and the chunks they share. Code splitting
//                   keeps `insyn --help` from loading SQLite, graphology or exceljs.
//   dist/electron/  main.js, worker.js, parse-worker.js, stored-rows-worker.js, preload.cjs (what electron-builder packs).
// Plain JavaScript so `npm ci` (the `prepare` script) and `npm start` run it with bare node.
// `node electron/build.mjs` builds when a source is newer than the last build; `--force` always.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const APP_OUT = path.join(ROOT, 'dist', 'app');
export const ELECTRON_OUT = path.join(ROOT, 'dist', 'electron');
const STAMP = path.join(ROOT, 'dist', '.build-stamp');
const SOURCES = ['src', 'electron', 'package.json', 'package-lock.json'];

const common = { bundle: true, platform: 'node', target: 'node20', format: 'esm', sourcemap: false, logLevel: 'warning', legalComments: 'none' };

/** Worker entries are loaded by file name beside their caller (src/api/jobs.ts spawnWorker). */
const WORKERS = { worker: 'src/api/worker.ts', 'parse-worker': 'src/import/parse-worker.ts', 'stored-rows-worker': 'src/import/stored-rows-worker.ts' };

function writeModuleMarker(out) {
  fs.writeFileSync(path.join(out, 'package.json'), JSON.stringify({ type: 'module' }) + '\n');
}

/** CLI, launcher and workers, split into shared chunks; every file flat in `out` (two levels below the root). */
export async function buildApp(out = APP_OUT) {
  const esbuild = await import('esbuild');
  fs.rmSync(out, { recursive: true, force: true });
  const entryPoints = { insyn: 'src/cli/insyn.ts', start: 'electron/launch.ts', ...WORKERS };
  await esbuild.build({
    ...common,
    absWorkingDir: ROOT,
    entryPoints,
    outdir: out,
    splitting: true,
    chunkNames: 'chunk-[hash]',
    packages: 'external',
  });
  writeModuleMarker(out);
  fs.chmodSync(path.join(out, 'insyn.js'), 0o755);
  return path.join(out, 'insyn.js');
}

/** Main and workers for Electron, and the sandboxed preload as one CommonJS file (it cannot load modules). */
export async function buildElectron(out = ELECTRON_OUT) {
  const esbuild = await import('esbuild');
  fs.mkdirSync(out, { recursive: true });
  await esbuild.build({ ...common, absWorkingDir: ROOT, entryPoints: { main: 'electron/main.ts', ...WORKERS }, outdir: out, splitting: true, chunkNames: 'chunk-[hash]', packages: 'external' });
  await esbuild.build({ ...common, absWorkingDir: ROOT, entryPoints: ['electron/preload.ts'], outfile: path.join(out, 'preload.cjs'), format: 'cjs', external: ['electron'] });
  writeModuleMarker(out);
  return path.join(out, 'main.js');
}

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, e)));
  return newest;
}

/** True when a source (or the lock file) changed since the last complete build. */
export function buildIsStale() {
  if (!fs.existsSync(STAMP) || !fs.existsSync(path.join(APP_OUT, 'insyn.js')) || !fs.existsSync(path.join(ELECTRON_OUT, 'main.js'))) return true;
  const built = fs.statSync(STAMP).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

export async function buildAll({ force = false } = {}) {
  if (!force && !buildIsStale()) return false;
  const started = Date.now();
  await buildApp();
  await buildElectron();
  fs.writeFileSync(STAMP, new Date(started).toISOString() + '\n');
  // The stamp's time is the start of the build: a source saved during it counts as newer.
  fs.utimesSync(STAMP, new Date(started), new Date(started));
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  buildAll({ force: process.argv.includes('--force') }).then(
    (built) => {
      if (built) process.stderr.write(`Byggde dist/app och dist/electron på ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    },
    (err) => {
      process.stderr.write(`Bygget misslyckades: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}

import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Starts a worker thread from a module beside the caller (`callerUrl` is the caller's
 * import.meta.url, `relative` the worker module without extension, e.g. './parse-worker').
 * Compiled (electron/build.mjs writes every chunk and worker flat into one folder) it loads the
 * .js beside the calling chunk. Run from the TypeScript sources (tsx, vitest) a bare Worker cannot
 * load .ts, so tsx's loader is registered in the worker first.
 */
export function spawnWorker(callerUrl: string, relative: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  if (callerUrl.endsWith('.ts')) {
    const target = new URL(`${relative}.ts`, callerUrl).href;
    // The ESM entry of tsx's API (require.resolve would give the CommonJS one).
    const tsxDir = path.dirname(createRequire(callerUrl).resolve('tsx/package.json'));
    const tsxApi = pathToFileURL(path.join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
    const code = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); })`;
    return new Worker(code, { eval: true, workerData, resourceLimits });
  }
  return new Worker(new URL(`${relative}.js`, callerUrl), { workerData, resourceLimits });
}

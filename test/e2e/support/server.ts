// Starts the real loopback server (src/api/app) in-process on a temporary database, building the
// renderer first when dist/renderer is missing or older than the renderer or core sources.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLoopbackApp, type LoopbackApp } from '../../../src/api/app';
import { EXAMPLE_REVOKED_NETWORK } from '../../support/samples';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function ensureRendererBuilt(): void {
  const index = path.join(ROOT, 'dist/renderer/index.html');
  // The renderer bundles core modules too (the API contract, labels, enums): a change in src/ rebuilds it.
  const sources = Math.max(newestMtime(path.join(ROOT, 'renderer')), newestMtime(path.join(ROOT, 'src')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}

export interface TestServer { app: LoopbackApp; url: string; origin: string; token: string; dir: string; close: () => Promise<void> }

export async function startTestServer(): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'insyn-e2e-'));
  // Exports go to the test folder; the import folder is chosen through the UI by the test (issue 13).
  const app = await startLoopbackApp({ dbPath: path.join(dir, 'insyn.db'), port: 0, log: () => undefined, roots: { importRoot: path.join(dir, 'saknas'), exportRoot: dir } });
  return {
    app,
    url: app.server.url,
    origin: app.server.origin,
    token: app.server.token,
    dir,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The demo dataset if generated, else the revoked-network sample. */
export function demoDataPath(): string {
  const demo = path.join(ROOT, 'data/demo');
  if (existsSync(path.join(demo, 'companies.csv')) || existsSync(path.join(demo, 'companies.csv.gz'))) return demo;
  return EXAMPLE_REVOKED_NETWORK;
}

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { APP_ROOT, RENDERER_DIST } from '../../src/api/app';
import { rendererIsStale } from '../../electron/launch';

/**
 * The built UI for browser tests: dist/renderer when it is up to date, else a private build in a
 * temporary folder (never rebuilding dist/ itself, which other test files may be serving).
 */
export function rendererForTests(): string {
  if (!rendererIsStale()) return RENDERER_DIST;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'insyn-renderer-'));
  execFileSync(process.execPath, [path.join(APP_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', path.join('renderer', 'vite.config.ts'), '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], { cwd: APP_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}

import { buildAll } from '../../electron/build.mjs';
import { ensureRendererBuilt } from '../e2e/support/server';

/**
 * Builds the renderer and the compiled CLI/server (dist/app, when a source changed) once before
 * any test file runs, so tests in parallel workers never rebuild them under each other's feet.
 */
export default async function setup(): Promise<void> {
  await buildAll();
  ensureRendererBuilt();
}

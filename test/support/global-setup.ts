import { ensureRendererBuilt } from '../e2e/support/server';

/**
 * Builds the renderer once before any test file runs, so browser tests in parallel workers never
 * rebuild `dist/renderer` under each other's feet.
 */
export default function setup(): void {
  ensureRendererBuilt();
}

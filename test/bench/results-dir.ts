import path from 'node:path';

/**
 * Benchmarks write to test/bench/results/latest/ (git-ignored), so a run never rewrites tracked
 * files. The committed numbers in test/bench/results/ are copied from there on purpose with
 * `npm run bench:keep`.
 */
export const RESULTS_DIR = path.resolve(import.meta.dirname, 'results/latest');
export const KEPT_DIR = path.resolve(import.meta.dirname, 'results');

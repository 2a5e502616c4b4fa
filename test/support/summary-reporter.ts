import type { Reporter, TestModule } from 'vitest/node';

/** Prints the plain closing line CI reads: `Tests: N passed, N failed` (", N skipped" when any). */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      let modFailed = 0;
      let modSkipped = 0;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') modFailed++;
        else modSkipped++;
      }
      // A module that failed to load, or whose beforeAll threw, has tests that never ran (counted
      // as skipped by vitest) or none at all: they fail the run, so the summary must say so.
      if (mod.state() === 'failed' && modFailed === 0) {
        modFailed = Math.max(1, modSkipped);
        modSkipped = 0;
      }
      failed += modFailed;
      skipped += modSkipped;
    }
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}

import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Tests never read or create the user's real audit key (issue 13): one throw-away key per run.
const auditKey = process.env.INSYN_AUDIT_KEY ?? path.join(os.tmpdir(), `insyn-test-audit-${process.pid}`, 'audit.key');

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/bench/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { INSYN_AUDIT_KEY: auditKey },
    globalSetup: ['./test/support/global-setup.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLoopbackApp } from '../../src/api/app';
import { createClient, unwrap } from '../../src/api/client';
import { demoDataPath } from '../../src/api/job-exec';
import { httpTransport } from '../../src/api/transports';
import { revokedNetworkWorld } from '../api/fixture';
import { rendererForTests } from './renderer';

/**
 * The workload of the no-egress test (run in a child process under the egress recorder, and in a
 * network namespace with only loopback where the machine allows): import, analysis, the loopback
 * server, API calls over HTTP, an export, and — when Chromium and the built UI exist — the UI
 * loaded in Chromium. Prints a JSON summary on stdout.
 */
async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'insyn-egress-'));
  const data = fs.existsSync(demoDataPath()) ? demoDataPath() : revokedNetworkWorld(path.join(tmp, 'data')).dir;
  const rendererDir = rendererForTests();
  const hasUi = fs.existsSync(path.join(rendererDir, 'index.html'));
  const app = await startLoopbackApp({ dbPath: path.join(tmp, 'store.sqlite'), staticDir: hasUi ? rendererDir : null, log: () => {}, roots: { importRoot: path.dirname(data), exportRoot: tmp } });
  const api = createClient(httpTransport(app.server.origin, app.server.token));
  const wait = async (jobId: string) => {
    for (;;) {
      const s = unwrap(await api.jobStatus({ jobId }));
      if (s.state === 'done') return s;
      if (s.state === 'failed') throw new Error(s.error?.message);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await wait(unwrap(await api.importStart({ paths: [data] })).jobId);
  const analysis = await wait(unwrap(await api.analysisRun({})).jobId);
  const hits = unwrap(await api.hitsList({ limit: 5 }));
  const first = hits.items[0];
  if (first) {
    unwrap(await api.hitGet({ hitKey: first.hitKey }));
    await api.entityGet({ id: first.subjectKind === 'address' ? first.relatedIds[0] ?? first.subjectId : first.subjectId });
    await api.graphEgo({ id: first.subjectId, hops: 2 });
    await api.exportRun({ format: 'html', scope: { subject: first.subjectId }, dir: path.join(tmp, 'export') });
  }
  unwrap(await api.search({ q: 'ab' }));
  unwrap(await api.status());
  unwrap(await api.auditVerify());

  const requests: string[] = [];
  let browser = 'skipped';
  if (hasUi && fs.existsSync('/usr/bin/chromium')) {
    const { chromium } = await import('playwright-core');
    const userDataDir = fs.mkdtempSync(path.join(tmp, 'chromium-'));
    const ctx = await chromium.launchPersistentContext(userDataDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await ctx.newPage();
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(app.server.url);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    await ctx.close();
    browser = 'chromium';
  }
  await app.close();
  process.stdout.write(JSON.stringify({ data, hitCount: analysis.result?.analysis?.hitCount ?? 0, listed: hits.total, browser, requests }) + '\n');
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(String(err instanceof Error ? err.stack : err) + '\n');
    process.exit(1);
  },
);

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackApp, type LoopbackApp } from '../../src/api/app';
import { createClient, unwrap } from '../../src/api/client';
import { httpTransport } from '../../src/api/transports';
import { revokedNetworkWorld } from '../api/fixture';
import { rendererForTests } from './renderer';

/**
 * Issue 7.6: entity names carrying HTML/JS are shown as text in the real UI (overview, alert
 * queue, profile, network) served by the loopback server; nothing they contain is executed.
 */
const CHROMIUM = '/usr/bin/chromium';
const ready = fs.existsSync(CHROMIUM);

const PERSON = '<img src=x onerror="window.__pwned=1">Karin';
const COMPANY = '<script>window.__pwned=2</script>Gamma AB';

let app: LoopbackApp;
let world: ReturnType<typeof revokedNetworkWorld>;

beforeAll(async () => {
  if (!ready) return;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'insyn-inject-'));
  world = revokedNetworkWorld(path.join(tmp, 'data'), { person: PERSON, company: COMPANY });
  app = await startLoopbackApp({ dbPath: path.join(tmp, 'store.sqlite'), staticDir: rendererForTests(), log: () => {}, roots: { importRoot: tmp, exportRoot: tmp } });
  const api = createClient(httpTransport(app.server.origin, app.server.token));
  await app.workbench.jobs.wait(unwrap(await api.importStart({ paths: [world.dir] })).jobId);
  await app.workbench.jobs.wait(unwrap(await api.analysisRun({ asOf: '2025-01-01' })).jobId);
}, 120_000);
afterAll(async () => {
  await app?.close();
});

describe.skipIf(!ready)('hostile names in the UI', () => {
  it('are rendered as text in every view and never executed', async () => {
    const { chromium } = await import('playwright-core');
    const ctx = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'insyn-chromium-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await ctx.newPage();
      await page.goto(app.server.url);
      await page.waitForLoadState('networkidle');
      const seen: string[] = [];
      for (const hash of ['#/overview', '#/alerts', `#/entity/${world.p}`, `#/entity/${world.c}`, `#/network/${world.p}`]) {
        await page.evaluate((h) => (window.location.hash = h), hash);
        await page.waitForTimeout(1200);
        seen.push(await page.evaluate(() => document.body.innerText));
        const state = await page.evaluate(() => ({
          pwned: (window as unknown as { __pwned?: number }).__pwned,
          injectedImg: document.querySelectorAll('img[src="x"]').length,
          injectedScript: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__pwned')).length,
        }));
        expect(state, hash).toEqual({ pwned: undefined, injectedImg: 0, injectedScript: 0 });
      }
      const text = seen.join('\n');
      // The names appear literally, markup included, somewhere in the views.
      expect(text).toContain('onerror="window.__pwned=1"');
      expect(text).toContain('<script>window.__pwned=2</script>');
    } finally {
      await ctx.close();
    }
  }, 120_000);
});

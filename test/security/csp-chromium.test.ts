import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fail } from '../../src/api/contract';
import { startServer, type RunningServer } from '../../src/api/http-server';

/**
 * Issue 7.4: the renderer loads nothing remote. A page served by the real loopback server (with
 * its CSP header) carries an injected remote script, an inline script, an inline handler, eval
 * and a remote image; Chromium must block all of them while the app's own script runs.
 */
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);

let srv: RunningServer;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'insyn-csp-'));
  fs.writeFileSync(
    path.join(dir, 'guard.js'),
    `window.violations = [];
     document.addEventListener('securitypolicyviolation', (e) => window.violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
     window.selfRan = true;
     try { eval('window.evalRan = true'); } catch (e) { window.evalBlocked = true; }`,
  );
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>CSP</title>
     <script src="/guard.js"></script>
     <script src="http://example.invalid/x.js"></script>
     <script>window.inlineRan = true;</script>
     </head><body>
     <img id="remote" src="https://example.invalid/pixel.png">
     <div id="handler" onclick="window.handlerRan = true">klick</div>
     </body></html>`,
  );
  srv = await startServer({ handle: async () => fail('not_available', 'inget API i detta test'), staticDir: dir });
});
afterAll(async () => {
  await srv?.close();
});

describe.skipIf(!haveChromium)('CSP in Chromium', () => {
  it('blocks an injected remote script, inline script, inline handler, eval and remote image', async () => {
    const { chromium } = await import('playwright-core');
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'insyn-chromium-'));
    const ctx = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await ctx.newPage();
      const responded: string[] = [];
      const failed: Record<string, string> = {};
      page.on('response', (r) => responded.push(r.url()));
      page.on('requestfailed', (r) => (failed[r.url()] = r.failure()?.errorText ?? ''));
      await page.goto(`${srv.origin}/`);
      await page.click('#handler');
      await page.waitForTimeout(300);
      const state = await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return { selfRan: w.selfRan, inlineRan: w.inlineRan, handlerRan: w.handlerRan, evalRan: w.evalRan, evalBlocked: w.evalBlocked, violations: w.violations as { directive: string; blocked: string }[] };
      });
      expect(state.selfRan).toBe(true);
      expect(state.inlineRan).toBeUndefined();
      expect(state.handlerRan).toBeUndefined();
      expect(state.evalRan).toBeUndefined();
      expect(state.evalBlocked).toBe(true);
      const blocked = state.violations.map((v) => `${v.directive} ${v.blocked}`);
      expect(blocked).toEqual(expect.arrayContaining([
        expect.stringMatching(/^script-src-elem http:\/\/example\.invalid\/x\.js/),
        expect.stringMatching(/^script-src-elem inline/),
        expect.stringMatching(/^img-src https:\/\/example\.invalid\/pixel\.png/),
      ]));
      // Blocked by CSP inside the browser: no response ever came from the remote origin.
      expect(responded.filter((u) => u.includes('example.invalid'))).toEqual([]);
      expect(failed['http://example.invalid/x.js']).toMatch(/csp/i);
      expect(failed['https://example.invalid/pixel.png']).toMatch(/csp/i);
    } finally {
      await ctx.close();
    }
  }, 60_000);
});

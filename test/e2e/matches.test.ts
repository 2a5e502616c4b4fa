// End-to-end for entity resolution (issue 15): the matches queue and the entity profile's match
// section in Debian Chromium over the real loopback server, on the committed demo dataset (which
// plants duplicates). Screenshots go to test/e2e/screenshots/latest/ (git-ignored).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/run';
import { importPath } from '../../src/import/importer';
import { launchChromium, SCREENSHOT_DIR, type Launched } from './support/browser';
import { ROOT, ensureRendererBuilt, startTestServer, type TestServer } from './support/server';

let server: TestServer;
let browser: Launched;
let page: Page;
const pageErrors: string[] = [];
const OLE = 'ext:NO-630317-0010';
const OLE_FTM = 'ext:ftm-f1e6b4c3';

async function shot(name: string): Promise<void> {
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

describe('matches e2e (loopback + Chromium)', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    ensureRendererBuilt();
    server = await startTestServer();
    await importPath(server.app.db, path.join(ROOT, 'data/demo'));
    runAnalysis(server.app.db, { asOf: '2026-11-01' });
    browser = await launchChromium({ viewport: { width: 1440, height: 900 } });
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Översikt' }).waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lists the queue with explained scores and confirms a pair with a note, by keyboard', async () => {
    // Shortcuts go by physical key: on a macOS layout Alt+M types 'µ', and it must still switch view.
    await page.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'µ', code: 'KeyM', altKey: true })));
    await page.getByRole('heading', { name: 'Matchningar', exact: true }).waitFor({ timeout: 5000 });
    const rows = page.getByRole('table', { name: 'Kandidatpar' }).locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThanOrEqual(10);
    const ole = rows.filter({ hasText: OLE });
    await ole.click();
    await expect(page.locator('.match-parts').first().textContent()).resolves.toContain('samma födelsedatum');
    await shot('matches-queue');
    // Confirm needs a note: the button stays disabled until one is written.
    const confirm = page.getByRole('button', { name: 'Bekräfta', exact: true });
    expect(await confirm.isDisabled()).toBe(true);
    await page.keyboard.press('n');
    await page.keyboard.type('Samma passnummer i båda källorna');
    await page.locator('h1').click();
    await page.keyboard.press('b');
    await page.getByText(/bekräftad \(nätverket visar dem som en/).waitFor();
    // The toast comes with the decision's reply; the queue reloads after it, so wait for the row to go.
    await expect.poll(() => rows.filter({ hasText: OLE }).count(), { timeout: 10_000 }).toBe(0);
  }, 120_000);

  it('draws both records as one person in the network, reached from either id', async () => {
    await page.evaluate((id) => { window.location.hash = `#/network/${encodeURIComponent(id)}`; }, OLE_FTM);
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid=sigma]')?.dataset['nodes']) > 1, null, { timeout: 60_000 });
    const ids = await page.evaluate(() => (window as unknown as { __insynNetwork: { nodeIds(): string[] } }).__insynNetwork.nodeIds());
    expect(ids).toContain(OLE);
    expect(ids).not.toContain(OLE_FTM);
    // Both companies (the revoked and the banned one) hang off the one node.
    const neighbours = await page.evaluate((id) => (window as unknown as { __insynNetwork: { neighbours(id: string): string[] } }).__insynNetwork.neighbours(id), OLE);
    expect(neighbours.length).toBeGreaterThanOrEqual(2);
    await page.waitForTimeout(2200);
    await shot('matches-network');
  }, 90_000);

  it('shows the confirmed match in the profile of either record, with who and why, and undoes it there', async () => {
    await page.evaluate((id) => { window.location.hash = `#/entity/${encodeURIComponent(id)}`; }, OLE_FTM);
    const section = page.getByTestId('entity-matches');
    await section.waitFor();
    await section.getByText('Samma person (bekräftat)').waitFor();
    await expect(section.textContent()).resolves.toContain('Samma passnummer i båda källorna');
    await shot('matches-entity');
    await section.getByRole('button', { name: 'Ångra beslut' }).click();
    await section.getByText(/Möjligen samma/).waitFor();
    await shot('matches-entity-undone');
  }, 60_000);

  it('shows decided pairs and no page errors', async () => {
    await page.evaluate(() => { window.location.hash = '#/matches'; });
    await page.getByRole('tab', { name: 'Alla' }).click();
    await page.getByRole('table', { name: 'Kandidatpar' }).locator('tbody tr').first().waitFor();
    expect(pageErrors).toEqual([]);
  });
});

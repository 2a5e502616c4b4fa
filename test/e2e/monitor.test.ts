// End-to-end (issue 11): "Nytt sedan …", the watch list and a fact's history in the real loopback
// workbench in Chromium. Two monthly extracts are imported through the HTTP API (the transport the
// UI uses); the views are then driven like a user and screenshotted to screenshots/latest/.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, unwrap, type ApiClient } from '../../src/api/client';
import { httpTransport } from '../../src/api/transports';
import { tmpDir } from '../support/fixtures';
import { AS_OF, ORG, PERSON, writeMonth } from '../monitor/world';
import { launchChromium, SCREENSHOT_DIR, type Launched } from './support/browser';
import { ensureRendererBuilt, startTestServer, type TestServer } from './support/server';
import { runJob } from '../support/jobs';

let server: TestServer;
let browser: Launched;
let page: Page;
let api: ApiClient;
let root: string;
const pageErrors: string[] = [];

/** A screenshot of the viewport, the main pane scrolled so `testId` (if given) is at the top. */
async function shot(name: string, testId?: string): Promise<void> {
  if (testId) await page.getByTestId(testId).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}


describe('monitoring across imports (Chromium)', () => {
  beforeAll(async () => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    ensureRendererBuilt();
    server = await startTestServer();
    api = createClient(httpTransport(server.origin, server.token));
    root = tmpDir('insyn-e2e-monitor-');
    // The API reads only inside the import folder (issue 13): the monthly extracts are written there.
    unwrap(await api.fileRootsSet({ importRoot: root }));
    for (const n of [1, 2] as const) {
      await runJob(api, api.importStart({ paths: [writeMonth(root, n, { full: false })], full: n === 2, datasetName: `Uttag månad ${n}` }));
      await runJob(api, api.analysisRun({ asOf: AS_OF }));
    }
    // Casework done on the new hit must show up in the comparison.
    const anna = unwrap(await api.changesGet({})).new.find((h) => h.subjectId === PERSON.anna)!;
    unwrap(await api.hitsSetStatus({ hitKeys: anna.hitKeys, status: 'under_utredning' }));
    unwrap(await api.caseSave({ name: 'Gamma-nätverket', hitKeys: anna.hitKeys }));
    browser = await launchChromium({ viewport: { width: 1366, height: 900 } });
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(server.url);
    await page.getByRole('heading', { name: 'Översikt' }).waitFor();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('"Nytt sedan …" lists new hits first with status and case, then changed hits with the evidence that changed', async () => {
    await page.getByRole('link', { name: /Nytt sedan/ }).click();
    await page.getByRole('heading', { name: 'Nytt sedan …' }).waitFor();
    const newHits = page.getByTestId('new-hits');
    await newHits.getByRole('button', { name: 'Anna Berg' }).waitFor();
    await expect(newHits.getByText('Under utredning').count()).resolves.toBe(1);
    await expect(newHits.getByText('Ärende: Gamma-nätverket').count()).resolves.toBe(1);
    // New before changed before gone, in page order.
    const order = await page.locator('[data-testid$="-hits"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(order).toEqual(['new-hits', 'changed-hits', 'gone-hits']);
    const changed = page.getByTestId('changed-hits');
    await expect(changed.locator('.ev-added').first().textContent()).resolves.toContain('2024-08-31');
    await expect(changed.locator('.ev-removed del').first().textContent()).resolves.toContain('2024-05-31');
    // Highlighted: the added line is green-backed, the removed one struck through.
    const bg = await changed.locator('.ev-added').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');
    await shot('changes');
  }, 120_000);

  it('the watch list: add with a note, a warning for an unknown id, the change feed, remove with undo', async () => {
    const watch = page.getByTestId('watch');
    await watch.getByLabel('Id att bevaka').fill(`${ORG.gamma.slice(0, 6)}-${ORG.gamma.slice(6)}`);
    await watch.getByLabel('Anteckning').fill('Ny styrelse efter återkallelsen?');
    await watch.getByRole('button', { name: 'Bevaka', exact: true }).click();
    const gamma = watch.getByTestId('watched-entity').filter({ hasText: 'Gamma Vård AB' });
    await gamma.waitFor();
    await gamma.getByText('Ny styrelse efter återkallelsen?').waitFor();
    const feed = gamma.getByTestId('watch-feed').first();
    await feed.getByText('Ny uppgift').first().waitFor();
    await expect(feed.locator('tr.chg-changed').count()).resolves.toBeGreaterThan(0);
    await expect(feed.textContent()).resolves.toContain('revoked');

    await watch.getByLabel('Id att bevaka').fill('IVO-2099-7');
    await watch.getByRole('button', { name: 'Bevaka', exact: true }).click();
    await watch.getByText(/IVO-2099-7 finns inte i databasen ännu/).first().waitFor();
    await watch.getByTestId('watched-entity').filter({ hasText: 'IVO-2099-7' }).getByText('finns inte i databasen ännu').waitFor();
    await shot('watch', 'watch');

    await watch.getByRole('button', { name: 'Sluta bevaka IVO-2099-7' }).click();
    await page.getByRole('button', { name: 'Ångra' }).first().click();
    await watch.getByTestId('watched-entity').filter({ hasText: 'IVO-2099-7' }).waitFor();
    expect(unwrap(await api.watchList({})).items.map((w) => w.id)).toEqual([ORG.gamma, 'IVO-2099-7']);
    const log = unwrap(await api.auditList({ limit: 20 })).items.map((e) => e.action);
    expect(log.filter((a) => a === 'watch_add').length).toBeGreaterThanOrEqual(3);
    expect(log).toContain('watch_remove');
  }, 120_000);

  it('the entity profile shows a fact\'s history: stated by dataset X, changed by Y, and a watch toggle', async () => {
    await page.evaluate(() => { window.location.hash = '#/entity/IVO-G'; });
    const history = page.getByTestId('fact-history');
    await history.getByText(/Uppgiven först av Uttag månad 1/).first().waitFor();
    await expect(history.textContent()).resolves.toMatch(/Ändrad.*Uttag månad 2.*status.*granted.*revoked/s);
    await shot('entity-history', 'fact-history');
    await page.evaluate((id) => { window.location.hash = `#/entity/${id}`; }, ORG.gamma);
    await page.getByTestId('entity-name').getByText('Gamma Vård AB').waitFor();
    await expect(page.getByTestId('watch-toggle').getAttribute('aria-pressed')).resolves.toBe('true');
  }, 120_000);

  it('a comparison across runs with different parameters is flagged', async () => {
    unwrap(await api.rulesUpdate({ signal: 'revoked-network', params: { minCompanies: 3 } }));
    await runJob(api, api.analysisRun({ asOf: AS_OF }));
    await page.evaluate(() => { window.location.hash = '#/changes'; });
    await page.getByTestId('params-differ').waitFor();
    await expect(page.getByTestId('params-differ').textContent()).resolves.toContain('revoked-network.minCompanies');
    await page.getByTestId('gone-hits').getByRole('button', { name: 'Erik Lindqvist' }).waitFor();
    await shot('changes-params');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db';
import { importPath } from '../../src/import/importer';
import { runAnalysis } from '../../src/analysis/run';
import { createCase, addCaseNote } from '../../src/cases/cases';
import { setHitStatus } from '../../src/cases/triage';
import { listHits } from '../../src/analysis/queries';
import { exportScope } from '../../src/export/index';
import { buildDossier } from '../../src/dossier/index';
import { tmpDir } from '../support/fixtures';
import { launchChromium, SCREENSHOT_DIR, type Launched } from '../e2e/support/browser';
import { EVIL_PERSON, writeHostileDataset } from '../e2e/support/hostile';

/**
 * The HTML report and the dossier rendered in real Chromium: names carrying script payloads stay
 * text, nothing is fetched from anywhere, and screenshots land in test/e2e/screenshots/latest/ (git-ignored) to look at.
 */
const SHOTS = SCREENSHOT_DIR;
let db: Db;
let browser: Launched;

beforeAll(async () => {
  db = openDb(':memory:');
  await importPath(db, writeHostileDataset(tmpDir()));
  runAnalysis(db, { asOf: '2025-06-01' });
  browser = await launchChromium({ viewport: { width: 1200, height: 900 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function render(file: string, shot: string): Promise<{ xss: unknown; requests: string[]; text: string }> {
  const page = await browser.context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url() !== pathToFileURL(file).href) requests.push(r.url());
  });
  let dialog = false;
  page.on('dialog', async (d) => {
    dialog = true;
    await d.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, shot), fullPage: true });
  const injected = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
  const xss = injected ?? (dialog ? 'dialog' : undefined);
  const text = await page.evaluate(() => document.body.innerText);
  await page.close();
  return { xss, requests, text };
}

describe('HTML report in Chromium', () => {
  it('renders the export report with hostile names as text and no network requests', async () => {
    const hit = listHits(db, { signal: 'revoked-network' }).items[0]!;
    setHitStatus(db, [hit.hit_key], 'bekraftad', 'Styrkt: <i>protokoll</i>', 'utredare');
    const caseId = createCase(db, { name: 'Ärende <Ondska>', description: 'Två återkallade HVB', entities: [{ id: hit.subject_id, kind: 'person' }], hitKeys: [hit.hit_key] }, 'utredare');
    addCaseNote(db, caseId, 'Begärt protokoll från IVO.\n<script>window.__xss=9</script>', 'utredare');
    const r = exportScope(db, { format: 'html', scope: { case: caseId }, outDir: tmpDir(), baseName: 'rapport' });
    const file = r.files[0]!.path;
    const html = fs.readFileSync(file, 'utf8');
    for (const m of html.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]*)/gi)) expect(m[1]).not.toMatch(/^(https?:)?\/\//i);
    const out = await render(file, 'report.png');
    expect(out.xss).toBeUndefined();
    expect(out.requests).toEqual([]);
    expect(out.text).toContain(EVIL_PERSON);
    expect(out.text).toContain('<script>window.__xss=9</script>');
    expect(out.text).toContain('Larm med underlag');
  });

  it('renders the dossier report the same way', async () => {
    const d = buildDossier(db, { orgNr: '5560000001', personkrets: [], asOf: '2025-06-01' });
    const file = path.join(tmpDir(), 'dossier.html');
    fs.writeFileSync(file, d.html);
    const out = await render(file, 'dossier.png');
    expect(out.xss).toBeUndefined();
    expect(out.requests).toEqual([]);
    expect(out.text).toContain(EVIL_PERSON);
    expect(out.text).toContain('Ej anmälda personer');
  });
});

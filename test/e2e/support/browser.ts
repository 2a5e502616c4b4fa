// Launches Debian Chromium headless via playwright-core with a fresh profile and no background
// networking (the e2e and canvas bench must not reach anything but 127.0.0.1).
import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env['INSYN_CHROMIUM'] ?? '/usr/bin/chromium';

export const BASE_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-extensions', '--metrics-recording-only', '--no-pings', '--lang=sv-SE',
];
export const SWIFTSHADER_ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

export interface Launched { context: BrowserContext; close: () => Promise<void> }

export async function launchChromium(opts: { extraArgs?: string[]; viewport?: { width: number; height: number } } = {}): Promise<Launched> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium saknas (${CHROMIUM}); installera med: apt-get update && apt-get install -y chromium`);
  const profile = mkdtempSync(path.join(tmpdir(), 'insyn-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...BASE_ARGS, ...(opts.extraArgs ?? [])],
    viewport: opts.viewport ?? { width: 1366, height: 768 },
    acceptDownloads: true,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Where tests save screenshots: a git-ignored folder (tests never rewrite tracked files). The
 * curated screenshots in test/e2e/screenshots/ are copied from here deliberately.
 */
export const SCREENSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots/latest');

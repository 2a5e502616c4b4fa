import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/** electron-builder.yml (issue 7.7): parses, passes electron-builder's own schema, and is hardened. */
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(s: string): unknown };
const config = yaml.load(fs.readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>;

async function validate(c: unknown): Promise<string | null> {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
  const { DebugLogger } = require('builder-util/out/DebugLogger.js');
  try {
    await validateConfiguration(c, new DebugLogger(false));
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder (and the validator catches a typo)', async () => {
    expect(await validate(config)).toBeNull();
    expect(await validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } })).toMatch(/electronFuses/);
  }, 60_000);

  it('builds a portable Windows exe and a Linux AppImage, packed in asar', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['portable']);
    expect(config.linux.target.map((t: { target: string }) => t.target)).toEqual(['AppImage']);
    expect(config.asar).toBe(true);
  });

  it('never publishes and has no update channel', () => {
    expect(config.publish).toBeNull();
    expect(config.detectUpdateChannel).toBe(false);
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8'));
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain('electron-updater');
  });

  it('sets the hardening fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

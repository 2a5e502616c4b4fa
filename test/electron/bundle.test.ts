import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildElectron } from '../../electron/launch';

/** The Electron bundles build, and the sandboxed preload loads nothing but `electron`. */
describe('Electron bundles', () => {
  it('builds main, worker and a self-contained preload', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'insyn-electron-'));
    const main = await buildElectron(out);
    expect(fs.existsSync(main)).toBe(true);
    expect(fs.existsSync(path.join(out, 'worker.js'))).toBe(true);
    const preload = fs.readFileSync(path.join(out, 'preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).toContain('hitsList');
    expect(preload).toContain('insyn:');
    // The main bundle loads the worker from beside itself, not from the TypeScript sources.
    const mainJs = fs.readFileSync(main, 'utf8');
    expect(mainJs).toContain('./worker');
    expect(mainJs).toMatch(/from ["']electron["']/);
    // Date fields and number formats follow Swedish conventions whatever the OS language.
    expect(mainJs).toMatch(/appendSwitch\(["']lang["'], ["']sv-SE["']\)/);
  }, 60_000);
});

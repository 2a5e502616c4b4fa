import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildElectron } from '../../electron/build.mjs';

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
    // The bundles load the worker from beside themselves (compiled .js), not from the TypeScript sources.
    const js = fs.readdirSync(out).filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(out, f), 'utf8')).join('\n');
    expect(js).toContain('./worker');
    expect(fs.readFileSync(main, 'utf8')).toMatch(/from ["']electron["']/);
    // Date fields and number formats follow Swedish conventions whatever the OS language.
    expect(js).toMatch(/appendSwitch\(["']lang["'], ["']sv-SE["']\)/);
  }, 60_000);
});

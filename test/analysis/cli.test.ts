import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db';
import { importPath } from '../../src/import/importer';
import { listAudit, verifyAudit } from '../../src/audit/log';
import { EXAMPLE_REVOKED_NETWORK } from '../support/samples';
import { CLI_BIN } from '../support/cli';

const BIN = CLI_BIN;
let dir: string;
let dbFile: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'insyn-analyze-'));
  dbFile = path.join(dir, 'store.sqlite');
  const db = openDb(dbFile);
  await importPath(db, EXAMPLE_REVOKED_NETWORK);
  db.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const insyn = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, INSYN_DB: dbFile } });

describe('insyn analyze', () => {
  it('exits quietly when the reader closes stdout early (analyze --json | head)', async () => {
    const child = spawn(process.execPath, [BIN, 'analyze', '--db', dbFile, '--as-of', '2026-11-01', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // The reader goes away before the command writes anything: every write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Error|at .*\.(ts|js):\d+/);
    expect(stderr).toContain('träffar');
    expect(code).toBe(0);
  });

  it('reports commander parse errors in Swedish with exit 2', () => {
    const r = insyn('analyze', '--bogus');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("okänd flagga '--bogus'");
    expect(r.stderr).not.toMatch(/unknown option|error:/);
    const missing = insyn('import');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("argumentet 'path' saknas");
    const help = insyn('export', '--help');
    expect(help.stdout).toContain('Användning: insyn export [flaggor]');
    expect(help.stdout).toContain('visa hjälp för kommandot');
  });

  it('--json prints exactly one contract object on stdout', () => {
    const out = execFileSync(process.execPath, [BIN, 'analyze', '--db', dbFile, '--as-of', '2026-11-01', '--json'], { encoding: 'utf8' });
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['as_of', 'coverage', 'hits', 'scores', 'run']);
    expect(json.as_of).toBe('2026-11-01');
    expect(json.hits.map((h: { subject_id: string }) => h.subject_id).sort()).toEqual(['197506141634', '5592809189', 'ext:NO-150278-44871']);
    expect(json.coverage['financial-mismanagement'].evaluable).toBe(false);
  });

  it('prints a readable Swedish table without --json', () => {
    const r = insyn('analyze', '--as-of', '2026-11-01');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Analys per 2026-11-01');
    expect(r.stdout).toContain('ej bedömbar');
  });

  it('exits 2 on a bad date or bad configuration, with a clear message', () => {
    const bad = insyn('analyze', '--as-of', '2026-13-01', '--json');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('ogiltigt datum');
    const cfg = path.join(dir, 'cfg.json');
    fs.writeFileSync(cfg, JSON.stringify({ 'revoked-network': { minCompanies: 'två' } }));
    const r = insyn('analyze', '--config', cfg, '--json');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('revoked-network.minCompanies');
    fs.writeFileSync(cfg, JSON.stringify({ 'revoked-network': { minCompanies: 3 } }));
    const ok = insyn('analyze', '--config', cfg, '--as-of', '2026-11-01', '--json');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).hits).toHaveLength(0);
  });

  it('appends an audit entry for every run (parameters, data version, hit count)', () => {
    const before = (() => { const db = openDb(dbFile); try { return listAudit(db, { limit: 10_000 }).entries.filter((e) => e.action === 'analysis_run').length; } finally { db.close(); } })();
    const r = insyn('analyze', '--as-of', '2026-11-01', '--json');
    expect(r.status).toBe(0);
    const db = openDb(dbFile);
    try {
      const runs = listAudit(db, { limit: 10_000 }).entries.filter((e) => e.action === 'analysis_run');
      expect(runs).toHaveLength(before + 1);
      expect(runs.at(-1)!.details).toMatchObject({ as_of: '2026-11-01', hits: 3, params: expect.objectContaining({ 'revoked-network': expect.anything() }) });
      expect(verifyAudit(db)).toMatchObject({ ok: true });
    } finally {
      db.close();
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';
import { openDb } from '../../src/store/db';
import { appendAudit } from '../../src/audit/log';
import { orgNr, tmpDir, writeDataset } from '../support/fixtures';
import { captureStdio } from '../support/stdio';


function seededFile(): string {
  const file = path.join(tmpDir(), 'a.sqlite');
  const db = openDb(file);
  for (let i = 1; i <= 4; i++) appendAudit(db, { actor: 'u', action: 'search', details: { q: `q${i}` } });
  db.close();
  return file;
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('insyn audit', () => {
  it('verify exits 0 on an intact log and 1 with the place when broken', async () => {
    const file = seededFile();
    let io = captureStdio();
    expect(await main(['audit', 'verify', '--db', file])).toBe(0);
    expect(io.out.join('')).toContain('4 poster');
    vi.restoreAllMocks();

    const raw = new Database(file);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET actor = 'någon annan' WHERE id = 2").run();
    raw.close();
    io = captureStdio();
    expect(await main(['audit', 'verify', '--db', file])).toBe(1);
    expect(io.err.join('')).toMatch(/bruten vid post 2/);
    vi.restoreAllMocks();
    process.exitCode = undefined;

    io = captureStdio();
    expect(await main(['audit', 'verify', '--db', file, '--json'])).toBe(1);
    expect(JSON.parse(io.out.join(''))).toMatchObject({ ok: false, brokenAt: 2, problem: 'modified' });
  });

  it('list --json pages the log', async () => {
    const file = seededFile();
    const io = captureStdio();
    expect(await main(['audit', 'list', '--db', file, '--json', '--offset', '1', '--limit', '2'])).toBe(0);
    const page = JSON.parse(io.out.join(''));
    expect(page.total).toBe(4);
    expect(page.entries.map((e: { seq: number }) => e.seq)).toEqual([2, 3]);
    expect(await main(['audit', 'list', '--db', file, '--limit', 'x'])).toBe(2);
  });

  it('receipt --out writes the head; verify --receipt fails once the log no longer contains it', async () => {
    const file = seededFile();
    const dir = path.dirname(file);
    // An old copy of the store, as someone might restore to hide what came after.
    fs.copyFileSync(file, path.join(dir, 'gammal.sqlite'));
    const db = openDb(file);
    appendAudit(db, { actor: 'u', action: 'export', details: { files: ['x.gexf'] } });
    db.close();

    const receiptFile = path.join(dir, 'kvitto.json');
    let io = captureStdio();
    expect(await main(['audit', 'receipt', '--db', file, '--out', receiptFile])).toBe(0);
    expect(io.out.join('')).toContain('kvitto.json');
    const receipt = JSON.parse(fs.readFileSync(receiptFile, 'utf8'));
    expect(receipt).toMatchObject({ format: 'insyn-audit-receipt', seq: 5, hash: expect.stringMatching(/^[0-9a-f]{64}$/), at: expect.any(String) });
    vi.restoreAllMocks();

    io = captureStdio();
    expect(await main(['audit', 'receipt', '--db', file, '--json'])).toBe(0);
    expect(JSON.parse(io.out.join(''))).toMatchObject({ seq: 5, hash: receipt.hash });
    // Never over an existing file.
    expect(await main(['audit', 'receipt', '--db', file, '--out', receiptFile])).toBe(1);
    vi.restoreAllMocks();
    process.exitCode = undefined;

    io = captureStdio();
    expect(await main(['audit', 'verify', '--db', file, '--receipt', receiptFile])).toBe(0);
    expect(io.out.join('')).toMatch(/Kvittots post nr 5/);
    vi.restoreAllMocks();

    // The restored old copy is a consistent log on its own; only the receipt shows the truncation.
    fs.copyFileSync(path.join(dir, 'gammal.sqlite'), file);
    io = captureStdio();
    expect(await main(['audit', 'verify', '--db', file])).toBe(0);
    vi.restoreAllMocks();
    io = captureStdio();
    expect(await main(['audit', 'verify', '--db', file, '--receipt', receiptFile])).toBe(1);
    expect(io.err.join('')).toMatch(/finns inte längre i loggen.*har kortats/);
    vi.restoreAllMocks();
    process.exitCode = undefined;

    fs.writeFileSync(path.join(dir, 'fel.json'), '{"seq": 1}');
    io = captureStdio();
    expect(await main(['audit', 'verify', '--db', file, '--receipt', path.join(dir, 'fel.json')])).toBe(2);
    expect(io.err.join('')).toMatch(/inget kvitto/);
  });

  it('verify fails when the head pointer was removed with the last entries', async () => {
    const file = seededFile();
    const raw = new Database(file);
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq >= 3').run();
    raw.prepare("DELETE FROM meta WHERE k = 'audit_head'").run();
    raw.close();
    const io = captureStdio();
    expect(await main(['audit', 'verify', '--db', file])).toBe(1);
    expect(io.err.join('')).toMatch(/huvudpekare saknas/);
  });

  it('import and analyze whose audit entry cannot be written change nothing', async () => {
    const file = path.join(tmpDir(), 's.sqlite');
    const db = openDb(file);
    db.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    db.close();
    const dir = writeDataset(tmpDir(), { companies: [{ org_nr: orgNr('556036079'), name: 'Ett AB' }] });
    let io = captureStdio();
    expect(await main(['import', dir, '--db', file])).toBe(1);
    expect(io.err.join('')).toMatch(/disk full/);
    vi.restoreAllMocks();
    process.exitCode = undefined;
    io = captureStdio();
    expect(await main(['analyze', '--db', file, '--as-of', '2025-01-01'])).not.toBe(0);
    vi.restoreAllMocks();
    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT (SELECT count(*) FROM datasets) + (SELECT count(*) FROM companies) + (SELECT count(*) FROM analysis_runs)').pluck().get()).toBe(0);
    check.close();
  });
});

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runAnalysis } from '../../src/analysis/run';
import { main } from '../../src/cli/main';
import { importPath, ImportError } from '../../src/import/importer';
import { openDb } from '../../src/store/db';
import { beginWrite, StoreBusyError, writerActive } from '../../src/store/write-lock';
import { orgNr, tmpDir, writeDataset } from '../support/fixtures';
import { captureStdio } from '../support/stdio';

/** Writers queue instead of failing with "database is locked" after 5 s (issue 13.4). */

const require = createRequire(import.meta.url);
const SQLITE = require.resolve('better-sqlite3');

/** Another process holds the write lock for `ms`, then commits a change; resolves once it holds it. */
function holdLockInAnotherProcess(file: string, ms: number): Promise<{ done: Promise<void> }> {
  const script = `
    const Database = require(${JSON.stringify(SQLITE)});
    const db = new Database(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO meta (k, v) VALUES ('other-writer', ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v").run(String(Date.now()));
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${ms});`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('locked')) resolve({ done }); });
    child.on('error', reject);
  });
}

function dataset(n: number): string {
  return writeDataset(tmpDir(), { companies: [{ org_nr: orgNr(String(556000000 + n * 7)), name: `Bolag ${n} AB` }] });
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('queued writers', () => {
  it('three imports started together while a fourth writer holds the store all finish, saying that they wait', async () => {
    const file = path.join(tmpDir(), 's.sqlite');
    const holder = openDb(file);
    holder.exec('BEGIN IMMEDIATE');
    // Released on a timer: the waiting imports must leave the event loop free for it.
    setTimeout(() => holder.exec('COMMIT'), 1500);
    const waits: number[] = [0, 0, 0];
    const results = await Promise.all([0, 1, 2].map((i) => importPath(openDb(file), dataset(i), { onWaitForStore: () => waits[i]!++ })));
    expect(results.map((r) => r.rows.companies)).toEqual([1, 1, 1]);
    expect(waits.every((w) => w >= 1)).toBe(true);
    expect(holder.prepare('SELECT count(*) FROM datasets').pluck().get()).toBe(3);
    holder.close();
  }, 30_000);

  it('the same content imported twice at once is stored once', async () => {
    const file = path.join(tmpDir(), 's.sqlite');
    const dir = dataset(9);
    const [a, b] = await Promise.all([importPath(openDb(file), dir), importPath(openDb(file), dir)]);
    expect([a.already_imported, b.already_imported].sort()).toEqual([false, true]);
    expect(openDb(file).prepare('SELECT count(*) FROM datasets').pluck().get()).toBe(1);
  });

  it('gives up after the longest wait with a Swedish message that says what to do', async () => {
    const file = path.join(tmpDir(), 's.sqlite');
    const holder = openDb(file);
    holder.exec('BEGIN IMMEDIATE');
    const err = await importPath(openDb(file), dataset(1), { storeWaitMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect(err).toMatchObject({ code: 'busy', messageSv: expect.stringMatching(/låst av en annan skrivare.*vänta tills den är klar.*försök igen/) });
    await expect(beginWrite(openDb(file), { maxWaitMs: 50 })).rejects.toBeInstanceOf(StoreBusyError);
    holder.exec('ROLLBACK');
    holder.close();
  });

  it('insyn import waits for another process writing, with a message, instead of failing', async () => {
    const file = path.join(tmpDir(), 's.sqlite');
    openDb(file).close();
    const other = await holdLockInAnotherProcess(file, 1500);
    const io = captureStdio();
    expect(await main(['import', dataset(2), '--db', file])).toBe(0);
    expect(io.err.join('')).toMatch(/väntar på databasen: en annan import eller analys skriver just nu/);
    vi.restoreAllMocks();
    await other.done;
  }, 30_000);
});

describe('analysis beside an import', () => {
  it('says when it read the store while an import was writing; the uncommitted rows are not in it', async () => {
    const file = path.join(tmpDir(), 's.sqlite');
    const db = openDb(file);
    await importPath(db, dataset(3));
    const importer = openDb(file);
    importer.exec('BEGIN IMMEDIATE');
    const half = orgNr('559999999');
    importer.prepare("INSERT INTO companies (key, org_nr, name, dataset_id, src_file, src_line, imported_at) VALUES (?, ?, 'Halvimporterad AB', 1, 'x', 1, '2025-01-01')").run(JSON.stringify([half]), half);
    expect(writerActive(db)).toBe(true);
    const r = runAnalysis(db, { asOf: '2025-01-01', persist: false });
    expect(JSON.stringify(r)).not.toContain(half);
    expect(r.snapshot).toMatchObject({ writer_active: true, changed_during_run: false, note_sv: expect.stringMatching(/en import .* pågick när analysen startade.*kör analysen igen/) });
    importer.exec('ROLLBACK');
    expect(writerActive(db)).toBe(false);
    expect(runAnalysis(db, { asOf: '2025-01-01', persist: false }).snapshot).toEqual({ writer_active: false, changed_during_run: false, note_sv: null });
  });

  it('insyn analyze waits to store its run while another process writes, and says the data changed meanwhile', async () => {
    const file = path.join(tmpDir(), 's.sqlite');
    const db = openDb(file);
    await importPath(db, dataset(4));
    db.close();
    const other = await holdLockInAnotherProcess(file, 1500);
    const io = captureStdio();
    expect(await main(['analyze', '--db', file, '--as-of', '2025-01-01'])).toBe(0);
    const err = io.err.join('');
    vi.restoreAllMocks();
    expect(err).toMatch(/väntar på databasen: en import skriver just nu/);
    expect(err).toMatch(/Obs: databasen ändrades medan analysen kördes|Obs: en import .* pågick när analysen startade/);
    await other.done;
    const check = openDb(file);
    expect(check.prepare('SELECT count(*) FROM analysis_runs').pluck().get()).toBe(1);
  }, 30_000);
});

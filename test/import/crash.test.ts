import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/import/importer';
import { openDb } from '../../src/store/db';
import { orgNr, personId, tableCsv, tmpDir, writeDataset } from '../support/fixtures';
import { storeFingerprint } from './helpers';
import { CLI_BIN } from '../support/cli';

/** Issue 7.2: SIGKILL an import at random points; the store must stay consistent, all-or-none. */

const N = 30_000;

function bigDataset(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const companies = Array.from({ length: N }, (_, i) => ({ org_nr: orgNr(String(556000000 + i)), name: `Bolag ${i} AB`, legal_form: 'AB', status: 'active', address: `Storgatan ${i % 500}`, postal_code: '11122', city: 'Stockholm' }));
  fs.writeFileSync(path.join(dir, 'companies.csv'), tableCsv('companies', companies));
  const roles = Array.from({ length: 2 * N }, (_, i) => ({ org_nr: orgNr(String(556000000 + (i % N))), holder_id: personId(`19${50 + (i % 40)}0${1 + (i % 9)}1${i % 9}`, String(100 + (i % 800))), role: i % 2 ? 'ceo' : 'board_member', from: '2020-01-01' }));
  fs.writeFileSync(path.join(dir, 'roles.csv'), tableCsv('roles', roles));
  return dir;
}

/** `writingMs`: from the first progress line to the child's exit. */
function runChild(db: string, dir: string, killAfterMs: number | null): Promise<{ killed: boolean; wrote: boolean; code: number | null; writingMs: number }> {
  return new Promise((resolve, reject) => {
    // The compiled CLI as shipped (its read side runs in a worker thread at this size).
    const child = spawn(process.execPath, [CLI_BIN, 'import', dir, '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let wrote = false;
    let wroteAt = 0;
    let killed = false;
    let err = '';
    // Progress on stderr (`file: N rader, …`) means rows are being written.
    child.stderr.on('data', (d) => {
      err += String(d);
      if (!wrote && / rader, /.test(err)) {
        wrote = true;
        wroteAt = performance.now();
        if (killAfterMs !== null)
          setTimeout(() => {
            killed = child.kill('SIGKILL');
          }, killAfterMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0 && !killed) reject(new Error(`child failed (${code}): ${err}`));
      else resolve({ killed, wrote, code, writingMs: wrote ? performance.now() - wroteAt : 0 });
    });
  });
}

describe('crash consistency (issue 7.2)', () => {
  it('SIGKILL during an import leaves an intact store holding all or none of the dataset; re-run completes', async () => {
    const work = tmpDir('insyn-crash-');
    const dbFile = path.join(work, 'store.sqlite');
    const base = writeDataset(path.join(work, 'base'), { companies: [{ org_nr: orgNr('559999999'), name: 'Före AB' }] });
    const big = bigDataset(path.join(work, 'big'));
    {
      const db = openDb(dbFile);
      await importPath(db, base);
      db.close();
    }
    const fingerprintOf = () => {
      const db = openDb(dbFile);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        return storeFingerprint(db);
      } finally {
        db.close();
      }
    };
    const before = fingerprintOf();
    // The kills fall at fractions of how long this machine writes the dataset (timed on a copy),
    // so a faster machine does not finish the import before most of them.
    const copy = path.join(work, 'timing.sqlite');
    fs.copyFileSync(dbFile, copy);
    const writing = (await runChild(copy, big, null)).writingMs;
    let midImportKills = 0;
    for (const at of [0, 0.15, 0.3, 0.45, 0.6, Math.random() * 0.75]) {
      const delay = Math.floor(at * writing);
      const r = await runChild(dbFile, big, delay);
      const now = fingerprintOf();
      if (now.counts.datasets === before.counts.datasets) {
        expect(now).toEqual(before); // none of it
        if (r.killed) midImportKills++;
      } else {
        expect(now.counts).toMatchObject({ datasets: 2, companies: N + 1, roles: 2 * N }); // all of it
        break;
      }
    }
    expect(midImportKills).toBeGreaterThanOrEqual(3);
    const done = await runChild(dbFile, big, null);
    expect(done.code).toBe(0);
    expect(fingerprintOf().counts).toMatchObject({ datasets: 2, companies: N + 1, roles: 2 * N, quarantine: 0 });
  }, 120_000);

  it('SIGKILL during the first import into a new store (rollback journal, issue 10) leaves it empty, intact and in WAL; re-run completes', async () => {
    const work = tmpDir('insyn-crash-first-');
    const big = bigDataset(path.join(work, 'big'));
    const timing = path.join(work, 'timing.sqlite');
    openDb(timing).close();
    const writing = (await runChild(timing, big, null)).writingMs;
    let midImportKills = 0;
    let hotJournals = 0;
    for (const at of [0, 0.3, 0.6]) {
      const delay = Math.floor(at * writing);
      const dbFile = path.join(work, `fresh-${at}.sqlite`);
      openDb(dbFile).close(); // a new, migrated store
      const r = await runChild(dbFile, big, delay);
      if (!r.killed) continue;
      // A kill inside the transaction leaves a hot rollback journal (the import was not in WAL).
      if (fs.existsSync(`${dbFile}-journal`)) hotJournals++;
      const db = openDb(dbFile);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
        const counts = storeFingerprint(db).counts;
        if (counts.datasets === 0) {
          expect(counts).toMatchObject({ companies: 0, roles: 0, quarantine: 0 });
          midImportKills++;
        } else expect(counts).toMatchObject({ datasets: 1, companies: N, roles: 2 * N });
      } finally {
        db.close();
      }
      expect(fs.existsSync(`${dbFile}-journal`)).toBe(false);
      const done = await runChild(dbFile, big, null);
      expect(done.code).toBe(0);
      const after = openDb(dbFile);
      expect(storeFingerprint(after).counts).toMatchObject({ datasets: 1, companies: N, roles: 2 * N });
      after.close();
    }
    expect(midImportKills).toBeGreaterThanOrEqual(2);
    expect(hotJournals).toBeGreaterThanOrEqual(midImportKills);
  }, 120_000);
});

/**
 * Issue 13: the hostile and careless inputs of items 1–4 tried one by one, each in its own child
 * process so its peak RSS (maxRSS) is its own. Prints and writes
 * test/bench/results/latest/hostile.json: how many were tried, how many were handled (refused or
 * caught with a clear message, store consistent), and the memory peak of the worst.
 * Usage: npx tsx test/bench/hostile.bench.ts [case …]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startServer } from '../../src/api/http-server';
import { createApiHandler, type ServiceImpl } from '../../src/api/handler';
import { createClient } from '../../src/api/client';
import { createWorkbench } from '../../src/api/service';
import { runAnalysis } from '../../src/analysis/run';
import { appendAudit, entryHash, GENESIS_HASH, listAudit, verifyAudit } from '../../src/audit/log';
import { canonicalJson } from '../../src/audit/canonical';
import { importAudited } from '../../src/audit/events';
import { main } from '../../src/cli/main';
import { importPath } from '../../src/import/importer';
import { openDb, type Db } from '../../src/store/db';
import { orgNr, personId, tmpDir, writeDataset } from '../support/fixtures';
import { streamPost } from '../support/http';
import { RESULTS_DIR } from './results-dir';

type Outcome = { handled: boolean; detail: string };

function auditStore(n = 6): { db: Db; tamper: (sql: string, ...a: unknown[]) => void } {
  const db = openDb(':memory:');
  db.prepare("INSERT INTO datasets (name, source_path, content_hash, imported_at) VALUES ('d', '/d', 'h', '2026-01-01')").run();
  for (let i = 1; i <= n; i++) appendAudit(db, { actor: 'u', action: 'search', details: { q: `q${i}` } });
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  return { db, tamper: (sql, ...a) => void db.prepare(sql).run(...a) };
}
const caught = (db: Db, receipt?: { seq: number; hash: string; at: string }): Outcome => {
  const v = verifyAudit(db, { receipt });
  return { handled: !v.ok, detail: v.ok ? 'verified as intact' : v.message_sv };
};

async function bodyCase(bytes: number, withLength: boolean): Promise<Outcome> {
  const service = { search: () => ({ items: [] }) } as unknown as ServiceImpl;
  const srv = await startServer({ handle: createApiHandler(service) });
  try {
    const { status } = await streamPost(srv.port, srv.token, bytes, withLength);
    return { handled: status === 413, detail: `HTTP ${status}` };
  } catch (err) {
    return { handled: false, detail: String(err) };
  } finally {
    await srv.close();
  }
}

function rootsWorld() {
  const base = fs.realpathSync(tmpDir());
  const importRoot = path.join(base, 'in');
  const exportRoot = path.join(base, 'ut');
  writeDataset(importRoot, { companies: [{ org_nr: orgNr('556036079'), name: 'Ett AB' }] });
  fs.mkdirSync(exportRoot);
  fs.mkdirSync(path.join(importRoot, 'länkad'));
  fs.symlinkSync('/etc/passwd', path.join(importRoot, 'passwd.csv'));
  fs.symlinkSync('/etc/passwd', path.join(importRoot, 'länkad', 'companies.csv'));
  fs.symlinkSync('/tmp', path.join(exportRoot, 'ut-länk'));
  const db = openDb(':memory:');
  const wb = createWorkbench({ db, dbPath: ':memory:', actor: 'bench', importRoot, exportDir: exportRoot });
  const handle = createApiHandler(wb.service);
  return { c: createClient((m, r) => handle(m, r)), wb };
}

async function refusedPreview(p: string): Promise<Outcome> {
  const { c } = rootsWorld();
  const r = await c.importPreview({ paths: [p] });
  const err = r.ok ? r.value.files[0]?.error ?? null : r.error.message;
  const leaked = r.ok && JSON.stringify(r.value).includes('root:');
  return { handled: !!err && !leaked, detail: err ?? 'read' };
}

async function refusedExport(dir: string): Promise<Outcome> {
  const { c, wb } = rootsWorld();
  await wb.jobs.wait((await c.importStart({ paths: ['companies.csv'] }) as { ok: true; value: { jobId: string } }).value.jobId);
  const r = await c.exportRun({ format: 'html', scope: { subject: orgNr('556036079') }, dir });
  return { handled: !r.ok, detail: r.ok ? `wrote ${r.value.dir}` : r.error.message };
}

const CASES: Record<string, () => Promise<Outcome>> = {
  'audit: last entries cut, head moved to new last': async () => {
    const { db, tamper } = auditStore();
    const e4 = listAudit(db).entries[3]!;
    tamper('DELETE FROM audit_log WHERE seq > 4');
    tamper("UPDATE meta SET v = ? WHERE k = 'audit_head'", `4:${e4.hash}`);
    return caught(db);
  },
  'audit: last entries cut, head deleted': async () => {
    const { db, tamper } = auditStore();
    tamper('DELETE FROM audit_log WHERE seq > 4');
    tamper("DELETE FROM meta WHERE k = 'audit_head'");
    return caught(db);
  },
  'audit: all entries and head deleted': async () => {
    const { db, tamper } = auditStore();
    tamper('DELETE FROM audit_log');
    tamper("DELETE FROM meta WHERE k = 'audit_head'");
    return caught(db);
  },
  'audit: garbage head': async () => {
    const { db, tamper } = auditStore();
    tamper("UPDATE meta SET v = 'NaN:zzz' WHERE k = 'audit_head'");
    return caught(db);
  },
  'audit: row edited, chain and head re-hashed with plain SHA-256': async () => {
    const { db, tamper } = auditStore();
    let prev = GENESIS_HASH;
    for (const e of listAudit(db).entries) {
      const details = e.seq === 3 ? { q: 'förfalskad' } : e.details;
      const h = entryHash(prev, { ...e, details });
      tamper('UPDATE audit_log SET details = ?, prev_hash = ?, hash = ?, key_id = NULL WHERE id = ?', canonicalJson(details), prev, h, e.id);
      prev = h;
    }
    tamper("UPDATE meta SET v = ? WHERE k = 'audit_head'", `6:${prev}`);
    return caught(db);
  },
  'audit: old copy restored (receipt of the newer head)': async () => {
    const { db } = auditStore(4);
    const old = auditStore(3).db;
    const e4 = listAudit(db).entries[3]!;
    return caught(old, { seq: e4.seq, hash: e4.hash, at: e4.at });
  },
  'audit: entry cannot be written → import rolled back': async () => {
    const db = openDb(':memory:');
    db.exec("CREATE TRIGGER f BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const dir = writeDataset(tmpDir(), { companies: [{ org_nr: orgNr('556036079'), name: 'Ett AB' }] });
    const err = await importAudited(db, dir).catch((e: Error) => e);
    const n = db.prepare('SELECT count(*) FROM companies').pluck().get() as number;
    return { handled: err instanceof Error && n === 0, detail: `${String(err)}; companies=${n}` };
  },
  'importPreview /etc/passwd via symlink in root': () => refusedPreview('passwd.csv'),
  'importPreview /etc/passwd absolute': () => refusedPreview('/etc/passwd'),
  'importPreview ../ out of root': () => refusedPreview('../../../etc/passwd'),
  'importStart folder holding a link out': async () => {
    const { c } = rootsWorld();
    const r = await c.importStart({ paths: ['länkad'] });
    return { handled: !r.ok, detail: r.ok ? 'started' : r.error.message };
  },
  'exportRun dir ""': () => refusedExport(''),
  'exportRun dir outside root': () => refusedExport('/tmp'),
  'exportRun dir via symlink out': () => refusedExport('ut-länk'),
  'amount with 5 000 digits': async () => {
    const P = personId('19811218', '987');
    const dir = writeDataset(tmpDir(), { financial_events: [{ subject_id: P, kind: 'enforcement_debt', amount_sek: '9'.repeat(5000), occurred_on: '2024-01-01' }] });
    const db = openDb(':memory:');
    const r = await importPath(db, dir);
    const inf = db.prepare('SELECT count(*) FROM financial_events WHERE abs(amount_sek) > 1e300').pluck().get() as number;
    return { handled: r.quarantined === 1 && inf === 0, detail: r.quarantine[0]?.reason_sv ?? 'stored' };
  },
  'request body 100 MB with Content-Length': () => bodyCase(100 << 20, true),
  'request body 100 MB chunked': () => bodyCase(100 << 20, false),
  'request body 16 MB + 1 byte': () => bodyCase((16 << 20) + (1 << 20), true),
  'file name with ESC/BEL/bidi printed by insyn import': async () => {
    const dir = writeDataset(tmpDir(), { companies: [{ org_nr: orgNr('556036079'), name: 'Ett AB' }] });
    fs.writeFileSync(path.join(dir, 'x\x1b]0;pwned\x07\u202e.txt'), 'x');
    const out: string[] = [];
    const w1 = process.stdout.write.bind(process.stdout);
    const w2 = process.stderr.write.bind(process.stderr);
    process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
    process.stderr.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stderr.write;
    try {
      await main(['import', dir, '--db', path.join(tmpDir(), 's.sqlite')]);
    } finally {
      process.stdout.write = w1;
      process.stderr.write = w2;
    }
    const raw = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202e]/.test(out.join(''));
    return { handled: !raw, detail: raw ? 'raw control characters printed' : 'escaped' };
  },
  'FtM company, jurisdiction no, number passes Luhn': async () => {
    const file = path.join(tmpDir(), 'x.ftm.json');
    fs.writeFileSync(file, JSON.stringify({ id: 'no-1', schema: 'Company', properties: { name: ['Fjord AS'], registrationNumber: [orgNr('912345678')], jurisdiction: ['no'] } }) + '\n');
    const db = openDb(':memory:');
    await importPath(db, file);
    const id = db.prepare('SELECT org_nr FROM companies').pluck().get() as string;
    return { handled: id === 'ext:no-1', detail: id };
  },
  'three imports at once while a fourth writer holds the store': async () => {
    const file = path.join(tmpDir(), 's.sqlite');
    const holder = openDb(file);
    holder.exec('BEGIN IMMEDIATE');
    setTimeout(() => holder.exec('COMMIT'), 6000);
    const rs = await Promise.allSettled([0, 1, 2].map((i) => importPath(openDb(file), writeDataset(tmpDir(), { companies: [{ org_nr: orgNr(String(556100000 + i * 13)), name: `B${i}` }] }))));
    const ok = rs.filter((r) => r.status === 'fulfilled').length;
    return { handled: ok === 3, detail: `${ok}/3 imported after waiting > 5 s` };
  },
  'analyze while an import writes': async () => {
    const file = path.join(tmpDir(), 's.sqlite');
    const db = openDb(file);
    await importPath(db, writeDataset(tmpDir(), { companies: [{ org_nr: orgNr('556036079'), name: 'Ett AB' }] }));
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const r = runAnalysis(db, { persist: false });
    other.exec('ROLLBACK');
    return { handled: r.snapshot.note_sv !== null, detail: r.snapshot.note_sv ?? 'silent' };
  },
};

async function child(name: string): Promise<void> {
  const outcome = await CASES[name]!();
  const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify({ name, ...outcome, maxRssMb }) + '\n');
  process.exit(0);
}

function parent(only: string[]): void {
  const names = Object.keys(CASES).filter((n) => only.length === 0 || only.some((o) => n.includes(o)));
  const results: { name: string; handled: boolean; detail: string; maxRssMb: number }[] = [];
  for (const name of names) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--case', name], { encoding: 'utf8', env: { ...process.env, INSYN_AUDIT_KEY: path.join(tmpDir(), 'audit.key') } });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    let r: (typeof results)[number];
    try {
      r = JSON.parse(line) as (typeof results)[number];
    } catch {
      r = { name, handled: false, detail: `crashed (exit ${run.status}): ${run.stderr.slice(-300)}`, maxRssMb: 0 };
    }
    results.push(r);
    process.stderr.write(`${r.handled ? 'ok  ' : 'FAIL'} ${String(r.maxRssMb).padStart(5)} MB  ${name}: ${r.detail.slice(0, 120)}\n`);
  }
  const worst = results.reduce((a, b) => (b.maxRssMb > a.maxRssMb ? b : a), results[0]!);
  const summary = { tried: results.length, handled: results.filter((r) => r.handled).length, worstPeakRssMb: worst.maxRssMb, worstCase: worst.name, results };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, 'hostile.json'), JSON.stringify(summary, null, 2));
  process.stdout.write(`${summary.handled}/${summary.tried} handled; worst peak RSS ${summary.worstPeakRssMb} MB (${summary.worstCase})\n`);
  process.exitCode = summary.handled === summary.tried ? 0 : 1;
}

const i = process.argv.indexOf('--case');
if (i >= 0) void child(process.argv[i + 1]!);
else parent(process.argv.slice(2));

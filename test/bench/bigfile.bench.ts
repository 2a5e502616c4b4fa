/**
 * Issue 7.3: a ~1 GB generated CSV imports with bounded memory (peak RSS ≤ 1 GB). The file is
 * companies.csv with a long free-text column (kept in `extra`), generated once into
 * test/bench/cache/. The import runs in a child process so maxRSS is the import's own.
 * Writes test/bench/results/latest/bigfile.json. Option: --mb N (file size, default 1024).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { importPath } from '../../src/import/importer';
import { openDb } from '../../src/store/db';
import { csvField, orgNr } from '../support/fixtures';
import { RESULTS_DIR } from './results-dir';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE = path.join(ROOT, 'test/bench/cache');
const RESULTS = RESULTS_DIR;

async function generate(dir: string, targetBytes: number): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const out = fs.createWriteStream(path.join(dir, 'companies.csv'));
  const write = (s: string): Promise<void> | void => (out.write(s) ? undefined : new Promise((r) => out.once('drain', () => r())));
  await write('org_nr,name,legal_form,status,address,postal_code,city,beskrivning\n');
  let bytes = 0;
  let batch = '';
  const filler = 'Verksamhet inom vård och omsorg, "HVB", stödboende; personlig assistans och hemtjänst. '.repeat(5);
  for (let i = 0; bytes < targetBytes; i++) {
    const line = `${orgNr(String(500000000 + i))},Bolag ${i} AB,AB,active,Storgatan ${i % 997},${10000 + (i % 89999)},Ort ${i % 290},${csvField(`${i}: ${filler}`, ',')}\n`;
    batch += line;
    bytes += Buffer.byteLength(line);
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  await new Promise<void>((r) => out.end(() => r()));
}

async function child(dbFile: string, dir: string): Promise<void> {
  const db = openDb(dbFile);
  const t0 = performance.now();
  let peakHeap = 0;
  let last = 0;
  const r = await importPath(db, dir, {
    onProgress: (p) => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      if (performance.now() - last < 10_000) return;
      last = performance.now();
      process.stderr.write(`  ${p.rows} rader, ${Math.round((100 * p.bytesRead) / p.bytesTotal)} %, ${p.rowsPerSec} rader/s, rss ${Math.round(process.memoryUsage().rss / 1048576)} MB\n`);
    },
  });
  db.close();
  console.log(JSON.stringify({ seconds: (performance.now() - t0) / 1000, rows: r.rows.companies ?? 0, quarantined: r.quarantined, maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), peakHeapMB: Math.round(peakHeap / 1048576) }));
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3]!, process.argv[4]!);
  const i = process.argv.indexOf('--mb');
  const mbTarget = i >= 0 ? Number(process.argv[i + 1]) : 1024;
  const dir = path.join(CACHE, `bigfile-${mbTarget}mb`);
  if (!fs.existsSync(path.join(dir, '.complete'))) {
    process.stderr.write(`Genererar ${mbTarget} MB companies.csv…\n`);
    await generate(dir, mbTarget * 1024 * 1024);
    fs.writeFileSync(path.join(dir, '.complete'), '');
  }
  const size = fs.statSync(path.join(dir, 'companies.csv')).size;
  const dbFile = path.join(CACHE, 'bench-bigfile.sqlite');
  for (const s of ['', '-wal', '-shm']) fs.rmSync(dbFile + s, { force: true });
  process.stderr.write(`Importerar ${(size / 1048576).toFixed(0)} MB…\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', dbFile, dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`import child failed (${r.status})`);
  const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as { seconds: number; rows: number; quarantined: number; maxRssMB: number; peakHeapMB: number };
  for (const s of ['', '-wal', '-shm']) fs.rmSync(dbFile + s, { force: true });
  const result = { benchmark: 'bigfile', date: new Date().toISOString(), file_mb: Math.round(size / 1048576), rows: m.rows, quarantined: m.quarantined, seconds: Number(m.seconds.toFixed(1)), rows_per_sec: Math.round(m.rows / m.seconds), peak_rss_mb: m.maxRssMB, peak_heap_mb: m.peakHeapMB, rss_target_mb: 1024, ok: m.maxRssMB <= 1024 };
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'bigfile.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(JSON.stringify(result, null, 2));
  if (!result.ok) process.exitCode = 1;
}

await main();

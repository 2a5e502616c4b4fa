/**
 * `npm run bench:import` (issue 3.7): imports the national-scale extract (generated once with
 * generateDataset and cached in test/bench/cache/) and measures, in the same run, the raw
 * better-sqlite3 ceiling: a prepared INSERT of the same row counts, in one transaction, into the
 * same tables (same columns and indexes) with synthetic values. Import and ceiling each run in a
 * child process so peak RSS (process.resourceUsage().maxRSS) is the import's own.
 * Writes test/bench/results/latest/import.json and import.md.
 *
 * Options: --data DIR (an existing extract instead of the cache), --scale municipality|national,
 * --skip-bigfile (skip the 1 GB bounded-memory run, see bigfile.bench.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generateDataset } from '../../src/demo/generate';
import { importPath } from '../../src/import/importer';
import { TABLE_NAMES, type TableName } from '../../src/model/tables';
import { openDb } from '../../src/store/db';
import { factColumns } from '../../src/store/facts';
import { RESULTS_DIR } from './results-dir';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE = path.join(ROOT, 'test/bench/cache');
const RESULTS = RESULTS_DIR;
const SEED = 20261125;
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const mb = (kb: number): number => Math.round(kb / 1024);

async function childImport(dbFile: string, dataDir: string): Promise<void> {
  const db = openDb(dbFile);
  const t0 = performance.now();
  let last = 0;
  const r = await importPath(db, dataDir, {
    onProgress: (p) => {
      if (performance.now() - last < 5000) return;
      last = performance.now();
      process.stderr.write(`  ${p.file}: ${p.rows} rader, ${p.rowsPerSec} rader/s, ${p.bytesTotal ? Math.round((100 * p.bytesRead) / p.bytesTotal) : 0} %, rss ${Math.round(process.memoryUsage().rss / 1048576)} MB\n`);
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  const records = Object.values(r.records).reduce((a, b) => a + b, 0);
  console.log(JSON.stringify({ seconds, records, rows: r.rows, quarantined: r.quarantined, maxRssMB: mb(process.resourceUsage().maxRSS) }));
}

/** Same tables, same indexes, same row counts; values synthesised (scattered keys, like real ids). */
function childCeiling(dbFile: string, counts: Record<string, number>): void {
  const db = openDb(dbFile);
  db.prepare("INSERT INTO datasets (id, name, source_path, content_hash, imported_at) VALUES (1, 'ceiling', '-', '-', '-')").run();
  const t0 = performance.now();
  db.exec('BEGIN');
  let total = 0;
  for (const [table, n] of Object.entries(counts)) {
    if (!TABLE_NAMES.includes(table as TableName)) continue;
    const cols = ['key', ...factColumns(table as TableName), 'dataset_id', 'src_file', 'src_line', 'imported_at'];
    const stmt = db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    const values: unknown[] = new Array(cols.length);
    for (let i = 0; i < n; i++) {
      const scattered = String((i * 2654435761) % 4294967291).padStart(10, '0');
      values[0] = `["${scattered}"]`;
      for (let c = 1; c < cols.length - 4; c++) values[c] = c % 3 === 0 ? null : `${scattered}-${c}`;
      values[cols.length - 4] = 1;
      values[cols.length - 3] = `${table}.csv`;
      values[cols.length - 2] = i + 2;
      values[cols.length - 1] = '2026-11-25T00:00:00.000Z';
      stmt.run(...values);
    }
    total += n;
  }
  db.exec('COMMIT');
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  console.log(JSON.stringify({ seconds, rows: total, maxRssMB: mb(process.resourceUsage().maxRSS) }));
}

function runChild(args: string[]): Record<string, unknown> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`child ${args[0]} failed with ${r.status}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
}

function freshDbFile(name: string): string {
  const f = path.join(CACHE, name);
  for (const s of ['', '-wal', '-shm']) fs.rmSync(f + s, { force: true });
  return f;
}

async function ensureDataset(scale: 'municipality' | 'national'): Promise<string> {
  const dir = path.join(CACHE, `import-${scale}-${SEED}`);
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`Genererar ${scale}-extrakt i ${dir} (en gång)…\n`);
  const t0 = performance.now();
  await generateDataset(dir, { scale, seed: SEED, dirty: false, onProgress: (p) => (p.done % 200_000 === 0 ? process.stderr.write(`  ${p.phase} ${p.done}/${p.total}\n`) : undefined) });
  fs.writeFileSync(path.join(dir, '.complete'), new Date().toISOString());
  process.stderr.write(`  klart på ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  return dir;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child-import') return childImport(process.argv[3]!, process.argv[4]!);
  if (process.argv[2] === '--child-ceiling') return childCeiling(process.argv[3]!, JSON.parse(process.argv[4]!) as Record<string, number>);
  fs.mkdirSync(CACHE, { recursive: true });
  fs.mkdirSync(RESULTS, { recursive: true });
  const scale = (arg('--scale') ?? 'national') as 'municipality' | 'national';
  const data = arg('--data') ?? (await ensureDataset(scale));
  const bytes = fs.readdirSync(data).filter((f) => f.endsWith('.csv')).reduce((a, f) => a + fs.statSync(path.join(data, f)).size, 0);
  process.stderr.write(`Importerar ${data} (${(bytes / 1e6).toFixed(0)} MB CSV)…\n`);
  const imp = runChild(['--child-import', freshDbFile('bench-import.sqlite'), data]);
  const rows = imp.rows as Record<string, number>;
  process.stderr.write(`Mäter taket (rå better-sqlite3-insert av ${Object.values(rows).reduce((a, b) => a + b, 0)} rader)…\n`);
  const ceil = runChild(['--child-ceiling', freshDbFile('bench-ceiling.sqlite'), JSON.stringify(rows)]);
  const importRate = (imp.records as number) / (imp.seconds as number);
  const ceilingRate = (ceil.rows as number) / (ceil.seconds as number);
  const result = {
    benchmark: 'import',
    date: new Date().toISOString(),
    data,
    scale: arg('--data') ? 'custom' : scale,
    csv_bytes: bytes,
    rows: imp.rows,
    records: imp.records,
    quarantined: imp.quarantined,
    import_seconds: Number((imp.seconds as number).toFixed(2)),
    import_rows_per_sec: Math.round(importRate),
    ceiling_seconds: Number((ceil.seconds as number).toFixed(2)),
    ceiling_rows_per_sec: Math.round(ceilingRate),
    ratio: Number((importRate / ceilingRate).toFixed(3)),
    ratio_target: 0.4,
    import_peak_rss_mb: imp.maxRssMB,
    ceiling_peak_rss_mb: ceil.maxRssMB,
    rss_target_mb: 2048,
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version, loadavg_1m: (await import('node:os')).loadavg()[0] ?? 0 },
  };
  fs.writeFileSync(path.join(RESULTS, 'import.json'), JSON.stringify(result, null, 2) + '\n');
  const md = [
    '# Import benchmark',
    '',
    `Run ${result.date} on ${result.machine.cpus} cores, Node ${result.machine.node} (1-min load average at the end: ${result.machine.loadavg_1m.toFixed(1)}).`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| data | ${result.scale} (${(bytes / 1e6).toFixed(0)} MB CSV, ${result.records} rows) |`,
    `| import wall time | ${result.import_seconds} s |`,
    `| import rows/s | ${result.import_rows_per_sec} |`,
    `| raw insert ceiling rows/s | ${result.ceiling_rows_per_sec} (${result.ceiling_seconds} s) |`,
    `| ratio import/ceiling | **${result.ratio}** (target ≥ 0.40) |`,
    `| import peak RSS | **${result.import_peak_rss_mb} MB** (target ≤ 2048 MB) |`,
    `| quarantined | ${result.quarantined} |`,
    '',
    'Rows per table: ' + Object.entries(rows).map(([t, n]) => `${t} ${n}`).join(', '),
    '',
  ].join('\n');
  fs.writeFileSync(path.join(RESULTS, 'import.md'), md);
  console.log(JSON.stringify(result, null, 2));
  if (!process.argv.includes('--skip-bigfile')) {
    const big = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bigfile.bench.ts')], { stdio: 'inherit' });
    if (big.status !== 0) process.exitCode = 1;
  }
}

await main();

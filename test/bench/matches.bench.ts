/**
 * Bench `npm run bench:matches` (issue 15): entity-resolution candidate generation on the national
 * demo extract — every record without a Swedish id against all persons and companies.
 * Target: ≤ 30 s wall and ≤ 2 GB peak RSS on a 2-core machine.
 *
 * Uses the national store cached by bench:analyze / eval (test/bench/cache/national-analyze.sqlite;
 * generated and imported by a child process when missing). Baseline: one raw scan of the persons
 * table (the rows the candidate generation must stream at least once). Three runs each,
 * alternating; medians reported. Writes test/bench/results/latest/matches-national.json and .md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findCandidates } from '../../src/matching/candidates';
import { openDb } from '../../src/store/db';
import { RESULTS_DIR } from './results-dir';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE = path.join(ROOT, 'test/bench/cache');
const SEED = '20261101';
const scale = process.argv.includes('--scale') ? process.argv[process.argv.indexOf('--scale') + 1]! : 'national';
const dataDir = path.join(CACHE, `eval-${scale}`);
const dbFile = path.join(CACHE, `${scale}-analyze.sqlite`);
const RUNS = 3;

function cli(...args: string[]): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/bin.js'), ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`insyn ${args.join(' ')} failed (exit ${r.status}): ${r.stderr.slice(-2000)}`);
}

function ensureStore(): void {
  if (!fs.existsSync(path.join(dataDir, 'truth.csv'))) {
    process.stderr.write(`genererar ${scale}-data i ${dataDir} …\n`);
    cli('demo-data', dataDir, '--scale', scale, '--seed', SEED);
  }
  const marker = dbFile + '.imported';
  if (fs.existsSync(marker)) return;
  for (const ext of ['', '-wal', '-shm']) fs.rmSync(dbFile + ext, { force: true });
  process.stderr.write(`importerar till ${dbFile} …\n`);
  cli('import', dataDir, '--db', dbFile);
  fs.writeFileSync(marker, new Date().toISOString());
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  ensureStore();
  const db = openDb(dbFile);
  const baseline: number[] = [];
  const wall: number[] = [];
  let last: ReturnType<typeof findCandidates> | null = null;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    let n = 0;
    for (const r of db.prepare('SELECT person_id, name, birth_date, address_key, extra, src_file, src_line FROM persons').raw(true).iterate()) if (r) n++;
    baseline.push((performance.now() - t0) / 1000);
    const t1 = performance.now();
    last = findCandidates(db);
    wall.push((performance.now() - t1) / 1000);
    process.stderr.write(`körning ${i + 1}: rå genomläsning ${baseline[i]!.toFixed(1)} s (${n} personer), kandidater ${wall[i]!.toFixed(1)} s\n`);
  }
  db.close();
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const out = {
    at: new Date().toISOString(), scale, machine: { cpus: os.cpus().length, loadavg: os.loadavg().map((x) => +x.toFixed(1)) },
    runs: RUNS, wall_s: wall.map((x) => +x.toFixed(2)), baseline_scan_s: baseline.map((x) => +x.toFixed(2)),
    median_wall_s: +median(wall).toFixed(2), median_baseline_s: +median(baseline).toFixed(2), ratio_to_baseline: +(median(wall) / median(baseline)).toFixed(1),
    peak_rss_mb: rssMb, targets: { wall_s: 30, rss_mb: 2048 }, stats: last!.stats, candidates: last!.candidates.length,
  };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, `matches-${scale}.json`), JSON.stringify(out, null, 2) + '\n');
  const md = [
    `# bench:matches (${scale}, ${out.at})`, '',
    `- candidate generation: median **${out.median_wall_s} s** of ${RUNS} runs (${out.wall_s.join(' / ')}; target ≤ 30 s); peak RSS **${rssMb} MB** (target ≤ 2048 MB)`,
    `- baseline, one raw scan of the persons table: median ${out.median_baseline_s} s; candidates / baseline = ${out.ratio_to_baseline}×`,
    `- ${out.stats.records} records without a Swedish id; ${out.stats.scanned} stored records streamed; ${out.stats.compared} blocked comparisons; ${out.stats.scored} scored in full; ${out.candidates} candidates; ${out.stats.cut} records cut at the comparison cap`,
    `- load average during the runs: ${out.machine.loadavg.join(' / ')} on ${out.machine.cpus} cores`, '',
  ].join('\n');
  fs.writeFileSync(path.join(RESULTS_DIR, `matches-${scale}.md`), md);
  process.stdout.write(md);
}

await main();

/**
 * `npm run bench:import` (issue 10.1): wall time of the whole `insyn import` process (the compiled
 * CLI, start-up included) against the physical limit measured in the same run: a raw better-sqlite3
 * insert of the same number of rows (6 text columns, one prepared statement, one transaction, WAL,
 * synchronous off), measured right before and right after the import (their mean is the ceiling).
 * For (a) the national demo extract (`insyn demo-data --scale national`) and (b) a Bolagsverket
 * bulk file of 1.8 M rows in the published layout (test/bench/support/bulk-file.ts). Also the
 * schema-bound ceiling (a prepared INSERT into the store's own tables and indexes, labelled as
 * such), the import's peak RSS and CPU time (all threads), and where its time went (`timings` of
 * `import --json`: hashing, the read side, the write side), and the write side alone (the records
 * parsed into memory first: the floor a reader that cost nothing would leave). Data are generated once into
 * test/bench/cache/. Writes test/bench/results/latest/import.json and import.md.
 *
 * Re-import (issue 10.2): after the national import, the same extract with 1 % of its rows changed
 * (test/bench/support/changed-extract.ts) is imported into that store; its wall time against the
 * first import's, and its inserted/updated/unchanged counts checked against the rows changed.
 *
 * Options: --only national|bulk, --bulk-rows N (default 1 800 000), --data DIR (a custom extract
 * instead of the national one), --skip-bigfile (skip the 1 GB bounded-memory run, bigfile.bench.ts),
 * --skip-schema (skip the schema-bound ceiling, the slowest part of the run).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../electron/build.mjs';
import { TABLE_NAMES, type TableName } from '../../src/model/tables';
import { openDb } from '../../src/store/db';
import { factColumns, insertDataset } from '../../src/store/facts';
import { journalForFirstLoad } from '../../src/store/first-load';
import { IMPORT_CACHE_KIB, ImportRun } from '../../src/import/importer';
import { extractKind } from '../../src/import/extract-kind';
import { parseFiles } from '../../src/import/parse';
import { planImport } from '../../src/import/plan';
import { decodeBatch, encodeBatch, type EncodedBatch } from '../../src/import/batch-codec';
import { RESULTS_DIR } from './results-dir';
import { writeBulkFile } from './support/bulk-file';
import { writeChangedExtract } from './support/changed-extract';
import { medianRun } from './support/median';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE = path.join(ROOT, 'test/bench/cache');
// A private build, so a rebuild of dist/app during a long run cannot change what is measured.
const CLI = path.join(CACHE, 'bench-app', 'insyn.js');
const PROBE = path.join(import.meta.dirname, 'support/rss-probe.mjs');
const SEED = 20261125;
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const log = (s: string): boolean => process.stderr.write(s + '\n');
const round = (x: number, d = 2): number => Number(x.toFixed(d));

/** The raw ceiling: n rows of 6 short text columns, as plain as better-sqlite3 can write them. */
function childRaw(dbFile: string, n: number): void {
  const t0 = performance.now();
  const Database = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.exec('CREATE TABLE raw (a TEXT, b TEXT, c TEXT, d TEXT, e TEXT, f TEXT)');
  const stmt = db.prepare('INSERT INTO raw VALUES (?, ?, ?, ?, ?, ?)');
  db.exec('BEGIN');
  for (let i = 0; i < n; i++) {
    const id = String((i * 2654435761) % 4294967291).padStart(10, '0');
    stmt.run(id, `Bolag ${id} AB`, 'AB', `20${String(i % 25).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 9}`, `Storgatan ${i % 997}`, 'Stockholm');
  }
  db.exec('COMMIT');
  db.close();
  console.log(JSON.stringify({ seconds: (performance.now() - t0) / 1000, rows: n }));
}

/** The schema-bound ceiling: the store's own tables, columns and indexes, synthetic values. */
function childSchema(dbFile: string, counts: Record<string, number>): void {
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
  db.close();
  console.log(JSON.stringify({ seconds: (performance.now() - t0) / 1000, rows: total }));
}

/**
 * The write side alone: the records parsed into memory first (untimed), then
 * written as the import writes them — a fresh store through a rollback journal, the import's page
 * cache, FactWriter's bulk load with record log and stated rows, index builds, commit — timed from
 * BEGIN to COMMIT. No file is read, nothing parsed and no process started in that time: the wall
 * time an import could reach with a reader that cost nothing. (Measured in the import process's
 * own conditions, minus the reader thread competing for the cores.)
 */
async function childWriter(dbFile: string, input: string): Promise<void> {
  const plan = planImport(input);
  // Kept encoded as the reader thread posts them (a few large blocks each): millions of small
  // objects held in memory would slow the writer's garbage collection, which the import never has.
  const posted: { file: number; batch: EncodedBatch | null }[] = [];
  let file = 0;
  await parseFiles(plan.files, { startFile: (i) => void (file = i), endFile() {}, batch: (ops) => void posted.push({ file, batch: encodeBatch(ops) }) }, () => null);
  const db = openDb(dbFile);
  const restore = journalForFirstLoad(db);
  db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
  const importedAt = new Date().toISOString();
  const datasetId = insertDataset(db, { name: 'write side alone', source_path: input, content_hash: '-', imported_at: importedAt });
  const t0 = performance.now();
  db.exec('BEGIN');
  // The importer's own write side, fed the batches in order with each file's start and end.
  const run = new ImportRun(db, datasetId, importedAt, plan.files, extractKind(plan, {}));
  const bytes = { bytesRead: 0, bytesTotal: 0 };
  let current = -1;
  /** Ends the files before `file` and starts each up to it, as the reader's messages do. */
  const advanceTo = (file: number): void => {
    while (current < file) {
      if (current >= 0) run.endFile(current, bytes);
      run.startFile(++current);
    }
  };
  for (const p of posted) {
    advanceTo(p.file);
    const ops = decodeBatch(p.batch!);
    p.batch = null; // written: let it go, as the import does
    run.batch(ops, bytes);
  }
  advanceTo(plan.files.length - 1);
  run.endFile(current, bytes);
  run.finish();
  run.finishExtract();
  const beforeCommit = performance.now();
  db.exec('COMMIT');
  const end = performance.now();
  restore?.();
  db.close();
  console.log(JSON.stringify({ seconds: (end - t0) / 1000, index_s: run.indexMs / 1000, commit_s: (end - beforeCommit) / 1000 }));
}

/**
 * Writes every dirty page to disk before a timed run, so that no run pays for writing back what
 * the one before it wrote (a raw insert's store, the 2.4 GB copy a re-import starts from).
 */
function settleDisk(): void {
  spawnSync('sync');
}

function runChild(args: string[]): { seconds: number; rows: number } {
  settleDisk();
  // A large heap for the write side alone, which holds a national extract's parsed batches (about 2 GB).
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', '--import', 'tsx', import.meta.filename, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`child ${args[0]} failed with ${r.status}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { seconds: number; rows: number };
}

function freshDbFile(name: string): string {
  const f = path.join(CACHE, name);
  for (const s of ['', '-wal', '-shm']) fs.rmSync(f + s, { force: true });
  return f;
}

interface CliImport {
  wallSeconds: number;
  json: { rows: Record<string, number>; quarantined: number; inserted: number; timings: { total_ms: number; hash_ms: number; read_ms: number; write_ms: number; parse_in_worker: boolean } };
  maxRssMB: number;
  cpuSeconds: number;
}

/** `insyn import <input> --json` as a user runs it: a new process, timed from spawn to exit. */
function cliImport(input: string, dbFile: string): CliImport {
  const probe = path.join(CACHE, 'probe.json');
  fs.rmSync(probe, { force: true });
  settleDisk();
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', PROBE, CLI, 'import', input, '--db', dbFile, '--json'], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28, env: { ...process.env, INSYN_BENCH_PROBE: probe },
  });
  const wallSeconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`insyn import ${input} failed with ${r.status}`);
  const p = JSON.parse(fs.readFileSync(probe, 'utf8')) as { maxRssKB: number; cpuMs: number };
  return { wallSeconds, json: JSON.parse(r.stdout) as CliImport['json'], maxRssMB: Math.round(p.maxRssKB / 1024), cpuSeconds: p.cpuMs / 1000 };
}

function ensureNational(): string {
  const dir = path.join(CACHE, `import-national-${SEED}`);
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  log(`Genererar nationellt extrakt i ${dir} (en gång)…`);
  const r = spawnSync(process.execPath, [CLI, 'demo-data', dir, '--scale', 'national', '--seed', String(SEED), '--clean'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('demo-data failed');
  fs.writeFileSync(path.join(dir, '.complete'), new Date().toISOString());
  return dir;
}

async function ensureBulk(rows: number): Promise<string> {
  const dir = path.join(CACHE, `bulk-${rows}-${SEED}`);
  const file = path.join(dir, 'bolagsverket_bulkfil.txt');
  if (fs.existsSync(path.join(dir, '.complete'))) return file;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  log(`Genererar Bolagsverkets bulkfil (${rows} rader) i ${dir} (en gång)…`);
  await writeBulkFile(file, rows, SEED);
  fs.writeFileSync(path.join(dir, '.complete'), new Date().toISOString());
  return file;
}

const bytesOf = (p: string): number => (fs.statSync(p).isDirectory() ? fs.readdirSync(p).filter((f) => /\.(csv|txt|zip|gz|xlsx|json)$/.test(f)).reduce((a, f) => a + fs.statSync(path.join(p, f)).size, 0) : fs.statSync(p).size);

/** Data lines of the input (newlines minus headers): the row count for the raw run before the import. */
function countLines(input: string): number {
  const files = fs.statSync(input).isDirectory() ? fs.readdirSync(input).filter((f) => f.endsWith('.csv')).map((f) => path.join(input, f)) : [input];
  let n = 0;
  for (const f of files) {
    const fd = fs.openSync(f, 'r');
    const buf = Buffer.alloc(1 << 20);
    let read: number;
    while ((read = fs.readSync(fd, buf)) > 0) for (let i = 0; i < read; i++) if (buf[i] === 10) n++;
    fs.closeSync(fd);
    n--; // header
  }
  return n;
}

type Run = Omit<Awaited<ReturnType<typeof measure>>, 'measured_at'> & { measured_at?: string };

function previousRuns(): Run[] {
  try {
    const last = JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, 'import.json'), 'utf8')) as { date: string; runs: Run[] };
    return last.runs.map((r) => ({ ...r, measured_at: r.measured_at ?? last.date }));
  } catch {
    return [];
  }
}

/** Rounds of (import, raw insert) per dataset, after a first raw insert: the median ratio is reported. */
const ROUNDS = Math.max(1, Number(arg('--runs') ?? 3));

/**
 * One dataset: the raw ceiling, then ROUNDS times the import followed by the raw ceiling again (same
 * row count), so each import has a raw insert right before and right after it; then the schema-bound
 * ceiling. Each round's ratio is its import's rate against the mean of its two raw rates; the round
 * with the median ratio gives the reported details (machines here drift ±25 % within minutes).
 */
async function measure(label: string, input: string) {
  const bytes = bytesOf(input);
  log(`\n== ${label}: ${input} (${(bytes / 1e6).toFixed(0)} MB)`);
  const estimate = countLines(input);
  log(`Mäter det råa taket (better-sqlite3, ${estimate} rader, 6 textkolumner, en transaktion, WAL, synchronous off)…`);
  let raw = runChild(['--child-raw', freshDbFile('bench-raw.sqlite'), String(estimate)]);
  const rounds: { imp: CliImport; n: number; rawBefore: typeof raw; rawAfter: typeof raw; rawRate: number; ratio: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    log(`Importerar med insyn import --json (kompilerad CLI, ny process, tom databas), omgång ${i + 1} av ${ROUNDS}…`);
    const imp = cliImport(input, freshDbFile(`bench-import-${label}.sqlite`));
    const n = Object.values(imp.json.rows).reduce((a, b) => a + b, 0) + imp.json.quarantined;
    log(`Mäter det råa taket igen (${n} rader)…`);
    const rawAfter = runChild(['--child-raw', freshDbFile('bench-raw.sqlite'), String(n)]);
    const rawRate = (raw.rows / raw.seconds + rawAfter.rows / rawAfter.seconds) / 2;
    rounds.push({ imp, n, rawBefore: raw, rawAfter, rawRate, ratio: n / imp.wallSeconds / rawRate });
    raw = rawAfter;
  }
  const ratios = rounds.map((r) => r.ratio);
  const { imp, n, rawBefore, rawAfter, rawRate } = rounds.find((r) => r.ratio === medianRun(ratios))!;
  if (!process.argv.includes('--skip-schema')) log('Mäter det schemabundna taket (samma tabeller och index)…');
  const schema = process.argv.includes('--skip-schema') ? null : runChild(['--child-schema', freshDbFile('bench-schema.sqlite'), JSON.stringify(imp.json.rows)]);
  // The floor the store sets: what the write side alone takes.
  log('Mäter skrivsidan ensam (posterna tolkade i minnet först)…');
  const writeAlone = runChild(['--child-writer', freshDbFile('bench-writer.sqlite'), input]) as { seconds: number; index_s?: number; commit_s?: number };
  for (const f of ['bench-raw.sqlite', 'bench-schema.sqlite', 'bench-writer.sqlite']) freshDbFile(f);
  const importRate = n / imp.wallSeconds;
  const t = imp.json.timings;
  return {
    label,
    measured_at: new Date().toISOString(),
    input: path.relative(ROOT, input),
    bytes,
    rows: n,
    quarantined: imp.json.quarantined,
    import_wall_s: round(imp.wallSeconds),
    import_rows_per_s: Math.round(importRate),
    import_cpu_s: round(imp.cpuSeconds),
    import_peak_rss_mb: Math.max(...rounds.map((r) => r.imp.maxRssMB)),
    timings_ms: t,
    write_share: round(t.write_ms / t.total_ms, 3),
    raw: { before_s: round(rawBefore.seconds), before_rows: rawBefore.rows, after_s: round(rawAfter.seconds), rows_per_s: Math.round(rawRate) },
    ratio_vs_raw: round(importRate / rawRate, 3),
    rounds: rounds.map((r) => ({ import_wall_s: round(r.imp.wallSeconds), raw_before_s: round(r.rawBefore.seconds), raw_after_s: round(r.rawAfter.seconds), ratio_vs_raw: round(r.ratio, 3) })),
    // The write side alone (bulk): with a reader that cost nothing the ratio could be at most raw / this.
    write_alone: { seconds: round(writeAlone.seconds), insert_s: round(writeAlone.seconds - writeAlone.index_s! - writeAlone.commit_s!), index_s: round(writeAlone.index_s!), commit_s: round(writeAlone.commit_s!), max_ratio_vs_raw: round(n / writeAlone.seconds / rawRate, 3) },
    schema_bound_s: schema ? round(schema.seconds) : null,
    ratio_vs_schema_bound: schema ? round(schema.seconds / imp.wallSeconds, 3) : null,
    reimport: label === 'bulk' ? null : await measureReimport(label, input, imp, medianRun(rounds.map((r) => r.imp.wallSeconds))),
  };
}

/** Re-imports measured, each into a copy of the first import's store: the median is reported (machines are noisy). */
const REIMPORTS = 3;

/** The extract with 1 % of rows changed, imported into (a copy of) the store of the first import. */
/** `firstWall`: the first import's wall time, the median of its rounds. */
async function measureReimport(label: string, input: string, first: CliImport, firstWall: number) {
  const dir = path.join(CACHE, `${path.basename(input)}-changed`);
  log('Skriver en kopia av extraktet med 1 % ändrade rader och importerar den ovanpå…');
  const { changed, total } = await writeChangedExtract(input, dir);
  const store = path.join(CACHE, `bench-import-${label}.sqlite`);
  const runs: CliImport[] = [];
  for (let i = 0; i < REIMPORTS; i++) {
    const copy = freshDbFile(`bench-reimport-${label}.sqlite`);
    fs.copyFileSync(store, copy);
    runs.push(cliImport(dir, copy));
  }
  freshDbFile(`bench-reimport-${label}.sqlite`);
  const walls = runs.map((r) => r.wallSeconds);
  const imp = runs.find((r) => r.wallSeconds === medianRun(walls))!;
  const j = imp.json as CliImport['json'] & { updated: number; unchanged: number };
  const stored = Object.values(first.json.rows).reduce((a, b) => a + b, 0);
  return {
    changed_rows: changed,
    total_rows: total,
    wall_s: round(imp.wallSeconds),
    walls_s: walls.map((w) => round(w)),
    first_import_wall_s: round(firstWall),
    ratio_vs_first_import: round(imp.wallSeconds / firstWall, 3),
    peak_rss_mb: Math.max(...runs.map((r) => r.maxRssMB)),
    inserted: j.inserted,
    updated: j.updated,
    unchanged: j.unchanged,
    // Exact: every changed row updated, every other stored row unchanged, nothing new — in every run.
    counts_exact: runs.every((r) => {
      const x = r.json as CliImport['json'] & { updated: number; unchanged: number };
      return x.inserted === 0 && x.updated === changed && x.unchanged === stored - changed;
    }),
    unchanged_unread: (j.timings as { unchanged_unread?: number }).unchanged_unread ?? null,
  };
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child-raw') return childRaw(process.argv[3]!, Number(process.argv[4]));
  if (process.argv[2] === '--child-writer') return childWriter(process.argv[3]!, process.argv[4]!);
  if (process.argv[2] === '--child-schema') return childSchema(process.argv[3]!, JSON.parse(process.argv[4]!) as Record<string, number>);
  fs.mkdirSync(CACHE, { recursive: true });
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  await buildApp(path.dirname(CLI));
  const only = arg('--only');
  const runs: Run[] = [];
  if (only !== 'bulk') runs.push(await measure(arg('--data') ? 'custom' : 'national', arg('--data') ?? ensureNational()));
  if (only !== 'national') runs.push(await measure('bulk', await ensureBulk(Number(arg('--bulk-rows') ?? 1_800_000))));
  // --only measures one dataset: the other keeps its last run (each run says when it was measured).
  if (only) runs.push(...previousRuns().filter((r) => !runs.some((m) => m.label === r.label)));
  runs.sort((a, b) => Number(a.label === 'bulk') - Number(b.label === 'bulk'));
  const result = {
    benchmark: 'import',
    date: new Date().toISOString(),
    method: `rows per second of the compiled \`insyn import --json\` process (wall time from spawn to exit, fresh store) vs the mean rate of a raw better-sqlite3 insert of the same row count measured right before and right after it; ${ROUNDS} rounds alternating import and raw insert, the median ratio reported; dirty pages written to disk (sync) before each timed run`,
    ratio_target: 0.4,
    rss_target_mb: 2048,
    runs,
    machine: { cpus: os.cpus().length, node: process.version, loadavg_end: os.loadavg().map((x) => round(x, 1)) },
  };
  fs.writeFileSync(path.join(RESULTS_DIR, 'import.json'), JSON.stringify(result, null, 2) + '\n');
  const md = [
    '# Import benchmark',
    '',
    `Run ${result.date} on ${result.machine.cpus} cores, Node ${result.machine.node}; load average at the end ${result.machine.loadavg_end.join(' / ')}.`,
    `Method: ${result.method}.`,
    '',
    '| measure | ' + runs.map((r) => r.label).join(' | ') + ' |',
    '| --- |' + runs.map(() => ' --- |').join(''),
    ...[
      ['measured at', (r: Run) => r.measured_at ?? result.date],
      ['input', (r: Run) => `${r.input} (${(r.bytes / 1e6).toFixed(0)} MB)`],
      ['rows (stored + quarantined)', (r: Run) => `${r.rows} (${r.quarantined} quarantined)`],
      ['`insyn import` wall, start-up included (median round; each round)', (r: Run) => `${r.import_wall_s} s (${r.import_rows_per_s} rows/s)${r.rounds ? `; ${r.rounds.map((x) => `${x.import_wall_s} s`).join(', ')}` : ''}`],
      ['raw insert before / after (median round)', (r: Run) => `${r.raw.before_s} s / ${r.raw.after_s} s (${r.raw.rows_per_s} rows/s)`],
      ['**ratio vs raw insert** (target ≥ 0.40): median of the rounds (each round)', (r: Run) => `**${r.ratio_vs_raw}**${r.rounds ? ` (${r.rounds.map((x) => x.ratio_vs_raw).join(', ')})` : ''}`],
      ['write side alone, records parsed into memory first: BEGIN to COMMIT (inserts and the rest / index builds / commit) / highest ratio it leaves', (r: Run) => (r.write_alone ? `${r.write_alone.seconds} s (${r.write_alone.insert_s} / ${r.write_alone.index_s} / ${r.write_alone.commit_s}) / ${r.write_alone.max_ratio_vs_raw}` : '–')],
      ['schema-bound ceiling (own tables + indexes) / ratio', (r: Run) => (r.schema_bound_s === null ? 'not measured (--skip-schema)' : `${r.schema_bound_s} s / ${r.ratio_vs_schema_bound}`)],
      ['peak RSS, highest of the rounds (target ≤ 2048 MB)', (r: Run) => `**${r.import_peak_rss_mb} MB**`],
      ['CPU time, all threads', (r: Run) => `${r.import_cpu_s} s`],
      ['in the import: hash / read side / write side (ms)', (r: Run) => `${r.timings_ms.hash_ms} / ${r.timings_ms.read_ms} / ${r.timings_ms.write_ms}${r.timings_ms.parse_in_worker ? ' (read side in a worker)' : ''}`],
      ['write side share of the import', (r: Run) => `${Math.round(100 * r.write_share)} %`],
      ['re-import, 1 % of rows changed: wall (median of the runs) / **ratio vs first import** (median of its rounds; target ≤ 0.25)', (r: Run) => (r.reimport ? `${r.reimport.wall_s} s${r.reimport.walls_s ? ` (${r.reimport.walls_s.join(', ')})` : ''} / **${r.reimport.ratio_vs_first_import}**` : '–')],
      ['re-import: inserted / updated / unchanged (changed rows; exact?)', (r: Run) => (r.reimport ? `${r.reimport.inserted} / ${r.reimport.updated} / ${r.reimport.unchanged} (${r.reimport.changed_rows}; ${r.reimport.counts_exact ? 'exact' : '**not exact**'})` : '–')],
      ['re-import: records recognised unread / peak RSS', (r: Run) => (r.reimport ? `${r.reimport.unchanged_unread} / ${r.reimport.peak_rss_mb} MB` : '–')],
    ].map(([name, f]) => `| ${name as string} | ${runs.map((r) => (f as (r: Run) => string)(r)).join(' | ')} |`),
    '',
  ].join('\n');
  fs.writeFileSync(path.join(RESULTS_DIR, 'import.md'), md);
  process.stdout.write(md);
  if (!process.argv.includes('--skip-bigfile')) {
    const big = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bigfile.bench.ts')], { stdio: 'inherit' });
    if (big.status !== 0) process.exitCode = 1;
  }
}

await main();

/**
 * `npx tsx test/bench/changes.bench.ts [--scale municipality|national] [--data DIR] [--skip-partial]`
 * (issue 11.8): monitoring across two monthly extracts.
 *
 * 1. Generates an extract (cached in test/bench/cache/) and derives a second month from it: about
 *    1 % of the rows of companies, persons, roles, licences and financial events changed and
 *    0.1–0.3 % dropped.
 * 2. Imports month 1, analyses (run 1); imports month 2 as a full extract (known time: tracks the
 *    rows it states, marks the rest as no longer reported), analyses (run 2). In the same run, on a
 *    copy of the month-1 store, imports month 2 as a partial extract: the difference is what known
 *    time's end marking costs a re-import.
 * 3. Watches 50 entities (licence holders and their officers) and times `insyn changes` between
 *    the two runs (median of 5; target ≤ 2 s), and an as-known analysis against a normal one.
 * Writes test/bench/results/latest/changes-<scale>.json and .md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { runAnalysis } from '../../src/analysis/run';
import { generateDataset } from '../../src/demo/generate';
import { importPath } from '../../src/import/importer';
import { changesBetween } from '../../src/monitor/changes';
import { addWatch } from '../../src/monitor/watch';
import { openDb } from '../../src/store/db';
import { RESULTS_DIR } from './results-dir';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE = path.join(ROOT, 'test/bench/cache');
const SEED = 20261125;
const arg = (name: string): string | undefined => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const scale = (arg('--scale') ?? 'municipality') as 'municipality' | 'national';
const secs = (t0: number): number => +((performance.now() - t0) / 1000).toFixed(2);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function ensureMonth1(): Promise<string> {
  const dir = arg('--data') ?? path.join(CACHE, `changes-${scale}-${SEED}`);
  if (arg('--data') || fs.existsSync(path.join(dir, '.complete'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  process.stderr.write(`genererar ${scale}-extrakt i ${dir} …\n`);
  await generateDataset(dir, { scale, seed: SEED, dirty: false });
  fs.writeFileSync(path.join(dir, '.complete'), new Date().toISOString());
  return dir;
}

/** Per table: which column to change on every 100th row (and to what), and every how many rows to drop one. */
const EDITS: Record<string, { column: string; value: (old: string) => string; dropEvery: number }> = {
  'companies.csv': { column: 'name', value: (v) => `${v} Omsorg`, dropEvery: 1000 },
  'persons.csv': { column: 'address', value: (v) => `${v} B`, dropEvery: 1000 },
  'roles.csv': { column: 'to', value: (v) => (v ? '' : '2026-10-31'), dropEvery: 300 },
  'licences.csv': { column: 'status', value: (v) => (v === 'revoked' ? 'granted' : 'revoked'), dropEvery: 500 },
  'financial_events.csv': { column: 'resolved_on', value: (v) => (v ? '' : '2026-10-01'), dropEvery: 300 },
};

const field = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function deriveMonth2(month1: string): { dir: string; changed: number; dropped: number } {
  const dir = path.join(CACHE, `changes-${scale}-${SEED}-month2`);
  const stamp = path.join(dir, '.complete');
  let changed = 0;
  let dropped = 0;
  if (fs.existsSync(stamp)) return { dir, ...(JSON.parse(fs.readFileSync(stamp, 'utf8')) as { changed: number; dropped: number }) };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const file of fs.readdirSync(month1).filter((f) => f.endsWith('.csv') && !['truth.csv', 'quarantine_expected.csv'].includes(f))) {
    const edit = EDITS[file];
    if (!edit) {
      fs.copyFileSync(path.join(month1, file), path.join(dir, file));
      continue;
    }
    const rows = parse(fs.readFileSync(path.join(month1, file), 'utf8'), { bom: true, relax_column_count: true }) as string[][];
    const header = rows[0]!;
    const col = header.indexOf(edit.column);
    const out: string[] = [header.map(field).join(',')];
    rows.slice(1).forEach((r, i) => {
      if (i % edit.dropEvery === edit.dropEvery - 1) return void dropped++;
      if (i % 100 === 7 && col >= 0) {
        r[col] = edit.value(r[col] ?? '');
        changed++;
      }
      out.push(r.map(field).join(','));
    });
    fs.writeFileSync(path.join(dir, file), out.join('\n') + '\n');
  }
  fs.writeFileSync(stamp, JSON.stringify({ changed, dropped }));
  return { dir, changed, dropped };
}

function freshDb(name: string): string {
  const f = path.join(CACHE, name);
  for (const s of ['', '-wal', '-shm']) fs.rmSync(f + s, { force: true });
  return f;
}

async function main(): Promise<void> {
  fs.mkdirSync(CACHE, { recursive: true });
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const month1 = await ensureMonth1();
  const month2 = deriveMonth2(month1);
  const asOf = '2026-11-01';

  const dbFile = freshDb(`changes-${scale}.sqlite`);
  let db = openDb(dbFile);
  let t = performance.now();
  const imp1 = await importPath(db, month1, { datasetName: 'månad 1' });
  const import1S = secs(t);
  const rows1 = Object.values(imp1.rows).reduce((a, b) => a + b, 0);
  t = performance.now();
  const run1 = runAnalysis(db, { asOf });
  const analysis1S = secs(t);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();

  let partialS: number | null = null;
  if (!process.argv.includes('--skip-partial')) {
    const copy = freshDb(`changes-${scale}-partial.sqlite`);
    fs.copyFileSync(dbFile, copy);
    const p = openDb(copy);
    t = performance.now();
    await importPath(p, month2.dir, { datasetName: 'månad 2', full: false });
    partialS = secs(t);
    p.close();
    for (const s of ['', '-wal', '-shm']) fs.rmSync(copy + s, { force: true });
  }

  db = openDb(dbFile);
  t = performance.now();
  const imp2 = await importPath(db, month2.dir, { datasetName: 'månad 2', full: true });
  const fullS = secs(t);
  t = performance.now();
  const run2 = runAnalysis(db, { asOf });
  const analysis2S = secs(t);

  // Watch 50 entities an investigator would follow: licence holders with hits and their officers.
  const watched = new Set<string>();
  for (const h of run2.hits) {
    for (const id of [h.subject_id, ...h.related_ids]) if (!id.includes('|') && watched.size < 50) watched.add(id);
  }
  for (const org of db.prepare('SELECT DISTINCT org_nr FROM licences ORDER BY org_nr LIMIT 50').pluck().all() as string[]) if (watched.size < 50) watched.add(org);
  for (const id of watched) addWatch(db, id, 'bänktest', 'bench');

  const times: number[] = [];
  let report = changesBetween(db);
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    report = changesBetween(db);
    times.push(performance.now() - t);
  }
  const changesMs = +median(times).toFixed(1);
  const feedChanges = report.watched.reduce((n, w) => n + w.changes.length, 0);

  t = performance.now();
  const known = runAnalysis(db, { asOf, asKnown: imp1.dataset_id });
  const asKnownS = secs(t);
  const reproduces = JSON.stringify(known.hits.map((h) => [h.hit_key, h.evidence_hash])) === JSON.stringify(run1.hits.map((h) => [h.hit_key, h.evidence_hash]));
  db.close();

  const out = {
    at: new Date().toISOString(), scale, data: month1, rows: rows1,
    machine: { cpus: os.cpus().length, node: process.version, loadavg: os.loadavg().map((x) => +x.toFixed(1)) },
    month2: { changed_rows: month2.changed, dropped_rows: month2.dropped, inserted: imp2.inserted, updated: imp2.updated, unchanged: imp2.unchanged, ended: imp2.ended },
    import1_s: import1S,
    reimport_partial_s: partialS,
    reimport_full_s: fullS,
    reimport_full_over_import1: +(fullS / import1S).toFixed(3),
    end_marking_ms: imp2.end_marking_ms ?? null,
    end_marking_over_import1: +((imp2.end_marking_ms ?? 0) / 1000 / import1S).toFixed(4),
    analysis1_s: analysis1S,
    analysis2_s: analysis2S,
    as_known_analysis_s: asKnownS,
    as_known_reproduces_run1: reproduces,
    hits: { run1: run1.hits.length, run2: run2.hits.length, new: report.new.length, gone: report.gone.length, changed: report.changed.length },
    watched: watched.size,
    watch_feed: { entities: report.watched.length, changes: feedChanges },
    changes_ms: { median: changesMs, runs: times.map((x) => +x.toFixed(1)), target: 2000 },
  };
  fs.writeFileSync(path.join(RESULTS_DIR, `changes-${scale}.json`), JSON.stringify(out, null, 2) + '\n');
  const md = [
    `# bench:changes (${scale}, ${out.at})`, '',
    `${out.machine.cpus} cores, Node ${out.machine.node}, 1/5/15-min load average at the end: ${out.machine.loadavg.join(' / ')}.`, '',
    '| measure | value |', '| --- | --- |',
    `| month 1 | ${rows1} rows, imported in ${import1S} s |`,
    `| month 2 | ${month2.changed} rows changed, ${month2.dropped} dropped: ${imp2.updated} updated, ${imp2.inserted} inserted, ended ${JSON.stringify(imp2.ended)} |`,
    `| re-import month 2, partial (no end marking) | ${partialS ?? '–'} s |`,
    `| re-import month 2, full (known time: stated rows tracked, others ended) | ${fullS} s = **${out.reimport_full_over_import1} × import 1** |`,
    `| end marking (scan of month-1 rows, bitmap check, update of the ended ones), timed inside the import | ${out.end_marking_ms} ms = ${out.end_marking_over_import1} × import 1 |`,
    `| analysis run 1 / run 2 / as-known 1 | ${analysis1S} s / ${analysis2S} s / ${asKnownS} s (reproduces run 1: ${reproduces}) |`,
    `| hits run 1 → run 2 | ${run1.hits.length} → ${run2.hits.length}: ${report.new.length} new, ${report.changed.length} changed, ${report.gone.length} gone |`,
    `| watch list | ${watched.size} entities; feed: ${report.watched.length} entities with ${feedChanges} changes |`,
    `| **insyn changes** (median of 5) | **${changesMs} ms** (target ≤ 2000 ms); runs ${out.changes_ms.runs.join(', ')} |`, '',
  ].join('\n');
  fs.writeFileSync(path.join(RESULTS_DIR, `changes-${scale}.md`), md);
  process.stdout.write(md);
}

await main();

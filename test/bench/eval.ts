/**
 * Evaluation harness (`npm run eval`): generate datasets with planted truth, import, analyse,
 * and compare hits with truth.csv — precision and recall per signal.
 *
 * Precision is measured over the truth-listed subjects: a hit on a `not_fire` subject is a
 * false positive, a `fire` subject without a hit a false negative. Hits on subjects truth does
 * not mention are counted (per signal) but not judged. Also checked: no hit without evidence,
 * every evidence item with a file:line source.
 *
 * Scales: `--scale planted` (only the planted cases, fast), `municipality`, `national`
 * (generated once into test/bench/cache/ and reused). Default: planted + municipality + national.
 * Results: test/bench/results/latest/eval-<scale>.json and eval.md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../../src/store/db';
import { importPath } from '../../src/import/importer';
import { runAnalysis, type AnalysisResult } from '../../src/analysis/run';
import { SIGNALS } from '../../src/signals/index';
import { RESULTS_DIR } from './results-dir';
import { evalMatches, matchMarkdown } from './eval-matches'; // issue 15

const ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE = path.join(ROOT, 'test/bench/cache');
const RESULTS = RESULTS_DIR;
const SEED = 20261101;

interface TruthRow { signal: string; subject_kind: string; subject_id: string; expected: 'fire' | 'not_fire'; note?: string }
interface SignalEval {
  signal: string; evaluable: boolean; tp: number; fp: number; fn: number; tn: number; precision: number | null; recall: number | null;
  hits: number; unjudged_hits: number; false_positives: { subject: string; note?: string }[]; false_negatives: { subject: string; note?: string }[];
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (q) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') q = false;
      else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); cell = '';
      if (row.some((c) => c !== '')) rows.push(row);
      row = [];
    } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

function readTruth(dir: string): { truth: TruthRow[]; asOf: string } {
  const [header, ...rows] = parseCsv(fs.readFileSync(path.join(dir, 'truth.csv'), 'utf8').replace(/^\uFEFF/, ''));
  const idx = (n: string) => header!.indexOf(n);
  const truth = rows.map((r) => ({
    signal: r[idx('signal')]!, subject_kind: r[idx('subject_kind')]!, subject_id: r[idx('subject_id')]!,
    expected: r[idx('expected')] as 'fire' | 'not_fire', note: idx('note') >= 0 ? r[idx('note')] : undefined,
  }));
  let asOf = '2026-11-01';
  const meta = path.join(dir, 'truth_meta.json');
  if (fs.existsSync(meta)) asOf = JSON.parse(fs.readFileSync(meta, 'utf8')).as_of ?? asOf;
  return { truth, asOf };
}

/** Planted cases only, written with the demo engineer's planter (no background population). */
async function writePlanted(dir: string): Promise<void> {
  const { TableWriter, CLEAN } = await import('../../src/demo/table-writer');
  const { plantAll, AS_OF } = await import('../../src/demo/planted/index');
  const { TABLE_NAMES } = await import('../../src/model/index');
  fs.mkdirSync(dir, { recursive: true });
  const policies = Object.fromEntries(TABLE_NAMES.map((t) => [t, CLEAN])) as any;
  const w = new TableWriter(dir, policies, SEED);
  const truth = plantAll(w, SEED);
  await w.close();
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  fs.writeFileSync(path.join(dir, 'truth.csv'), ['signal,subject_kind,subject_id,expected,note', ...truth.map((t) => [t.signal, t.subject_kind, t.subject_id, t.expected, t.note].map((v) => esc(String(v ?? ''))).join(','))].join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'truth_meta.json'), JSON.stringify({ as_of: AS_OF }));
}

function generate(scale: string, dir: string): void {
  if (fs.existsSync(path.join(dir, 'truth.csv'))) return;
  fs.mkdirSync(dir, { recursive: true });
  const r = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/bin.js'), 'demo-data', dir, '--scale', scale, '--seed', String(SEED)], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`demo-data --scale ${scale} failed (exit ${r.status})`);
}

export function evaluate(result: AnalysisResult, truth: TruthRow[]): { signals: SignalEval[]; total_hits: number; hits_without_evidence: number; evidence_without_source: number } {
  const fired = new Set(result.hits.map((h) => `${h.signal}|${h.subject_kind}|${h.subject_id}`));
  const listed = new Set(truth.map((t) => `${t.signal}|${t.subject_kind}|${t.subject_id}`));
  const signals: SignalEval[] = SIGNALS.map((s) => {
    const rows = truth.filter((t) => t.signal === s.id);
    const e: SignalEval = { signal: s.id, evaluable: result.coverage[s.id]?.evaluable ?? false, tp: 0, fp: 0, fn: 0, tn: 0, precision: null, recall: null, hits: 0, unjudged_hits: 0, false_positives: [], false_negatives: [] };
    for (const t of rows) {
      const k = `${t.signal}|${t.subject_kind}|${t.subject_id}`;
      const hit = fired.has(k);
      const subject = { subject: `${t.subject_kind}:${t.subject_id}`, note: t.note };
      if (t.expected === 'fire' && hit) e.tp++;
      else if (t.expected === 'fire') { e.fn++; e.false_negatives.push(subject); }
      else if (hit) { e.fp++; e.false_positives.push(subject); }
      else e.tn++;
    }
    const hits = result.hits.filter((h) => h.signal === s.id);
    e.hits = hits.length;
    e.unjudged_hits = hits.filter((h) => !listed.has(`${h.signal}|${h.subject_kind}|${h.subject_id}`)).length;
    e.precision = e.tp + e.fp ? e.tp / (e.tp + e.fp) : null;
    e.recall = e.tp + e.fn ? e.tp / (e.tp + e.fn) : null;
    return e;
  });
  return {
    signals,
    total_hits: result.hits.length,
    hits_without_evidence: result.hits.filter((h) => h.evidence.length === 0).length,
    evidence_without_source: result.hits.reduce((n, h) => n + h.evidence.filter((x) => !/\.csv:\d+$/.test(x.source)).length, 0),
  };
}

function markdown(scale: string, r: ReturnType<typeof evaluate>, meta: Record<string, unknown>): string {
  const f = (x: number | null) => (x == null ? '–' : x.toFixed(3));
  const lines = [
    `## eval: ${scale}`, '',
    `as_of ${meta.as_of}; import ${meta.import_s} s; analysis ${meta.analysis_s} s; total hits ${r.total_hits}; hits without evidence ${r.hits_without_evidence}; evidence without file:line ${r.evidence_without_source}`, '',
    '| signal | evaluable | precision | recall | tp | fp | fn | tn | hits | hits not in truth |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.signals.map((s) => `| ${s.signal} | ${s.evaluable ? 'yes' : 'no'} | ${f(s.precision)} | ${f(s.recall)} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.tn} | ${s.hits} | ${s.unjudged_hits} |`),
    '',
  ];
  for (const s of r.signals) {
    for (const x of s.false_positives) lines.push(`- FP ${s.signal} ${x.subject}: ${x.note ?? ''}`);
    for (const x of s.false_negatives) lines.push(`- FN ${s.signal} ${x.subject}: ${x.note ?? ''}`);
  }
  return lines.join('\n') + '\n';
}

async function evalScale(scale: string): Promise<string> {
  const dir = path.join(CACHE, `eval-${scale}`);
  if (scale === 'planted') {
    if (!fs.existsSync(path.join(dir, 'truth.csv'))) await writePlanted(dir);
  } else generate(scale, dir);
  const { truth, asOf } = readTruth(dir);
  // Imported stores are cached next to the data (shared with bench:analyze); planted is rebuilt each time.
  const cached = scale !== 'planted';
  const dbFile = cached ? path.join(CACHE, `${scale}-analyze.sqlite`) : path.join(os.tmpdir(), `insyn-eval-${scale}-${process.pid}.sqlite`);
  const marker = dbFile + '.imported';
  if (!cached || !fs.existsSync(marker)) for (const ext of ['', '-wal', '-shm']) fs.rmSync(dbFile + ext, { force: true });
  const db = openDb(dbFile);
  try {
    const t0 = performance.now();
    let imp: { quarantined: number; rows: Record<string, number> } | null = null;
    if (!cached || !fs.existsSync(marker)) {
      imp = await importPath(db, dir);
      if (cached) fs.writeFileSync(marker, new Date().toISOString());
    }
    const importS = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const result = runAnalysis(db, { asOf, persist: false });
    const analysisS = (performance.now() - t1) / 1000;
    const r = evaluate(result, truth);
    const meta = { scale, as_of: asOf, import_s: +importS.toFixed(1), analysis_s: +analysisS.toFixed(1), quarantined: imp?.quarantined ?? null, rows: imp?.rows ?? null, truth_rows: truth.length, timings: result.timings };
    fs.mkdirSync(RESULTS, { recursive: true });
    fs.writeFileSync(path.join(RESULTS, `eval-${scale}.json`), JSON.stringify({ ...meta, ...r }, null, 2) + '\n');
    let md = markdown(scale, r, meta);
    // issue 15: the entity-resolution candidate list against the planted duplicates (and, on the
    // throwaway planted store, the effect of confirming them).
    const matches = evalMatches(db, dir, scale, { effect: !cached, asOf });
    if (matches) {
      fs.writeFileSync(path.join(RESULTS, `eval-matches-${scale}.json`), JSON.stringify(matches, null, 2) + '\n');
      md += '\n' + matchMarkdown(matches);
    }
    fs.writeFileSync(path.join(RESULTS, `eval-${scale}.md`), md);
    process.stdout.write(md + '\n');
    return md;
  } finally {
    db.close();
    if (!cached) for (const ext of ['', '-wal', '-shm']) fs.rmSync(dbFile + ext, { force: true });
  }
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--scale');
  const scales = i >= 0 ? process.argv[i + 1]!.split(',') : ['planted', 'municipality', 'national'];
  const parts: string[] = [`# Insyn evaluation (${new Date().toISOString()})`, ''];
  for (const s of scales) {
    try {
      parts.push(await evalScale(s));
    } catch (err) {
      const msg = `## eval: ${s}\n\nfailed: ${(err as Error).message}\n`;
      process.stderr.write(msg);
      parts.push(msg);
    }
  }
  // eval.md gathers the latest result of every scale, whichever run produced it.
  const all = ['planted', 'municipality', 'national', 'demo'].map((x) => path.join(RESULTS, `eval-${x}.md`)).filter((f) => fs.existsSync(f));
  fs.writeFileSync(path.join(RESULTS, 'eval.md'), [`# Insyn evaluation`, '', ...all.map((f) => fs.readFileSync(f, 'utf8'))].join('\n'));
  if (parts.some((x) => x.includes('failed:'))) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

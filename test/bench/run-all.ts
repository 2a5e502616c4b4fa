/**
 * `npm run bench`: every benchmark in sequence, each in its own process (so peak RSS is its own
 * and one failure doesn't hide the rest), then a summary of the result files in
 * test/bench/results/latest/summary.md. National-scale data is generated once and cached in
 * test/bench/cache/ by the individual benches.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { RESULTS_DIR } from './results-dir';

const BENCHES: { name: string; script: string; args?: string[] }[] = [
  { name: 'import', script: 'test/bench/import.bench.ts' },
  { name: 'bigfile', script: 'test/bench/bigfile.bench.ts' },
  { name: 'analyze', script: 'test/bench/analyze.bench.ts' },
  { name: 'ego', script: 'test/bench/ego.bench.ts' },
  { name: 'eval', script: 'test/bench/eval.ts' },
  { name: 'canvas', script: 'test/bench/canvas.bench.ts' },
  { name: 'startup', script: 'test/bench/startup.bench.ts' },
  // Monitoring across imports (issue 11).
  { name: 'changes', script: 'test/bench/changes.bench.ts', args: ['--scale', 'national', '--skip-partial'] },
  { name: 'matches', script: 'test/bench/matches.bench.ts' }, // issue 15
];

const only = process.argv.slice(2);
const resultsDir = RESULTS_DIR;
fs.mkdirSync(resultsDir, { recursive: true });

const outcomes: { name: string; status: number | null; seconds: number }[] = [];
for (const bench of BENCHES) {
  if (only.length > 0 && !only.includes(bench.name)) continue;
  process.stderr.write(`\n=== bench ${bench.name} ===\n`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', bench.script, ...(bench.args ?? [])], { stdio: 'inherit' });
  outcomes.push({ name: bench.name, status: run.status, seconds: (Date.now() - started) / 1000 });
}

const lines = ['# Benchmark summary', '', `Run ${new Date().toISOString()}, Node ${process.version}.`, '', '| bench | exit | wall s |', '| --- | --- | --- |'];
for (const o of outcomes) lines.push(`| ${o.name} | ${o.status} | ${o.seconds.toFixed(1)} |`);
lines.push('', 'Details: the `*.md` / `*.json` files beside this one.');
for (const file of fs.readdirSync(resultsDir).filter((f) => f.endsWith('.md') && f !== 'summary.md').sort()) {
  lines.push('', '---', '', fs.readFileSync(path.join(resultsDir, file), 'utf8').trim());
}
fs.writeFileSync(path.join(resultsDir, 'summary.md'), lines.join('\n') + '\n');
process.stdout.write(lines.slice(0, 6 + outcomes.length).join('\n') + '\n');
process.exitCode = outcomes.some((o) => o.status !== 0) ? 1 : 0;

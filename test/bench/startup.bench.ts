/**
 * `npm run bench:startup` (issue 10.3): cold start of the compiled CLI, `insyn --help`
 * (dist/app/insyn.js), against bare `node -e 0` on the same machine in the same run. Runs are
 * interleaved (node, insyn, node, insyn, …) so load drift hits both alike; medians of N (default 5,
 * `--runs N`). The tsx development entry (src/cli/bin.js) is measured too, for reference.
 * Target: insyn --help ≤ 4 × node -e 0. Writes test/bench/results/latest/startup.json and .md.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildAll, APP_OUT } from '../../electron/build.mjs';
import { RESULTS_DIR } from './results-dir';

const ROOT = path.resolve(import.meta.dirname, '../..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 5;

function timeOnce(args: string[]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${String(r.stderr)}`);
  return ms;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

await buildAll();
const bin = path.join(APP_OUT, 'insyn.js');
const cases = { node: ['-e', '0'], insyn_help: [bin, '--help'], tsx_dev_help: [path.join(ROOT, 'src/cli/bin.js'), '--help'] };
// One warm-up each: the first spawn pays for the disk cache, which a user's second call would not.
for (const args of Object.values(cases)) timeOnce(args);
const times: Record<string, number[]> = { node: [], insyn_help: [], tsx_dev_help: [] };
for (let i = 0; i < RUNS; i++) for (const [name, args] of Object.entries(cases)) times[name]!.push(timeOnce(args));
const med = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, +median(v).toFixed(1)]));
const ratio = +(med.insyn_help! / med.node!).toFixed(2);
const result = {
  benchmark: 'startup',
  date: new Date().toISOString(),
  runs: RUNS,
  median_ms: med,
  samples_ms: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.map((x) => +x.toFixed(1))])),
  ratio_insyn_help_vs_node: ratio,
  ratio_target: 4,
  ratio_tsx_dev_vs_node: +(med.tsx_dev_help! / med.node!).toFixed(2),
  machine: { cpus: os.cpus().length, node: process.version, loadavg_1m: +os.loadavg()[0]!.toFixed(2) },
};
fs.mkdirSync(RESULTS_DIR, { recursive: true });
fs.writeFileSync(path.join(RESULTS_DIR, 'startup.json'), JSON.stringify(result, null, 2) + '\n');
const md = [
  '# Start-up benchmark',
  '',
  `Run ${result.date}, ${RUNS} interleaved runs each, ${result.machine.cpus} cores, Node ${result.machine.node}, 1-min load ${result.machine.loadavg_1m}.`,
  '',
  '| command | median ms |',
  '| --- | --- |',
  `| node -e 0 | ${med.node} |`,
  `| insyn --help (compiled, dist/app/insyn.js) | ${med.insyn_help} |`,
  `| insyn --help via tsx (src/cli/bin.js, development only) | ${med.tsx_dev_help} |`,
  '',
  `Ratio compiled / bare node: **${ratio}** (target ≤ 4); tsx / bare node: ${result.ratio_tsx_dev_vs_node}.`,
  '',
].join('\n');
fs.writeFileSync(path.join(RESULTS_DIR, 'startup.md'), md);
process.stdout.write(md);
if (ratio > 4) process.exitCode = 1;

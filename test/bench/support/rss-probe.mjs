// Preloaded into a benchmarked process (`node --import ./rss-probe.mjs …`): at exit it writes the
// process's peak RSS and CPU time (all threads) as JSON to $INSYN_BENCH_PROBE.
import fs from 'node:fs';

const out = process.env.INSYN_BENCH_PROBE;
if (out) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(out, JSON.stringify({ maxRssKB: u.maxRSS, cpuMs: Math.round((u.userCPUTime + u.systemCPUTime) / 1000) }));
  });
}

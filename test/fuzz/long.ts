/**
 * `npm run fuzz`: the long importer fuzz run (issue 7.1), ≥ 50 000 cases of the same generator
 * and property as the CI-sized test. Prints cases run and failures; exit code 1 on any failure.
 * Usage: npm run fuzz [-- <cases> [<first seed>]]
 */
import { MUTATIONS, runCase } from './cases';

const cases = Number(process.argv[2] ?? 50_000);
const firstSeed = Number(process.argv[3] ?? 1);
const failures: { seed: number; mutation: string; failure: string }[] = [];
const started = Date.now();
for (let i = 0; i < cases; i++) {
  const seed = firstSeed + i;
  const mutation = MUTATIONS[i % MUTATIONS.length]!;
  let failure: string | null;
  try {
    failure = await runCase({ seed, mutation });
  } catch (err) {
    failure = `harness error: ${String(err)}`;
  }
  if (failure) {
    failures.push({ seed, mutation, failure });
    process.stderr.write(`\nFAIL seed=${seed} mutation=${mutation}: ${failure}\n`);
  }
  if ((i + 1) % 1000 === 0) process.stderr.write(`\r${i + 1}/${cases} fall, ${failures.length} fel, ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
const summary = { cases, failures: failures.length, seconds: Math.round((Date.now() - started) / 1000), first_seed: firstSeed, failed: failures.slice(0, 50) };
process.stderr.write('\n');
console.log(JSON.stringify(summary, null, 2));
process.exitCode = failures.length ? 1 : 0;

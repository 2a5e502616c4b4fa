import fc from 'fast-check';

/**
 * Fixed, printed seeds for the fuzz tests (issue 13.6): every run of a fuzz test draws the same
 * cases, so CI is reproducible; the seed is printed when the test starts and again in a failure,
 * with the command that replays it. `INSYN_FUZZ_SEED=<n>` tries another seed, `INSYN_FUZZ_RUNS=<n>`
 * more or fewer cases.
 */
export function fuzzSeed(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.INSYN_FUZZ_SEED;
  const seed = raw !== undefined && raw.trim() !== '' ? Number(raw) : fallback;
  if (!Number.isSafeInteger(seed)) throw new Error(`INSYN_FUZZ_SEED ska vara ett heltal, inte ${JSON.stringify(raw)}`);
  console.log(`[fuzz] ${name}: seed ${seed}${raw ? ' (INSYN_FUZZ_SEED)' : ''}`);
  return seed;
}

export function fuzzRuns(fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.INSYN_FUZZ_RUNS);
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

/** fc.assert with the seed; a failure names the seed and how to replay it. */
export async function assertSeeded<Ts extends [unknown, ...unknown[]]>(
  name: string,
  file: string,
  seed: number,
  property: fc.IAsyncProperty<Ts> | fc.IProperty<Ts>,
  params: fc.Parameters<Ts> = {},
): Promise<void> {
  try {
    await fc.assert(property as fc.IAsyncProperty<Ts>, { ...params, seed });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new Error(`${name} failed with seed ${seed}. Replay: INSYN_FUZZ_SEED=${seed} npx vitest run ${file}\n${msg}`, { cause: err });
  }
}

import type { Command } from 'commander';
import { generateDataset } from '../../demo/generate';
import { SCALES, type Scale } from '../../demo/scales';
import { UsageError } from '../usage-error';
import { countSv } from '../../model/labels-sv';

/** `insyn demo-data <folder> [--scale demo|municipality|national] [--seed N]` (contract §5). */
export function register(program: Command): void {
  program
    .command('demo-data')
    .description('Skapa ett syntetiskt Sverige i kontraktets format, med planterade fall och facit (truth.csv)')
    .argument('<folder>', 'mapp att skriva till (skapas vid behov)')
    .option('--scale <scale>', 'demo | municipality | national', 'demo')
    .option('--seed <n>', 'slumpfrö (heltal)', '1')
    .option('--clean', 'inga avsiktligt smutsiga filer eller rader')
    .option('--dirty', 'avsiktligt smutsiga filer och rader (standard för demo och municipality)')
    .action(async (folder: string, opts: { scale: string; seed: string; clean?: boolean; dirty?: boolean }) => {
      if (!(SCALES as readonly string[]).includes(opts.scale)) throw new UsageError(`okänd skala "${opts.scale}" (välj demo, municipality eller national)`);
      if (!/^\d+$/.test(opts.seed) || Number(opts.seed) > 0xffffffff) throw new UsageError(`--seed måste vara ett heltal 0–4294967295, inte "${opts.seed}"`);
      if (opts.clean && opts.dirty) throw new UsageError('--clean och --dirty kan inte anges samtidigt');
      const started = Date.now();
      let last = 0;
      const result = await generateDataset(folder, {
        scale: opts.scale as Scale,
        seed: Number(opts.seed),
        dirty: opts.clean ? false : opts.dirty ? true : undefined,
        onProgress: (p) => {
          const now = Date.now();
          if (now - last < 500 && p.done !== p.total) return;
          last = now;
          process.stderr.write(`\r${PHASE_SV[p.phase] ?? p.phase}: ${p.done.toLocaleString('sv-SE')} / ${p.total.toLocaleString('sv-SE')} (${Math.round((100 * p.done) / Math.max(1, p.total))} %)   `);
        },
      });
      process.stderr.write('\n');
      process.stdout.write(`Skrev ${countSv(result.files.length, 'fil', 'filer')} till ${folder} (${result.truthRows} facitrader) på ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    });
}

const PHASE_SV: Record<string, string> = { persons: 'Personer', companies: 'Företag', foster_homes: 'Familjehem' };

import type { Command } from 'commander';
import path from 'node:path';
import { listAudit, verifyAudit } from '../../audit/log';
import { countSv } from '../../model/labels-sv';
import { auditSummarySv } from '../../audit/summary';
import { exportAuditLog } from '../../audit/export';
import { UsageError } from '../usage-error';
import { openStoreFromOptions, printJson } from '../options';

/**
 * `insyn audit verify [--db FILE] [--json]`: checks the hash chain; exit 1 and says where when broken.
 * `insyn audit list [--db FILE] [--json] [--offset N] [--limit N]`: the log, oldest first.
 * `insyn audit export --out FILE.csv [--db FILE] [--overwrite]`: the whole log with its hashes as CSV.
 */
export function register(program: Command): void {
  const audit = program.command('audit').description('Granskningsloggen: kontrollera och visa');

  audit
    .command('verify')
    .description('Kontrollerar att granskningsloggen är obruten (kedjade kontrollsummor)')
    .option('--db <file>', 'databasfil (standard: $INSYN_DB eller användarens datakatalog)')
    .option('--json', 'skriv resultatet som JSON på stdout')
    .action((opts: { db?: string; json?: boolean }) => {
      const db = openStoreFromOptions(opts);
      try {
        const v = verifyAudit(db);
        if (opts.json) printJson(v);
        if (v.ok) {
          if (!opts.json) process.stdout.write(`Granskningsloggen är obruten: ${countSv(v.entries, 'post', 'poster')} kontrollerade.\n`);
          return;
        }
        process.stderr.write(`insyn: granskningsloggen är bruten vid post ${v.brokenAt}${v.seq != null ? ` (nr ${v.seq})` : ''}: ${v.message_sv}\n`);
        process.exitCode = 1;
      } finally {
        db.close();
      }
    });

  audit
    .command('list')
    .description('Visar granskningsloggen')
    .option('--db <file>', 'databasfil (standard: $INSYN_DB eller användarens datakatalog)')
    .option('--json', 'skriv posterna som JSON på stdout')
    .option('--offset <n>', 'hoppa över de första n posterna', '0')
    .option('--limit <n>', 'högst n poster', '1000')
    .action((opts: { db?: string; json?: boolean; offset: string; limit: string }) => {
      const offset = Number(opts.offset);
      const limit = Number(opts.limit);
      if (!Number.isInteger(offset) || offset < 0) throw new UsageError(`ogiltigt värde för --offset: ${opts.offset}`);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`ogiltigt värde för --limit: ${opts.limit}`);
      const db = openStoreFromOptions(opts);
      try {
        const page = listAudit(db, { offset, limit });
        if (opts.json) {
          printJson(page);
          return;
        }
        for (const e of page.entries) {
          const { label, text } = auditSummarySv(e.action, e.details);
          process.stdout.write(`${String(e.seq).padStart(6)}  ${e.at.replace('T', ' ').slice(0, 19)}  ${e.actor.padEnd(12)}  ${label.padEnd(24)}  ${text}\n`);
        }
        process.stderr.write(`insyn: ${page.entries.length} av ${countSv(page.total, 'post', 'poster')}\n`);
      } finally {
        db.close();
      }
    });

  audit
    .command('export')
    .description('Exporterar hela granskningsloggen med kontrollsummor som CSV')
    .requiredOption('--out <file>', 'målfil (.csv)')
    .option('--db <file>', 'databasfil (standard: $INSYN_DB eller användarens datakatalog)')
    .option('--overwrite', 'skriv över en befintlig fil')
    .action((opts: { out: string; db?: string; overwrite?: boolean }) => {
      const db = openStoreFromOptions(opts);
      try {
        const r = exportAuditLog(db, { outDir: path.dirname(opts.out), fileName: path.basename(opts.out), overwrite: opts.overwrite ?? false });
        process.stdout.write(`${r.file.path}\n`);
        process.stderr.write(`insyn: ${countSv(r.rows, 'post', 'poster')}${r.verified ? '' : ' (OBS: kedjan är bruten, kör insyn audit verify)'}\n`);
      } finally {
        db.close();
      }
    });
}

import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { anchorAudit, listAudit, verifyAudit, type AuditReceipt } from '../../audit/log';
import { loadAuditKey } from '../../audit/key';
import { describeHead, makeReceipt, parseReceipt, ReceiptError } from '../../audit/receipt';
import { exportAuditLog } from '../../audit/export';
import { countSv } from '../../model/labels-sv';
import { UsageError } from '../usage-error';
import { openStoreFromOptions, printJson, resolveDbPath } from '../options';
import { termSafe } from '../terminal';

/**
 * `insyn audit verify [--db FILE] [--json] [--receipt FILE]`: checks the keyed chain and its head;
 *   with a receipt, also that the log still contains the receipt's entry. Exit 1 and says where when broken.
 * `insyn audit receipt [--db FILE] [--out FILE] [--json]`: the head (seq, hash, time) as a receipt.
 * `insyn audit anchor [--db FILE]`: anchors entries written before keys, on the user's word.
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
    .option('--receipt <file>', 'kvitto från insyn audit receipt: loggen måste fortfarande innehålla dess post')
    .action((opts: { db?: string; json?: boolean; receipt?: string }) => {
      const receipt = opts.receipt != null ? readReceipt(opts.receipt) : undefined;
      const db = openStoreFromOptions(opts);
      try {
        const v = verifyAudit(db, { receipt });
        if (opts.json) printJson(v);
        if (v.ok) {
          if (!opts.json) {
            process.stdout.write(`Granskningsloggen är obruten: ${countSv(v.entries, 'post', 'poster')} kontrollerade, huvud: ${describeHead(v.head)}.\n`);
            if (receipt) process.stdout.write(`Kvittots post nr ${receipt.seq} (${receipt.at}) finns kvar oförändrad.\n`);
            if (v.unkeyed > 0) process.stdout.write(`OBS: de första ${v.unkeyed} posterna skrevs före nyckelad logg och skyddas bara av förankringen efter dem.\n`);
          }
          return;
        }
        process.stderr.write(`insyn: granskningsloggen är bruten vid post ${v.brokenAt}${v.seq != null ? ` (nr ${v.seq})` : ''}: ${v.message_sv}\n`);
        process.exitCode = 1;
      } finally {
        db.close();
      }
    });

  audit
    .command('receipt')
    .description('Skriver ett kvitto på loggens huvud (nr, kontrollsumma, tid) att förvara utanför databasen')
    .option('--db <file>', 'databasfil (standard: $INSYN_DB eller användarens datakatalog)')
    .option('--out <file>', 'skriv kvittot (JSON) till filen; skriver aldrig över en befintlig fil')
    .option('--json', 'skriv kvittot som JSON på stdout')
    .action((opts: { db?: string; out?: string; json?: boolean }) => {
      const db = openStoreFromOptions(opts);
      try {
        const v = verifyAudit(db);
        if (!v.ok) {
          process.stderr.write(`insyn: inget kvitto: granskningsloggen är bruten: ${v.message_sv}\n`);
          process.exitCode = 1;
          return;
        }
        if (!v.head) {
          process.stderr.write('insyn: inget kvitto: granskningsloggen är tom\n');
          process.exitCode = 1;
          return;
        }
        const receipt = makeReceipt(v.head, loadAuditKey({ create: false })?.id ?? null, path.resolve(resolveDbPath(opts)));
        const text = JSON.stringify(receipt, null, 2) + '\n';
        if (opts.out) {
          try {
            fs.writeFileSync(opts.out, text, { flag: 'wx' });
          } catch (err) {
            if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${opts.out} finns redan; välj ett annat filnamn`);
            throw new Error(`kan inte skriva kvittot till ${opts.out}: ${(err as Error).message}`);
          }
        }
        if (opts.json) process.stdout.write(text);
        else if (opts.out) process.stdout.write(`${path.resolve(opts.out)}\n`);
        else process.stdout.write(`Granskningsloggens huvud: nr ${receipt.seq}, skriven ${receipt.at}\nKontrollsumma: ${receipt.hash}\n`);
        process.stderr.write(`insyn: kvitto på ${describeHead(v.head)}. Förvara det utanför databasen; kontrollera senare med insyn audit verify --receipt FIL.\n`);
      } finally {
        db.close();
      }
    });

  audit
    .command('anchor')
    .description('Förankrar poster som skrevs före nyckelad logg (om du vet att de är oförändrade)')
    .option('--db <file>', 'databasfil (standard: $INSYN_DB eller användarens datakatalog)')
    .action((opts: { db?: string }) => {
      const db = openStoreFromOptions(opts);
      try {
        const done = anchorAudit(db);
        process.stdout.write(done ? 'Loggens poster utan nyckel är förankrade; förankringen är loggad med ditt namn.\n' : 'Inget att förankra: loggen är redan nyckelad.\n');
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
    .action(async (opts: { db?: string; json?: boolean; offset: string; limit: string }) => {
      // Loaded here, not at start-up: signal titles bring the signal registry (zod).
      const { auditSummarySv } = await import('../../audit/summary');
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
          process.stdout.write(`${String(e.seq).padStart(6)}  ${e.at.replace('T', ' ').slice(0, 19)}  ${termSafe(e.actor).padEnd(12)}  ${label.padEnd(24)}  ${termSafe(text)}\n`);
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
        process.stdout.write(`${termSafe(r.file.path)}\n`);
        process.stderr.write(`insyn: ${countSv(r.rows, 'post', 'poster')}${r.verified ? '' : ' (OBS: kedjan är bruten, kör insyn audit verify)'}\n`);
      } finally {
        db.close();
      }
    });
}

function readReceipt(file: string): AuditReceipt {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`kan inte läsa kvittot ${file}: ${(err as Error).message}`);
  }
  try {
    return parseReceipt(text);
  } catch (err) {
    if (err instanceof ReceiptError) throw new UsageError(`${file}: ${err.message}`);
    throw err;
  }
}

import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { auditImport } from '../../audit/events';
import { importPath, ImportError, type ImportProgress, type ImportResult } from '../../import/importer';
import { importProgressText } from '../../import/progress-text';
import { UsageError } from '../usage-error';
import { openStoreFromOptions, printJson } from '../options';

/** `insyn import <folder|file> [--db FILE] [--json]` (contract §5). */
export function register(program: Command): void {
  program
    .command('import')
    .description('Importera en datamängd (mapp med tabeller, en enskild fil, Bolagsverkets bulkfil eller FtM JSON lines)')
    .argument('<path>', 'mapp eller fil')
    .option('--db <file>', 'databasfil (standard: $INSYN_DB eller användarens datakatalog)')
    .option('--json', 'skriv resultatet som JSON på stdout')
    .action(async (input: string, opts: { db?: string; json?: boolean }) => {
      if (!fs.existsSync(input)) throw new UsageError(`${input} finns inte / does not exist`);
      const db = openStoreFromOptions(opts);
      try {
        const progress = progressPrinter();
        let result: ImportResult;
        try {
          result = await importPath(db, input, { onProgress: progress.onProgress });
        } finally {
          progress.end();
        }
        auditImport(db, result, path.resolve(input));
        if (opts.json) printJson(jsonOf(result));
        else process.stdout.write(summaryText(result));
      } catch (err) {
        if (err instanceof ImportError) {
          process.stderr.write(`insyn import: ${err.messageSv}\n  (${err.messageEn})\nDatabasen är oförändrad / the store is unchanged.\n`);
          process.exitCode = 1;
          return;
        }
        throw err;
      } finally {
        db.close();
      }
    });
}

/** The contract's import --json object (plus additive fields). */
export function jsonOf(r: ImportResult): Record<string, unknown> {
  return {
    dataset: r.dataset,
    dataset_id: r.dataset_id,
    rows: r.rows,
    quarantined: r.quarantined,
    quarantine: r.quarantine.map((q) => ({ file: q.file, line: q.line, column: q.column, value: q.value, reason: q.reason, reason_sv: q.reason_sv })),
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    already_imported: r.already_imported,
    skipped: r.skipped,
  };
}

/**
 * On a terminal, one stderr line per file, rewritten in place while the file is read (`\r`) and closed with a
 * newline when the next file starts, so every file's final row count stays visible; `end()` closes
 * the last line before the summary.
 */
function progressPrinter(): { onProgress: (p: ImportProgress) => void; end: () => void } {
  let current: string | null = null;
  return {
    onProgress: (p) => {
      // Without a terminal (a log file, a pipe) \r does not rewrite the line: only each file's final count.
      if (!process.stderr.isTTY) {
        if (p.done) process.stderr.write(`${importProgressText(p)}\n`);
        return;
      }
      if (current !== null && current !== p.file) process.stderr.write('\n');
      current = p.file;
      process.stderr.write(`\r${importProgressText(p)}\x1b[K`);
    },
    end: () => {
      if (current !== null) process.stderr.write('\n');
      current = null;
    },
  };
}

function summaryText(r: ImportResult): string {
  const lines = [`Datamängd ${r.dataset} (#${r.dataset_id})${r.already_imported ? ' – redan importerad, inget ändrades' : ''}`];
  for (const [t, n] of Object.entries(r.rows)) lines.push(`  ${t}: ${n.toLocaleString('sv-SE')} rader`);
  lines.push(`  nya: ${r.inserted}, uppdaterade: ${r.updated}, oförändrade: ${r.unchanged}`);
  lines.push(`  i karantän: ${r.quarantined}`);
  for (const q of r.quarantine.slice(0, 20)) lines.push(`    ${q.file}:${q.line} ${q.column ?? ''} ${q.value === null ? '' : JSON.stringify(q.value.slice(0, 60))} – ${q.reason_sv}`);
  if (r.quarantine.length > 20) lines.push(`    … och ${r.quarantined - 20} till (visa med --json)`);
  if (r.skipped.length) lines.push(`  hoppade över: ${r.skipped.join(', ')}`);
  return lines.join('\n') + '\n';
}

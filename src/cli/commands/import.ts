import type { Command } from 'commander';
import fs from 'node:fs';
import type { ImportProgress, ImportResult } from '../../import/importer';
import { importProgressText } from '../../import/progress-text';
import { TABLE_NAMES } from '../../model/tables';
import { UsageError } from '../usage-error';
import { termSafe, termText } from '../terminal';
import { openStoreFromOptions, printJson } from '../options';

/** `insyn import <folder|file> [--db FILE] [--json] [--full [TABLES] | --partial] [--source NAME]` (contract §5; known time: issue 11). */
export function register(program: Command): void {
  program
    .command('import')
    .description('Importera en datamängd (mapp med tabeller, en enskild fil, Bolagsverkets bulkfil eller FtM JSON lines)')
    .argument('<path>', 'mapp eller fil')
    .option('--db <file>', 'databasfil (standard: $INSYN_DB eller användarens datakatalog)')
    .option('--json', 'skriv resultatet som JSON på stdout')
    .option('--full [tables]', 'fullständigt uttag: rader från samma källa som saknas rapporteras inte längre (alla tabeller, eller de kommaseparerade)')
    .option('--partial', 'delvist uttag även där Insyn annars antar fullständigt (Bolagsverkets bulkfil)')
    .option('--source <name>', 'källans namn, t.ex. bolagsverket eller kommun-a (fullständiga uttag gäller bara samma källa)')
    .action(async (input: string, opts: { db?: string; json?: boolean; full?: boolean | string; partial?: boolean; source?: string }) => {
      if (!fs.existsSync(input)) throw new UsageError(`${termSafe(input)} finns inte / does not exist`);
      if (opts.full !== undefined && opts.partial) throw new UsageError('--full och --partial kan inte anges samtidigt / --full and --partial exclude each other');
      const full = opts.partial ? false : typeof opts.full === 'string' ? opts.full.split(',').map((t) => t.trim()).filter(Boolean) : opts.full;
      const unknown = Array.isArray(full) ? full.filter((t) => !(TABLE_NAMES as readonly string[]).includes(t)) : [];
      if (unknown.length) throw new UsageError(`--full: okänd tabell ${unknown.join(', ')} (tabellerna är ${TABLE_NAMES.join(', ')})`);
      // Loaded here, not at start-up: `insyn --help` never reads the importer (exceljs, fflate).
      const { ImportError } = await import('../../import/importer');
      const { importAudited } = await import('../../audit/events');
      const db = openStoreFromOptions(opts);
      try {
        const progress = progressPrinter();
        let result: ImportResult;
        try {
          result = await importAudited(db, input, { onProgress: progress.onProgress, onWaitForStore: progress.onWait, full, source: opts.source });
        } finally {
          progress.end();
        }
        if (opts.json) printJson(jsonOf(result));
        else process.stdout.write(termText(summaryText(result)));
      } catch (err) {
        if (err instanceof ImportError) {
          process.stderr.write(`insyn import: ${termText(err.messageSv)}\n  (${termText(err.messageEn)})\nDatabasen är oförändrad / the store is unchanged.\n`);
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
    source: r.source ?? null,
    full: r.full ?? [],
    ended: r.ended ?? {},
    ...(r.timings ? { timings: r.timings } : {}),
  };
}

/**
 * On a terminal, one stderr line per file, rewritten in place while the file is read (`\r`) and closed with a
 * newline when the next file starts, so every file's final row count stays visible; `end()` closes
 * the last line before the summary.
 */
function progressPrinter(): { onProgress: (p: ImportProgress) => void; onWait: (waitedMs: number) => void; end: () => void } {
  let current: string | null = null;
  return {
    // issue 13: a second writer waits its turn and says so, instead of failing after 5 s.
    onWait: (waitedMs) => {
      current = '';
      process.stderr.write(`\rväntar på databasen: en annan import eller analys skriver just nu (${Math.round(waitedMs / 1000)} s) – importen startar när den är klar; Ctrl+C avbryter   `);
    },
    onProgress: (p) => {
      // Without a terminal (a log file, a pipe) \r does not rewrite the line: only each file's final count.
      if (!process.stderr.isTTY) {
        if (p.done) process.stderr.write(`${importProgressText(p)}\n`);
        return;
      }
      if (current !== null && current !== p.file) process.stderr.write('\n');
      current = p.file;
      process.stderr.write(`\r${termSafe(importProgressText(p))}\x1b[K`);
    },
    end: () => {
      if (current !== null) process.stderr.write('\n');
      current = null;
    },
  };
}

function summaryText(r: ImportResult): string {
  const lines = [`Datamängd ${termSafe(r.dataset)} (#${r.dataset_id})${r.already_imported ? ' – redan importerad, inget ändrades' : ''}`];
  for (const [t, n] of Object.entries(r.rows)) lines.push(`  ${t}: ${n.toLocaleString('sv-SE')} rader`);
  lines.push(`  nya: ${r.inserted}, uppdaterade: ${r.updated}, oförändrade: ${r.unchanged}`);
  lines.push(`  i karantän: ${r.quarantined}`);
  if (r.full?.length) lines.push(`  fullständigt uttag av ${r.full.join(', ')}${r.source ? ` från ${termSafe(r.source)}` : ''}; rapporteras inte längre: ${Object.values(r.ended ?? {}).reduce((a, b) => a + b, 0)} rader`);
  for (const q of r.quarantine.slice(0, 20)) lines.push(`    ${termSafe(q.file)}:${q.line} ${termSafe(q.column ?? '')} ${q.value === null ? '' : JSON.stringify(q.value.slice(0, 60))} – ${q.reason_sv}`);
  if (r.quarantine.length > 20) lines.push(`    … och ${r.quarantined - 20} till (visa med --json)`);
  // File names from the folder are escaped one by one: a newline in one must not look like a line of ours.
  if (r.skipped.length) lines.push(`  hoppade över: ${r.skipped.map(termSafe).join(', ')}`);
  return lines.join('\n') + '\n';
}

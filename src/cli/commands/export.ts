import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { ExportScope } from '../../export/index';
import { CSV_DIALECTS, EXPORT_FORMATS, type CsvDialect, type ExportFormat } from '../../export/types';
import { normaliseHolderId } from '../../ids/holder';
import { UsageError } from '../usage-error';
import { openStoreFromOptions, printJson } from '../options';
import { termSafe } from '../terminal';
import { countSv } from '../../model/labels-sv';

/**
 * `insyn export --format gexf|graphml|csv|ftm|html [--subject ID [--hops N] | --case N | --cluster RANK]
 *   [--out FILE|DIR] [--db FILE] [--pseudonymise] [--overwrite] [--as-of DATE] [--json]` (contract §5).
 *
 * Without a scope: the whole flagged network of the latest run. `--out FILE` names the file; for
 * csv it is the stem of three files next to it (`--out x.csv` → x-nodes.csv, x-edges.csv,
 * x-hits.csv). `--out DIR` (an existing folder, or a path ending in /) writes default names into it.
 * Without --out: default names in the current folder. Existing files are kept unless --overwrite.
 * `--csv-dialect excel` (default: `;`, decimal comma, digit ids as text for Swedish Excel) or
 * `standard` (RFC 4180 with `,` for pandas, R and other tools).
 */
interface Opts {
  format?: string; subject?: string; case?: string; cluster?: string; out?: string; db?: string;
  pseudonymise?: boolean; overwrite?: boolean; asOf?: string; json?: boolean; hops?: string; csvDialect?: string;
}

export function register(program: Command): void {
  program
    .command('export')
    .description('Exporterar ett nätverk med larm som GEXF, GraphML, CSV, FollowTheMoney eller HTML-rapport')
    .requiredOption('--format <format>', `format: ${EXPORT_FORMATS.join(' | ')}`)
    .option('--subject <id>', 'nätverket kring en entitet (2 steg): org_nr, personnummer, tillstånds-id ...')
    .option('--hops <n>', 'antal steg kring --subject (1–4)', '2')
    .option('--case <id>', 'ett ärendes entiteter och larm')
    .option('--cluster <rank>', 'ett kluster i den senaste analysen (rangordning)')
    .option('--out <file|dir>', 'målfil, eller mapp (befintlig eller slutar med /); csv: filstam för tre filer')
    .option('--db <file>', 'databasfil (standard: $INSYN_DB eller användarens datakatalog)')
    .option('--pseudonymise', 'ersätt personnummer och personnamn med nyckelade pseudonymer')
    .option('--overwrite', 'skriv över befintliga filer')
    .option('--as-of <date>', 'bara kopplingar som gäller detta datum (standard: hela historiken)')
    .option('--csv-dialect <dialect>', 'csv: excel (semikolon, decimalkomma, id:n som text – för Excel med svenska inställningar) eller standard (RFC 4180, komma)', 'excel')
    .option('--json', 'skriv de skrivna filerna som JSON på stdout')
    .action(async (opts: Opts) => {
      const format = parseFormat(opts.format);
      const scope = parseScope(opts);
      const { outDir, baseName } = parseOut(opts.out, format);
      const csvDialect = parseDialect(opts.csvDialect);
      // Loaded here, not at start-up: `insyn --help` never reads graphology.
      const { exportScope } = await import('../../export/index');
      const db = openStoreFromOptions(opts);
      try {
        const r = exportScope(db, { format, scope, outDir, baseName, pseudonymise: opts.pseudonymise ?? false, overwrite: opts.overwrite ?? false, csvDialect });
        if (opts.json) printJson(r);
        else for (const f of r.files) process.stdout.write(`${termSafe(f.path)}\n`);
        process.stderr.write(`insyn: ${countSv(r.files.length, 'fil', 'filer')}, ${countSv(r.nodes, 'nod', 'noder')}, ${countSv(r.edges, 'koppling', 'kopplingar')}, ${countSv(r.hits, 'larm', 'larm')}${opts.pseudonymise ? ' (pseudonymiserad)' : ''}\n`);
      } finally {
        db.close();
      }
    });
}

function parseFormat(raw: string | undefined): ExportFormat {
  const f = (raw ?? '').toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(f)) throw new UsageError(`okänt format: ${raw} (välj ${EXPORT_FORMATS.join(', ')})`);
  return f as ExportFormat;
}

function parseDialect(raw: string | undefined): CsvDialect {
  const d = (raw ?? 'excel').toLowerCase();
  if (!(CSV_DIALECTS as readonly string[]).includes(d)) throw new UsageError(`okänd csv-dialekt: ${raw} (välj ${CSV_DIALECTS.join(' eller ')})`);
  return d as CsvDialect;
}

function parseScope(o: Opts): ExportScope {
  const given = [o.subject, o.case, o.cluster].filter((v) => v !== undefined);
  if (given.length > 1) throw new UsageError('ange högst en av --subject, --case och --cluster');
  if (o.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.asOf)) throw new UsageError(`ogiltigt datum för --as-of: ${o.asOf} (förväntade ÅÅÅÅ-MM-DD)`);
  const asOf = o.asOf;
  if (o.subject !== undefined) {
    // Accept any written form of an org_nr / personnummer; other ids (licences, homes, addresses) as typed.
    const id = normaliseHolderId(o.subject);
    const hops = Number(o.hops ?? 2);
    if (!Number.isInteger(hops) || hops < 1 || hops > 4) throw new UsageError(`ogiltigt antal steg för --hops: ${o.hops} (1–4)`);
    return { subject: id.ok ? id.value.id : o.subject.trim(), hops, asOf };
  }
  if (o.case !== undefined) {
    const n = Number(o.case);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`ogiltigt ärende-id: ${o.case}`);
    return { case: n, asOf };
  }
  if (o.cluster !== undefined) return { cluster: o.cluster, asOf };
  return { flagged: true, asOf };
}

function parseOut(out: string | undefined, format: ExportFormat): { outDir: string; baseName?: string } {
  if (out === undefined) return { outDir: process.cwd() };
  const isDir = /[\\/]$/.test(out) || (fs.existsSync(out) && fs.statSync(out).isDirectory());
  if (isDir) return { outDir: out };
  let base = path.basename(out);
  if (format === 'csv') base = base.replace(/\.csv$/i, '');
  return { outDir: path.dirname(out), baseName: base };
}

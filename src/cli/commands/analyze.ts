import fs from 'node:fs';
import type { Command } from 'commander';
import type { AnalysisResult } from '../../analysis/run';
import { isIsoDate } from '../../model/dates';
import type { SignalDefinition } from '../../signals/types';
import { UsageError } from '../usage-error';
import { openStoreFromOptions, printJson } from '../options';
import { termText } from '../terminal';
import { countSv } from '../../model/labels-sv';

/** `insyn analyze [--db FILE] [--as-of YYYY-MM-DD] [--json] [--config FILE.json] [--as-known DATASET_ID]` (contract §5, §7.3). */
export function register(program: Command): void {
  program
    .command('analyze')
    .description('Kör alla signaler mot databasen och beräknar riskpoäng')
    .option('--db <file>', 'databasfil (standard: $INSYN_DB eller användarens datakatalog)')
    .option('--as-of <date>', 'analysdatum ÅÅÅÅ-MM-DD (standard: i dag)')
    .option('--json', 'skriv resultatet som JSON på stdout')
    .option('--config <file>', 'JSON-fil med parametrar per signal: { "<signal-id>": { "parameter": värde } }')
    .option('--as-known <dataset>', 'analysera bara det databasen visste direkt efter importen av datamängd DATASET_ID')
    .action(async (opts: { db?: string; asOf?: string; json?: boolean; config?: string; asKnown?: string }) => {
      if (opts.asOf != null && !isIsoDate(opts.asOf)) throw new UsageError(`ogiltigt datum för --as-of: ${opts.asOf} (förväntade ÅÅÅÅ-MM-DD)`);
      const asKnown = opts.asKnown == null ? undefined : datasetIdArg(opts.asKnown);
      // Loaded here, not at start-up: `insyn --help` never reads the signals, zod or graphology.
      const { formatIssues, validateConfig } = await import('../../analysis/params');
      const { contractJson, runAnalysis } = await import('../../analysis/run');
      const { SIGNALS } = await import('../../signals/index');
      const { auditAnalysisRun } = await import('../../audit/events');
      const { UnknownDatasetError } = await import('../../store/known');
      const { listDatasets } = await import('../../store/facts');
      const { analysisStepText } = await import('../../analysis/progress-text');
      const params = opts.config != null ? readConfig(opts.config, validateConfig, formatIssues) : undefined;
      const db = openStoreFromOptions(opts);
      try {
        const result = runAnalysis(db, {
          asOf: opts.asOf,
          params,
          asKnown,
          onProgress: (p) => {
            if (p.step === 'wait') process.stderr.write(`${process.stderr.isTTY ? '\r' : ''}väntar på databasen: en import skriver just nu – resultatet sparas när den är klar; Ctrl+C avbryter\n`);
            else if (process.stderr.isTTY) process.stderr.write(`\ranalyserar: ${analysisStepText(p.step)} (${p.done}/${p.total})\x1b[K`);
          },
          // Parameters and data version of every run are logged with it, so a result can be reproduced.
          onPersist: (run) => auditAnalysisRun(db, run),
        });
        if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
        if (opts.json) printJson(contractJson(result));
        else process.stdout.write(termText(renderTable(result, SIGNALS)));
        process.stderr.write(`insyn: körning ${result.run_id}, ${countSv(result.hits.length, 'träff', 'träffar')}, ${result.timings.total_ms} ms\n`);
        // issue 13: never silently an old snapshot.
        if (result.snapshot.note_sv) process.stderr.write(`insyn: ${result.snapshot.note_sv}\n`);
      } catch (err) {
        if (err instanceof UnknownDatasetError) {
          const ids = listDatasets(db).map((d) => d.id);
          throw new UsageError(`--as-known ${err.datasetId}: ${err.message}; ${ids.length ? `befintliga datamängder: ${ids.length > 12 ? `${ids[0]}–${ids[ids.length - 1]}` : ids.join(', ')}` : 'inga datamängder är importerade'}`);
        }
        throw err;
      } finally {
        db.close();
      }
    });
}

function datasetIdArg(raw: string): number {
  const id = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(id)) throw new UsageError(`ogiltigt datamängds-id för --as-known: ${raw} (förväntade ett heltal, t.ex. 3) / invalid dataset id`);
  return id;
}

type Params = typeof import('../../analysis/params');

function readConfig(file: string, validateConfig: Params['validateConfig'], formatIssues: Params['formatIssues']): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`kan inte läsa --config ${file}: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`--config ${file} är inte giltig JSON: ${(err as Error).message}`);
  }
  const r = validateConfig(json);
  if (!r.ok) throw new UsageError(`ogiltiga parametrar i ${file}:\n${formatIssues(r.issues)}`);
  return r.value;
}

const KIND_SV: Record<string, string> = { company: 'bolag', person: 'person', licence: 'tillstånd', foster_home: 'familjehem', address: 'adress' };

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** A readable Swedish summary: coverage per signal, hits, top scores and clusters. */
export function renderTable(r: AnalysisResult, signals: readonly SignalDefinition[]): string {
  const lines: string[] = [];
  const known = r.as_known !== null ? `, som känt efter datamängd ${r.as_known}` : '';
  lines.push(`Analys per ${r.as_of} (körning ${r.run_id}, dataversion ${r.data_version}${known})`, '');
  lines.push(`${pad('Signal', 32)}${pad('Träffar', 9)}Status`);
  for (const s of signals) {
    const cov = r.coverage[s.id];
    const n = r.hits.filter((h) => h.signal === s.id).length;
    lines.push(`${pad(s.id, 32)}${pad(cov?.evaluable ? String(n) : '–', 9)}${cov?.evaluable ? s.title : `ej bedömbar: ${cov?.reason ?? ''}`}`);
  }
  lines.push('', `Träffar (${r.hits.length}), allvarligast först:`);
  const sorted = [...r.hits].sort((a, b) => b.severity - a.severity || a.signal.localeCompare(b.signal) || a.subject_id.localeCompare(b.subject_id));
  for (const h of sorted.slice(0, 50)) {
    const rel = h.related_ids.length ? ` → ${h.related_ids.slice(0, 4).join(', ')}${h.related_ids.length > 4 ? ' …' : ''}` : '';
    lines.push(`  [${h.severity}] ${pad(h.signal, 30)} ${KIND_SV[h.subject_kind] ?? h.subject_kind} ${h.subject_id}${rel}`);
    if (h.evidence[0]) lines.push(`        ${h.evidence[0].text} (${h.evidence[0].source})`);
  }
  if (sorted.length > 50) lines.push(`  … och ${sorted.length - 50} till (använd --json för alla)`);
  lines.push('', 'Högst riskpoäng (direkt / nätverk):');
  for (const s of r.scores.filter((x) => x.score > 0 || x.network_score > 0).slice(0, 15)) {
    lines.push(`  ${s.score.toFixed(2)} / ${s.network_score.toFixed(2)}  ${KIND_SV[s.subject_kind] ?? s.subject_kind} ${s.subject_id}`);
  }
  lines.push('', `Kluster (${r.clusters.length}), högst rankade:`);
  for (const c of r.clusters.slice(0, 10)) {
    lines.push(`  #${c.rank}  poäng ${c.score.toFixed(2)}  ${countSv(c.size, 'entitet', 'entiteter')}  signaler: ${c.signals.join(', ')}`);
  }
  return lines.join('\n') + '\n';
}

import type { Command } from 'commander';
import { changesBetween, ChangesError, type ChangeHit, type ChangesReport } from '../../monitor/changes';
import { UsageError } from '../usage-error';
import { openStoreFromOptions, printJson } from '../options';

/** `insyn changes [--since RUN_ID] [--to RUN_ID] [--db FILE] [--json]` (contract §7.3). */
export function register(program: Command): void {
  program
    .command('changes')
    .description('Nya, försvunna och ändrade träffar mellan två analyskörningar, och vad som hänt kring bevakade entiteter')
    .option('--since <run>', 'jämför med denna körning (standard: körningen före den senaste)')
    .option('--to <run>', 'jämför till denna körning (standard: den senaste)')
    .option('--db <file>', 'databasfil (standard: $INSYN_DB eller användarens datakatalog)')
    .option('--json', 'skriv resultatet som JSON på stdout')
    .action((opts: { since?: string; to?: string; db?: string; json?: boolean }) => {
      const since = opts.since === undefined ? undefined : runIdArg('--since', opts.since);
      const to = opts.to === undefined ? undefined : runIdArg('--to', opts.to);
      const db = openStoreFromOptions(opts);
      try {
        let report: ChangesReport;
        try {
          report = changesBetween(db, { since, to });
        } catch (err) {
          if (err instanceof ChangesError) throw new UsageError(err.message);
          throw err;
        }
        if (report.params_differ) process.stderr.write(`insyn changes: körningarna ${report.from_run} och ${report.to_run} har olika parametrar (se "differences"); jämförelsen visas ändå\n`);
        if (opts.json) {
          const { hit_keys: _keys, hit_keys_before: _before, ...json } = report;
          printJson(json);
        } else process.stdout.write(changesText(report));
      } finally {
        db.close();
      }
    });
}

function runIdArg(flag: string, raw: string): number {
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`ogiltigt körnings-id för ${flag}: ${raw} (förväntade ett heltal) / invalid run id`);
  return Number(raw);
}

const line = (h: ChangeHit): string => `[${h.severity}] ${h.signal} ${h.subject_kind} ${h.subject_id}${h.related_ids.length ? ` → ${h.related_ids.join(', ')}` : ''}`;

const CHANGE_SV: Record<string, string> = { added: 'ny', changed: 'ändrad', ended: 'rapporteras inte längre', reported_again: 'rapporteras igen' };

/** A readable Swedish summary of a changes report. */
export function changesText(r: ChangesReport): string {
  const out = [`Förändringar från körning ${r.from_run} (per ${r.from.as_of}) till körning ${r.to_run} (per ${r.to.as_of})`];
  if (r.differences.length) {
    out.push('OBS: körningarna är inte gjorda på samma sätt:');
    for (const d of r.differences) out.push(d.what === 'params' ? `  ${d.signal}.${d.param}: ${JSON.stringify(d.from)} → ${JSON.stringify(d.to)}` : `  ${d.what}: ${String(d.from)} → ${String(d.to)}`);
  }
  out.push('', `Nya träffar (${r.new.length}):`, ...r.new.map((h) => `  ${line(h)}`));
  out.push('', `Ändrade träffar (${r.changed.length}):`);
  for (const c of r.changed) {
    out.push(`  ${line(c.hit)}`);
    for (const e of c.evidence_added) out.push(`    + ${e.text} (${e.source})`);
    for (const e of c.evidence_removed) out.push(`    − ${e.text} (${e.source})`);
  }
  out.push('', `Försvunna träffar (${r.gone.length}):`, ...r.gone.map((h) => `  ${line(h)}`));
  out.push('', `Bevakade (${r.watched.filter((w) => w.step === 0).length}), ändringar i datamängder efter ${r.since_dataset}:`);
  for (const w of r.watched) {
    out.push(`  ${w.step === 0 ? '' : '  (granne till ' + w.watched_id + ') '}${w.kind} ${w.id}${w.note ? ` – ${w.note}` : ''}${w.in_store === false ? ' (finns inte i databasen ännu)' : ''}: ${w.changes.length} ändringar`);
    for (const c of w.changes.slice(0, 20)) {
      const what = c.change === 'changed' ? `${c.field}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}` : CHANGE_SV[c.change];
      out.push(`      #${c.dataset} ${c.table} ${what} (${c.source})`);
    }
    if (w.changes.length > 20) out.push(`      … och ${w.changes.length - 20} till (visa med --json)`);
  }
  return out.join('\n') + '\n';
}

import type { Command } from 'commander';
import { DEFAULT_MIN_SCORE, MATCH_DECISION_SV, MATCH_STATUSES, type MatchStatus } from '../../matching/constants';
import type { MatchItem } from '../../matching/queue';
import type { DecisionRow, MatchDecisionValue } from '../../store/matches';
import { UsageError } from '../usage-error';
import { openStoreFromOptions, printJson } from '../options';

/**
 * `insyn matches list [--status queue|proposed|unsure|confirmed|rejected|all] [--entity ID] [--min-score X] [--limit N] [--json]`
 * `insyn matches confirm|reject|unsure <id> <id> [--note TEXT] [--actor NAME] [--json]`
 * `insyn matches undo <id> <id> [--actor NAME] [--json]`
 * Entity resolution (issue 15): candidates for records without a Swedish id, and a person's decisions.
 */
const DB_OPT = ['--db <file>', 'databasfil (standard: $INSYN_DB eller användarens datakatalog)'] as const;

export function register(program: Command): void {
  const matches = program.command('matches').description('Matchning av poster utan svenskt id (möjligen samma person eller bolag)');

  matches
    .command('list')
    .description('Visar kandidatpar och beslut')
    .option(...DB_OPT)
    .option('--status <status>', `queue (föreslagna och osäkra), ${MATCH_STATUSES.join(', ')} eller all`, 'queue')
    .option('--entity <id>', 'endast par där id finns på någon sida')
    .option('--min-score <x>', 'lägsta poäng för föreslagna par (0–1)', String(DEFAULT_MIN_SCORE))
    .option('--limit <n>', 'högst n par', '1000')
    .option('--json', 'skriv paren som JSON på stdout')
    .action(async (opts: { db?: string; status: string; entity?: string; minScore: string; limit: string; json?: boolean }) => {
      const status = opts.status as MatchStatus | 'queue' | 'all';
      if (![...MATCH_STATUSES, 'queue', 'all'].includes(status)) throw new UsageError(`ogiltig --status: ${opts.status}`);
      const minScore = Number(opts.minScore);
      if (!(minScore >= 0 && minScore <= 1)) throw new UsageError(`ogiltigt värde för --min-score: ${opts.minScore} (0–1)`);
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`ogiltigt värde för --limit: ${opts.limit}`);
      const { listMatches } = await import('../../matching/queue');
      const db = openStoreFromOptions(opts);
      try {
        const r = listMatches(db, { status, entityId: opts.entity, minScore, limit });
        if (opts.json) {
          printJson({ total: r.total, matches: r.items.map(itemJson), stats: r.stats });
          return;
        }
        for (const i of r.items) process.stdout.write(itemText(i));
        process.stderr.write(`insyn: ${r.items.length} av ${r.total} par${r.stats ? ` (${r.stats.records} poster utan svenskt id, ${r.stats.compared} jämförelser, ${r.stats.ms} ms)` : ''}\n`);
      } finally {
        db.close();
      }
    });

  for (const [name, decision, text] of [['confirm', 'confirmed', 'Bekräftar att två poster är samma person eller bolag'], ['reject', 'rejected', 'Avvisar ett kandidatpar (föreslås inte igen för samma uppgifter)'], ['unsure', 'unsure', 'Markerar ett kandidatpar som osäkert']] as const) {
    matches
      .command(name)
      .description(text)
      .argument('<a>', 'id för den ena posten (ext:…, personnummer eller organisationsnummer som lagrat)')
      .argument('<b>', 'id för den andra posten')
      .option(...DB_OPT)
      .option('--note <text>', 'anteckning (krävs vid bekräfta och avvisa)')
      .option('--actor <name>', 'vem som beslutar (standard: inloggad användare)')
      .option('--json', 'skriv beslutet som JSON på stdout')
      .action(async (a: string, b: string, opts: { db?: string; note?: string; actor?: string; json?: boolean }) => {
        const { decideMatch, MatchError } = await import('../../matching/decisions');
        const db = openStoreFromOptions(opts);
        try {
          const d = decided(MatchError, () => decideMatch(db, { a, b, decision: decision as MatchDecisionValue, note: opts.note, actor: opts.actor }));
          if (opts.json) printJson(decisionJson(d));
          else process.stdout.write(`${d.a_id} och ${d.b_id}: ${MATCH_DECISION_SV[d.decision]} (beslut ${d.id}, poäng ${d.score ?? '–'})\n`);
        } finally {
          db.close();
        }
      });
  }

  matches
    .command('undo')
    .description('Ångrar beslutet om ett par; beslutet före det gäller igen')
    .argument('<a>', 'id för den ena posten')
    .argument('<b>', 'id för den andra posten')
    .option(...DB_OPT)
    .option('--actor <name>', 'vem som ångrar (standard: inloggad användare)')
    .option('--json', 'skriv resultatet som JSON på stdout')
    .action(async (a: string, b: string, opts: { db?: string; actor?: string; json?: boolean }) => {
      const { undoMatch, MatchError } = await import('../../matching/decisions');
      const db = openStoreFromOptions(opts);
      try {
        const r = decided(MatchError, () => undoMatch(db, a, b, opts.actor));
        if (opts.json) printJson({ undone: decisionJson(r.undone), restored: r.restored ? decisionJson(r.restored) : null });
        else process.stdout.write(`Ångrade ${MATCH_DECISION_SV[r.undone.decision]} för ${r.undone.a_id} och ${r.undone.b_id}${r.restored ? `; gäller nu: ${MATCH_DECISION_SV[r.restored.decision]}` : ''}\n`);
      } finally {
        db.close();
      }
    });
}

/**
 * A refused decision is a usage error (exit 2) with the Swedish reason. The matching core is
 * loaded on use (any-ascii's tables), so other commands start as fast as before.
 */
function decided<T>(refusal: new (...args: never[]) => Error, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof refusal) throw new UsageError(err.message);
    throw err;
  }
}

function sideJson(r: MatchItem['a']) {
  return { id: r.id, name: r.name || null, birth_date: r.birthDate, country: r.country, address_key: r.addressKey, source: r.source || null };
}

export function itemJson(i: MatchItem) {
  return {
    kind: i.kind, a: sideJson(i.a), b: sideJson(i.b), score: i.score, explanation: i.explanation,
    parts: i.parts.map((p) => ({ code: p.code, text: p.text, weight: p.weight })),
    status: i.status, decision: i.decision, previous: i.previous,
  };
}

function decisionJson(d: DecisionRow) {
  return { id: d.id, kind: d.kind, a: d.a_id, b: d.b_id, decision: d.decision, note: d.note, actor: d.actor, at: d.decided_at, score: d.score, undone_at: d.undone_at, undone_by: d.undone_by };
}

function itemText(i: MatchItem): string {
  const side = (r: MatchItem['a']) => `${r.id} ${r.name || '–'}${r.birthDate ? ` (${r.birthDate})` : ''}`;
  const state = i.decision ? `${MATCH_DECISION_SV[i.decision.decision]} av ${i.decision.actor} ${i.decision.at.slice(0, 10)}` : i.previous ? 'föreslagen igen (uppgifterna har ändrats sedan avvisning)' : 'föreslagen';
  return `${i.score.toFixed(2)}  ${side(i.a)}  ~  ${side(i.b)}\n      ${i.explanation} · ${state}\n`;
}

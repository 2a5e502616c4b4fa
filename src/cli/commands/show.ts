import type { Command } from 'commander';
import { getEntity, type EntityProfile, type Fact } from '../../store/entities';
import {
  COMPANY_STATUS_DISPLAY_SV, FINANCIAL_KIND_DISPLAY_SV, INSPECTION_OUTCOME_DISPLAY_SV, LICENCE_KIND_DISPLAY_SV, LICENCE_STATUS_DISPLAY_SV,
  LICENCE_STATUS_SV, OFFENCE_SV, PROFESSION_DISPLAY_SV, ROLE_DISPLAY_SV, SANCTION_KIND_DISPLAY_SV, SUBJECT_KIND_DISPLAY_SV, labelSv,
} from '../../model/labels-sv';
import { openStoreFromOptions, printJson } from '../options';
import { termSafe, termText } from '../terminal';

/** `insyn show <org_nr|person_id|licence_id|home_id> [--db FILE] [--json]` (contract §5). */
export function register(program: Command): void {
  program
    .command('show')
    .description('Visa en entitet som den är lagrad (bolag, person, tillstånd eller familjehem)')
    .argument('<id>', 'organisationsnummer, personnummer, tillstånds-id eller familjehems-id (valfri form)')
    .option('--db <file>', 'databasfil (standard: $INSYN_DB eller användarens datakatalog)')
    .option('--json', 'skriv entiteten som JSON på stdout')
    .action(async (id: string, opts: { db?: string; json?: boolean }) => {
      // Loaded here, not at start-up: the signal registry brings zod.
      const { signalTitle } = await import('../../signals/titles');
      const db = openStoreFromOptions(opts);
      try {
        const e = getEntity(db, id);
        if (!e) {
          process.stderr.write(`insyn show: ${termSafe(id)} hittades inte / not found\n`);
          process.exitCode = 1;
          return;
        }
        if (opts.json) printJson(e);
        else process.stdout.write(termText(profileText(e, signalTitle)));
      } finally {
        db.close();
      }
    });
}

const v = (x: unknown): string => (x === null || x === undefined || x === '' ? '–' : String(x));
/** A stored code in Swedish (an unknown code stays as written). */
const sv = (table: Readonly<Record<string, string>>, x: unknown): string => labelSv(table, x == null ? null : String(x), '–');
const period = (f: Fact): string => `${v(f.from)} – ${f.to ? String(f.to) : 'pågår'}`;

/** A readable Swedish summary of a profile. */
/** `title`: a signal's Swedish title (signals/titles, loaded by the command: it brings the registry). */
export function profileText(e: EntityProfile, title: (signalId: string) => string): string {
  const out: string[] = [`${sv(SUBJECT_KIND_DISPLAY_SV, e.kind)} ${e.id}: ${v(e.name)}`];
  const list = (title: string, items: unknown, fmt: (f: Fact) => string): void => {
    const arr = (items as Fact[] | undefined) ?? [];
    if (!arr.length) return;
    out.push(`${title} (${arr.length}):`);
    for (const f of arr) out.push(`  ${fmt(f)}  [${f.provenance.source}]`);
  };
  if (e.kind === 'company') {
    const a = e.address as { street: string | null; co: string | null; postal_code: string | null; city: string | null };
    out.push(`  Bolagsform: ${v(e.legal_form)}   Status: ${sv(COMPANY_STATUS_DISPLAY_SV, e.status)}   Registrerat: ${v(e.registered_on)}   Avregistrerat: ${v(e.deregistered_on)}`);
    out.push(`  Adress: ${[a.street, a.co ? `c/o ${a.co}` : null, [a.postal_code, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '–'}`);
    if ((e.alt_names as string[]).length) out.push(`  Andra namn: ${(e.alt_names as string[]).join('; ')}`);
    list('Roller', e.roles, (f) => `${sv(ROLE_DISPLAY_SV, f.role)}: ${v(f.holder_name)} (${v(f.holder_id)}) ${period(f)}`);
    list('Tillstånd', e.licences, (f) => `${v(f.licence_id)} ${sv(LICENCE_KIND_DISPLAY_SV, f.kind)}, ${sv(LICENCE_STATUS_SV, f.status)} ${v(f.status_on)} ${v(f.unit_name)}`);
    list('Roller i andra bolag', e.roles_held, (f) => `${sv(ROLE_DISPLAY_SV, f.role)} i ${v(f.company_name)} (${v(f.org_nr)}) ${period(f)}`);
    list('Inspektioner', e.inspections, (f) => `${v(f.decided_on)} ${sv(INSPECTION_OUTCOME_DISPLAY_SV, f.outcome)}`);
    list('Ekonomiska händelser', e.financial_events, (f) => `${v(f.occurred_on)} ${sv(FINANCIAL_KIND_DISPLAY_SV, f.kind)} ${v(f.amount_sek)} kr`);
  } else if (e.kind === 'person') {
    out.push(`  Född: ${v(e.birth_date)}${e.deceased_on ? `   Avliden: ${String(e.deceased_on)}` : ''}`);
    list('Roller', e.roles, (f) => `${sv(ROLE_DISPLAY_SV, f.role)} i ${v(f.company_name)} (${v(f.org_nr)}) ${period(f)}`);
    list('Anställningar', e.employments, (f) => `${f.profession ? sv(PROFESSION_DISPLAY_SV, f.profession) : v(f.title)} hos ${v(f.company_name)} (${v(f.org_nr)}) ${period(f)}`);
    list('Sanktioner', e.sanctions, (f) => `${sv(SANCTION_KIND_DISPLAY_SV, f.kind)}${f.offence ? ` (${sv(OFFENCE_SV, f.offence)})` : ''} ${period(f)}`);
    list('Ekonomiska händelser', e.financial_events, (f) => `${v(f.occurred_on)} ${sv(FINANCIAL_KIND_DISPLAY_SV, f.kind)} ${v(f.amount_sek)} kr`);
  } else if (e.kind === 'licence') {
    const h = e.holder as { org_nr: string; name: string | null };
    out.push(`  Typ: ${sv(LICENCE_KIND_DISPLAY_SV, e.licence_kind)}   Status: ${sv(LICENCE_STATUS_DISPLAY_SV, e.status)} (${v(e.status_on)})   Innehavare: ${v(h.name)} (${h.org_nr})`);
    list('Inspektioner', e.inspections, (f) => `${v(f.decided_on)} ${sv(INSPECTION_OUTCOME_DISPLAY_SV, f.outcome)}`);
    list('Placeringar', e.placements, (f) => `${v(f.placement_id)} ${period(f)}`);
  } else {
    list('Placeringar', e.placements, (f) => `${v(f.placement_id)} ${period(f)}`);
  }
  if (e.provenance) out.push(`  Källa: ${e.provenance.source} (datamängd #${e.provenance.dataset_id}, importerad ${e.provenance.imported_at})`);
  if (e.hits.length) {
    out.push(`Träffar (${e.hits.length}):`);
    for (const h of e.hits) out.push(`  ${title(h.signal)} (allvarlighet ${h.severity})${h.relation === 'related' ? `, via ${h.subject_id}` : ''}`);
  } else out.push('Träffar: inga (i senaste analysen)');
  return out.join('\n') + '\n';
}

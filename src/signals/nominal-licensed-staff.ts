import { z } from 'zod';
import { LICENCE_KIND_SV } from '../model/labels-sv';
import type { Facts } from '../analysis/facts';
import type { EmploymentFact, LicenceFact } from '../model/rows';
import { LEGITIMATION_PROFESSIONS } from '../model/index';
import { addDays, periodText } from '../model/dates';
import { clampSeverity, evidence } from './evidence';
import { grantedSpan } from './licences';
import { observedSpan, overlaps, type Span, spanContains } from './periods';
import { codesSv, companyLabel, kindSv, numberSv, personLabel, professionSv } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const params = z.strictObject({
  /** Employers needed at the same time. */
  minProviders: z.number().int().min(2).default(3),
  /** Licence kinds that make an employer a care provider / clinic (contract: the health care group). */
  kinds: z.array(z.string()).default(['care_provider', 'aesthetic_clinic', 'dental_care']),
});
type Params = z.infer<typeof params>;

interface Job { e: EmploymentFact; span: Span & { to: string } }

function describe(p: Params): string {
  return `En person i ett legitimationsyrke är samtidigt ensam i sitt yrke hos minst ${numberSv(p.minProviders)} vårdgivare eller kliniker – ett tecken på att legitimerad personal bara formellt knyts till verksamheterna. Som vårdgivare eller klinik räknas en arbetsgivare med tillstånd som ${codesSv(LICENCE_KIND_SV, p.kinds)}, beviljat vid analysdatumet eller någon gång under den tid anställningarna pågick samtidigt.`;
}

/**
 * nominal-licensed-staff (contract §4), on a person with the ≥ 3 providers in related_ids: one
 * practitioner in a legitimation profession who, on some single day, is employed at ≥ 3 care
 * providers / clinics and at each of them is the only employee of that profession that day.
 * A care provider / clinic is an employer holding a care_provider, aesthetic_clinic or
 * dental_care licence that is granted at the as-of date or was granted at some time during the
 * overlap of those employments (the days all of them run): a grant date need not fall on the
 * very day the overlap is found, since registers date licences and employments independently.
 * Employments are observed up to as-of (later starts do not exist; later ends are still open);
 * days are inclusive. Employees of the profession are counted from employments.csv whatever
 * their legitimation status (the question is whether the clinic has anyone else).
 * The hit reports the day with the most such providers (the earliest among equals).
 *
 * Severity 4: the licence requirement is met on paper only, at several clinics at once.
 */
export const signal: SignalDefinition<Params> = {
  id: 'nominal-licensed-staff',
  title: 'Legitimerad personal knuten till flera kliniker på papperet',
  description: describe(params.parse({})),
  describe,
  basis: 'IVO, Vad har IVO sett 2024: kliniker som formellt knyter legitimerad personal till verksamheten.',
  subjectKinds: ['person'],
  params,
  defaults: params.parse({}),
  requires: ['employments', 'licences'],
  evaluate({ facts, asOf, params: p }) {
    const providers = careProviders(facts, asOf, p);
    const byOrgProfession = new Map<string, Job[]>();
    const byPersonProfession = new Map<string, Job[]>();
    for (const e of facts.employments) {
      if (e.profession == null || !LEGITIMATION_PROFESSIONS.has(e.profession) || !providers.has(e.org_nr)) continue;
      const span = observedSpan(e.from_date, e.to_date, asOf);
      if (!span) continue;
      const job = { e, span };
      push(byOrgProfession, `${e.org_nr}|${e.profession}`, job);
      push(byPersonProfession, `${e.person_id}|${e.profession}`, job);
    }
    const hits: Hit[] = [];
    for (const jobs of byPersonProfession.values()) {
      if (new Set(jobs.map((j) => j.e.org_nr)).size < p.minProviders) continue;
      const best = bestDay(jobs, byOrgProfession, providers, asOf);
      if (!best || best.sole.length < p.minProviders) continue;
      const { e: first } = best.sole[0]!.job;
      const ev: Evidence[] = [];
      for (const { job: j, licence: l } of best.sole) {
        ev.push(evidence(`${personLabel(facts, first.person_id)} anställd som ${professionSv(j.e.profession)} av ${companyLabel(facts, j.e.org_nr)} ${periodText(j.e.from_date, j.e.to_date)}; den ${best.day} den enda med yrket hos bolaget.`, j.e, 'employments'));
        ev.push(evidence(`${companyLabel(facts, j.e.org_nr)} har tillstånd ${l.licence_id} (${kindSv(l.kind)}), beviljat ${periodOf(grantedSpan(l, asOf)!)}.`, l, 'licences'));
      }
      for (const l of facts.legitimationsByPerson.get(first.person_id) ?? []) {
        if (l.profession === first.profession && l.granted_on <= asOf) ev.push(evidence(`Legitimation som ${professionSv(l.profession)} beviljad ${l.granted_on}.`, l, 'legitimations'));
      }
      hits.push({
        signal: 'nominal-licensed-staff',
        subject_kind: 'person',
        subject_id: first.person_id,
        related_ids: [...new Set(best.sole.map((x) => x.job.e.org_nr))].sort(),
        severity: clampSeverity(4),
        evidence: ev,
      });
    }
    return hits;
  },
};

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Companies with a health-care licence, with the days each such licence was granted. */
function careProviders(facts: Facts, asOf: string, p: Params): Map<string, { licence: LicenceFact; span: Span }[]> {
  const out = new Map<string, { licence: LicenceFact; span: Span }[]>();
  for (const l of facts.licences) {
    if (!p.kinds.includes(l.kind)) continue;
    const span = grantedSpan(l, asOf);
    if (span) push(out, l.org_nr, { licence: l, span });
  }
  return out;
}

interface Sole { job: Job; licence: LicenceFact }

/**
 * The day on which the person is the sole employee of the profession at the most providers.
 * Sole status only changes where some employment at those employers starts or ends (the day
 * after an end), so only those days are tried. On a day, the employers where the person is sole
 * count when one of their health-care licences is granted at as-of or during the overlap of the
 * person's sole employments that day (all at employers with some such licence).
 */
function bestDay(
  jobs: readonly Job[], byOrgProfession: ReadonlyMap<string, Job[]>, providers: ReadonlyMap<string, { licence: LicenceFact; span: Span }[]>, asOf: string,
): { day: string; sole: Sole[] } | null {
  const profession = jobs[0]!.e.profession!;
  const personId = jobs[0]!.e.person_id;
  const orgs = [...new Set(jobs.map((j) => j.e.org_nr))];
  const days = new Set<string>();
  for (const org of orgs) {
    for (const j of byOrgProfession.get(`${org}|${profession}`) ?? []) {
      if (j.span.from) days.add(j.span.from);
      days.add(addDays(j.span.to, 1));
    }
  }
  let best: { day: string; sole: Sole[] } | null = null;
  for (const day of [...days].sort()) {
    if (day > asOf) continue;
    const candidates: Job[] = [];
    for (const org of orgs) {
      const here = (byOrgProfession.get(`${org}|${profession}`) ?? []).filter((j) => spanContains(j.span, day));
      const mine = here.find((j) => j.e.person_id === personId);
      if (mine && here.every((j) => j.e.person_id === personId)) candidates.push(mine);
    }
    const sole = qualifying(candidates, providers, asOf);
    if (!best || sole.length > best.sole.length) best = { day, sole };
  }
  return best;
}

/** The candidates whose employer has a fitting licence granted at as-of or during the overlap of all the candidates' employments. */
function qualifying(candidates: readonly Job[], providers: ReadonlyMap<string, { licence: LicenceFact; span: Span }[]>, asOf: string): Sole[] {
  const window = overlapOf(candidates);
  const out: Sole[] = [];
  for (const job of candidates) {
    const l = (providers.get(job.e.org_nr) ?? []).find((x) => spanContains(x.span, asOf) || (window != null && overlaps(x.span, window)));
    if (l) out.push({ job, licence: l.licence });
  }
  return out;
}

/** The days all the employments run (null when there are none or they share no day). */
function overlapOf(jobs: readonly Job[]): Span | null {
  if (jobs.length === 0) return null;
  let from: string | null = null;
  let to = jobs[0]!.span.to;
  for (const j of jobs) {
    if (j.span.from != null && (from == null || j.span.from > from)) from = j.span.from;
    if (j.span.to < to) to = j.span.to;
  }
  return from != null && from > to ? null : { from, to };
}

const periodOf = (s: Span): string => periodText(s.from, s.to);

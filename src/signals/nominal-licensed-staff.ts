import { z } from 'zod';
import type { EmploymentFact, Facts, LicenceFact } from '../analysis/facts';
import { LEGITIMATION_PROFESSIONS } from '../model/index';
import { addDays, clampSeverity, evidence } from './common';
import { companyName, grantedSpan, kindText, observedSpan, personName, professionSv, spanContains, spanText, type Span } from './helpers-b';
import type { Evidence, Hit, SignalDefinition } from './types';

const params = z.strictObject({
  /** Employers needed at the same time. */
  minProviders: z.number().int().min(2).default(3),
  /** Licence kinds that make an employer a care provider / clinic (contract: the health care group). */
  kinds: z.array(z.string()).default(['care_provider', 'aesthetic_clinic', 'dental_care']),
});
type Params = z.infer<typeof params>;

interface Job { e: EmploymentFact; span: Span & { to: string } }

/**
 * nominal-licensed-staff (contract §4), on a person with the ≥ 3 providers in related_ids: one
 * practitioner in a legitimation profession who, on some single day, is employed at ≥ 3 care
 * providers / clinics (companies with a care_provider, aesthetic_clinic or dental_care licence
 * granted on that day) and at each of them is the only employee of that profession that day.
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
  description:
    'En person i ett legitimationsyrke är samtidigt ensam i sitt yrke hos minst tre vårdgivare eller kliniker – ett tecken på att legitimerad personal bara formellt knyts till verksamheterna.',
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
      const best = bestDay(jobs, byOrgProfession, providers);
      if (!best || best.sole.length < p.minProviders) continue;
      const { e: first } = best.sole[0]!;
      const ev: Evidence[] = [];
      for (const j of best.sole) {
        ev.push(evidence(`${personName(facts, first.person_id)} anställd som ${professionSv(j.e.profession)} av ${companyName(facts, j.e.org_nr)} ${spanText({ from: j.e.from_date, to: j.e.to_date })}; den ${best.day} den enda med yrket hos bolaget.`, j.e, 'employments'));
        const l = providers.get(j.e.org_nr)!.find((x) => spanContains(x.span, best.day))!.licence;
        ev.push(evidence(`${companyName(facts, j.e.org_nr)} har tillstånd ${l.licence_id} (${kindText(l.kind)}).`, l, 'licences'));
      }
      for (const l of facts.legitimationsByPerson.get(first.person_id) ?? []) {
        if (l.profession === first.profession && l.granted_on <= asOf) ev.push(evidence(`Legitimation som ${professionSv(l.profession)} beviljad ${l.granted_on}.`, l, 'legitimations'));
      }
      hits.push({
        signal: 'nominal-licensed-staff',
        subject_kind: 'person',
        subject_id: first.person_id,
        related_ids: [...new Set(best.sole.map((j) => j.e.org_nr))].sort(),
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

/**
 * The day on which the person is the sole employee of the profession at the most providers.
 * Sole status only changes where some employment at those providers starts or ends (the day
 * after an end) or a licence starts, so only those days are tried.
 */
function bestDay(jobs: readonly Job[], byOrgProfession: ReadonlyMap<string, Job[]>, providers: ReadonlyMap<string, { span: Span }[]>): { day: string; sole: Job[] } | null {
  const profession = jobs[0]!.e.profession!;
  const personId = jobs[0]!.e.person_id;
  const orgs = [...new Set(jobs.map((j) => j.e.org_nr))];
  const days = new Set<string>();
  for (const org of orgs) {
    for (const j of byOrgProfession.get(`${org}|${profession}`) ?? []) {
      if (j.span.from) days.add(j.span.from);
      days.add(addDays(j.span.to, 1));
    }
    for (const l of providers.get(org) ?? []) if (l.span.from) days.add(l.span.from);
  }
  let best: { day: string; sole: Job[] } | null = null;
  for (const day of [...days].sort()) {
    const sole: Job[] = [];
    for (const org of orgs) {
      if (!(providers.get(org) ?? []).some((l) => spanContains(l.span, day))) continue;
      const here = (byOrgProfession.get(`${org}|${profession}`) ?? []).filter((j) => spanContains(j.span, day));
      const mine = here.find((j) => j.e.person_id === personId);
      if (mine && here.every((j) => j.e.person_id === personId)) sole.push(mine);
    }
    if (!best || sole.length > best.sole.length) best = { day, sole };
  }
  return best;
}

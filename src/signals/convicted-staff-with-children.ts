import { z } from 'zod';
import { OFFENCE_SV } from '../model/labels-sv';
import type { EmploymentFact, SanctionFact } from '../model/rows';
import { clampSeverity, evidence } from './evidence';
import { periodText } from '../model/dates';
import { codesSv, companyLabel, offenceSv, personLabel, professionSv } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const params = z.strictObject({
  offences: z.array(z.string()).default(['violence', 'sexual', 'narcotics', 'weapons', 'organised_crime']),
});
type Params = z.infer<typeof params>;

function describe(p: Params): string {
  return `Personen är anställd i arbete med barn och är dömd för ${codesSv(OFFENCE_SV, p.offences)}; anställningen pågick vid eller efter domen.`;
}

/**
 * convicted-staff-with-children (contract §4), on a person with the employer(s) in related_ids:
 * an employment with works_with_children = true, and a sanction of kind conviction for
 * violence, sexual, narcotics, weapons or organised_crime.
 * As of: a conviction dated after as-of and an employment starting after as-of do not exist.
 * The employment must not have ended before the conviction date (the convicted person worked, or
 * still works, with children); a job that ended before the conviction is not flagged.
 * No age limit on the conviction: the contract sets none for this signal.
 *
 * Severity 5 for sexual or violent offences against a child-facing job, otherwise 4.
 */
export const signal: SignalDefinition<Params> = {
  id: 'convicted-staff-with-children',
  title: 'Dömd för grovt brott och arbetar med barn',
  description: describe(params.parse({})),
  describe,
  basis: 'IVO, Vad har IVO sett 2024: personer som begått grova brott anställs och arbetar med barn.',
  subjectKinds: ['person'],
  params,
  defaults: params.parse({}),
  requires: ['employments', 'sanctions'],
  evaluate({ facts, asOf, params: p }) {
    const byPerson = new Map<string, EmploymentFact[]>();
    for (const e of facts.employments) {
      if (e.works_with_children !== true || e.from_date > asOf) continue;
      const list = byPerson.get(e.person_id) ?? [];
      list.push(e);
      byPerson.set(e.person_id, list);
    }
    const hits: Hit[] = [];
    for (const [personId, employments] of byPerson) {
      const convictions = (facts.sanctionsBySubject.get(personId) ?? []).filter(
        (s) => s.kind === 'conviction' && s.offence != null && p.offences.includes(s.offence) && s.from_date <= asOf,
      );
      if (convictions.length === 0) continue;
      const first = convictions.reduce((a, b) => (b.from_date < a.from_date ? b : a));
      // Employments still running on or after the earliest qualifying conviction.
      const jobs = employments.filter((e) => e.to_date == null || e.to_date >= first.from_date);
      if (jobs.length === 0) continue;
      const used: SanctionFact[] = convictions.filter((c) => jobs.some((e) => e.to_date == null || e.to_date >= c.from_date));
      const ev: Evidence[] = [
        ...used.map((c) => evidence(`${personLabel(facts, personId)} dömd ${c.from_date} för ${offenceSv(c.offence)}${c.decision_ref ? ` (${c.decision_ref})` : ''}.`, c, 'sanctions')),
        ...jobs.map((e) => evidence(`Anställd av ${companyLabel(facts, e.org_nr)}${e.profession ? ` som ${professionSv(e.profession)}` : ''}${e.title ? ` (${e.title})` : ''} ${periodText(e.from_date, e.to_date)}, arbetar med barn.`, e, 'employments')),
      ];
      hits.push({
        signal: 'convicted-staff-with-children',
        subject_kind: 'person',
        subject_id: personId,
        related_ids: [...new Set(jobs.map((e) => e.org_nr))].sort(),
        severity: clampSeverity(used.some((c) => c.offence === 'sexual' || c.offence === 'violence') ? 5 : 4),
        evidence: ev,
      });
    }
    return hits;
  },
};

import { z } from 'zod';
import { OFFENCE_SV } from '../model/labels-sv';
import type { RoleFact, SanctionFact } from '../model/rows';
import { addYears } from '../model/dates';
import { clampSeverity, evidence } from './evidence';
import { grantedLicences } from './licences';
import { controllingRolesAsOf, roleActiveAt } from './roles';
import { codesSv, companyLabel, holderLabel, numberSv, offenceSv, roleText } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const OFFENCES = ['violence', 'sexual', 'narcotics', 'weapons', 'fraud', 'welfare_fraud', 'organised_crime'];
/** Offences that weigh heaviest where vulnerable people are cared for. */
const GRAVE = new Set(['violence', 'sexual', 'weapons', 'organised_crime']);

const params = z.strictObject({
  /** Convictions count when dated within this many years before as-of. */
  years: z.number().int().min(1).max(100).default(10),
  offences: z.array(z.string()).min(1).default(OFFENCES),
  /** A sanction of kind `unsuitable` counts regardless of age. */
  includeUnsuitable: z.boolean().default(true),
});
type Params = z.infer<typeof params>;

function describe(p: Params): string {
  const years = p.years === 1 ? 'det senaste året' : `de senaste ${numberSv(p.years)} åren`;
  return `En person med kontrollerande roll i en tillståndshavare är dömd för ${codesSv(OFFENCE_SV, p.offences)} under ${years}${p.includeUnsuitable ? ', eller har tidigare bedömts olämplig' : ''}.`;
}

/**
 * conviction-in-control (contract §4): a person in a controlling role (at as-of) in a licence
 * holder (a licence granted at as-of) with a conviction for violence, sexual, narcotics,
 * weapons, fraud, welfare_fraud or organised_crime dated within the last 10 years (from ≥
 * as-of − 10 years, inclusive), or a sanction of kind `unsuitable`. One hit per person, the
 * licence holders in related_ids.
 *
 * Severity: 5 for a grave offence (violence, sexual, weapons, organised crime), 4 for other
 * listed offences, 3 for `unsuitable` alone; +1 for more than one qualifying sanction; max 5.
 */
export const signal: SignalDefinition<Params> = {
  id: 'conviction-in-control',
  title: 'Dömd person i ledningen för tillståndshavare',
  description: describe(params.parse({})),
  describe,
  basis: 'IVO, Vad har IVO sett 2024: lämplighet i ägar- och ledningsprövningen – kriminella aktörer i ledningen för verksamheter.',
  subjectKinds: ['person'],
  params,
  defaults: params.parse({}),
  requires: ['sanctions', 'roles', 'licences'],
  evaluate({ facts, asOf, params: p }) {
    const since = addYears(asOf, -p.years);
    const hits: Hit[] = [];
    for (const [subject, sanctions] of facts.sanctionsBySubject) {
      const qualifying = sanctions.filter((s) => qualifies(s, p, since, asOf));
      if (qualifying.length === 0) continue;
      const roles: { role: RoleFact; licence: string }[] = [];
      for (const r of controllingRolesAsOf(facts.rolesByHolder.get(subject), asOf)) {
        if (!roleActiveAt(r, asOf)) continue;
        const licences = grantedLicences(facts, r.org_nr, asOf);
        if (licences.length) roles.push({ role: r, licence: licences.map((l) => l.licence_id).join(', ') });
      }
      if (roles.length === 0) continue;
      const ev: Evidence[] = qualifying.map((s) => evidence(sanctionText(facts, s), s, 'sanctions'));
      for (const { role, licence } of roles) ev.push(evidence(`${roleText(facts, role)}; ${companyLabel(facts, role.org_nr)} har tillstånd ${licence}.`, role, 'roles'));
      const base = qualifying.some((s) => s.kind === 'conviction' && GRAVE.has(s.offence ?? ''))
        ? 5
        : qualifying.some((s) => s.kind === 'conviction') ? 4 : 3;
      hits.push({
        signal: 'conviction-in-control',
        subject_kind: roles[0]!.role.holder_kind,
        subject_id: subject,
        related_ids: [...new Set(roles.map((r) => r.role.org_nr))].sort(),
        severity: clampSeverity(base + (qualifying.length > 1 ? 1 : 0)),
        evidence: ev,
      });
    }
    return hits;
  },
};

function qualifies(s: SanctionFact, p: Params, since: string, asOf: string): boolean {
  if (s.from_date > asOf) return false;
  if (s.kind === 'unsuitable') return p.includeUnsuitable;
  return s.kind === 'conviction' && s.offence != null && p.offences.includes(s.offence) && s.from_date >= since;
}

function sanctionText(facts: import('../analysis/facts').Facts, s: SanctionFact): string {
  const ref = s.decision_ref ? ` (${s.decision_ref})` : '';
  if (s.kind === 'unsuitable') return `${holderLabel(facts, s.subject_id, s.subject_kind)} bedömdes olämplig ${s.from_date}${ref}.`;
  return `${holderLabel(facts, s.subject_id, s.subject_kind)} dömd för ${offenceSv(s.offence)} ${s.from_date}${ref}.`;
}

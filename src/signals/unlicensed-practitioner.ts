import { z } from 'zod';
import type { Facts } from '../analysis/facts';
import type { EmploymentFact, LegitimationFact } from '../model/rows';
import { LEGITIMATION_PROFESSIONS } from '../model/index';
import { addDays, periodText } from '../model/dates';
import { clampSeverity, evidence } from './evidence';
import { firstUncoveredDay, observedSpan, type Span } from './periods';
import { companyLabel, personLabel, professionSv } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const params = z.strictObject({
  /** Treat a sanction of kind licence_revoked_personal as revoking every legitimation from its date. */
  useRevocationSanctions: z.boolean().default(true),
});
type Params = z.infer<typeof params>;

interface Gap { employment: EmploymentFact; day: string; reason: 'never' | 'revoked' | 'late' | 'gap'; legitimations: LegitimationFact[] }

/**
 * unlicensed-practitioner (contract §4), on a person with the employer(s) in related_ids: an
 * employment in a legitimation profession (the first nine of PROFESSIONS) during which the person
 * at some time held no valid legitimation for THAT profession.
 * - The employment is observed from `from` to its end, cut at as-of (a later start = no fact).
 * - A legitimation is valid from `granted_on` through `revoked_on` (both days counted as valid,
 *   so a grant on the first day or a revocation on the last day of the job is not flagged).
 *   A grant after as-of does not exist yet; a revocation after as-of has not happened yet.
 *   Restricted legitimations still count as legitimations.
 * - A sanction licence_revoked_personal (as-of) ends validity of all the person's legitimations
 *   from its `from` date to its `to` (or for good).
 * - Hit when some day of the employment is not covered: never granted, granted only after the
 *   start, revoked before the end (or before as-of when still employed), or a gap between grants.
 *
 * Severity: 5 when working on after a revocation, 4 when never licensed, 3 when the grant came
 * only after the start (a period without legitimation at the start of the job).
 */
export const signal: SignalDefinition<Params> = {
  id: 'unlicensed-practitioner',
  title: 'Anställd i legitimationsyrke utan giltig legitimation',
  description:
    'Personen är anställd som läkare, sjuksköterska, tandläkare eller annat legitimationsyrke men saknade giltig legitimation för yrket under någon del av anställningen: legitimation saknas, beviljades först efter anställningens början eller återkallades före dess slut.',
  basis: 'IVO, Vad har IVO sett 2024: personer utan legitimation använder skyddade yrkestitlar, och personer med återkallad legitimation fortsätter arbeta.',
  subjectKinds: ['person'],
  params,
  defaults: params.parse({}),
  requires: ['employments', 'legitimations'],
  evaluate({ facts, asOf, params: p }) {
    const gapsByPerson = new Map<string, Gap[]>();
    for (const e of facts.employments) {
      if (e.profession == null || !LEGITIMATION_PROFESSIONS.has(e.profession)) continue;
      const gap = findGap(facts, e, asOf, p);
      if (!gap) continue;
      const list = gapsByPerson.get(e.person_id) ?? [];
      list.push(gap);
      gapsByPerson.set(e.person_id, list);
    }
    const hits: Hit[] = [];
    for (const [personId, gaps] of gapsByPerson) {
      const ev: Evidence[] = [];
      const seen = new Set<string>();
      for (const g of gaps) {
        const e = g.employment;
        ev.push(evidence(`${personLabel(facts, personId)} anställd som ${professionSv(e.profession)}${e.title ? ` (${e.title})` : ''} av ${companyLabel(facts, e.org_nr)} ${periodText(e.from_date, e.to_date)}; ${REASON_SV[g.reason]} (första dag utan giltig legitimation: ${g.day}).`, e, 'employments'));
        for (const l of g.legitimations) {
          if (seen.has(l.key)) continue;
          seen.add(l.key);
          ev.push(evidence(`Legitimation som ${professionSv(l.profession)} beviljad ${l.granted_on}${l.revoked_on && l.revoked_on <= asOf ? `, återkallad ${l.revoked_on}` : ''}.`, l, 'legitimations'));
        }
      }
      for (const s of revocationSanctions(facts, personId, asOf, p)) ev.push(evidence(`Legitimation återkallad (sanktion) ${periodText(s.from_date, s.to_date)}${s.decision_ref ? `, ${s.decision_ref}` : ''}.`, s, 'sanctions'));
      const worst = Math.max(...gaps.map((g) => SEVERITY[g.reason]));
      hits.push({
        signal: 'unlicensed-practitioner',
        subject_kind: 'person',
        subject_id: personId,
        related_ids: [...new Set(gaps.map((g) => g.employment.org_nr))].sort(),
        severity: clampSeverity(worst),
        evidence: ev,
      });
    }
    return hits;
  },
};

const REASON_SV: Record<Gap['reason'], string> = {
  never: 'ingen legitimation för yrket finns registrerad',
  revoked: 'legitimationen var återkallad under anställningen',
  late: 'legitimationen beviljades först efter att anställningen började',
  gap: 'legitimationen var inte giltig under hela anställningen',
};
const SEVERITY: Record<Gap['reason'], number> = { never: 4, revoked: 5, late: 3, gap: 4 };

function revocationSanctions(facts: Facts, personId: string, asOf: string, p: Params) {
  if (!p.useRevocationSanctions) return [];
  return (facts.sanctionsBySubject.get(personId) ?? []).filter((s) => s.kind === 'licence_revoked_personal' && s.from_date <= asOf);
}

function findGap(facts: Facts, e: EmploymentFact, asOf: string, p: Params): Gap | null {
  const span = observedSpan(e.from_date, e.to_date, asOf);
  if (!span) return null;
  const legitimations = (facts.legitimationsByPerson.get(e.person_id) ?? []).filter((l) => l.profession === e.profession && l.granted_on <= asOf);
  const valid: Span[] = legitimations.map((l) => ({ from: l.granted_on, to: l.revoked_on != null && l.revoked_on <= asOf ? l.revoked_on : null }));
  // As with revoked_on, the decision day itself still counts as valid.
  const sanctions = revocationSanctions(facts, e.person_id, asOf, p).map((s) => ({ from: addDays(s.from_date, 1), to: s.to_date != null && s.to_date <= asOf ? s.to_date : null }));
  const day = firstUncoveredDay(span.from, span.to, subtract(valid, sanctions));
  if (day == null) return null;
  let reason: Gap['reason'];
  if (legitimations.length === 0) reason = 'never';
  else if (valid.some((v) => v.to != null && v.to < day) || sanctions.some((s) => s.from <= day && (s.to == null || s.to >= day))) reason = 'revoked';
  else if (day === span.from && legitimations.every((l) => l.granted_on > day)) reason = 'late';
  else reason = 'gap';
  return { employment: e, day, reason, legitimations };
}

/** Valid periods minus revoked periods (closed day intervals). */
function subtract(valid: readonly Span[], removed: readonly Span[]): Span[] {
  let out = [...valid];
  for (const r of removed) {
    const next: Span[] = [];
    for (const v of out) {
      const vFrom = v.from ?? '0000-01-01';
      const vTo = v.to ?? '9999-12-31';
      const rFrom = r.from ?? '0000-01-01';
      const rTo = r.to ?? '9999-12-31';
      if (rTo < vFrom || rFrom > vTo) { next.push(v); continue; }
      if (rFrom > vFrom) next.push({ from: v.from, to: addDays(rFrom, -1) });
      if (rTo < vTo) next.push({ from: addDays(rTo, 1), to: v.to });
    }
    out = next;
  }
  return out;
}

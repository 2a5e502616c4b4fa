import { z } from 'zod';
import type { ReviewFact, RoleFact } from '../model/rows';
import { clampSeverity, evidence, uniqueEvidence } from './evidence';
import { grantedLicences } from './licences';
import { controllingRolesAsOf, roleActiveAt } from './roles';
import { companyLabel, holderLabel, roleText } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const params = z.strictObject({});
type Params = z.infer<typeof params>;

const OUTCOME_SV: Record<string, string> = { approved: 'godkänd', rejected: 'underkänd', withdrawn: 'återkallad' };

/**
 * undeclared-influence (contract §4): a person holding a controlling role at as-of in a licence
 * holder that has reviewed_persons rows (dated on or before as-of), who has no `approved`
 * review for that company, or whose role began after the company's last review. One hit per
 * person, the companies in related_ids.
 *
 * Severity: 5 when the person's review for the company was rejected; 4 when never reviewed
 * (or only withdrawn); 3 when approved earlier but the role began after the last review.
 */
export const signal: SignalDefinition<Params> = {
  id: 'undeclared-influence',
  title: 'Företrädare utanför ägar- och ledningsprövningen',
  description:
    'Personen har i dag en kontrollerande roll i en tillståndshavare vars personkrets prövats av IVO, men saknar godkänd prövning för bolaget eller fick rollen efter bolagets senaste prövning.',
  basis: 'IVO, Vad har IVO sett 2024: oriktiga uppgifter om företrädare – den verklige företrädaren döljer sig bakom en bulvan för att undgå ägar- och ledningsprövning.',
  subjectKinds: ['person'],
  params,
  defaults: params.parse({}),
  requires: ['reviewed_persons', 'roles', 'licences'],
  evaluate({ facts, asOf }) {
    const reviewsByOrg = new Map<string, ReviewFact[]>();
    for (const r of facts.reviewedPersons) {
      if (r.reviewed_on > asOf) continue;
      const list = reviewsByOrg.get(r.org_nr);
      if (list) list.push(r);
      else reviewsByOrg.set(r.org_nr, [r]);
    }
    const found = new Map<string, { related: Set<string>; ev: Evidence[]; severity: number }>();
    for (const [orgNr, reviews] of reviewsByOrg) {
      const licences = grantedLicences(facts, orgNr, asOf);
      if (licences.length === 0) continue;
      const last = reviews.reduce((m, r) => (r.reviewed_on > m.reviewed_on ? r : m));
      for (const role of controllingRolesAsOf(facts.rolesByOrg.get(orgNr), asOf)) {
        if (role.holder_kind !== 'person' || !roleActiveAt(role, asOf)) continue;
        const own = reviews.filter((r) => r.person_id === role.holder_id);
        const approved = own.filter((r) => r.outcome === 'approved');
        const lateRole = role.from_date != null && role.from_date > last.reviewed_on;
        if (approved.length > 0 && !lateRole) continue;
        const entry = found.get(role.holder_id) ?? { related: new Set<string>(), ev: [], severity: 0 };
        entry.related.add(orgNr);
        entry.ev.push(evidence(`${roleText(facts, role)}; ${companyLabel(facts, orgNr)} har tillstånd ${licences.map((l) => l.licence_id).join(', ')}.`, role, 'roles'));
        entry.ev.push(...explain(facts, role, own, approved, last, lateRole));
        const sev = own.some((r) => r.outcome === 'rejected') ? 5 : approved.length === 0 ? 4 : 3;
        entry.severity = Math.max(entry.severity, sev);
        found.set(role.holder_id, entry);
      }
    }
    const hits: Hit[] = [];
    for (const [personId, e] of found) {
      hits.push({ signal: 'undeclared-influence', subject_kind: 'person', subject_id: personId, related_ids: [...e.related].sort(), severity: clampSeverity(e.severity), evidence: uniqueEvidence(e.ev) });
    }
    return hits;
  },
};

function explain(facts: import('../analysis/facts').Facts, role: RoleFact, own: ReviewFact[], approved: ReviewFact[], last: ReviewFact, lateRole: boolean): Evidence[] {
  const who = holderLabel(facts, role.holder_id, 'person');
  const company = companyLabel(facts, role.org_nr);
  const ev: Evidence[] = [];
  if (approved.length === 0) {
    for (const r of own) ev.push(evidence(`${who} prövades för ${company} ${r.reviewed_on} med utfall ${OUTCOME_SV[r.outcome ?? ''] ?? r.outcome ?? 'okänt'} – ingen godkänd prövning.`, r, 'reviewed_persons'));
    if (own.length === 0) ev.push(evidence(`${who} finns inte i den prövade personkretsen för ${company}; senaste prövning av bolagets personkrets ${last.reviewed_on}.`, last, 'reviewed_persons'));
  }
  if (lateRole) ev.push(evidence(`Rollen började ${role.from_date}, efter bolagets senaste prövning ${last.reviewed_on}.`, last, 'reviewed_persons'));
  return ev;
}

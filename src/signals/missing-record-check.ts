import { z } from 'zod';
import { LICENCE_KIND_SV } from '../model/labels-sv';
import type { EmploymentFact, LicenceFact } from '../model/rows';
import { clampSeverity, evidence } from './evidence';
import { isGrantedAsOf } from './licences';
import { periodText } from '../model/dates';
import { codesSv, companyLabel, kindSv, personLabel, professionSv } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const params = z.strictObject({
  /** Licence kinds whose holders must check staff working with children. */
  kinds: z.array(z.string()).default(['hvb_children', 'lss_housing_children', 'supported_housing']),
  maxEvidence: z.number().int().min(1).max(1000).default(25),
});
type Params = z.infer<typeof params>;

function describe(p: Params): string {
  return `Bolaget har tillstånd för ${codesSv(LICENCE_KIND_SV, p.kinds)}, och en anställd som arbetar med barn började utan att registerkontroll gjorts senast på anställningens första dag.`;
}

/**
 * missing-record-check (contract §4), on a company: the company is a holder (a licence of one of
 * the kinds with status granted at as-of, the contract's "licence holder") of an hvb_children,
 * lss_housing_children or supported_housing licence, and one of its employees with
 * works_with_children = true started (from ≤ as-of) without a record check dated on or before
 * the start date: record_check_on empty, later than `from`, or later than as-of (a check made
 * after as-of does not exist yet). A check on the start day itself is in time. Employments
 * that ended are included: the start without a check happened.
 *
 * Severity 3 (a control failure, not itself harm); 4 when three or more employees started
 * without a check.
 */
export const signal: SignalDefinition<Params> = {
  id: 'missing-record-check',
  title: 'Anställd som arbetar med barn utan registerkontroll',
  description: describe(params.parse({})),
  describe,
  basis: 'IVO, Vad har IVO sett 2024: registerkontroll görs inte eller följs inte upp innan personal börjar arbeta med barn.',
  subjectKinds: ['company'],
  params,
  defaults: params.parse({}),
  requires: ['licences', 'employments'],
  evaluate({ facts, asOf, params: p }) {
    const holders = new Map<string, LicenceFact[]>();
    for (const l of facts.licences) {
      if (!p.kinds.includes(l.kind) || !isGrantedAsOf(l, asOf)) continue;
      const list = holders.get(l.org_nr) ?? [];
      list.push(l);
      holders.set(l.org_nr, list);
    }
    const missing = new Map<string, EmploymentFact[]>();
    for (const e of facts.employments) {
      if (e.works_with_children !== true || e.from_date > asOf || !holders.has(e.org_nr)) continue;
      const check = e.record_check_on != null && e.record_check_on <= asOf ? e.record_check_on : null;
      if (check != null && check <= e.from_date) continue;
      const list = missing.get(e.org_nr) ?? [];
      list.push(e);
      missing.set(e.org_nr, list);
    }
    const hits: Hit[] = [];
    for (const [orgNr, employments] of missing) {
      const ev: Evidence[] = holders.get(orgNr)!.map((l) =>
        evidence(`${companyLabel(facts, orgNr)} har tillstånd ${l.licence_id}${l.unit_name ? ` «${l.unit_name}»` : ''} (${kindSv(l.kind)}), beviljat${l.granted_on ? ` ${l.granted_on}` : ''}.`, l, 'licences'));
      for (const e of employments.slice(0, p.maxEvidence)) {
        const check = e.record_check_on == null ? 'ingen registerkontroll registrerad'
          : e.record_check_on > asOf ? `registerkontroll först ${e.record_check_on} (efter analysdatum)`
            : `registerkontroll först ${e.record_check_on}, efter startdagen`;
        ev.push(evidence(`${personLabel(facts, e.person_id)} anställd${e.profession ? ` som ${professionSv(e.profession)}` : ''}${e.title ? ` (${e.title})` : ''} ${periodText(e.from_date, e.to_date)}, arbetar med barn: ${check}.`, e, 'employments'));
      }
      if (employments.length > p.maxEvidence) ev.push({ text: `Ytterligare ${employments.length - p.maxEvidence} anställningar utan registerkontroll i tid.`, source: ev[ev.length - 1]!.source });
      hits.push({
        signal: 'missing-record-check',
        subject_kind: 'company',
        subject_id: orgNr,
        related_ids: [...new Set(employments.map((e) => e.person_id))].sort(),
        severity: clampSeverity(employments.length >= 3 ? 4 : 3),
        evidence: ev,
      });
    }
    return hits;
  },
};

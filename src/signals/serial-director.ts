import { z } from 'zod';
import type { Facts } from '../analysis/facts';
import type { LicenceFact, RoleFact } from '../model/rows';
import { isFormalRole } from '../model/index';
import { addMonths } from '../model/dates';
import { clampSeverity, evidence, uniqueEvidence, uniqueSorted } from './evidence';
import { companyGroups, type CompanyGroups } from './groups';
import { holderOrApplicantLicence, holderOrApplicantSv } from './licences';
import { roleAsOf } from './roles';
import { companyLabel, holderLabel, kindSv, roleText } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const params = z.strictObject({
  minCompanies: z.number().int().min(2).default(4).describe('Minsta antal bolag (koncerner räknas en gång)'),
  windowMonths: z.number().int().min(1).max(600).default(24).describe('Alla tillträden inom (månader)'),
  groupSharePct: z.number().min(0).max(100).default(50).describe('Ägarandel som gör bolag till samma koncern (%)'),
});
type Params = z.infer<typeof params>;

interface Start { role: RoleFact; group: string; licence: LicenceFact; when: 'start' | 'as-of' }

/**
 * serial-director (contract §7.2), on a person with the companies in related_ids: the person
 * started formal roles (board_member, deputy_board_member, chair, ceo, deputy_ceo, signatory) in
 * ≥ 4 distinct licence holders or applicants with all those starts within some 24 months (the
 * last start at most 24 calendar months after the first, both days included).
 * - A company counts when it was a licence holder or applicant (status granted or applied) on
 *   the day the role started, or is one at as-of.
 * - Companies of one corporate group count once (see groups.ts: ≥ 50 % ownership either way, or
 *   a common owner with ≥ 50 % of both; transitive).
 * - A role counts by its start date: a start after as-of does not exist; a role with unknown
 *   start cannot be placed in time and is not counted. Several formal roles in one company (or
 *   group) are one.
 * The hit reports the window with the most groups (the earliest among equals).
 *
 * Severity 3.
 */
export const signal: SignalDefinition<Params> = {
  id: 'serial-director',
  title: 'Återkommande företrädare i många tillståndsbolag',
  description:
    'Personen har tillträtt formella roller (styrelseledamot, suppleant, ordförande, VD, vice VD, firmatecknare) i minst fyra olika tillståndshavare eller sökande inom 24 månader. Ett bolag räknas om det hade beviljat eller ansökt tillstånd den dag rollen började eller har det per analysdatum. Bolag i samma koncern räknas en gång: ett bolag äger minst 50 % av det andra, eller samma ägare (person eller bolag) äger minst 50 % av båda, och sambandet gäller i flera led (dotterbolags dotterbolag hör till samma koncern). Ägarroller med okänd andel skapar ingen koncern. Roller utan startdatum räknas inte.',
  basis: 'IVO, Vad har IVO sett 2024, kap. 1: samma personer återkommer bakom verksamheterna, och verkliga företrädare döljer sig bakom andra (målvakter) för att undvika ägar- och ledningsprövning.',
  subjectKinds: ['person'],
  params,
  defaults: params.parse({}),
  requires: ['roles', 'licences'],
  evaluate({ facts, asOf, params: p }) {
    const atAsOf = new Map<string, LicenceFact | null>();
    /** The licence that makes the company a holder or applicant on the role's start day, else at as-of. */
    const holderAt = (orgNr: string, day: string): { licence: LicenceFact; when: Start['when'] } | null => {
      const then = holderOrApplicantLicence(facts, orgNr, day);
      if (then) return { licence: then, when: 'start' };
      if (!atAsOf.has(orgNr)) atAsOf.set(orgNr, holderOrApplicantLicence(facts, orgNr, asOf));
      const now = atAsOf.get(orgNr)!;
      return now ? { licence: now, when: 'as-of' } : null;
    };
    let groups: CompanyGroups | null = null;
    const hits: Hit[] = [];
    for (const [holderId, all] of facts.rolesByHolder) {
      // Cheap filters first: national registers hold hundreds of thousands of officers.
      if (all.length < p.minCompanies) continue;
      const formal = all.filter((r) => r.holder_kind === 'person' && r.from_date != null && r.from_date <= asOf && isFormalRole(r.role) && facts.licencesByOrg.has(r.org_nr));
      if (formal.length < p.minCompanies || new Set(formal.map((r) => r.org_nr)).size < p.minCompanies) continue;
      groups ??= companyGroups(facts, asOf, p.groupSharePct);
      const starts: Start[] = [];
      for (const role of formal) {
        const h = holderAt(role.org_nr, role.from_date!);
        if (h) starts.push({ role: roleAsOf(role, asOf)!, group: groups.groupOf(role.org_nr), ...h });
      }
      const window = bestWindow(starts, p);
      if (!window) continue;
      hits.push({
        signal: 'serial-director',
        subject_kind: 'person',
        subject_id: holderId,
        related_ids: uniqueSorted(window.map((s) => s.role.org_nr)),
        severity: clampSeverity(3),
        evidence: explain(facts, holderId, window, groups, asOf, p),
      });
    }
    return hits;
  },
};

/** The starts of the window (≤ windowMonths from first to last) holding the most distinct groups, if enough. */
function bestWindow(starts: Start[], p: Params): Start[] | null {
  if (new Set(starts.map((s) => s.group)).size < p.minCompanies) return null;
  starts.sort((a, b) => a.role.from_date!.localeCompare(b.role.from_date!) || a.role.org_nr.localeCompare(b.role.org_nr));
  const count = new Map<string, number>();
  let best: { i: number; j: number; n: number } | null = null;
  let i = 0;
  for (let j = 0; j < starts.length; j++) {
    const g = starts[j]!.group;
    count.set(g, (count.get(g) ?? 0) + 1);
    const last = starts[j]!.role.from_date!;
    while (addMonths(starts[i]!.role.from_date!, p.windowMonths) < last) {
      const gi = starts[i]!.group;
      const n = count.get(gi)! - 1;
      if (n === 0) count.delete(gi);
      else count.set(gi, n);
      i++;
    }
    if (count.size >= p.minCompanies && (!best || count.size > best.n)) best = { i, j, n: count.size };
  }
  return best ? starts.slice(best.i, best.j + 1) : null;
}

function explain(facts: Facts, holderId: string, window: readonly Start[], groups: CompanyGroups, asOf: string, p: Params): Evidence[] {
  const first = window[0]!.role.from_date!;
  const last = window[window.length - 1]!.role.from_date!;
  const byGroup = new Map<string, Start[]>();
  for (const s of window) (byGroup.get(s.group) ?? byGroup.set(s.group, []).get(s.group)!).push(s);
  const ev: Evidence[] = [evidence(
    `${holderLabel(facts, holderId, 'person')} tillträdde formella roller i ${byGroup.size} olika tillståndshavare eller sökande (koncerner räknade en gång) mellan ${first} och ${last}, inom ${p.windowMonths} månader.`,
    window[0]!.role, 'roles',
  )];
  for (const members of byGroup.values()) {
    for (const s of members) {
      const status = s.when === 'start' ? `${holderOrApplicantSv(s.licence, s.role.from_date!)} när rollen började` : `${holderOrApplicantSv(s.licence, asOf)} per ${asOf}`;
      ev.push(evidence(`${roleText(facts, s.role)}.`, s.role, 'roles'));
      ev.push(evidence(`${companyLabel(facts, s.role.org_nr)} var ${status}: tillstånd ${s.licence.licence_id} (${kindSv(s.licence.kind)}).`, s.licence, 'licences'));
    }
    const orgs = [...new Set(members.map((s) => s.role.org_nr))];
    if (orgs.length > 1) {
      const link = orgs.flatMap((o) => groups.ownershipOf(o))[0];
      const text = `${orgs.map((o) => companyLabel(facts, o)).join(', ')} tillhör samma koncern och räknas som ett bolag${link ? ` (t.ex. ${roleText(facts, link)})` : ''}.`;
      ev.push(evidence(text, link ?? members[0]!.role, 'roles'));
    }
  }
  return uniqueEvidence(ev);
}

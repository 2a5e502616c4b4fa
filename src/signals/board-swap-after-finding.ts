import { z } from 'zod';
import type { Facts } from '../analysis/facts';
import type { EmploymentFact, InspectionFact, LicenceFact, RelationFact, ReviewFact, RoleFact, SanctionFact } from '../model/rows';
import { INSPECTION_OUTCOMES, isFormalRole, ROLES, SANCTION_KINDS } from '../model/index';
import { addDays, periodText } from '../model/dates';
import { INSPECTION_OUTCOME_DISPLAY_SV, RELATION_KIND_DISPLAY_SV, SANCTION_KIND_SV, labelSv } from '../model/labels-sv';
import { clampSeverity, evidence, uniqueEvidence, uniqueSorted } from './evidence';
import { holderOrApplicantLicence, holderOrApplicantSv } from './licences';
import { spanContains } from './periods';
import { controllingRolesAsOf, isControlling, rolesAsOf } from './roles';
import { companyLabel, holderLabel, kindSv, offenceSv, professionSv, roleText } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const params = z.strictObject({
  days: z.number().int().min(0).max(3650).default(180).describe('Dagar efter fyndet som bytet ska ske inom'),
  inspectionOutcomes: z.array(z.enum(INSPECTION_OUTCOMES)).min(1).default(['injunction', 'ban', 'revocation']).describe('Inspektionsutfall som räknas som fynd'),
  sanctionKinds: z.array(z.enum(SANCTION_KINDS)).default(['unsuitable', 'trading_ban', 'conviction']).describe('Sanktionsslag som räknas som fynd'),
  linkRoles: z.array(z.enum(ROLES)).default(['owner', 'beneficial_owner', 'operations_manager']).describe('Roller som håller kvar den avgående i bolaget'),
});
type Params = z.infer<typeof params>;

interface Finding { date: string; persons: string[]; evidence: Evidence }
interface Leaver { finding: Finding; leaver: string; left: string; ended: RoleFact[]; newcomers: RoleFact[] }
interface Swap extends Leaver { links: Evidence[] }

/**
 * board-swap-after-finding (contract §7.2), on a company that is a licence holder or applicant
 * (status granted or applied at as-of). A finding against it, dated on or before as-of:
 * - an inspection of it (inspections.org_nr) with outcome injunction, ban or revocation — its
 *   persons are everyone holding a formal role there on the decision day;
 * - a reviewed_persons row for it with outcome rejected — the reviewed person;
 * - a sanction (unsuitable, trading_ban, conviction) beginning on a day its subject held a
 *   controlling role there — the sanctioned holder;
 * is followed within 180 days (finding day ≤ day ≤ finding day + 180, both included) by
 * (a) a person of the finding ending every formal role there: each formal role still held on or
 *     after the finding day has an end date (as known at as-of: an end after as-of has not
 *     happened), the last of them inside the window — a person who held no formal role then has
 *     none to end;
 * (b) a newcomer — no controlling role there starting before the finding day (an unknown start
 *     counts as before) — starting a formal role there inside the window;
 * while (c) the leaving person stays connected after the last formal role ended (a link whose
 *     period, as seen at as-of, runs past that day): an owner, beneficial_owner (any share) or
 *     operations_manager role there, an employment there, or a relation of any kind to one of the
 *     newcomers of (b).
 * related_ids: the leaving persons and the newcomers.
 *
 * Severity 4.
 */
export const signal: SignalDefinition<Params> = {
  id: 'board-swap-after-finding',
  title: 'Byte av företrädare efter tillsynsfynd',
  description:
    'Inom 180 dagar efter ett fynd mot en tillståndshavare eller sökande (föreläggande, förbud eller återkallelse vid inspektion; underkänd ägar- och ledningsprövning; eller dom, näringsförbud eller olämplighetsbeslut mot någon med kontrollerande roll i bolaget) lämnar en person som fyndet gäller alla sina formella roller (styrelse, VD, firmatecknare m.fl.) och en ny person som inte tidigare haft kontrollerande roll i bolaget tillträder en formell roll – men den som lämnat finns kvar: som ägare eller verklig huvudman (oavsett andel), föreståndare, anställd i bolaget eller genom en relation till den nya företrädaren. Bolaget ska ha beviljat eller ansökt tillstånd per analysdatum. Vid en inspektion gäller fyndet alla med formell roll på beslutsdagen. Fyndets dag och dag 180 ingår; kopplingen ska bestå efter dagen då personen lämnade; slutdatum efter analysdatum har ännu inte inträffat.',
  basis: 'IVO, Vad har IVO sett 2024, kap. 1: aktörer lämnar felaktiga uppgifter om bolagets företrädare för att undvika en ägar- och ledningsprövning av de personer som faktiskt har inflytande eller ledande ställning i bolagen.',
  subjectKinds: ['company'],
  params,
  defaults: params.parse({}),
  requires: ['roles', 'licences', ['inspections', 'reviewed_persons', 'sanctions']],
  evaluate({ facts, asOf, params: p }) {
    // (a) and (b) first, per company; (c) needs employments and relations only of the few leavers found.
    const found: { orgNr: string; licence: LicenceFact; roles: RoleFact[]; leavers: Leaver[] }[] = [];
    for (const [orgNr, list] of collectFindings(facts, asOf, p)) {
      const licence = holderOrApplicantLicence(facts, orgNr, asOf);
      if (!licence) continue;
      const roles = rolesAsOf(facts.rolesByOrg.get(orgNr), asOf);
      const leavers = list.flatMap((f) => leaversAfter(roles, f, p));
      if (leavers.length) found.push({ orgNr, licence, roles, leavers });
    }
    if (found.length === 0) return [];
    const links = new LinkIndex(facts, new Set(p.linkRoles), new Set(found.flatMap((c) => c.leavers.map((l) => l.leaver))));
    const hits: Hit[] = [];
    for (const { orgNr, licence, roles, leavers } of found) {
      const swaps: Swap[] = [];
      for (const l of leavers) {
        const stays = links.after(orgNr, l.leaver, l.left, roles, new Set(l.newcomers.map((r) => r.holder_id)), asOf);
        if (stays.length) swaps.push({ ...l, links: stays });
      }
      if (swaps.length === 0) continue;
      const ev: Evidence[] = [];
      for (const s of swaps) {
        ev.push(s.finding.evidence);
        for (const r of s.ended) ev.push(evidence(`Lämnade formell roll: ${roleText(facts, r)}.`, r, 'roles'));
        for (const r of s.newcomers) ev.push(evidence(`Ny företrädare: ${roleText(facts, r)}.`, r, 'roles'));
        ev.push(...s.links);
      }
      ev.push(evidence(`${companyLabel(facts, orgNr)} är ${holderOrApplicantSv(licence, asOf)} per ${asOf}: tillstånd ${licence.licence_id} (${kindSv(licence.kind)}).`, licence, 'licences'));
      hits.push({
        signal: 'board-swap-after-finding',
        subject_kind: 'company',
        subject_id: orgNr,
        related_ids: uniqueSorted(swaps.flatMap((s) => [s.leaver, ...s.newcomers.map((r) => r.holder_id)]).filter((id) => id !== orgNr)),
        severity: clampSeverity(4),
        evidence: uniqueEvidence(ev),
      });
    }
    return hits;
  },
};

/** Findings per company (inspections, rejected reviews, sanctions of its controllers), on or before as-of. */
function collectFindings(facts: Facts, asOf: string, p: Params): Map<string, Finding[]> {
  const outcomes = new Set<string>(p.inspectionOutcomes);
  const kinds = new Set<string>(p.sanctionKinds);
  const out = new Map<string, Finding[]>();
  const add = (orgNr: string, f: Finding): void => {
    const list = out.get(orgNr);
    if (list) list.push(f);
    else out.set(orgNr, [f]);
  };
  for (const i of facts.inspections) {
    if (i.decided_on > asOf || !outcomes.has(i.outcome)) continue;
    const persons = controllingRolesAsOf(facts.rolesByOrg.get(i.org_nr), asOf)
      .filter((r) => isFormalRole(r.role) && spanContains({ from: r.from_date, to: r.to_date }, i.decided_on))
      .map((r) => r.holder_id);
    if (persons.length) add(i.org_nr, { date: i.decided_on, persons: [...new Set(persons)], evidence: evidence(inspectionText(facts, i), i, 'inspections') });
  }
  for (const r of facts.reviewedPersons) {
    if (r.reviewed_on > asOf || r.outcome !== 'rejected') continue;
    add(r.org_nr, { date: r.reviewed_on, persons: [r.person_id], evidence: evidence(reviewText(facts, r), r, 'reviewed_persons') });
  }
  if (p.sanctionKinds.length === 0) return out;
  for (const [subject, sanctions] of facts.sanctionsBySubject) {
    const relevant = sanctions.filter((s) => kinds.has(s.kind) && s.from_date <= asOf);
    if (relevant.length === 0) continue;
    const seen = new Set<string>();
    for (const role of controllingRolesAsOf(facts.rolesByHolder.get(subject), asOf)) {
      for (const s of relevant) {
        if (seen.has(`${role.org_nr}|${s.key}`) || !spanContains({ from: role.from_date, to: role.to_date }, s.from_date)) continue;
        seen.add(`${role.org_nr}|${s.key}`);
        add(role.org_nr, { date: s.from_date, persons: [subject], evidence: evidence(sanctionText(facts, s, subject, role), s, 'sanctions') });
      }
    }
  }
  return out;
}

/** The persons of a finding who left every formal role (a) while a newcomer came in (b), in the window. */
function leaversAfter(roles: readonly RoleFact[], f: Finding, p: Params): Leaver[] {
  const end = addDays(f.date, p.days);
  // (b) newcomers: formal role starting in the window, no controlling role starting before the finding.
  const before = new Set(roles.filter((r) => isControlling(r) && (r.from_date == null || r.from_date < f.date)).map((r) => r.holder_id));
  const newcomers = roles.filter((r) => isFormalRole(r.role) && r.from_date != null && r.from_date >= f.date && r.from_date <= end && !before.has(r.holder_id));
  if (newcomers.length === 0) return [];
  const newcomerIds = new Set(newcomers.map((r) => r.holder_id));
  const out: Leaver[] = [];
  for (const leaver of f.persons) {
    if (newcomerIds.has(leaver)) continue;
    // (a) every formal role still held on or after the finding day has ended, the last inside the window.
    const ended = roles.filter((r) => r.holder_id === leaver && isFormalRole(r.role) && (r.to_date == null || r.to_date >= f.date));
    if (ended.length === 0 || ended.some((r) => r.to_date == null)) continue;
    const left = ended.reduce((m, r) => (r.to_date! > m ? r.to_date! : m), ended[0]!.to_date!);
    if (left <= end) out.push({ finding: f, leaver, left, ended, newcomers });
  }
  return out;
}

/** The links of (c), over employments and relations of the leavers only (one pass over each table). */
class LinkIndex {
  private readonly employments = new Map<string, EmploymentFact[]>();
  private readonly relations = new Map<string, RelationFact[]>();
  constructor(private readonly facts: Facts, private readonly linkRoles: ReadonlySet<string>, leavers: ReadonlySet<string>) {
    for (const e of facts.employments) if (leavers.has(e.person_id)) push(this.employments, e.person_id, e);
    for (const r of facts.relations) {
      if (leavers.has(r.a_id)) push(this.relations, r.a_id, r);
      if (leavers.has(r.b_id) && r.b_id !== r.a_id) push(this.relations, r.b_id, r);
    }
  }

  after(orgNr: string, leaver: string, left: string, roles: readonly RoleFact[], newcomers: ReadonlySet<string>, asOf: string): Evidence[] {
    const facts = this.facts;
    // `left` ≤ as-of, so an end after as-of (not yet happened) also runs past it.
    const runsPast = (to: string | null): boolean => to == null || to > left;
    const who = holderLabel(facts, leaver);
    const ev: Evidence[] = [];
    for (const r of roles) {
      if (r.holder_id === leaver && this.linkRoles.has(r.role) && runsPast(r.to_date)) ev.push(evidence(`Finns kvar efter ${left}: ${roleText(facts, r)}.`, r, 'roles'));
    }
    for (const e of this.employmentsOf(orgNr, leaver)) {
      if (e.from_date > asOf || !runsPast(e.to_date)) continue;
      ev.push(evidence(`Finns kvar efter ${left}: ${who} anställd hos ${companyLabel(facts, orgNr)} som ${e.title ?? professionSv(e.profession)} ${periodText(e.from_date, e.to_date)}.`, e, 'employments'));
    }
    for (const rel of this.relationsOf(leaver)) {
      const other = rel.a_id === leaver ? rel.b_id : rel.a_id;
      if (!newcomers.has(other) || (rel.from_date != null && rel.from_date > asOf) || !runsPast(rel.to_date)) continue;
      const kind = labelSv(RELATION_KIND_DISPLAY_SV, rel.kind, 'okänd relation').toLowerCase();
      ev.push(evidence(`Relation till den nya företrädaren: ${who} och ${holderLabel(facts, other)} (${kind}, ${periodText(rel.from_date, rel.to_date)}).`, rel, 'relations'));
    }
    return ev;
  }

  private employmentsOf(orgNr: string, personId: string): EmploymentFact[] {
    return (this.employments.get(personId) ?? []).filter((e) => e.org_nr === orgNr);
  }

  private relationsOf(id: string): RelationFact[] {
    return this.relations.get(id) ?? [];
  }
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function inspectionText(facts: Facts, i: InspectionFact): string {
  const outcome = labelSv(INSPECTION_OUTCOME_DISPLAY_SV, i.outcome, 'okänt utfall').toLowerCase();
  const findings = i.findings ? ` – ”${i.findings.replace(/\s+/g, ' ').trim()}”` : '';
  return `Fynd: inspektion av ${companyLabel(facts, i.org_nr)}${i.licence_id ? `, tillstånd ${i.licence_id}` : ''}, beslutad ${i.decided_on} med utfall ${outcome}${findings}.`;
}

function reviewText(facts: Facts, r: ReviewFact): string {
  return `Fynd: ${holderLabel(facts, r.person_id, 'person')} underkändes i ägar- och ledningsprövningen av ${companyLabel(facts, r.org_nr)} ${r.reviewed_on}.`;
}

function sanctionText(facts: Facts, s: SanctionFact, subject: string, role: RoleFact): string {
  const what = s.kind === 'conviction' ? `dom för ${offenceSv(s.offence)}` : labelSv(SANCTION_KIND_SV, s.kind, 'sanktion');
  return `Fynd: ${holderLabel(facts, subject)} fick ${what} ${s.from_date}${s.decision_ref ? ` (${s.decision_ref})` : ''}, med kontrollerande roll i ${companyLabel(facts, role.org_nr)} (${periodText(role.from_date, role.to_date)}).`;
}

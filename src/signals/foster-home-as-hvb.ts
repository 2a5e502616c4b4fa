import { z } from 'zod';
import { PROFESSION_SV } from '../model/labels-sv';
import type { Facts } from '../analysis/facts';
import type { EmploymentFact, FosterHomeFact, PaymentFact, PlacementFact } from '../model/rows';
import { normaliseStreet } from '../ids/address';
import { LEGITIMATION_PROFESSIONS } from '../model/index';
import { addDays, periodText } from '../model/dates';
import { clampSeverity, evidence } from './evidence';
import { isControlling, roleAsOf, sameHolder } from './roles';
import { firstUncoveredDay, observedSpan, occupancySpan, overlaps, peakConcurrency, type Span, spanContains } from './periods';
import { codesSv, companyLabel, personLabel, professionSv, roleSv } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const params = z.strictObject({
  /** Children allowed at once when the home's approved capacity is unknown. */
  defaultMaxChildren: z.number().int().min(1).default(4),
  /** Professions that make an employee "care staff" (legitimation professions are added). */
  careProfessions: z.array(z.string()).default(['care_staff', 'personal_assistant', 'counsellor']),
  maxEvidence: z.number().int().min(1).max(1000).default(25),
});
type Params = z.infer<typeof params>;

interface Trigger { severity: number; evidence: Evidence[]; related: string[] }

function describe(p: Params): string {
  const staff = p.careProfessions.length > 0 ? `, anställd personal (${codesSv(PROFESSION_SV, p.careProfessions)}) med hemmet som arbetsplats` : '';
  return `Familjehemmet har haft fler barn placerade samtidigt än det är godkänt för (eller fler än ${p.defaultMaxChildren} när godkänt antal saknas)${staff}, placeringar under tid då ingen familjehemsförälder var folkbokförd på hemmets adress, eller ersättning för hemmets placeringar till ett bolag som en familjehemsförälder kontrollerar.`;
}

/**
 * foster-home-as-hvb (contract §4), on a foster home (subject_id = home_id). Any of:
 * 1. Capacity: on some day more distinct children (child_ref) placed at the home than
 *    approved_capacity, or more than 4 when it is unknown. A placement occupies from ≤ day < to
 *    (a one-day placement its day): one ending on the day another starts is a handover.
 * 2. Employed care staff: an employment whose workplace is the home (its home_id, or an address
 *    with the home's address key) with a care profession (care_staff, personal_assistant,
 *    counsellor or a legitimation profession), overlapping the home's approval period.
 * 3. Parents not living there: during a placement (observed up to as-of) there is a day on which
 *    none of the foster parents is folkbokförd at the home's address (residences). A parent
 *    without any residence rows counts as living there only if the person's current address
 *    (persons) is the home's, and as living elsewhere only at as-of when it is not (placements
 *    that ended earlier are then not judged). When any parent has neither residence rows nor a
 *    current address nothing is concluded.
 * 4. Paid company controlled by a parent: a placement at the home with a payee, or a payment
 *    for the home, to a company in which a foster parent holds a controlling role overlapping
 *    the placement period (for a payment: on the payment day). A parent's own sole-trader
 *    number is their reimbursement, not a company, and is skipped.
 * Evaluable when foster_homes exist and at least one of placements, employments, payments does;
 * a trigger whose table is missing simply cannot fire (trigger 3 needs residences or persons).
 * As of: placements, employments, residences, roles and payments dated after as-of do not exist.
 *
 * Severity: employed staff or parents living elsewhere 4 (the home is run as an institution);
 * capacity or payee control alone 3; +1 when two or more triggers hold.
 */
export const signal: SignalDefinition<Params> = {
  id: 'foster-home-as-hvb',
  title: 'Familjehem som drivs som HVB',
  description: describe(params.parse({})),
  describe,
  basis: 'IVO, Vad har IVO sett 2024: familjehem som utformas som ett HVB med anställd personal, i lokaler där familjehemsföräldrarna inte bor.',
  subjectKinds: ['foster_home'],
  params,
  defaults: params.parse({}),
  requires: ['foster_homes', ['placements', 'employments', 'payments']],
  evaluate({ facts, asOf, params: p }) {
    const placementsByHome = new Map<string, PlacementFact[]>();
    for (const pl of facts.placements) {
      if (pl.home_id == null || pl.from_date > asOf) continue;
      const list = placementsByHome.get(pl.home_id) ?? [];
      list.push(pl);
      placementsByHome.set(pl.home_id, list);
    }
    const care = new Set([...p.careProfessions, ...LEGITIMATION_PROFESSIONS]);
    const staff = indexStaff(facts.employments, care, asOf);
    const paymentsByHome = new Map<string, PaymentFact[]>();
    for (const pay of facts.payments) {
      if (pay.home_id == null || pay.paid_on > asOf) continue;
      const list = paymentsByHome.get(pay.home_id) ?? [];
      list.push(pay);
      paymentsByHome.set(pay.home_id, list);
    }
    const hits: Hit[] = [];
    for (const home of facts.fosterHomes.values()) {
      if (home.approved_on != null && home.approved_on > asOf) continue;
      const placements = placementsByHome.get(home.home_id) ?? [];
      const triggers = [
        capacityTrigger(home, placements, asOf, p),
        staffTrigger(facts, home, staff, p),
        residenceTrigger(facts, home, placements, asOf, p),
        payeeTrigger(facts, home, placements, paymentsByHome.get(home.home_id) ?? [], asOf, p),
      ].filter((t): t is Trigger => t != null);
      if (triggers.length === 0) continue;
      hits.push({
        signal: 'foster-home-as-hvb',
        subject_kind: 'foster_home',
        subject_id: home.home_id,
        related_ids: [...new Set(triggers.flatMap((t) => t.related))].sort(),
        severity: clampSeverity(Math.max(...triggers.map((t) => t.severity)) + (triggers.length > 1 ? 1 : 0)),
        evidence: [
          evidence(`Familjehem ${home.home_id}, ${home.address}${home.postal_code ? `, ${home.postal_code}` : ''}${home.city ? ` ${home.city}` : ''}; familjehemsföräldrar: ${home.parent_ids.map((id) => personLabel(facts, id)).join(', ') || 'okända'}; godkänt för ${home.approved_capacity ?? 'okänt antal'} barn.`, home, 'foster_homes'),
          ...triggers.flatMap((t) => t.evidence),
        ],
      });
    }
    return hits;
  },
};

const homeSource = (home: FosterHomeFact) => ({ source: `${home.prov.file}:${home.prov.line}`, fact: { table: 'foster_homes' as const, key: home.key } });
const childText = (pl: PlacementFact) => `Placering ${pl.placement_id}${pl.child_ref ? ` (barn ${pl.child_ref})` : ''}`;

function capacityTrigger(home: FosterHomeFact, placements: readonly PlacementFact[], asOf: string, p: Params): Trigger | null {
  const max = home.approved_capacity ?? p.defaultMaxChildren;
  if (placements.length <= max) return null;
  const items = [];
  for (const pl of placements) {
    const span = occupancySpan(pl.from_date, pl.to_date, asOf);
    if (span) items.push({ span, member: pl.child_ref ?? `placement:${pl.placement_id}`, item: pl });
  }
  const peak = peakConcurrency(items);
  if (!peak || peak.count <= max) return null;
  const limit = home.approved_capacity != null ? `godkänt antal ${max}` : `${max} (godkänt antal saknas)`;
  return {
    severity: 3,
    related: [],
    evidence: [
      { text: `Den ${peak.day} var ${peak.count} barn placerade samtidigt i familjehemmet, fler än ${limit}.`, ...homeSource(home) },
      ...peak.present.slice(0, p.maxEvidence).map((pl) => evidence(`${childText(pl)} i familjehemmet ${periodText(pl.from_date, pl.to_date)}.`, pl, 'placements')),
    ],
  };
}

/** Care-staff employments (existing at as-of) by workplace: the raw id and, for addresses, the street line. */
interface StaffIndex { byId: Map<string, EmploymentFact[]>; byStreet: Map<string, EmploymentFact[]> }

function indexStaff(employments: readonly EmploymentFact[], care: ReadonlySet<string>, asOf: string): StaffIndex {
  const byId = new Map<string, EmploymentFact[]>();
  const byStreet = new Map<string, EmploymentFact[]>();
  const push = (m: Map<string, EmploymentFact[]>, k: string, e: EmploymentFact) => {
    const list = m.get(k) ?? [];
    list.push(e);
    m.set(k, list);
  };
  for (const e of employments) {
    if (e.workplace == null || e.profession == null || !care.has(e.profession) || e.from_date > asOf) continue;
    const wp = e.workplace.trim();
    push(byId, wp, e);
    const street = normaliseStreet(wp.split(',')[0]);
    if (street) push(byStreet, street, e);
  }
  return { byId, byStreet };
}

/** A workplace written as an address may carry its postal code ("Storgatan 1, 111 22 Ort"). */
function postalOf(workplace: string): string | null {
  const m = /(\d{3})\s?(\d{2})(?!.*\d)/.exec(workplace);
  return m ? `${m[1]}${m[2]}` : null;
}

function staffAtHome(home: FosterHomeFact, staff: StaffIndex): EmploymentFact[] {
  const out = new Set(staff.byId.get(home.home_id) ?? []);
  if (home.address_key != null) {
    const [street, postal] = home.address_key.split('|') as [string, string | undefined];
    for (const e of staff.byStreet.get(street) ?? []) {
      const rest = e.workplace!.trim().split(',').slice(1).join(',');
      const wpPostal = postalOf(rest);
      if (wpPostal == null || !postal || wpPostal === postal) out.add(e);
    }
  }
  return [...out];
}

function staffTrigger(facts: Facts, home: FosterHomeFact, staff: StaffIndex, p: Params): Trigger | null {
  const homePeriod: Span = { from: home.approved_on, to: home.ended_on };
  const ev: Evidence[] = [];
  const employers = new Set<string>();
  for (const e of staffAtHome(home, staff)) {
    if (!overlaps({ from: e.from_date, to: e.to_date }, homePeriod)) continue;
    employers.add(e.org_nr);
    if (ev.length < p.maxEvidence) {
      ev.push(evidence(`${personLabel(facts, e.person_id)} anställd som ${professionSv(e.profession)}${e.title ? ` (${e.title})` : ''} av ${companyLabel(facts, e.org_nr)} ${periodText(e.from_date, e.to_date)} med familjehemmet som arbetsplats (${e.workplace!.trim()}).`, e, 'employments'));
    }
  }
  return ev.length > 0 ? { severity: 4, related: [...employers], evidence: ev } : null;
}

function residenceTrigger(facts: Facts, home: FosterHomeFact, placements: readonly PlacementFact[], asOf: string, p: Params): Trigger | null {
  if (home.address_key == null || home.parent_ids.length === 0 || placements.length === 0) return null;
  const covers: Span[] = [];
  const elsewhere: Evidence[] = [];
  for (const id of home.parent_ids) {
    const rows = (facts.residencesByPerson.get(id) ?? []).filter((r) => r.from_date <= asOf);
    if (rows.length > 0) {
      for (const r of rows) {
        if (r.address_key === home.address_key) covers.push({ from: r.from_date, to: r.to_date != null && r.to_date > asOf ? null : r.to_date });
        else elsewhere.push(evidence(`${personLabel(facts, id)} folkbokförd på ${r.address}${r.postal_code ? `, ${r.postal_code}` : ''} ${periodText(r.from_date, r.to_date)}.`, r, 'residences'));
      }
      continue;
    }
    const person = facts.persons.get(id);
    // A parent we know nothing about may live there: nothing can be concluded.
    if (person?.address_key == null) return null;
    // Only the current address is known: it says where the parent lives at as-of, not before.
    if (person.address_key === home.address_key) {
      covers.push({ from: null, to: null });
    } else {
      covers.push({ from: null, to: addDays(asOf, -1) });
      elsewhere.push(evidence(`${personLabel(facts, id)} är folkbokförd på ${person.address}${person.postal_code ? `, ${person.postal_code}` : ''} (aktuell adress).`, person, 'persons'));
    }
  }
  const ev: Evidence[] = [];
  for (const pl of placements) {
    const span = observedSpan(pl.from_date, pl.to_date, asOf);
    if (!span) continue;
    const day = firstUncoveredDay(span.from, span.to, covers);
    if (day == null || !spanContains(span, day)) continue;
    if (ev.length < p.maxEvidence) ev.push(evidence(`${childText(pl)} pågick ${periodText(pl.from_date, pl.to_date)}; den ${day} var ingen familjehemsförälder folkbokförd på hemmets adress.`, pl, 'placements'));
  }
  if (ev.length === 0) return null;
  return { severity: 4, related: [], evidence: [...ev, ...elsewhere.slice(0, p.maxEvidence)] };
}

function payeeTrigger(facts: Facts, home: FosterHomeFact, placements: readonly PlacementFact[], payments: readonly PaymentFact[], asOf: string, p: Params): Trigger | null {
  const ev: Evidence[] = [];
  const related = new Set<string>();
  const controlled = (orgNr: string, span: Span) => {
    for (const parent of home.parent_ids) {
      if (sameHolder(orgNr, parent)) continue;
      for (const r of facts.rolesByHolder.get(parent) ?? []) {
        if (r.org_nr !== orgNr) continue;
        const role = roleAsOf(r, asOf);
        if (role && isControlling(role) && overlaps({ from: role.from_date, to: role.to_date }, span)) return role;
      }
    }
    return null;
  };
  const addRole = (role: NonNullable<ReturnType<typeof controlled>>) => {
    if (!related.has(role.org_nr)) {
      ev.push(evidence(`Familjehemsföräldern ${personLabel(facts, role.holder_id)} är ${roleSv(role.role)}${role.share_pct != null ? ` (${role.share_pct} %)` : ''} i ${companyLabel(facts, role.org_nr)} ${periodText(role.from_date, role.to_date)}.`, role, 'roles'));
      related.add(role.org_nr);
    }
  };
  for (const pl of placements) {
    if (pl.payee_org_nr == null) continue;
    const span = observedSpan(pl.from_date, pl.to_date, asOf);
    const role = span && controlled(pl.payee_org_nr, span);
    if (!role) continue;
    addRole(role);
    if (ev.length < p.maxEvidence) ev.push(evidence(`${childText(pl)} i familjehemmet ${periodText(pl.from_date, pl.to_date)} betalas till ${companyLabel(facts, pl.payee_org_nr)}.`, pl, 'placements'));
  }
  for (const pay of payments) {
    const role = controlled(pay.payee_org_nr, { from: pay.paid_on, to: pay.paid_on });
    if (!role) continue;
    addRole(role);
    if (ev.length < p.maxEvidence) ev.push(evidence(`${pay.payer} betalade ${pay.amount_sek} kr ${pay.paid_on} till ${companyLabel(facts, pay.payee_org_nr)} för familjehemmet${pay.purpose ? ` (ändamål ${pay.purpose})` : ''}.`, pay, 'payments'));
  }
  return related.size > 0 ? { severity: 3, related: [...related], evidence: ev } : null;
}

import { AS_OF } from '../planted/builder';
import { spanContains, type Span } from '../../signals/periods';
import { addDays, fromDays, toDays, yearOf } from '../../model/dates';
import { Rng } from '../prng';
import { CARE_TRADES, PAYERS } from '../swedish';
import type { TableWriter } from '../table-writer';
import type { CompanyPass } from './companies';
import type { Layout } from './layout';
import { boardRoles, companyName, contact, writeRoles, type RoleRow } from './officers';
import { between } from './persons';

const GRANTED_KINDS = [['personal_assistance', 18], ['home_care', 12], ['hvb_children', 8], ['hvb_adults', 5], ['supported_housing', 6], ['lss_housing_adults', 10], ['lss_housing_children', 3], ['relief_service', 4], ['escort_service', 4], ['short_stay', 3], ['consultant_support', 4], ['care_provider', 12], ['dental_care', 8], ['aesthetic_clinic', 2], ['other', 1]] as const;
/** IVO 2024: 47 revoked or banned verksamheter by kind (domain.md); HVB split children/adults. */
const REVOKED_KINDS = [['hvb_children', 13], ['hvb_adults', 5], ['personal_assistance', 11], ['lss_housing_children', 5], ['home_care', 4], ['consultant_support', 3], ['supported_housing', 3], ['relief_service', 1], ['lss_housing_adults', 1], ['escort_service', 1]] as const;
const RESIDENTIAL: Record<string, readonly (readonly [number, number, number, number])[]> = {
  // [capacity min, capacity max, age_min, age_max]
  hvb_children: [[4, 12, 13, 17], [4, 10, 12, 17], [4, 8, 16, 20]],
  hvb_adults: [[6, 20, 18, 65], [6, 16, 20, 64]],
  supported_housing: [[4, 15, 16, 20]],
  lss_housing_children: [[3, 8, 7, 17], [3, 6, 0, 17]],
  lss_housing_adults: [[4, 8, 18, 67]],
  short_stay: [[4, 10, 7, 17]],
};
const CHILD_KINDS = new Set(['hvb_children', 'lss_housing_children', 'supported_housing', 'short_stay']);
/** The kinds whose holders must check records (missing-record-check). */
const RECORD_CHECK_KINDS = new Set(['hvb_children', 'lss_housing_children', 'supported_housing']);
const ASSISTANCE = new Set(['personal_assistance', 'home_care', 'relief_service', 'escort_service']);
const HEALTH = new Set(['care_provider', 'dental_care', 'aesthetic_clinic']);
const SAFE_TAGS = ['record_check_missing', 'staff_competence', 'unlicensed_staff', 'restraint', 'other'] as const;
const FINDINGS = ['Brister i dokumentationen av genomförandeplaner.', 'Verksamheten saknar rutiner för avvikelsehantering.', 'Personalens kompetens motsvarar inte kraven.', 'Brister i samverkan med socialnämnden.', 'Inga brister konstaterades.'];

interface Licence { id: string; kind: string; status: string; granted: string | null; statusOn: string; capacity: number | null; ageMin: number | null; ageMax: number | null }

/** A welfare company: licences, officers, reviews, inspections, staff, placements and payments. */
export function writeLicensed(w: TableWriter, L: Layout, pass: CompanyPass, i: number): void {
  const r = Rng.keyed(L.seed, 'company', i);
  const form = L.legalForm(i);
  const org = L.orgNr(i);
  const exclusive = L.seg.exclusive;
  const revoked = r.chance(0.045) && pass.exclusiveCursor + 20 <= exclusive.start + exclusive.size;
  const registered = between(r, '1995-01-01', '2022-06-30');
  const kinds: string[] = [revoked ? r.weighted(REVOKED_KINDS) : r.weighted(GRANTED_KINDS)];
  if (!revoked && r.chance(0.2)) kinds.push(secondKind(r, kinds[0]!));
  const trade = CARE_TRADES[kinds[0]!]!;
  const status = revoked ? r.weighted([['active', 40], ['liquidation', 40], ['bankruptcy', 20]] as const) : 'active';
  const addr = L.address(L.addrBase.company + i);
  const name = companyName(r, form, r.pick(trade.words));
  const { phone, email } = contact(r, i, addr.city, name);
  w.write('companies', { org_nr: org, name, legal_form: form, registered_on: registered, status, address: addr.street, postal_code: addr.postal, city: addr.city, phone, email, sni: trade.sni });

  const unit = r.chance(0.5) ? addr : L.address(L.addrBase.unit + i / L.p.licensedStride);
  const licences = kinds.map((kind, k) => makeLicence(r, pass, kind, registered, revoked, k));
  for (const l of licences) {
    w.write('licences', {
      licence_id: l.id, org_nr: org, kind: l.kind, status: l.status, unit_name: `${name.replace(/ AB$| ekonomisk förening$/, '')}${l.kind === kinds[0] ? '' : ' ' + l.kind.split('_')[0]}`,
      address: unit.street, postal_code: unit.postal, city: unit.city, capacity: l.capacity, age_min: l.ageMin, age_max: l.ageMax,
      target_group: l.ageMin === null ? null : l.ageMin < 18 ? `Barn och unga ${l.ageMin}-${l.ageMax} år` : 'Vuxna', granted_on: l.granted, status_on: l.statusOn,
      decision_ref: `IVO 3.5.1-${10_000 + ((pass.licences * 31) % 89_999)}/${l.statusOn.slice(0, 4)}`,
      reason: l.status === 'revoked' || l.status === 'banned' || l.status === 'temporarily_banned' ? r.pick(['Allvarliga brister i omsorgen', 'Verksamheten bedrivs inte i enlighet med tillståndet', 'Bristande lämplighet hos ledningen']) : null,
    });
    if (l.status === 'granted' && l.kind === 'consultant_support') pass.consultants.push({ org, granted: l.granted! });
  }

  const roles: RoleRow[] = [];
  const person = revoked ? () => L.personId(pass.exclusiveCursor++) : () => L.personId(L.randomOfficer(r));
  boardRoles(r, L, roles, form, registered, null, person, true, !revoked);
  // Officers of revoked companies are used once; auditors of them are persons from the same pool.
  if (revoked) {
    for (const x of roles) {
      if (x.kind !== 'company') continue;
      x.holder = person();
      x.kind = 'person';
    }
  }
  writeRoles(w, r, org, roles);

  const granted = licences.filter((l) => l.status === 'granted');
  if (!revoked && granted.length > 0 && !roles.some((x) => x.kind === 'company' && x.role === 'owner') && r.chance(0.6)) writeReviews(w, r, org, roles);
  const inspected = { injunction: false };
  for (const l of licences) writeInspections(w, r, org, l, inspected);
  const dentists = licences.some((l) => l.granted) ? writeStaff(w, L, r, pass, org, licences) : [];
  for (const l of granted) writeLicenceUse(w, r, pass, org, l, addr.municipality, dentists);
  if (r.chance(0.06)) writeSafeDebt(w, r, org);
}

function secondKind(r: Rng, first: string): string {
  const groups = [['hvb_children', 'supported_housing', 'short_stay', 'lss_housing_children'], ['hvb_adults', 'lss_housing_adults'], ['personal_assistance', 'home_care', 'relief_service', 'escort_service'], ['care_provider', 'dental_care']];
  const g = groups.find((x) => x.includes(first));
  const other = g?.filter((k) => k !== first) ?? [];
  return other.length > 0 ? r.pick(other) : r.weighted(GRANTED_KINDS);
}

function makeLicence(r: Rng, pass: CompanyPass, kind: string, registered: string, revoked: boolean, k: number): Licence {
  const n = pass.licences++;
  const shape = RESIDENTIAL[kind] ? r.pick(RESIDENTIAL[kind]!) : null;
  const capacity = shape ? r.int(shape[0], shape[1]) : null;
  const firstGrant = addDays(registered, 30);
  let status: string;
  let granted: string | null;
  let statusOn: string;
  if (revoked) {
    granted = between(r, firstGrant, '2021-12-31');
    status = r.weighted([['revoked', 70], ['banned', 20], ['temporarily_banned', 10]] as const);
    statusOn = between(r, addDays(granted, 365) > '2018-01-01' ? addDays(granted, 365) : '2018-01-01', '2026-10-15');
  } else {
    status = k === 0 ? r.weighted([['granted', 88], ['applied', 4], ['expired', 5], ['withdrawn', 1.5], ['rejected', 1.5]] as const) : r.weighted([['granted', 70], ['applied', 10], ['expired', 12], ['withdrawn', 4], ['rejected', 4]] as const);
    granted = status === 'applied' || status === 'rejected' || status === 'withdrawn' ? null : between(r, firstGrant, '2025-06-30');
    if (status === 'granted') statusOn = granted!;
    else if (status === 'expired') statusOn = between(r, addDays(granted!, 365), '2026-09-30');
    else if (status === 'applied') statusOn = between(r, '2025-09-01', '2026-10-15');
    else statusOn = between(r, firstGrant, '2026-06-30');
  }
  const year = (granted ?? statusOn).slice(0, 4);
  return { id: `IVO-${year}-${100_000 + ((n * 7_919 + 13) % 900_000)}`, kind, status, granted, statusOn, capacity, ageMin: shape ? shape[2] : null, ageMax: shape ? shape[3] : null };
}

/** Every current controlling person is approved after their role began: nothing undeclared. */
function writeReviews(w: TableWriter, r: Rng, org: string, roles: readonly RoleRow[]): void {
  const current = roles.filter((x) => x.kind === 'person' && x.to === null && x.role !== 'auditor' && x.role !== 'liquidator');
  if (current.length === 0) return;
  const latest = current.reduce((m, x) => (x.from > m ? x.from : m), '1900-01-01');
  const on = addDays(latest, r.int(10, 120));
  const seen = new Set<string>();
  for (const x of current) {
    if (seen.has(x.holder)) continue;
    seen.add(x.holder);
    w.write('reviewed_persons', { org_nr: org, person_id: x.holder, role: ROLE_SV[x.role] ?? x.role, reviewed_on: on, outcome: 'approved' });
  }
}

const ROLE_SV: Record<string, string> = { board_member: 'styrelseledamot', deputy_board_member: 'styrelsesuppleant', chair: 'ordförande', ceo: 'VD', deputy_ceo: 'vice VD', signatory: 'firmatecknare', owner: 'ägare', beneficial_owner: 'verklig huvudman', operations_manager: 'föreståndare', partner: 'bolagsman' };

/**
 * Routine inspections, and the revocation decision. At most one injunction per company (a second
 * is written as deficiencies with follow-up): supervision-evasion cannot fire on the background.
 */
function writeInspections(w: TableWriter, r: Rng, org: string, l: Licence, company: { injunction: boolean }): void {
  if (!l.granted) return;
  const revoked = ['revoked', 'banned', 'temporarily_banned'].includes(l.status);
  const end = l.status === 'granted' ? '2026-10-15' : l.statusOn;
  const from = addDays(l.granted, 180);
  const count = r.int(0, 2);
  const seen = new Set<string>();
  for (let k = 0; k < count && from < end; k++) {
    const drawn = r.weighted([['no_deficiencies', 96], ['deficiencies', 78], ['deficiencies_followup', 131], ['injunction', 8]] as const);
    const outcome = drawn === 'injunction' && company.injunction ? 'deficiencies_followup' : drawn;
    const tags = outcome === 'no_deficiencies' ? [] : [r.pick(SAFE_TAGS), ...(r.chance(0.3) ? [r.pick(SAFE_TAGS)] : [])];
    const findings = outcome === 'no_deficiencies' ? FINDINGS[4]! : r.pick(FINDINGS.slice(0, 4)) + (r.chance(0.05) ? '\nUppföljning sker inom sex månader.' : '');
    const decided = between(r, from, end);
    // (org, licence, date, outcome) is the natural key: one decision per day and outcome.
    if (seen.has(decided + outcome) || (revoked && decided === l.statusOn)) continue;
    seen.add(decided + outcome);
    if (outcome === 'injunction') company.injunction = true;
    w.write('inspections', { org_nr: org, licence_id: l.id, decided_on: decided, outcome, findings, tags: [...new Set(tags)].join('|') || null });
  }
  if (revoked) w.write('inspections', { org_nr: org, licence_id: l.id, decided_on: l.statusOn, outcome: l.status === 'revoked' ? 'revocation' : 'ban', findings: 'Allvarliga missförhållanden.', tags: 'other' });
}

const PROFESSIONS: Record<string, readonly (readonly [string, number])[]> = {
  residential: [['care_staff', 70], ['manager', 8], ['counsellor', 8], ['nurse', 6], ['psychologist', 4], ['other', 4]],
  assistance: [['personal_assistant', 70], ['care_staff', 12], ['manager', 6], ['nurse', 3], ['other', 9]],
  care_provider: [['physician', 25], ['nurse', 35], ['physiotherapist', 10], ['psychologist', 8], ['midwife', 4], ['other', 18]],
  dental_care: [['dentist', 35], ['dental_hygienist', 30], ['other', 35]],
  aesthetic_clinic: [['physician', 40], ['nurse', 40], ['other', 20]],
  consultant_support: [['counsellor', 50], ['psychologist', 20], ['manager', 30]],
  other: [['other', 70], ['manager', 30]],
};
const LEGITIMATED = new Set(['physician', 'nurse', 'dentist', 'dental_hygienist', 'psychologist', 'psychotherapist', 'physiotherapist', 'midwife', 'pharmacist']);
const TITLE: Record<string, string> = { care_staff: 'Behandlingsassistent', manager: 'Enhetschef', counsellor: 'Kurator', nurse: 'Sjuksköterska', psychologist: 'Psykolog', other: 'Medarbetare', personal_assistant: 'Personlig assistent', physician: 'Läkare', physiotherapist: 'Fysioterapeut', midwife: 'Barnmorska', dentist: 'Tandläkare', dental_hygienist: 'Tandhygienist' };

/**
 * Staff of a licensed company: one job per person; every legitimation profession has a valid
 * legitimation from before the start; record checks on or before the start at the three kinds
 * the signal covers (elsewhere they are sometimes missing, as in reality). Returns the periods
 * of the dentists' jobs (each with a valid legitimation throughout).
 */
function writeStaff(w: TableWriter, L: Layout, r: Rng, pass: CompanyPass, org: string, licences: readonly Licence[]): Span[] {
  const dentists: Span[] = [];
  const main = licences[0]!;
  const group = RESIDENTIAL[main.kind] ? 'residential' : ASSISTANCE.has(main.kind) ? 'assistance' : HEALTH.has(main.kind) || main.kind === 'consultant_support' ? main.kind : 'other';
  const count = group === 'residential' ? r.int(3, 8) : group === 'assistance' ? r.int(3, 10) : HEALTH.has(main.kind) ? r.int(2, 6) : r.int(1, 3);
  const mustCheck = licences.some((l) => RECORD_CHECK_KINDS.has(l.kind));
  const children = licences.some((l) => CHILD_KINDS.has(l.kind));
  const seg = L.seg.employee;
  const firstDay = licences.map((l) => l.granted).filter((d): d is string => d !== null).sort()[0]!;
  const lastDay = ['revoked', 'banned', 'temporarily_banned'].includes(main.status) ? addDays(main.statusOn, -1) : '2026-09-30';
  for (let k = 0; k < count && pass.employeeCursor < seg.start + seg.size; k++) {
    const j = pass.employeeCursor++;
    const pid = L.personId(j);
    const profession = r.weighted(PROFESSIONS[group]!);
    const earliest = [addDays(firstDay, -60), addDays(L.birthDate(j), 24 * 366), '2008-01-01'].sort().at(-1)!;
    if (earliest >= lastDay) continue;
    const from = between(r, earliest, lastDay);
    const to = lastDay !== '2026-09-30' ? lastDay : r.chance(0.25) && addDays(from, 90) < '2026-10-15' ? between(r, addDays(from, 90), '2026-10-15') : null;
    const withChildren = (children && profession !== 'other' && r.chance(0.9)) || (main.kind === 'personal_assistance' && r.chance(0.15));
    const check = mustCheck && withChildren ? addDays(from, -r.int(0, 40)) : r.chance(withChildren ? 0.6 : 0.3) ? addDays(from, -r.int(0, 60)) : null;
    if (LEGITIMATED.has(profession)) {
      // Granted before the job started, never before the holder was 22.
      const grantedOn = Math.max(toDays(from) - r.int(30, 4000), toDays(L.birthDate(j)) + 22 * 366);
      w.write('legitimations', { person_id: pid, profession, granted_on: fromDays(grantedOn), restricted: false });
    }
    w.write('employments', { org_nr: org, person_id: pid, title: TITLE[profession] ?? 'Medarbetare', profession, from, to, record_check_on: check, works_with_children: withChildren, workplace: r.chance(0.7) ? main.id : null });
    if (profession === 'dentist') dentists.push({ from, to });
  }
  return dentists;
}

/**
 * Placements and payments only while the licence is granted and of a fitting kind, never more
 * children at once than capacity, ages inside the licensed range, dental support only while a
 * licensed dentist works there: over-capacity, operating-without-licence and
 * dental-support-without-dentist cannot fire on the background.
 */
function writeLicenceUse(w: TableWriter, r: Rng, pass: CompanyPass, org: string, l: Licence, municipality: string, dentists: readonly Span[]): void {
  const payer = () => r.pick(PAYERS.filter((p) => p.includes('kommun') || p.includes('stad')));
  const start0 = addDays(l.granted!, 30) > '2019-01-01' ? addDays(l.granted!, 30) : '2019-01-01';
  if (l.capacity !== null && l.ageMin !== null) {
    const paidKeys = new Set<string>();
    const slots = r.int(1, Math.min(3, l.capacity));
    const openFrom = addDays(AS_OF, -300);
    for (let s = 0; s < slots; s++) {
      let from = addDays(start0, r.int(0, 120));
      while (from < '2026-10-20') {
        let to: string | null = addDays(from, r.int(60, 300));
        if (to > '2026-10-20') to = from >= openFrom && r.chance(0.5) ? null : '2026-10-20';
        const ageMax = Math.min(l.ageMax ?? 60, 60);
        const age = r.int(l.ageMin + 1, Math.max(l.ageMin + 1, ageMax - 1));
        const id = `PL-${String(++pass.placement).padStart(7, '0')}`;
        const fee = r.int(2_500, 7_500);
        w.write('placements', { placement_id: id, from, to, licence_id: l.id, child_ref: `barn-${pass.placement.toString(36)}`, child_birth_year: yearOf(from) - age, municipality, daily_fee_sek: fee, payee_org_nr: org });
        const paid = to ?? addDays(from, 30);
        const amount = fee * Math.max(1, toDays(paid) - toDays(from));
        if (paid < '2026-10-25' && !paidKeys.has(`${paid}|${amount}`)) {
          paidKeys.add(`${paid}|${amount}`);
          w.write('payments', { payer: payer(), payee_org_nr: org, paid_on: paid, amount_sek: amount, purpose: 'placement', licence_id: l.id });
        }
        if (to === null || to >= '2026-10-20') break;
        from = addDays(to, r.int(7, 60));
      }
    }
    return;
  }
  const purpose = ASSISTANCE.has(l.kind) ? 'assistance' : l.kind === 'dental_care' ? 'dental_support' : l.kind === 'care_provider' ? 'care' : null;
  if (!purpose) return;
  let paid = addDays(start0 > '2024-01-15' ? start0 : '2024-01-15', r.int(0, 80));
  const amount = r.int(40_000, 900_000);
  const payerName = l.kind === 'personal_assistance' || purpose === 'dental_support' ? 'Försäkringskassan' : purpose === 'care' ? r.pick(['Region Stockholm', 'Region Skåne']) : payer();
  while (paid < '2026-10-01') {
    const row = { payer: payerName, payee_org_nr: org, paid_on: paid, amount_sek: amount + r.int(-5_000, 5_000), purpose, licence_id: r.chance(0.5) ? l.id : null };
    if (purpose !== 'dental_support' || dentists.some((d) => spanContains(d, paid))) w.write('payments', row);
    paid = addDays(paid, r.int(85, 95));
  }
}

/** Licence holders' debts stay below every threshold: one event, resolved or small. */
function writeSafeDebt(w: TableWriter, r: Rng, org: string): void {
  const occurred = between(r, '2018-01-01', '2026-09-30');
  const kind = r.weighted([['enforcement_debt', 35], ['payment_remark', 30], ['tax_arrears', 15], ['payment_order', 20]] as const);
  const resolved = kind === 'enforcement_debt' ? between(r, occurred, '2026-10-15') : r.chance(0.5) ? between(r, occurred, '2026-10-15') : null;
  const amount = kind === 'tax_arrears' ? r.int(1_000, 40_000) : r.int(1_000, 400_000);
  w.write('financial_events', { subject_id: org, kind, amount_sek: amount, occurred_on: occurred, resolved_on: resolved, source: kind === 'tax_arrears' ? 'Skatteverket' : 'Kronofogden' });
}

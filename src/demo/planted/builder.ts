import { addressKey } from '../../ids/address';
import { addMonths } from '../../model/dates';
import { personnummer, withCheckDigit } from '../ids';
import { affinePermutation, type Rng } from '../prng';
import { COMPANY_WORDS, FIRST_NAMES_F, FIRST_NAMES_M, PLANTED_STREETS, POSTAL_CODES, SURNAMES } from '../swedish';
import type { TableWriter } from '../table-writer';

/** The as-of date every planted case is built against (dates are relative to it). */
export const AS_OF = '2026-11-01';

export type Expected = 'fire' | 'not_fire';
export type SubjectKind = 'company' | 'person' | 'licence' | 'foster_home' | 'address';

export interface TruthRow {
  signal: string;
  subject_kind: SubjectKind;
  subject_id: string;
  expected: Expected;
  note: string;
}

export interface Addr {
  street: string;
  postal: string;
  city: string;
  municipality: string;
}

/**
 * Builds planted cases: fresh entities with ids from ranges the background never uses
 * (org_nr prefix 559/968, birth numbers 010–099, streets of PLANTED_STREETS, licence numbers
 * 0xxxxx), so a case cannot mix with the background or with another case unless it says so.
 */
export class Planter {
  readonly truth: TruthRow[] = [];
  private orgCounter = 0;
  private readonly orgPerm = affinePermutation(1_000_000, 559);
  private personSerial = 0;
  private readonly usedPersons = new Set<string>();
  private addrCounter = 0;
  private licenceCounter = 0;
  private homeCounter = 0;
  private placementCounter = 0;
  private phoneCounter = 0;
  private childCounter = 0;

  private readonly persons: { id: string; name: string; birth: string; ext: boolean; deceased?: string }[] = [];
  /** Current folkbokföring address per planted person; cases may move people before `finish()`. */
  readonly currentAddress = new Map<string, Addr>();

  constructor(readonly w: TableWriter, readonly rng: Rng) {}

  /** Writes the persons rows (held back so cases can set where people live now). */
  finish(): void {
    for (const x of this.persons) {
      const a = x.ext ? null : this.currentAddress.get(x.id)!;
      this.w.write('persons', { person_id: x.id, name: x.name, birth_date: x.birth, address: a?.street, postal_code: a?.postal, city: a?.city, deceased_on: x.deceased });
    }
  }

  fire(signal: string, kind: SubjectKind, id: string, note: string): void {
    this.truth.push({ signal, subject_kind: kind, subject_id: id, expected: 'fire', note });
  }

  notFire(signal: string, kind: SubjectKind, id: string, note: string): void {
    this.truth.push({ signal, subject_kind: kind, subject_id: id, expected: 'not_fire', note });
  }

  /** A fresh address nobody else in the dataset has. */
  addr(): Addr {
    const n = this.addrCounter++;
    const street = PLANTED_STREETS[n % PLANTED_STREETS.length]!;
    const pc = POSTAL_CODES[(n * 7) % POSTAL_CODES.length]!;
    return { street: `${street} ${Math.floor(n / PLANTED_STREETS.length) + 1}`, postal: pc.code, city: pc.city, municipality: pc.municipality };
  }

  /** An address given explicitly (cases that share one on purpose). */
  fixedAddr(street: string, postal: string, city: string): Addr {
    return { street, postal, city, municipality: city };
  }

  key(a: Addr): string {
    return addressKey(a.street, a.postal)!;
  }

  private personName(): string {
    const female = this.rng.chance(0.5);
    return `${this.rng.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M)} ${this.rng.pick(SURNAMES)}`;
  }

  /** A person with a persons row and (unless told otherwise) a residence at their address. */
  person(o: { birth?: string; ext?: string; coordination?: boolean; addr?: Addr; residence?: boolean; name?: string; deceased?: string } = {}): string {
    const name = o.name ?? this.personName();
    const addr = o.addr ?? this.addr();
    let id: string;
    let birth: string;
    if (o.ext) {
      id = o.ext;
      birth = o.birth ?? '1978-02-15';
    } else {
      birth = o.birth ?? `${this.rng.int(1952, 1992)}-${String(this.rng.int(1, 12)).padStart(2, '0')}-${String(this.rng.int(1, 28)).padStart(2, '0')}`;
      do id = personnummer(birth, 10 + (this.personSerial++ % 90), o.coordination ?? false);
      while (this.usedPersons.has(id));
      this.usedPersons.add(id);
    }
    this.persons.push({ id, name, birth, ext: Boolean(o.ext), deceased: o.deceased });
    this.currentAddress.set(id, addr);
    if (!o.ext && o.residence !== false) this.residence(id, addr, `${Number(birth.slice(0, 4)) + 20}${birth.slice(4)}`);
    return id;
  }

  residence(pid: string, a: Addr, from: string, to?: string): void {
    this.w.write('residences', { person_id: pid, address: a.street, postal_code: a.postal, city: a.city, from, to });
  }

  company(o: { name?: string; trade?: string; form?: 'AB' | 'HB' | 'IDEELL'; registered: string; addr?: Addr; street?: string; phone?: string | null; email?: string | null; status?: string; deregistered?: string; sni?: string }): string {
    const n = this.orgCounter++;
    const prefix = o.form === 'HB' ? '968' : o.form === 'IDEELL' ? '818' : '559';
    const org = withCheckDigit(prefix + String(this.orgPerm(n)).padStart(6, '0'));
    const addr = o.addr ?? this.addr();
    const suffix = o.form === 'HB' ? ' HB' : o.form === 'IDEELL' ? '' : ' AB';
    const name = o.name ?? `${this.rng.pick(COMPANY_WORDS)} ${o.trade ?? 'Omsorg'}${o.form === 'IDEELL' ? ' ideell förening' : suffix}`;
    const phone = o.phone === undefined ? `0771-${String(100000 + this.phoneCounter++).padStart(6, '0')}` : o.phone;
    const email = o.email === undefined ? `kontakt${n}@${org.slice(4)}.se` : o.email;
    this.w.write('companies', {
      org_nr: org, name, legal_form: o.form ?? 'AB', registered_on: o.registered, deregistered_on: o.deregistered, status: o.status ?? 'active',
      address: o.street ?? addr.street, postal_code: addr.postal, city: addr.city, phone, email, sni: o.sni ?? '88101',
    });
    return org;
  }

  role(org: string, holder: string, role: string, from: string | null, to?: string | null, share?: number | null, holderKind?: 'person' | 'company'): void {
    const kind = holderKind ?? (/^\d{10}$/.test(holder) ? 'company' : 'person');
    this.w.write('roles', { org_nr: org, holder_id: holder, role, holder_kind: kind, share_pct: share ?? null, from, to: to ?? null });
  }

  licence(org: string, o: { kind: string; status?: string; granted: string | null; statusOn?: string; addr?: Addr; street?: string; postal?: string; capacity?: number; ageMin?: number; ageMax?: number; unit?: string; reason?: string }): string {
    const n = this.licenceCounter++;
    const year = (o.granted ?? o.statusOn ?? '2020').slice(0, 4);
    const id = `IVO-${year}-0${String(n).padStart(5, '0')}`;
    const addr = o.addr ?? this.addr();
    const status = o.status ?? 'granted';
    this.w.write('licences', {
      licence_id: id, org_nr: org, kind: o.kind, status, unit_name: o.unit ?? `Enhet ${addr.street.split(' ')[0]}`,
      address: o.street ?? addr.street, postal_code: o.postal ?? addr.postal, city: addr.city, capacity: o.capacity, age_min: o.ageMin, age_max: o.ageMax,
      granted_on: o.granted, status_on: o.statusOn ?? o.granted, decision_ref: `IVO 3.5.1-${10000 + n}/${year}`,
      reason: o.reason ?? (['revoked', 'banned', 'temporarily_banned'].includes(status) ? 'Allvarliga brister i verksamheten' : null),
    });
    return id;
  }

  inspection(org: string, licence: string | null, decided: string, outcome: string, tags: string[], findings?: string): void {
    this.w.write('inspections', { org_nr: org, licence_id: licence, decided_on: decided, outcome, findings: findings ?? null, tags: tags.join('|') || null });
  }

  review(org: string, pid: string, role: string, on: string, outcome: string): void {
    this.w.write('reviewed_persons', { org_nr: org, person_id: pid, role, reviewed_on: on, outcome });
  }

  home(o: { addr: Addr; parents: string[]; capacity: number | null; approved: string; ended?: string; consultant?: string | null }): string {
    const id = `FH-P${String(++this.homeCounter).padStart(4, '0')}`;
    this.w.write('foster_homes', {
      home_id: id, address: o.addr.street, postal_code: o.addr.postal, city: o.addr.city, municipality: o.addr.municipality,
      parent_ids: o.parents.join('|'), approved_capacity: o.capacity, approved_on: o.approved, ended_on: o.ended, consultant_org_nr: o.consultant ?? null,
    });
    return id;
  }

  placement(o: { from: string; to?: string | null; home?: string; licence?: string; birthYear: number; payee?: string | null; municipality?: string; fee?: number }): string {
    const id = `PL-P${String(++this.placementCounter).padStart(5, '0')}`;
    this.w.write('placements', {
      placement_id: id, from: o.from, to: o.to ?? null, home_id: o.home ?? null, licence_id: o.licence ?? null,
      child_ref: `barn-p${String(++this.childCounter).padStart(5, '0')}`, child_birth_year: o.birthYear, municipality: o.municipality ?? 'Stockholm',
      daily_fee_sek: o.fee ?? (o.home ? 1450 : 4800), payee_org_nr: o.payee ?? null,
    });
    return id;
  }

  employment(o: { org: string; pid: string; profession: string; title?: string; from: string; to?: string | null; check?: string | null; children?: boolean; workplace?: string | null }): void {
    this.w.write('employments', {
      org_nr: o.org, person_id: o.pid, title: o.title ?? TITLES[o.profession] ?? 'Medarbetare', profession: o.profession, from: o.from, to: o.to ?? null,
      record_check_on: o.check ?? null, works_with_children: o.children ?? false, workplace: o.workplace ?? null,
    });
  }

  relation(a: string, b: string, kind: string, from?: string | null, to?: string | null): void {
    this.w.write('relations', { a_id: a, b_id: b, kind, from: from ?? null, to: to ?? null });
  }

  legitimation(pid: string, profession: string, granted: string, revoked?: string | null): void {
    this.w.write('legitimations', { person_id: pid, profession, granted_on: granted, revoked_on: revoked ?? null, restricted: false });
  }

  finance(subject: string, kind: string, amount: number | null, occurred: string, resolved?: string | null): void {
    this.w.write('financial_events', { subject_id: subject, kind, amount_sek: amount, occurred_on: occurred, resolved_on: resolved ?? null, source: kind === 'tax_arrears' || kind === 'late_tax_return' ? 'Skatteverket' : 'Kronofogden' });
  }

  sanction(subject: string, kind: string, from: string, to?: string | null, offence?: string | null): void {
    this.w.write('sanctions', { subject_id: subject, kind, from, to: to ?? null, offence: offence ?? null, decision_ref: `B ${1000 + this.rng.int(0, 8999)}-${from.slice(2, 4)}` });
  }

  payment(o: { payer?: string; payee: string; paid: string; amount: number; purpose: string; licence?: string; home?: string }): void {
    this.w.write('payments', { payer: o.payer ?? 'Stockholms stad', payee_org_nr: o.payee, paid_on: o.paid, amount_sek: o.amount, purpose: o.purpose, licence_id: o.licence ?? null, home_id: o.home ?? null });
  }

  /** A company with one licence and one controlling filler officer (a person used nowhere else). */
  licensed(o: { kind: string; status?: string; registered: string; granted: string | null; statusOn?: string; capacity?: number; ageMin?: number; ageMax?: number; trade?: string; unitAddr?: Addr; addr?: Addr; phone?: string | null; email?: string | null; filler?: boolean }): { org: string; licence: string; filler: string | null } {
    const org = this.company({ registered: o.registered, trade: o.trade ?? TRADE[o.kind] ?? 'Omsorg', addr: o.addr, phone: o.phone, email: o.email, sni: SNI[o.kind] });
    const licence = this.licence(org, { kind: o.kind, status: o.status, granted: o.granted, statusOn: o.statusOn, capacity: o.capacity, ageMin: o.ageMin, ageMax: o.ageMax, addr: o.unitAddr });
    let filler: string | null = null;
    if (o.filler !== false) {
      filler = this.person();
      this.role(org, filler, 'board_member', o.registered);
    }
    return { org, licence, filler };
  }

  /** A company without licence, with one filler board member. */
  plain(o: { registered: string; trade?: string; addr?: Addr; street?: string; filler?: boolean }): string {
    const org = this.company({ registered: o.registered, trade: o.trade ?? 'Konsult', addr: o.addr, street: o.street, sni: '70220' });
    if (o.filler !== false) this.role(org, this.person(), 'board_member', o.registered);
    return org;
  }

  /** Monthly payments from..to (inclusive months). */
  monthly(o: { payee: string; from: string; months: number; amount: number; purpose: string; payer?: string; licence?: string; home?: string }): void {
    for (let i = 0; i < o.months; i++) this.payment({ payee: o.payee, paid: addMonths(o.from, i), amount: o.amount, purpose: o.purpose, payer: o.payer, licence: o.licence, home: o.home });
  }
}

const TITLES: Record<string, string> = {
  physician: 'Läkare', nurse: 'Sjuksköterska', dentist: 'Tandläkare', dental_hygienist: 'Tandhygienist', psychologist: 'Psykolog',
  psychotherapist: 'Psykoterapeut', physiotherapist: 'Fysioterapeut', midwife: 'Barnmorska', pharmacist: 'Apotekare', counsellor: 'Kurator',
  care_staff: 'Behandlingsassistent', personal_assistant: 'Personlig assistent', manager: 'Föreståndare', other: 'Medarbetare',
};

const TRADE: Record<string, string> = {
  hvb_children: 'HVB', hvb_adults: 'Behandlingscenter', supported_housing: 'Stödboende', lss_housing_children: 'Barnboende', lss_housing_adults: 'Gruppbostad',
  personal_assistance: 'Assistans', home_care: 'Hemtjänst', relief_service: 'Avlösning', escort_service: 'Ledsagning', short_stay: 'Korttidshem',
  consultant_support: 'Familjevård', care_provider: 'Vårdcentral', aesthetic_clinic: 'Estetik', dental_care: 'Tandvård', other: 'Omsorg',
};

const SNI: Record<string, string> = {
  hvb_children: '87901', hvb_adults: '87203', supported_housing: '87901', lss_housing_children: '87301', lss_housing_adults: '87302',
  personal_assistance: '88101', home_care: '88101', relief_service: '88102', escort_service: '88102', short_stay: '87301',
  consultant_support: '88991', care_provider: '86211', aesthetic_clinic: '86901', dental_care: '86230', other: '88999',
};


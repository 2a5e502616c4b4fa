import { OrgNrs, PersonIds, type LegalForm } from '../ids';
import { affinePermutation, Rng } from '../prng';
import type { ScaleParams } from '../scales';
import { FIRST_NAMES_F, FIRST_NAMES_M, POSTAL_CODES, STREETS, SURNAMES } from '../swedish';

export type Segment = 'ef_owner' | 'employee' | 'foster_parent' | 'exclusive' | 'hub' | 'plain' | 'officer';

export interface BgAddr {
  street: string;
  postal: string;
  city: string;
  municipality: string;
}

const ENTRANCES = ['', ' A', ' B'];
const NUMBERS = 120;

/**
 * The background's index spaces, all pure functions of (seed, index): which segment a person
 * belongs to, every id, name and address. Generators on different files can then refer to the
 * same person or company without keeping the population in memory.
 *
 * Persons are split into segments so that the background cannot fire any signal: officers never
 * carry sanctions or debts (only `plain` persons do, and they hold no roles or jobs); officers of
 * companies with a revoked licence come from `exclusive` and are used once; employees have one
 * job each; foster parents hold no roles.
 */
export class Layout {
  readonly licensedCount: number;
  readonly seg: Record<Segment, { start: number; size: number }>;
  private readonly personIds: PersonIds;
  private readonly orgNrs: OrgNrs;
  private readonly addrPerm: (i: number) => number;
  private readonly addrSpace: number;
  /** Address index ranges: companies, licence units, foster homes, persons, earlier residences. */
  readonly addrBase: { company: number; unit: number; home: number; person: number; previous: number };

  constructor(readonly seed: number, readonly p: ScaleParams) {
    this.licensedCount = Math.ceil(p.companies / p.licensedStride);
    const sizes: [Segment, number][] = [
      ['ef_owner', Math.ceil(p.companies / 8)],
      ['employee', this.licensedCount * p.employeesPerLicensed],
      ['foster_parent', p.fosterHomes * 2],
      ['exclusive', Math.ceil(this.licensedCount * 0.05 * 6) + 20],
      ['hub', Math.max(5, Math.round(p.persons * 0.001))],
      ['plain', Math.round(p.persons * p.plainShare)],
    ];
    let start = 0;
    this.seg = {} as Layout['seg'];
    // Even sizes keep household pairs (2k, 2k+1) inside one segment.
    for (const [name, size] of sizes) {
      const even = size + (size % 2);
      this.seg[name] = { start, size: even };
      start += even;
    }
    if (start >= p.persons * 0.85) throw new Error('demo-data: för få personer för skalan');
    this.seg.officer = { start, size: p.persons - start };
    this.personIds = new PersonIds(seed);
    this.orgNrs = new OrgNrs(seed);
    this.addrBase = { company: 0, unit: p.companies, home: p.companies + this.licensedCount, person: p.companies + this.licensedCount + p.fosterHomes, previous: p.companies + this.licensedCount + p.fosterHomes + p.persons };
    this.addrSpace = POSTAL_CODES.length * STREETS.length * NUMBERS * ENTRANCES.length;
    if (this.addrBase.previous + p.persons > this.addrSpace) throw new Error('demo-data: adressrymden räcker inte');
    this.addrPerm = affinePermutation(this.addrSpace, seed ^ 0x5eed);
  }

  /** Person j's id: personnummer, samordningsnummer (1 %) or, for a few officers, an ext: id. */
  personId(j: number): string {
    const r = Rng.keyed(this.seed, 'pid', j);
    const x = r.next();
    if (x < 0.003 && this.isIn('officer', j)) return `ext:${r.pick(['NO', 'DK', 'FI', 'DE', 'PL', 'EE'])}-${this.personIds.birthDate(j).slice(2).replace(/-/g, '')}-${j}`;
    return this.personIds.id(j, x > 0.99 && !this.isIn('ef_owner', j));
  }

  birthDate(j: number): string {
    return this.personIds.birthDate(j);
  }

  isIn(segment: Segment, j: number): boolean {
    const s = this.seg[segment];
    return j >= s.start && j < s.start + s.size;
  }

  personName(j: number): string {
    const r = Rng.keyed(this.seed, 'name', j);
    const pid = this.personIds.id(j, false);
    const female = Number(pid.charAt(10)) % 2 === 0;
    return `${r.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M)} ${r.pick(SURNAMES)}`;
  }

  /** Home address index of person j: a household pair (even j with j+1) shares one; foster parents live at their home. */
  personAddressIndex(j: number): number {
    if (this.isIn('foster_parent', j)) return this.addrBase.home + Math.floor((j - this.seg.foster_parent.start) / 2);
    const even = j - (j % 2);
    if (j % 2 === 1 && this.isHousehold(even)) return this.addrBase.person + even;
    return this.addrBase.person + j;
  }

  isHousehold(evenJ: number): boolean {
    return this.isIn('foster_parent', evenJ) || Rng.keyed(this.seed, 'household', evenJ).chance(0.35);
  }

  address(index: number): BgAddr {
    let x = this.addrPerm(index);
    const pc = POSTAL_CODES[x % POSTAL_CODES.length]!;
    x = Math.floor(x / POSTAL_CODES.length);
    const street = STREETS[x % STREETS.length]!;
    x = Math.floor(x / STREETS.length);
    const number = (x % NUMBERS) + 1;
    const entrance = ENTRANCES[Math.floor(x / NUMBERS)]!;
    return { street: `${street} ${number}${entrance}`, postal: pc.code, city: pc.city, municipality: pc.municipality };
  }

  // Companies: every licensedStride-th is licensed (even indexes), i % 8 == 3 a sole trader (odd),
  // i % 64 == 5 a holding company, i % 512 == 13 an audit firm.
  isLicensed(i: number): boolean {
    return i % this.p.licensedStride === 0;
  }
  isSoleTrader(i: number): boolean {
    return i % 8 === 3;
  }
  isHolding(i: number): boolean {
    return i % 64 === 5;
  }
  isAuditFirm(i: number): boolean {
    return i % 512 === 13;
  }

  legalForm(i: number): LegalForm {
    if (this.isSoleTrader(i)) return 'EF';
    if (this.isHolding(i) || this.isAuditFirm(i)) return 'AB';
    const r = Rng.keyed(this.seed, 'form', i);
    if (this.isLicensed(i)) return r.weighted([['AB', 90], ['IDEELL', 5], ['EK', 5]] as const);
    return r.weighted([['AB', 85], ['HB', 6], ['KB', 2], ['EK', 1.5], ['IDEELL', 4.5], ['STI', 1]] as const);
  }

  /** The sole trader's owner (a dedicated person). */
  soleTraderOwner(i: number): number {
    return this.seg.ef_owner.start + Math.floor(i / 8);
  }

  orgNr(i: number): string {
    const form = this.legalForm(i);
    if (form === 'EF') return this.personIds.id(this.soleTraderOwner(i), false).slice(2);
    return this.orgNrs.id(i, form);
  }

  randomHolding(r: Rng): number {
    return 64 * r.int(0, Math.floor((this.p.companies - 6) / 64)) + 5;
  }

  randomAuditFirm(r: Rng): number | null {
    const max = Math.floor((this.p.companies - 14) / 512);
    return max < 0 ? null : 512 * r.int(0, max) + 13;
  }

  randomOfficer(r: Rng): number {
    const s = r.chance(0.02) ? this.seg.hub : this.seg.officer;
    return s.start + r.int(0, s.size - 1);
  }

  randomPlain(r: Rng): number {
    return this.seg.plain.start + r.int(0, this.seg.plain.size - 1);
  }
}


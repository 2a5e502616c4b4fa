import { luhnCheckDigit } from '../ids/luhn';
import { addDays, toDays } from '../model/dates';
import { affinePermutation, hash32 } from './prng';

/** 10 digits: payload (9 digits) + Luhn check digit. */
export function withCheckDigit(payload9: string): string {
  return payload9 + String(luhnCheckDigit(payload9));
}

/** A personnummer (12 digits) for a birth date and a 3-digit birth number; day + 60 for samordningsnummer. */
export function personnummer(birthDate: string, serial: number, coordination = false): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  const day = Number(d) + (coordination ? 60 : 0);
  const ten = withCheckDigit(y.slice(2) + m + String(day).padStart(2, '0') + String(serial).padStart(3, '0'));
  return y.slice(0, 2) + ten;
}

/** Flips the check digit: a number that fails Luhn, for rows the importer must quarantine. */
export function breakCheckDigit(id: string): string {
  const last = Number(id.slice(-1));
  return id.slice(0, -1) + String((last + 1 + (last % 3)) % 10);
}

/**
 * Background personnummer by person index: birth day and birth number come from a bijection of
 * the index, so every index has its own id without remembering the ids used. Birth numbers
 * 100–999 belong to the background; planted persons use 010–099.
 */
export class PersonIds {
  private readonly first = toDays('1940-01-01');
  private readonly days = toDays('2004-12-31') - this.first + 1;
  private readonly dayPerm: (i: number) => number;

  constructor(private readonly seed: number) {
    this.dayPerm = affinePermutation(this.days, seed);
  }

  birthDate(index: number): string {
    return addDays('1940-01-01', this.dayPerm(index % this.days));
  }

  id(index: number, coordination: boolean): string {
    const round = Math.floor(index / this.days);
    const day = this.dayPerm(index % this.days);
    // For a fixed birth day, round → (round·37 + offset(day)) mod 900 is one-to-one.
    return personnummer(this.birthDate(index), 100 + ((round * 37 + hash32(this.seed, day)) % 900), coordination);
  }
}

export type LegalForm = 'AB' | 'HB' | 'KB' | 'EK' | 'IDEELL' | 'STI' | 'EF';

/**
 * Background org_nr by company index: a 3-digit prefix by legal form and block of a million,
 * then a permuted 6-digit number. Prefixes differ between blocks, so ids never collide. Planted
 * companies use prefix 559 (AB) and 968 (HB), which the background never uses.
 */
const PREFIXES: Record<Exclude<LegalForm, 'EF'>, readonly string[]> = {
  AB: ['556', '558', '557'],
  HB: ['916', '969', '967'],
  KB: ['916', '969', '967'],
  EK: ['769', '716', '714'],
  IDEELL: ['802', '817', '815'],
  STI: ['802', '817', '815'],
};

export class OrgNrs {
  private readonly perm: (i: number) => number;

  constructor(seed: number) {
    this.perm = affinePermutation(1_000_000, seed);
  }

  id(index: number, form: Exclude<LegalForm, 'EF'>): string {
    const block = Math.floor(index / 1_000_000);
    const prefix = PREFIXES[form][block];
    if (!prefix) throw new Error(`demo-data: for många företag (${index})`);
    return withCheckDigit(prefix + String(this.perm(index % 1_000_000)).padStart(6, '0'));
  }
}

/** Id formats the contract accepts besides the normalised one (used for dirty files). */
export const variants = {
  orgDashed: (org: string): string => `${org.slice(0, 6)}-${org.slice(6)}`,
  org12: (org: string): string => `16${org}`,
  /** 10-digit personnummer with `-` (under 100) or `+` (100 or older at `year`). */
  person10: (pid: string, year: number): string => `${pid.slice(2, 8)}${year - Number(pid.slice(0, 4)) >= 100 ? '+' : '-'}${pid.slice(8)}`,
  personDashed12: (pid: string): string => `${pid.slice(0, 8)}-${pid.slice(8)}`,
};

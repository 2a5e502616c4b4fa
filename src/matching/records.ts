import { birthDateOf } from '../ids/personnummer';
import type { MatchKind, RecordRow } from '../store/matches';
import { isSwedishId } from './ids';
import { companyTokens, personTokens, skeleton } from './names';

/** A person or company reduced to the features entity resolution compares. */
export interface MatchRecord {
  id: string;
  kind: MatchKind;
  name: string;
  tokens: string[];
  /** Persons: the birth date column, else the one a personnummer encodes. */
  birthDate: string | null;
  /** Nationality / country from an extra column (FtM `nationality`, a CSV `country` ...), upper case. */
  country: string | null;
  addressKey: string | null;
  /** `file:line` of the stored row. */
  source: string;
  swedish: boolean;
}

/** Extra-column names read as the record's country (case-insensitive). */
const COUNTRY_FIELDS = ['nationality', 'citizenship', 'country', 'nationalitet', 'medborgarskap', 'land'];

function countryOf(extra: string | null): string | null {
  if (!extra || !/national|citizen|country|medborgar|land/i.test(extra)) return null;
  try {
    const obj = JSON.parse(extra) as Record<string, unknown>;
    for (const [k, v] of Object.entries(obj)) {
      if (COUNTRY_FIELDS.includes(k.trim().toLowerCase()) && typeof v === 'string' && v.trim()) return v.trim().split('|')[0]!.trim().toUpperCase();
    }
  } catch {
    // extra is written by the importer as JSON; anything else carries no country
  }
  return null;
}

export function toRecord(kind: MatchKind, r: RecordRow): MatchRecord {
  const [id, name, birth, addressKey, extra, file, line] = r;
  const swedish = isSwedishId(id);
  return {
    id,
    kind,
    name: name ?? '',
    tokens: kind === 'person' ? personTokens(name) : companyTokens(name),
    birthDate: kind === 'person' ? (birth ?? (swedish ? birthDateOf(id) ?? null : null)) : null,
    country: countryOf(extra),
    addressKey,
    source: `${file}:${line}`,
    swedish,
  };
}

/**
 * Blocking keys: two records are compared only when they share one. Persons: (initial of one
 * token, spelling key of another) for every ordered pair of tokens — order-free, and a typo in
 * one token still leaves the pair the other way round — plus (birth date, initial) for each
 * token (indexed by birth date in candidates.ts), which catches names that differ in every token
 * but share a birth date. A
 * one-token name gets its spelling key alone. Companies: the spelling keys of each pair of name
 * tokens. With `singles`, every token's spelling key too (to meet one-token names).
 */
export function nameKeys(kind: MatchKind, tokens: readonly string[], singles = false): string[] {
  const sk = tokens.map(skeleton);
  const keys = new Set<string>();
  if (kind === 'company') {
    if (sk.length === 1) keys.add(`c1|${sk[0]}`);
    for (let i = 0; i < sk.length; i++) for (let j = i + 1; j < sk.length; j++) keys.add(`c|${[sk[i], sk[j]].sort().join('|')}`);
    if (singles) for (const s of sk) keys.add(`c1|${s}`);
    return [...keys];
  }
  if (sk.length === 1) keys.add(`s|${sk[0]}`);
  for (let i = 0; i < sk.length; i++) for (let j = 0; j < sk.length; j++) if (i !== j && sk[j]!.length > 1) keys.add(`p|${sk[i]![0]}|${sk[j]}`);
  if (singles) for (const s of sk) if (s.length > 1) keys.add(`s|${s}`);
  return [...keys];
}


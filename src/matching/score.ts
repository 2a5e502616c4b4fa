import { FORMAL_ROLES } from '../model/enums';
import { nameSimilarity } from './names';
import type { MatchRecord } from './records';

/**
 * The score of a candidate pair: additive, so each part can be shown with what it adds
 * ("samma födelsedatum, namn 0,93, gemensam styrelse"). The weights are deliberately few and
 * round; the evaluation (`npm run eval`) measures precision and recall of the resulting list.
 */
export const MATCH_WEIGHTS = {
  /** The name similarity (0..1) times this is the base of every score. */
  name: 0.55,
  sameBirthDate: 0.35,
  /**
   * One slip apart (a digit, a transposition, day and month swapped): does not speak against, but
   * is no evidence either — in a national register an exact namesake one digit off is common.
   */
  nearBirthDate: 0,
  /** Both dates known and years apart: almost surely two people (father and son). */
  otherBirthDate: -0.5,
  sameCountry: 0.05,
  otherCountry: -0.2,
  sameAddress: 0.15,
  sharedCompany: 0.25,
  sharedCompanies: 0.3,
} as const;

/** Candidates below this name similarity are not scored at all. */
export const MIN_NAME_SIMILARITY = 0.8;
export { DEFAULT_MIN_SCORE } from './constants';

export type PartCode = 'name' | 'birth_date' | 'country' | 'address' | 'shared';

export interface ScorePart {
  code: PartCode;
  /** Swedish, for the explanation. */
  text: string;
  /** What the part adds to the score (negative: speaks against). */
  weight: number;
}

export interface PairScore {
  score: number;
  parts: ScorePart[];
}

/** Links of a record to others: persons → companies (with role), companies → officers. */
export type Links = ReadonlyMap<string, readonly { other: string; role: string }[]>;

const sv = (n: number): string => n.toFixed(2).replace('.', ',');
const round = (n: number): number => Math.round(n * 1000) / 1000;

/** What all optional parts (country, address, shared companies) could add at most. */
const OPTIONAL_MAX = MATCH_WEIGHTS.sameCountry + MATCH_WEIGHTS.sameAddress + MATCH_WEIGHTS.sharedCompanies;

/**
 * Whether a pair could still reach `minScore` given its name similarity and birth dates: the cheap
 * test that keeps national-scale blocks (thousands of namesakes) from being scored in full.
 */
export function canReach(nameSimilarity: number, birthA: string | null, birthB: string | null, minScore: number): boolean {
  // Hot path (every blocked pair): years apart need no parsing.
  const dob = !birthA || !birthB ? 0 : birthA === birthB ? MATCH_WEIGHTS.sameBirthDate : birthA.slice(0, 4) !== birthB.slice(0, 4) ? MATCH_WEIGHTS.otherBirthDate : birthDatePart(birthA, birthB).weight;
  return nameSimilarity * MATCH_WEIGHTS.name + dob + OPTIONAL_MAX >= minScore;
}

function birthDatePart(a: string | null, b: string | null): ScorePart {
  if (!a || !b) return { code: 'birth_date', text: 'födelsedatum saknas', weight: 0 };
  if (a === b) return { code: 'birth_date', text: 'samma födelsedatum', weight: MATCH_WEIGHTS.sameBirthDate };
  if (a.slice(0, 4) === b.slice(0, 4) && isTypo(a, b)) return { code: 'birth_date', text: `nästan samma födelsedatum (${a} / ${b})`, weight: MATCH_WEIGHTS.nearBirthDate };
  return { code: 'birth_date', text: `olika födelsedatum (${a} / ${b})`, weight: MATCH_WEIGHTS.otherBirthDate };
}

/** Dates one slip apart: one digit mistyped, two adjacent digits transposed, or day and month swapped. */
function isTypo(a: string, b: string): boolean {
  const x = a.replace(/-/g, '');
  const y = b.replace(/-/g, '');
  if (x.slice(4, 6) === y.slice(6, 8) && x.slice(6, 8) === y.slice(4, 6)) return true;
  const diff: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff.push(i);
  if (diff.length === 1) return true;
  return diff.length === 2 && diff[1] === diff[0]! + 1 && x[diff[0]!] === y[diff[1]!] && x[diff[1]!] === y[diff[0]!];
}

function sharedPart(a: MatchRecord, b: MatchRecord, links: Links, names: ReadonlyMap<string, string>): ScorePart | null {
  const la = links.get(a.id) ?? [];
  const lb = links.get(b.id) ?? [];
  if (la.length === 0 || lb.length === 0) return null;
  const byOther = new Map<string, string[]>();
  for (const l of lb) byOther.set(l.other, [...(byOther.get(l.other) ?? []), l.role]);
  const shared = new Map<string, boolean>();
  for (const l of la) {
    const rolesB = byOther.get(l.other);
    if (!rolesB || l.other === a.id || l.other === b.id) continue;
    const formal = FORMAL_ROLES.has(l.role) && rolesB.some((r) => FORMAL_ROLES.has(r));
    shared.set(l.other, (shared.get(l.other) ?? false) || formal);
  }
  if (shared.size === 0) return null;
  const labels = [...shared.keys()].slice(0, 2).map((id) => names.get(id) ?? id);
  const more = shared.size > 2 ? ` m.fl., ${shared.size} st` : '';
  const weight = shared.size > 1 ? MATCH_WEIGHTS.sharedCompanies : MATCH_WEIGHTS.sharedCompany;
  if (a.kind === 'company') return { code: 'shared', text: `gemensamma företrädare (${labels.join(', ')}${more})`, weight };
  const board = [...shared.values()].some(Boolean);
  return { code: 'shared', text: `${board ? 'gemensam styrelse' : shared.size > 1 ? 'gemensamma bolag' : 'gemensamt bolag'} (${labels.join(', ')}${more})`, weight };
}

/** Name similarity alone (the cheap first filter). */
export function nameScore(a: MatchRecord, b: MatchRecord): ReturnType<typeof nameSimilarity> {
  return nameSimilarity(a.tokens, b.tokens, { a: a.name, b: b.name });
}

/**
 * Scores a pair. `links` maps ids to their companies (persons) or officers (companies), already
 * canonicalised; `names` labels the shared ones.
 */
export function scorePair(a: MatchRecord, b: MatchRecord, links: Links, names: ReadonlyMap<string, string>, name = nameScore(a, b)): PairScore {
  const notes = [name.reordered ? 'omvänd ordning' : null, name.initial ? 'initial' : null, name.variant ? 'stavningsvariant' : null].filter(Boolean);
  const parts: ScorePart[] = [{ code: 'name', text: `namn ${sv(name.score)}${notes.length ? ` (${notes.join(', ')})` : ''}`, weight: round(name.score * MATCH_WEIGHTS.name) }];
  if (a.kind === 'person') parts.push(birthDatePart(a.birthDate, b.birthDate));
  if (a.country && b.country) {
    parts.push(a.country === b.country
      ? { code: 'country', text: `samma land (${a.country})`, weight: MATCH_WEIGHTS.sameCountry }
      : { code: 'country', text: `olika land (${a.country} / ${b.country})`, weight: MATCH_WEIGHTS.otherCountry });
  }
  if (a.addressKey && a.addressKey === b.addressKey) parts.push({ code: 'address', text: 'samma adress', weight: MATCH_WEIGHTS.sameAddress });
  const shared = sharedPart(a, b, links, names);
  if (shared) parts.push(shared);
  const score = Math.max(0, Math.min(1, parts.reduce((s, p) => s + p.weight, 0)));
  // The strongest evidence first, what speaks against last; the name always leads.
  const [first, ...rest] = parts;
  rest.sort((x, y) => y.weight - x.weight);
  return { score: round(score), parts: [first!, ...rest] };
}

/** "namn 0,93, samma födelsedatum, gemensam styrelse (…)" */
export function explain(parts: readonly ScorePart[]): string {
  return parts.map((p) => p.text).join(', ');
}

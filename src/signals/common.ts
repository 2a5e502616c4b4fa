import type { Facts, LicenceFact, RoleFact } from '../analysis/facts';
import { isControllingRole, REVOKED_STATUSES } from '../model/index';
import { FINANCIAL_KIND_SV, LICENCE_KIND_SV, LICENCE_STATUS_SV, OFFENCE_SV, ROLE_SV, SANCTION_KIND_SV } from '../model/labels-sv';
import type { Evidence, Provenance } from './types';

/**
 * Shared, pure helpers for signals: dates, periods and the contract's as-of semantics
 * ("facts dated after the as-of date do not exist for the analysis").
 */

const MIN = '0000-01-01';
const MAX = '9999-12-31';

/** ISO date plus n months (n may be negative); the day is clamped to the month's end. */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addYears(date: string, n: number): string {
  return addMonths(date, 12 * n);
}

export function addDays(date: string, n: number): string {
  const t = Date.parse(date + 'T00:00:00Z') + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** True when [aFrom, aTo] and [bFrom, bTo] share at least one day; null bounds are open. */
export function overlaps(aFrom: string | null, aTo: string | null, bFrom: string | null, bTo: string | null): boolean {
  return (aFrom ?? MIN) <= (bTo ?? MAX) && (bFrom ?? MIN) <= (aTo ?? MAX);
}

/** A dated fact exists at `asOf` when its date is unknown or not after the as-of date. */
export function existsAsOf(date: string | null | undefined, asOf: string): boolean {
  return date == null || date <= asOf;
}

/**
 * A period as seen at `asOf`: a start after as-of means the period does not exist (null);
 * an end after as-of has not happened yet, so the period is still open.
 */
export function periodAsOf(from: string | null, to: string | null, asOf: string): { from: string | null; to: string | null } | null {
  if (from != null && from > asOf) return null;
  return { from, to: to != null && to > asOf ? null : to };
}

/** True when a period (as seen at as-of) covers the as-of date itself. */
export function activeAt(from: string | null, to: string | null, asOf: string): boolean {
  const p = periodAsOf(from, to, asOf);
  return p != null && (p.to == null || p.to >= asOf);
}

/** A role as it stood at as-of, or null when it began later. */
export function roleAsOf(role: RoleFact, asOf: string): RoleFact | null {
  const p = periodAsOf(role.from_date, role.to_date, asOf);
  return p ? { ...role, from_date: p.from, to_date: p.to } : null;
}

export function isControlling(role: RoleFact): boolean {
  return isControllingRole(role.role, role.share_pct);
}

/** The date a licence's revocation took effect, when it is revoked as of the as-of date. */
export function revocationDate(l: LicenceFact, asOf: string): string | null {
  if (!REVOKED_STATUSES.has(l.status) || l.status_on == null || l.status_on > asOf) return null;
  return l.status_on;
}

/**
 * The licence's status at `asOf`. The stored status took effect on `status_on`; before that a
 * licence with `granted_on` ≤ as-of was granted, and one without was (at most) applied for.
 * Returns 'none' when nothing about the licence exists yet at as-of.
 */
export function licenceStatusAsOf(l: LicenceFact, asOf: string): string {
  if (l.status_on == null || l.status_on <= asOf) {
    if (l.status === 'granted' && l.granted_on != null && l.granted_on > asOf) return 'none';
    return l.status;
  }
  // The stored status lies in the future. A later revocation, ban or expiry implies the licence
  // was granted before it (even when granted_on is missing); when an application was made is
  // not recorded.
  if (l.granted_on != null) return l.granted_on <= asOf ? 'granted' : 'none';
  return REVOKED_STATUSES.has(l.status) || l.status === 'expired' ? 'granted' : 'none';
}

export function isGrantedAsOf(l: LicenceFact, asOf: string): boolean {
  return licenceStatusAsOf(l, asOf) === 'granted';
}

/** Whole months from a to b (b ≥ a gives ≥ 0), counted on calendar months and days. */
export function monthsBetween(a: string, b: string): number {
  const [ay, am, ad] = a.split('-').map(Number) as [number, number, number];
  const [by, bm, bd] = b.split('-').map(Number) as [number, number, number];
  return (by - ay) * 12 + (bm - am) - (bd < ad ? 1 : 0);
}

export function sourceOf(prov: Provenance): string {
  return `${prov.file}:${prov.line}`;
}

export function evidence(text: string, fact: { prov: Provenance; key: string; implicit?: 'companies' | 'licences' }, table: Evidence['fact'] extends infer F ? F extends { table: infer T } ? T : never : never): Evidence {
  // A sole trader's implicit owner role points at the row it is derived from.
  return { text, source: sourceOf(fact.prov), fact: { table: fact.implicit ?? table, key: fact.key } };
}

/** Swedish display of a period. */
export function periodText(from: string | null, to: string | null): string {
  return `${from ?? 'okänt datum'}–${to ?? ''}`.replace(/–$/, '– (pågår)');
}

export function clampSeverity(n: number): 1 | 2 | 3 | 4 | 5 {
  return Math.max(1, Math.min(5, Math.round(n))) as 1 | 2 | 3 | 4 | 5;
}

/** Swedish names of contract enums, for evidence texts (the tables live in src/model/labels-sv.ts). */
export { FINANCIAL_KIND_SV, LICENCE_KIND_SV, LICENCE_STATUS_SV, OFFENCE_SV, ROLE_SV, SANCTION_KIND_SV };

const sv = (map: Readonly<Record<string, string>>, v: string | null | undefined): string => (v == null ? 'okänt' : map[v] ?? v);
export const roleSv = (r: string): string => sv(ROLE_SV, r);
export const kindSv = (k: string): string => sv(LICENCE_KIND_SV, k);
export const statusSv = (s: string): string => sv(LICENCE_STATUS_SV, s);
export const financialKindSv = (k: string): string => sv(FINANCIAL_KIND_SV, k);
export const sanctionKindSv = (k: string): string => sv(SANCTION_KIND_SV, k);
export const offenceSv = (o: string | null): string => sv(OFFENCE_SV, o);

/** "Namn AB (5566778899)", or just the id when the company is not in the store. */
export function companyLabel(facts: Facts, orgNr: string): string {
  const name = facts.companies.get(orgNr)?.name;
  return name ? `${name} (${orgNr})` : `företaget ${orgNr}`;
}

/** A role holder (person or company) for evidence texts. */
export function holderLabel(facts: Facts, id: string, kind?: string): string {
  if (kind === 'company' || (kind == null && facts.companies.has(id))) return companyLabel(facts, id);
  const name = facts.persons.get(id)?.name;
  return name ? `${name} (${id})` : `personen ${id}`;
}

export function subjectLabel(facts: Facts, id: string): string {
  return holderLabel(facts, id);
}

/** Swedish amount, e.g. `52 000 kr`. */
export function sek(n: number | null | undefined): string {
  if (n == null) return 'okänt belopp';
  return `${Math.round(n).toLocaleString('sv-SE').replace(/\u00a0/g, ' ')} kr`;
}

/** A role fact as evidence text: "X var VD i Y 2019-01-01–2023-06-30". */
export function roleText(facts: Facts, r: RoleFact): string {
  const share = r.share_pct != null ? ` (${r.share_pct} %)` : r.role === 'owner' ? ' (andel okänd)' : '';
  const sole = r.implicit ? ' (enskild firma: organisationsnumret är ägarens personnummer)' : '';
  return `${holderLabel(facts, r.holder_id, r.holder_kind)} ${roleSv(r.role)}${share} i ${companyLabel(facts, r.org_nr)}${sole} under ${periodText(r.from_date, r.to_date)}`;
}

export function licenceText(facts: Facts, l: LicenceFact): string {
  const unit = l.unit_name ? ` «${l.unit_name}»` : '';
  return `Tillstånd ${l.licence_id}${unit} (${kindSv(l.kind)}) för ${companyLabel(facts, l.org_nr)}`;
}

/** Role rows that exist at as-of (started on or before it), with future end dates opened. */
export function rolesAsOf(roles: readonly RoleFact[] | undefined, asOf: string): RoleFact[] {
  const out: RoleFact[] = [];
  for (const r of roles ?? []) {
    const a = roleAsOf(r, asOf);
    if (a) out.push(a);
  }
  return out;
}

/** Controlling roles that exist at as-of. */
export function controllingRolesAsOf(roles: readonly RoleFact[] | undefined, asOf: string): RoleFact[] {
  return rolesAsOf(roles, asOf).filter(isControlling);
}

/** A role (as seen at as-of) that covers the as-of date itself. */
export function roleActiveAt(r: RoleFact, asOf: string): boolean {
  return activeAt(r.from_date, r.to_date, asOf);
}

/** Licence holder (contract §4): a company with a licence whose status is `granted` at as-of. */
export function isLicenceHolder(facts: Facts, orgNr: string, asOf: string): boolean {
  return (facts.licencesByOrg.get(orgNr) ?? []).some((l) => isGrantedAsOf(l, asOf));
}

export function grantedLicences(facts: Facts, orgNr: string, asOf: string): LicenceFact[] {
  return (facts.licencesByOrg.get(orgNr) ?? []).filter((l) => isGrantedAsOf(l, asOf));
}

export function uniqueSorted(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}

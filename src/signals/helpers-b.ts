import type { Facts, LicenceFact } from '../analysis/facts';
import { REVOKED_STATUSES } from '../model/index';
import { PROFESSION_SV } from '../model/labels-sv';
import { addDays, LICENCE_KIND_SV, periodAsOf } from './common';

/**
 * Helpers for the placement, staff and licence-coverage signals. Every period here is a closed
 * interval of ISO days `[from, to]` (both days included, as in the contract's from/to); a null
 * bound is open (unknown start / still running).
 */

export interface Span {
  from: string | null;
  to: string | null;
}

const MIN = '0000-01-01';
const MAX = '9999-12-31';

/**
 * The part of a period the analysis may look at: nothing after as-of exists, so a period that
 * starts later is dropped and a later (or open) end is cut at the as-of date.
 */
export function observedSpan(from: string | null, to: string | null, asOf: string): { from: string | null; to: string } | null {
  const p = periodAsOf(from, to, asOf);
  if (!p) return null;
  return { from: p.from, to: p.to ?? asOf };
}

/**
 * A placement's occupancy period for counting children placed at once, as known at as-of: nothing
 * starting after as-of exists, and an end after as-of is still open. Unlike the closed periods
 * above, `to` is exclusive here (see peakConcurrency).
 */
export function occupancySpan(from: string, to: string | null, asOf: string): Span | null {
  if (from > asOf) return null;
  return { from, to: to != null && to <= asOf ? to : null };
}

/** Whether an occupancy period holds `day`: from ≤ day < to, and a one-day period (from = to) holds its day. */
export function occupies(s: Span, day: string): boolean {
  if ((s.from ?? MIN) > day) return false;
  return s.to == null || day < s.to || (s.from === s.to && day === s.to);
}

/**
 * The maximum number of distinct members present on one day, with the first such day and who
 * was present. Members are grouped by `member` (e.g. a child counted once even with two
 * overlapping placement rows). Spans are occupancy periods (see occupies): a placement ending on
 * the day another starts is a handover, not two children at once.
 */
export function peakConcurrency<T>(items: readonly { span: Span; member: string; item: T }[]): { count: number; day: string; present: T[] } | null {
  if (items.length === 0) return null;
  // Candidate days: the count only rises on a start day, so the peak is on some start day.
  const starts = [...new Set(items.map((i) => i.span.from ?? MIN))].sort();
  let best: { count: number; day: string; present: T[] } | null = null;
  for (const day of starts) {
    const present = new Map<string, T>();
    for (const i of items) {
      if (occupies(i.span, day) && !present.has(i.member)) present.set(i.member, i.item);
    }
    if (!best || present.size > best.count) best = { count: present.size, day, present: [...present.values()] };
  }
  return best;
}

/**
 * The first day of `[from, to]` not covered by any of `covers`, or null when fully covered.
 * A null `from` means the period's start is unknown; it is then judged from the first cover.
 */
export function firstUncoveredDay(from: string | null, to: string, covers: readonly Span[]): string | null {
  // Fast path (the common case at national scale): one cover holds the whole period.
  if (from != null) for (const c of covers) if ((c.from ?? MIN) <= from && (c.to == null || c.to >= to)) return null;
  const sorted = [...covers].sort((a, b) => (a.from ?? MIN).localeCompare(b.from ?? MIN));
  let cursor = from ?? sorted[0]?.from ?? MIN;
  if (cursor === MIN && sorted.length === 0) return null; // nothing to judge against an unknown start
  for (const c of sorted) {
    if (cursor > to) return null;
    if ((c.from ?? MIN) > cursor) return cursor;
    if (c.to == null) return null;
    if (c.to >= cursor) cursor = addDays(c.to, 1);
  }
  return cursor <= to ? cursor : null;
}

/** True when the two closed periods share a day. */
export function spansOverlap(a: Span, b: Span): boolean {
  return (a.from ?? MIN) <= (b.to ?? MAX) && (b.from ?? MIN) <= (a.to ?? MAX);
}

export function spanContains(s: Span, day: string): boolean {
  return (s.from ?? MIN) <= day && day <= (s.to ?? MAX);
}

/**
 * The days a licence was granted, as known at as-of, or null when it never was. Consistent with
 * licenceStatusAsOf (common.ts) at the as-of day itself.
 * - Start: `granted_on`; when it is empty, a `granted` licence is granted from its `status_on`
 *   (the status decision is the grant), and a revoked / banned / expired one from an unknown
 *   start (its end implies it was granted before). Unknown = since before anything we compare
 *   with. A grant after as-of does not exist yet.
 * - End: a revocation / ban / expiry / withdrawal takes effect on `status_on`; the licence is
 *   counted as still held on that day itself (lenient: a placement ending or a payment made on
 *   the day of the decision is not flagged). A status change after as-of has not happened yet.
 * - `applied` / `rejected` without a `granted_on` were never granted.
 */
export function grantedSpan(l: LicenceFact, asOf: string): Span | null {
  const endedStatus = REVOKED_STATUSES.has(l.status) || l.status === 'expired';
  let from = l.granted_on;
  if (from == null && l.status === 'granted') from = l.status_on;
  if (from != null && from > asOf) return null;
  const changed = l.status_on == null || l.status_on <= asOf;
  if (l.status === 'granted') return { from, to: null };
  if (!changed) {
    // The ending decision lies after as-of: still held at as-of, from granted_on or, for an
    // ended licence without one, from an unknown start.
    if (from == null && !endedStatus) return null; // applied etc., nothing granted yet
    return { from, to: null };
  }
  // Without granted_on, a withdrawn licence is a withdrawn application: nothing was ever held.
  if (l.status === 'applied' || l.status === 'rejected' || l.status === 'withdrawn') return from != null ? { from, to: l.status_on } : null;
  // revoked, banned, temporarily_banned, expired (and a withdrawn grant): held until the decision day.
  return { from, to: l.status_on };
}

/** "Namn AB (5566778899)", or the bare id when the company is not in the store. */
export function companyName(facts: Facts, orgNr: string): string {
  const name = facts.companies.get(orgNr)?.name;
  return name ? `${name} (${orgNr})` : `företaget ${orgNr}`;
}

export function personName(facts: Facts, personId: string): string {
  const name = facts.persons.get(personId)?.name;
  return name ? `${name} (${personId})` : `personen ${personId}`;
}

export function spanText(s: Span): string {
  return `${s.from ?? 'okänt datum'}–${s.to ?? '(pågår)'}`;
}

export { PROFESSION_SV };
const professionLabels: Readonly<Record<string, string>> = PROFESSION_SV;
export const professionSv = (p: string | null): string => (p == null ? 'okänt yrke' : professionLabels[p] ?? p);

const kindLabels: Readonly<Record<string, string>> = LICENCE_KIND_SV;
export const kindText = (k: string): string => kindLabels[k] ?? k;

export const OFFENCE_TEXT: Record<string, string> = {
  violence: 'våldsbrott', sexual: 'sexualbrott', narcotics: 'narkotikabrott', weapons: 'vapenbrott', fraud: 'bedrägeri',
  welfare_fraud: 'välfärdsbrott', tax_crime: 'skattebrott', accounting_crime: 'bokföringsbrott', organised_crime: 'organiserad brottslighet',
  other: 'annat brott',
};

/** Sole traders' org_nr is the owner's personnummer without century: compare on the last 10 digits. */
export function sameHolder(orgNr: string, personId: string): boolean {
  return personId.length === 12 && /^\d+$/.test(personId) && personId.slice(2) === orgNr;
}

/** Caps long evidence lists for the investigator, with a last line saying how many were left out. */
export function capEvidence<T>(items: readonly T[], max: number): { shown: T[]; omitted: number } {
  return { shown: items.slice(0, max), omitted: Math.max(0, items.length - max) };
}

import { addDays } from '../model/dates';

/**
 * Periods and the contract's as-of semantics ("facts dated after the as-of date do not exist for
 * the analysis"). A period is a closed interval of ISO days `[from, to]` (both days included, as
 * in the contract's from/to); a null bound is open (unknown start / still running).
 */

export interface Span {
  from: string | null;
  to: string | null;
}

const MIN = '0000-01-01';
const MAX = '9999-12-31';

/** True when the two closed periods share at least one day. */
export function overlaps(a: Span, b: Span): boolean {
  return (a.from ?? MIN) <= (b.to ?? MAX) && (b.from ?? MIN) <= (a.to ?? MAX);
}

export function spanContains(s: Span, day: string): boolean {
  return (s.from ?? MIN) <= day && day <= (s.to ?? MAX);
}

/**
 * A period as seen at `asOf`: a start after as-of means the period does not exist (null);
 * an end after as-of has not happened yet, so the period is still open.
 */
export function periodAsOf(from: string | null, to: string | null, asOf: string): Span | null {
  if (from != null && from > asOf) return null;
  return { from, to: to != null && to > asOf ? null : to };
}

/** True when a period (as seen at as-of) covers the as-of date itself. */
export function activeAt(from: string | null, to: string | null, asOf: string): boolean {
  const p = periodAsOf(from, to, asOf);
  return p != null && (p.to == null || p.to >= asOf);
}

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
function occupies(s: Span, day: string): boolean {
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

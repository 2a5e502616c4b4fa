/**
 * ISO dates (`YYYY-MM-DD` strings, compared as text) for the whole core: arithmetic, periods and
 * their Swedish display. Day arithmetic is integer maths on days since 1970-01-01 (proleptic
 * Gregorian, H. Hinnant's civil-date algorithms), because the demo generator converts tens of
 * millions of dates and `Date` parsing would dominate its run time.
 */

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));
const year4 = (y: number): string => (y >= 1000 ? String(y) : String(y).padStart(4, '0'));

export function toDays(iso: string): number {
  let y = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${year4(y)}-${pad2(m)}-${pad2(d)}`;
}

/** Days in a month (1–12) of the proleptic Gregorian calendar, without a Date. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function addDays(iso: string, n: number): string {
  return fromDays(toDays(iso) + n);
}

/** ISO date plus n calendar months (n may be negative); the day is clamped to the month's end. */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year4(year)}-${pad2(month)}-${pad2(Math.min(d, last))}`;
}

export function addYears(iso: string, n: number): string {
  return addMonths(iso, 12 * n);
}

export const yearOf = (iso: string): number => Number(iso.slice(0, 4));

/** Today's date in the machine's time zone (what an investigator calls "today"). */
export function todayIso(now = new Date()): string {
  return `${year4(now.getFullYear())}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

/** The one Swedish display of a period: `2019-01-01 – 2023-06-30`, `2019-01-01 – pågår`. */
export function periodText(from: string | null, to: string | null): string {
  return `${from ?? 'okänt datum'} – ${to ?? 'pågår'}`;
}

/** A real calendar date written `YYYY-MM-DD` (2026-02-30 is not). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

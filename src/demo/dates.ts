/**
 * ISO-date arithmetic on whole days since 1970-01-01 (proleptic Gregorian, H. Hinnant's
 * civil-date algorithms): pure integer maths, because the national scale converts tens of
 * millions of dates and `Date` parsing/formatting would dominate the run time.
 */

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

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

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
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function addDays(iso: string, n: number): string {
  return fromDays(toDays(iso) + n);
}

/** Adds calendar months, clamping the day to the end of the target month. */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = toDays(`${ty + Math.floor(tm / 12)}-${pad2((tm % 12) + 1)}-01`) - 1;
  const day = Math.min(d, Number(fromDays(last).slice(8)));
  return `${ty}-${pad2(tm)}-${pad2(day)}`;
}

export const yearOf = (iso: string): number => Number(iso.slice(0, 4));

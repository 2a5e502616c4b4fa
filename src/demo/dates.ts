/** ISO-date arithmetic on whole days (UTC), enough for generating and comparing periods. */

const DAY_MS = 86_400_000;

export function toDays(iso: string): number {
  return Math.floor(Date.parse(iso + 'T00:00:00Z') / DAY_MS);
}

export function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, n: number): string {
  return fromDays(toDays(iso) + n);
}

/** Adds calendar months, clamping the day to the end of the target month. */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = total % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return fromDays(Math.floor(Date.UTC(ty, tm, Math.min(d, last)) / DAY_MS));
}

export const yearOf = (iso: string): number => Number(iso.slice(0, 4));

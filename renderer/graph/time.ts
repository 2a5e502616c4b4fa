// Date <-> slider position (whole days since 1970-01-01, UTC).
const DAY = 86_400_000;

export function dateToDay(date: string): number {
  return Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY);
}

export function dayToDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

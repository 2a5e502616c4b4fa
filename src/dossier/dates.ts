/** ISO date arithmetic for the dossier (dates are `YYYY-MM-DD` strings, compared as text). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Whether [from, to] (null = open) overlaps [start, end]. */
export function overlaps(from: string | null, to: string | null, start: string, end: string): boolean {
  return (from == null || from <= end) && (to == null || to >= start);
}

export function period(from: string | null, to: string | null): string {
  return `${from ?? 'okänt datum'} – ${to ?? 'pågår'}`;
}

export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

// Pure layout for the roles timeline: maps periods to x positions on a shared year axis.
export interface Span { from: string | null; to: string | null }

export interface TimelineScale { startYear: number; endYear: number; x: (date: string) => number; width: number }

const yearFrac = (d: string): number => {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) || 1;
  const day = Number(d.slice(8, 10)) || 1;
  return y + (m - 1) / 12 + (day - 1) / 365;
};

export function timelineScale(spans: Span[], today: string, width: number, left = 0): TimelineScale {
  const dates = spans.flatMap((s) => [s.from, s.to]).filter((d): d is string => !!d);
  dates.push(today);
  const years = dates.map((d) => Number(d.slice(0, 4)));
  const startYear = Math.min(...years);
  const endYear = Math.max(...years) + 1;
  const span = Math.max(1, endYear - startYear);
  return { startYear, endYear, width, x: (d) => left + ((yearFrac(d) - startYear) / span) * (width - left) };
}

/** Bar extent for a period; open ends run to the axis start or to today. */
export function barExtent(s: Span, scale: TimelineScale, today: string): { x0: number; x1: number; openStart: boolean; openEnd: boolean } {
  const x0 = s.from ? scale.x(s.from) : scale.x(`${scale.startYear}-01-01`);
  const x1 = s.to ? scale.x(s.to) : scale.x(today);
  return { x0, x1: Math.max(x1, x0 + 2), openStart: !s.from, openEnd: !s.to };
}

export function yearTicks(scale: TimelineScale, maxTicks = 12): number[] {
  const n = scale.endYear - scale.startYear;
  const step = Math.max(1, Math.ceil(n / maxTicks));
  const out: number[] = [];
  for (let y = scale.startYear; y <= scale.endYear; y += step) out.push(y);
  return out;
}

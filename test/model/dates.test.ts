import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, fromDays, isIsoDate, periodText, toDays, todayIso } from '../../src/model/dates';

const DAY = 86_400_000;
const dayNumbers = fc.integer({ min: Math.floor(Date.UTC(1800, 0, 1) / DAY), max: Math.floor(Date.UTC(2199, 11, 31) / DAY) });
const isoOf = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);

describe('dates (the one dates module)', () => {
  it('day numbers agree with Date for any day 1800–2199, and addDays with Date arithmetic', () => {
    fc.assert(fc.property(dayNumbers, fc.integer({ min: -4000, max: 4000 }), (n, k) => {
      expect(toDays(isoOf(n))).toBe(n);
      expect(fromDays(n)).toBe(isoOf(n));
      expect(addDays(isoOf(n), k)).toBe(isoOf(n + k));
    }));
  });

  it('adds months, clamping to the end of the month, also backwards', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2023-05-15', -24)).toBe('2021-05-15');
    fc.assert(fc.property(dayNumbers, fc.integer({ min: -600, max: 600 }), (n, k) => {
      const out = addMonths(isoOf(n), k);
      expect(isIsoDate(out)).toBe(true);
      const [y, m] = isoOf(n).split('-').map(Number) as [number, number];
      const months = Number(out.slice(0, 4)) * 12 + Number(out.slice(5, 7)) - (y * 12 + m);
      expect(months).toBe(k);
    }));
  });

  it('prints a period one way', () => {
    expect(periodText('2019-01-01', '2023-06-30')).toBe('2019-01-01 – 2023-06-30');
    expect(periodText('2019-01-01', null)).toBe('2019-01-01 – pågår');
    expect(periodText(null, '2020-05-01')).toBe('okänt datum – 2020-05-01');
  });

  it('validates calendar dates and gives the local date', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-2-1')).toBe(false);
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

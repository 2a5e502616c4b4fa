import { describe, expect, it } from 'vitest';
import { clickSelect, emptySelection, toggleAll } from '../../renderer/state/selection';
import { formatHash, parseHash } from '../../renderer/state/route';
import { foldText, fuzzyScore, identifierDigits } from '../../renderer/lib/text';
import { paramToText, textToParam } from '../../renderer/lib/params';
import { barExtent, timelineScale, yearTicks } from '../../renderer/lib/timeline';
import { EMPTY_FILTERS, filtersToRequest, nextSort } from '../../renderer/state/alerts';
import { dateToDay, dayToDate } from '../../renderer/graph/time';

describe('selection', () => {
  const keys = ['a', 'b', 'c', 'd', 'e'];
  it('plain click selects one, toggle adds/removes, shift selects a range', () => {
    let s = clickSelect(emptySelection(), keys, 'b', { shift: false, toggle: false });
    expect([...s.selected]).toEqual(['b']);
    s = clickSelect(s, keys, 'd', { shift: true, toggle: false });
    expect([...s.selected].sort()).toEqual(['b', 'c', 'd']);
    s = clickSelect(s, keys, 'c', { shift: false, toggle: true });
    expect([...s.selected].sort()).toEqual(['b', 'd']);
    s = clickSelect(s, keys, 'a', { shift: false, toggle: false });
    expect([...s.selected]).toEqual(['a']);
  });
  it('toggleAll selects all, then none', () => {
    const s = toggleAll(emptySelection(), keys);
    expect(s.selected.size).toBe(5);
    expect(toggleAll(s, keys).selected.size).toBe(0);
  });
});

describe('routes', () => {
  it('round-trips ids with special characters', () => {
    const r = { view: 'entity' as const, arg: 'STORGATAN 12 B|11122' };
    expect(parseHash(formatHash(r))).toEqual(r);
    expect(parseHash('#/nonsense')).toEqual({ view: 'overview', arg: null });
    expect(parseHash('')).toEqual({ view: 'overview', arg: null });
  });
});

describe('text', () => {
  it('folds diacritics and case', () => {
    expect(foldText('  Östlund  Åsa ')).toBe('ostlund asa');
    expect(fuzzyScore(foldText('Östlund Omsorg AB'), foldText('Ostlund'))).toBeGreaterThan(0);
    expect(fuzzyScore(foldText('Berg AB'), 'ostlund')).toBe(0);
  });
  it('recognises identifiers in any form', () => {
    expect(identifierDigits('556677-8899')).toBe('5566778899');
    expect(identifierDigits('19800101-1234')).toBe('198001011234');
    expect(identifierDigits('Anna')).toBeNull();
  });
});

describe('rule parameter editing', () => {
  it('parses numbers in Swedish form and lists', () => {
    expect(textToParam({ type: 'number' }, '50 000')).toBe(50000);
    expect(textToParam({ type: 'number' }, '0,25')).toBe(0.25);
    expect(textToParam({ type: 'integer' }, 'abc')).toBe('abc');
    expect(textToParam({ type: 'enum[]' }, 'violence, fraud')).toEqual(['violence', 'fraud']);
    expect(textToParam({ type: 'boolean' }, 'true')).toBe(true);
    expect(paramToText({ type: 'enum[]' }, ['a', 'b'])).toBe('a, b');
  });
});

describe('timeline', () => {
  it('places periods on a year axis, open ends run to today', () => {
    const scale = timelineScale([{ from: '2010-01-01', to: '2012-01-01' }], '2020-06-01', 1100, 100);
    expect(scale.startYear).toBe(2010);
    expect(scale.x('2010-01-01')).toBe(100);
    const open = barExtent({ from: '2015-01-01', to: null }, scale, '2020-06-01');
    expect(open.x1).toBeCloseTo(scale.x('2020-06-01'));
    expect(open.openEnd).toBe(true);
    expect(yearTicks(scale)[0]).toBe(2010);
  });
});

describe('alert filters', () => {
  it('omits empty filters and converts severity', () => {
    const r = filtersToRequest({ ...EMPTY_FILTERS, severity: '4', text: ' x ' }, { by: 'severity', dir: 'desc' });
    expect(r).toEqual({ severity: 4, text: 'x', sort: { by: 'severity', dir: 'desc' } });
  });
  it('flips sort direction on the same column', () => {
    expect(nextSort({ by: 'severity', dir: 'desc' }, 'severity')).toEqual({ by: 'severity', dir: 'asc' });
    expect(nextSort({ by: 'severity', dir: 'desc' }, 'subject')).toEqual({ by: 'subject', dir: 'asc' });
  });
});

describe('slider days', () => {
  it('round-trips dates', () => {
    expect(dayToDate(dateToDay('2024-02-29'))).toBe('2024-02-29');
  });
});

import { describe, expect, it } from 'vitest';
import { SIGNALS, signalById } from '../../src/signals/index';
import { describeSignal } from '../../src/signals/describe';

describe('signal descriptions follow the parameters', () => {
  it('with the defaults every description is the signal\'s own text', () => {
    for (const s of SIGNALS) expect(describeSignal(s, s.defaults), s.id).toBe(s.description);
  });

  it('names the window, counts and code lists actually set', () => {
    const rn = signalById('revoked-network')!;
    const text = describeSignal(rn, { windowMonths: 60, minCompanies: 3 });
    expect(text).toContain('minst tre olika bolag');
    expect(text).toContain('de 60 månaderna före återkallelsen');
    expect(text).toContain('60-månadersfönstret');
    expect(text).not.toContain('24');
    expect(describeSignal(signalById('phoenix-continuation')!, { windowMonths: 1 })).toContain('högst 1 månad efter');
    expect(describeSignal(signalById('conviction-in-control')!, { years: 5, offences: ['fraud'], includeUnsuitable: false })).toContain('dömd för bedrägeri under de senaste fem åren.');
    expect(describeSignal(signalById('financial-mismanagement')!, { debtThresholdSek: 100000, minEvents: 5, windowMonths: 12 })).toMatch(/minst 100 000 kr.*minst fem händelser.*inom 12 månader/);
    expect(describeSignal(signalById('missing-record-check')!, { kinds: ['hvb_children', 'short_stay'] })).toContain('tillstånd för HVB för barn och unga eller korttidsvistelse,');
  });

  it('falls back to the default text for parameters that do not validate', () => {
    const rn = signalById('revoked-network')!;
    expect(describeSignal(rn, { windowMonths: 'sextio' })).toBe(rn.description);
  });
});

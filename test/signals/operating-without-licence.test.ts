import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/operating-without-licence';
import { buildWorld, type WorldSpec } from '../support/world';

const run = (spec: WorldSpec, asOf = '2026-11-01') => signal.evaluate({ facts: buildWorld(spec), asOf, params: signal.defaults });
const ORG = '5566778899';
const LIC = { licence_id: 'L1', org_nr: ORG, kind: 'hvb_children', status: 'granted', granted_on: '2020-01-01' };
const pl = (extra: Record<string, unknown> = {}) => ({ placement_id: 'P1', licence_id: 'L1', from_date: '2024-01-01', to_date: '2024-06-30', ...extra });
const pay = (extra: Record<string, unknown> = {}) => ({ payer: 'Exempelby kommun', payee_org_nr: ORG, paid_on: '2024-03-01', amount_sek: 100000, purpose: 'placement', ...extra });

describe('operating-without-licence', () => {
  it('near miss: placements and payments while a fitting licence is granted', () => {
    expect(run({ licences: [LIC], placements: [pl()], payments: [pay()] })).toHaveLength(0);
  });

  it('placement continuing after revocation fires (severity 5); ending on the revocation day does not', () => {
    const revoked = { ...LIC, status: 'revoked', status_on: '2024-04-01' };
    const hits = run({ licences: [revoked], placements: [pl()] });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'company', subject_id: ORG, severity: 5 });
    expect(hits[0]!.evidence[0]).toMatchObject({ source: 'placements.csv:2' });
    expect(hits[0]!.evidence[0]!.text).toContain('2024-04-02');
    expect(hits[0]!.evidence.some((e) => e.source === 'licences.csv:2')).toBe(true);
    expect(run({ licences: [revoked], placements: [pl({ to_date: '2024-04-01' })] })).toHaveLength(0);
  });

  it('as of: a revocation after the as-of date has not happened yet', () => {
    const spec = { licences: [{ ...LIC, status: 'revoked', status_on: '2024-04-01' }], placements: [pl({ to_date: null })] };
    expect(run(spec, '2024-03-31')).toHaveLength(0);
    expect(run(spec, '2024-04-02')).toHaveLength(1);
  });

  it('payment for care with no licence at all, or before the grant', () => {
    expect(run({ licences: [{ ...LIC, org_nr: '5590000000' }], payments: [pay({ purpose: 'care' })] })[0]).toMatchObject({ subject_id: ORG, severity: 4 });
    const early = run({ licences: [{ ...LIC, granted_on: '2024-06-01' }], payments: [pay()] });
    expect(early[0]).toMatchObject({ severity: 3 });
    expect(run({ licences: [{ ...LIC, granted_on: '2024-03-01' }], payments: [pay()] })).toHaveLength(0);
  });

  it('the licence must be of a fitting kind for the purpose', () => {
    expect(run({ licences: [LIC], payments: [pay({ purpose: 'assistance' })] })).toHaveLength(1);
    expect(run({ licences: [LIC], payments: [pay({ purpose: 'dental_support' })] })).toHaveLength(1);
    expect(run({ licences: [LIC], payments: [pay({ purpose: 'care' })] })).toHaveLength(0);
    expect(run({ licences: [{ ...LIC, kind: 'dental_care' }], payments: [pay({ purpose: 'dental_support' })] })).toHaveLength(0);
    expect(run({ licences: [{ ...LIC, kind: 'consultant_support' }], payments: [pay()] })).toHaveLength(0);
    // purpose other is not care.
    expect(run({ licences: [{ ...LIC, org_nr: '5590000000' }], payments: [pay({ purpose: 'other' })] })).toHaveLength(0);
  });

  it('a payment with an empty purpose, or no purpose column at all, is judged as care (any licence kind fits)', () => {
    const { purpose: _omit, ...noColumn } = pay();
    for (const p of [pay({ purpose: '' }), pay({ purpose: null }), noColumn]) {
      const hits = run({ licences: [{ ...LIC, org_nr: '5590000000' }], payments: [p] });
      expect(hits).toHaveLength(1);
      expect(hits[0]).toMatchObject({ subject_id: ORG, severity: 4 });
      expect(hits[0]!.evidence[0]!.text).toContain('ändamål ej angivet');
      // Any granted licence covers care, whatever its kind.
      expect(run({ licences: [{ ...LIC, kind: 'dental_care' }], payments: [p] })).toHaveLength(0);
      // Revoked before the payment: continuing after revocation.
      expect(run({ licences: [{ ...LIC, status: 'revoked', status_on: '2024-01-01' }], payments: [p] })[0]).toMatchObject({ severity: 5 });
    }
  });

  it('licence without granted_on: granted from status_on when granted; an ended one was held (from an unknown start) until status_on', () => {
    const grantedLate = { ...LIC, granted_on: null, status_on: '2024-06-01' };
    expect(run({ licences: [grantedLate], payments: [pay({ paid_on: '2024-03-01' })] })[0]).toMatchObject({ subject_id: ORG, severity: 3 });
    expect(run({ licences: [grantedLate], payments: [pay({ paid_on: '2024-06-01' })] })).toHaveLength(0);
    for (const status of ['revoked', 'banned', 'temporarily_banned', 'expired']) {
      const ended = { ...LIC, status, granted_on: null, status_on: '2024-06-01' };
      // Before the decision (and with the decision after as-of) the licence is held.
      expect(run({ licences: [ended], payments: [pay({ paid_on: '2024-03-01' })] }, '2024-05-01')).toHaveLength(0);
      expect(run({ licences: [ended], payments: [pay({ paid_on: '2024-03-01' })] })).toHaveLength(0);
      expect(run({ licences: [ended], payments: [pay({ paid_on: '2024-07-01' })] })).toHaveLength(1);
    }
  });

  it('a withdrawn licence without granted_on is a withdrawn application: never held', () => {
    const withdrawn = { ...LIC, status: 'withdrawn', granted_on: null, status_on: '2024-06-01' };
    expect(run({ licences: [withdrawn], payments: [pay({ paid_on: '2024-03-01' })] })).toHaveLength(1);
    // With a grant date, withdrawal ends a licence that was held.
    expect(run({ licences: [{ ...withdrawn, granted_on: '2020-01-01' }], payments: [pay({ paid_on: '2024-03-01' })] })).toHaveLength(0);
  });

  it('applied-only licence counts as none; payment after as-of does not exist', () => {
    expect(run({ licences: [{ ...LIC, status: 'applied', granted_on: null, status_on: '2023-01-01' }], payments: [pay()] })).toHaveLength(1);
    expect(run({ licences: [{ ...LIC, status: 'revoked', status_on: '2024-01-01' }], payments: [pay({ paid_on: '2027-01-01' })] })).toHaveLength(0);
  });

  it('foster home placement paid to a consultant company needs a fitting licence; the family itself needs none', () => {
    const homes = [{ home_id: 'FH1', address: 'Björkvägen 3', parent_ids: ['198001011234'] }];
    const p = { placement_id: 'P2', home_id: 'FH1', from_date: '2024-01-01', to_date: null };
    expect(run({ licences: [LIC], foster_homes: homes, placements: [p] })).toHaveLength(0);
    expect(run({ licences: [LIC], foster_homes: homes, placements: [{ ...p, payee_org_nr: '5591234567' }] })[0]).toMatchObject({ subject_id: '5591234567' });
    expect(run({ licences: [LIC], foster_homes: homes, placements: [{ ...p, payee_org_nr: '8001011234' }] })).toHaveLength(0);
  });

  it('skips public bodies unless told otherwise', () => {
    const spec = { licences: [LIC], payments: [pay({ payee_org_nr: '2120000001', purpose: 'care' })] };
    expect(run(spec)).toHaveLength(0);
    expect(signal.evaluate({ facts: buildWorld(spec), asOf: '2026-11-01', params: signal.params.parse({ excludePublicBodies: false }) })).toHaveLength(1);
  });
});

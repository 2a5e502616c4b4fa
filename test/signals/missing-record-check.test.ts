import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/missing-record-check';
import { buildWorld, type WorldSpec } from '../support/world';

const run = (spec: WorldSpec, asOf = '2026-11-01') => signal.evaluate({ facts: buildWorld(spec), asOf, params: signal.defaults });
const ORG = '5566778899';
const LIC = { licence_id: 'L1', org_nr: ORG, kind: 'hvb_children', status: 'granted', granted_on: '2020-01-01' };
const emp = (extra: Record<string, unknown> = {}) => ({ org_nr: ORG, person_id: '199001011234', profession: 'care_staff', from_date: '2024-03-01', works_with_children: true, ...extra });

describe('missing-record-check', () => {
  it('fires when an employee working with children has no record check', () => {
    const hits = run({ licences: [LIC], employments: [emp()] });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'company', subject_id: ORG, related_ids: ['199001011234'] });
    expect(hits[0]!.evidence.map((e) => e.source)).toEqual(['licences.csv:2', 'employments.csv:2']);
    expect(hits[0]!.evidence[1]!.text).toContain('ingen registerkontroll');
  });

  it('boundary: a check on the start day is in time, the day after is not', () => {
    expect(run({ licences: [LIC], employments: [emp({ record_check_on: '2024-03-01' })] })).toHaveLength(0);
    expect(run({ licences: [LIC], employments: [emp({ record_check_on: '2024-02-15' })] })).toHaveLength(0);
    expect(run({ licences: [LIC], employments: [emp({ record_check_on: '2024-03-02' })] })).toHaveLength(1);
  });

  it('fires for lss_housing_children and supported_housing holders too, not for adult or assistance licences', () => {
    expect(run({ licences: [{ ...LIC, kind: 'lss_housing_children' }], employments: [emp()] })).toHaveLength(1);
    expect(run({ licences: [{ ...LIC, kind: 'supported_housing' }], employments: [emp()] })).toHaveLength(1);
    expect(run({ licences: [{ ...LIC, kind: 'hvb_adults' }], employments: [emp()] })).toHaveLength(0);
    expect(run({ licences: [{ ...LIC, kind: 'short_stay' }], employments: [emp()] })).toHaveLength(0);
  });

  it('near misses: not working with children, unknown, or the company holds no granted licence', () => {
    expect(run({ licences: [LIC], employments: [emp({ works_with_children: false })] })).toHaveLength(0);
    expect(run({ licences: [LIC], employments: [emp({ works_with_children: null })] })).toHaveLength(0);
    expect(run({ licences: [{ ...LIC, status: 'applied', granted_on: null }], employments: [emp()] })).toHaveLength(0);
    expect(run({ licences: [{ ...LIC, status: 'revoked', status_on: '2025-01-01' }], employments: [emp()] })).toHaveLength(0);
    expect(run({ licences: [LIC], employments: [emp({ org_nr: '5599999999' })] })).toHaveLength(0);
  });

  it('as of: a later employment does not exist; a licence revoked after as-of is still held; a check after as-of does not exist', () => {
    expect(run({ licences: [LIC], employments: [emp({ from_date: '2027-01-01' })] })).toHaveLength(0);
    expect(run({ licences: [{ ...LIC, status: 'revoked', status_on: '2026-12-01' }], employments: [emp()] })).toHaveLength(1);
    const lateCheck = run({ licences: [LIC], employments: [emp({ record_check_on: '2026-12-01' })] })[0]!;
    expect(lateCheck.evidence[1]!.text).toContain('efter analysdatum');
  });

  it('one hit per company, severity rises with the number of employees', () => {
    const three = ['199001011234', '199002021234', '199003031234'].map((person_id) => emp({ person_id }));
    const hits = run({ licences: [LIC], employments: three });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.related_ids).toHaveLength(3);
    expect(hits[0]!.severity).toBe(4);
    expect(run({ licences: [LIC], employments: [emp()] })[0]!.severity).toBe(3);
  });
});

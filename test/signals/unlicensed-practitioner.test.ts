import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/unlicensed-practitioner';
import { buildWorld, type WorldSpec } from '../support/world';

const run = (spec: WorldSpec, asOf = '2026-11-01') => signal.evaluate({ facts: buildWorld(spec), asOf, params: signal.defaults });
const PID = '198001011234';
const emp = (extra: Record<string, unknown> = {}) => ({ org_nr: '5566778899', person_id: PID, profession: 'nurse', from_date: '2022-01-01', to_date: '2024-12-31', ...extra });
const leg = (extra: Record<string, unknown> = {}) => ({ person_id: PID, profession: 'nurse', granted_on: '2010-06-01', ...extra });

describe('unlicensed-practitioner', () => {
  it('near miss: a valid legitimation for the profession covers the employment', () => {
    expect(run({ employments: [emp()], legitimations: [leg()] })).toHaveLength(0);
  });

  it('never granted for that profession (a legitimation for another profession does not count)', () => {
    const hits = run({ employments: [emp()], legitimations: [leg({ profession: 'physician' })] });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'person', subject_id: PID, related_ids: ['5566778899'], severity: 4 });
    expect(hits[0]!.evidence[0]!.source).toBe('employments.csv:2');
  });

  it('revoked before the end of the employment fires; revoked on the last day or after does not', () => {
    const revoked = run({ employments: [emp()], legitimations: [leg({ revoked_on: '2023-05-01' })] });
    expect(revoked).toHaveLength(1);
    expect(revoked[0]!.severity).toBe(5);
    expect(revoked[0]!.evidence.some((e) => e.source === 'legitimations.csv:2' && e.text.includes('återkallad 2023-05-01'))).toBe(true);
    expect(run({ employments: [emp()], legitimations: [leg({ revoked_on: '2024-12-31' })] })).toHaveLength(0);
    expect(run({ employments: [emp()], legitimations: [leg({ revoked_on: '2024-12-30' })] })).toHaveLength(1);
    expect(run({ employments: [emp()], legitimations: [leg({ revoked_on: '2025-03-01' })] })).toHaveLength(0);
  });

  it('granted after the employment started fires; granted on the first day does not', () => {
    expect(run({ employments: [emp()], legitimations: [leg({ granted_on: '2022-01-01' })] })).toHaveLength(0);
    const late = run({ employments: [emp()], legitimations: [leg({ granted_on: '2022-01-02' })] });
    expect(late).toHaveLength(1);
    expect(late[0]!.severity).toBe(3);
  });

  it('as of: a revocation after as-of has not happened; a grant after as-of does not exist; a later job does not exist', () => {
    const open = emp({ to_date: null });
    expect(run({ employments: [open], legitimations: [leg({ revoked_on: '2026-12-01' })] })).toHaveLength(0);
    expect(run({ employments: [open], legitimations: [leg({ revoked_on: '2026-10-31' })] })).toHaveLength(1);
    expect(run({ employments: [open], legitimations: [leg({ granted_on: '2026-12-01' })] })).toHaveLength(1);
    expect(run({ employments: [emp({ from_date: '2027-01-01', to_date: null })], legitimations: [leg({ profession: 'dentist' })] })).toHaveLength(0);
  });

  it('ignores professions without protected title', () => {
    expect(run({ employments: [emp({ profession: 'counsellor' }), emp({ profession: 'care_staff' })], legitimations: [leg()] })).toHaveLength(0);
  });

  it('a personal revocation sanction ends validity', () => {
    const hits = run({ employments: [emp()], legitimations: [leg()], sanctions: [{ subject_id: PID, kind: 'licence_revoked_personal', from_date: '2023-01-01' }] });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.evidence.some((e) => e.source === 'sanctions.csv:2')).toBe(true);
  });

  it('requires employments and legitimations', () => {
    expect(signal.requires).toEqual(['employments', 'legitimations']);
  });
});

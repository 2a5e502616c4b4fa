import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/nominal-licensed-staff';
import { buildWorld, type WorldSpec } from '../support/world';

const run = (spec: WorldSpec, asOf = '2026-11-01') => signal.evaluate({ facts: buildWorld(spec), asOf, params: signal.defaults });
const PID = '197001011234';
const CLINICS = ['5560000001', '5560000002', '5560000003'];
const licences = CLINICS.map((org_nr, i) => ({ licence_id: `V${i}`, org_nr, kind: i === 1 ? 'dental_care' : 'aesthetic_clinic', status: 'granted', granted_on: '2019-01-01' }));
const emp = (org_nr: string, extra: Record<string, unknown> = {}) => ({ org_nr, person_id: PID, profession: 'physician', from_date: '2023-01-01', ...extra });
const jobs = CLINICS.map((o) => emp(o));

describe('nominal-licensed-staff', () => {
  it('fires when the practitioner is the only one of the profession at three clinics at once', () => {
    const hits = run({ licences, employments: jobs, legitimations: [{ person_id: PID, profession: 'physician', granted_on: '2000-01-01' }] });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'person', subject_id: PID, related_ids: CLINICS });
    expect(hits[0]!.evidence.filter((e) => e.source.startsWith('employments.csv:'))).toHaveLength(3);
    expect(hits[0]!.evidence.some((e) => e.source === 'legitimations.csv:2')).toBe(true);
  });

  it('near miss: two clinics only, or another physician at one of them', () => {
    expect(run({ licences, employments: jobs.slice(0, 2) })).toHaveLength(0);
    expect(run({ licences, employments: [...jobs, emp(CLINICS[2]!, { person_id: '198002021234' })] })).toHaveLength(0);
  });

  it('another employee of a different profession does not matter', () => {
    expect(run({ licences, employments: [...jobs, emp(CLINICS[2]!, { person_id: '198002021234', profession: 'nurse' })] })).toHaveLength(1);
  });

  it('the three employments must overlap on a common day (inclusive)', () => {
    const apart = [emp(CLINICS[0]!, { to_date: '2023-06-30' }), emp(CLINICS[1]!, { from_date: '2023-07-01' }), emp(CLINICS[2]!)];
    expect(run({ licences, employments: apart })).toHaveLength(0);
    const touching = [emp(CLINICS[0]!, { to_date: '2023-07-01' }), emp(CLINICS[1]!, { from_date: '2023-07-01' }), emp(CLINICS[2]!)];
    expect(run({ licences, employments: touching })).toHaveLength(1);
  });

  it('is sole once a colleague leaves', () => {
    const colleague = emp(CLINICS[2]!, { person_id: '198002021234', to_date: '2024-03-31' });
    const hits = run({ licences, employments: [...jobs, colleague] });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.evidence[0]!.text).toContain('2024-04-01');
  });

  it('employers must be care providers / clinics with a granted licence', () => {
    const l = licences.map((x, i) => (i === 0 ? { ...x, kind: 'hvb_children' } : x));
    expect(run({ licences: l, employments: jobs })).toHaveLength(0);
    const notYet = licences.map((x, i) => (i === 0 ? { ...x, granted_on: '2027-01-01' } : x));
    expect(run({ licences: notYet, employments: jobs })).toHaveLength(0);
  });

  it('licence without granted_on: granted from status_on, or (revoked later than as-of) held at as-of', () => {
    const fromStatus = licences.map((x, i) => (i === 0 ? { ...x, granted_on: null, status_on: '2024-01-01' } : x));
    const hits = run({ licences: fromStatus, employments: jobs });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.evidence[1]!.text).toContain('beviljat 2024-01-01 – pågår');
    const revokedLater = licences.map((x, i) => (i === 0 ? { ...x, status: 'revoked', granted_on: null, status_on: '2025-06-01' } : x));
    expect(run({ licences: revokedLater, employments: jobs }, '2024-12-31')).toHaveLength(1);
  });

  it('a clinic licence counts when granted at as-of or at some time during the employments\' overlap, not only on the sole day', () => {
    const year = CLINICS.map((o) => emp(o, { to_date: '2023-12-31' }));
    const colleague = emp(CLINICS[1]!, { person_id: '198002021234', to_date: '2023-05-31' });
    const withLicence0 = (l: Record<string, unknown>) => licences.map((x, i) => (i === 0 ? { ...x, ...l } : x));
    // Granted during the overlap, ended before the person became sole (2023-06-01) at all three.
    const during = run({ licences: withLicence0({ granted_on: '2023-01-01', status: 'revoked', status_on: '2023-03-01' }), employments: [...year, colleague] });
    expect(during).toHaveLength(1);
    expect(during[0]!.evidence[0]!.text).toContain('2023-06-01');
    // Granted only after the employments ended, still granted at as-of.
    expect(run({ licences: withLicence0({ granted_on: '2025-01-01' }), employments: year })).toHaveLength(1);
    // Near misses: granted and ended outside the overlap, not granted at as-of.
    expect(run({ licences: withLicence0({ granted_on: '2024-03-01', status: 'revoked', status_on: '2025-01-01' }), employments: year })).toHaveLength(0);
    expect(run({ licences: withLicence0({ granted_on: '2019-01-01', status: 'expired', status_on: '2022-12-31' }), employments: year })).toHaveLength(0);
  });

  it('as of: a job starting after as-of does not exist', () => {
    const spec = { licences, employments: [...jobs.slice(0, 2), emp(CLINICS[2]!, { from_date: '2025-01-01' })] };
    expect(run(spec, '2024-12-31')).toHaveLength(0);
    expect(run(spec, '2025-01-01')).toHaveLength(1);
  });
});

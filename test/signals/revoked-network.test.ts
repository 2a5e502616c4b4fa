import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/revoked-network';
import { buildWorld, type WorldSpec } from '../support/world';

const run = (spec: WorldSpec, asOf = '2026-11-01', params = signal.defaults) => signal.evaluate({ facts: buildWorld(spec), asOf, params });
const P = '197506141634';
const A = '5598047925';
const B = '5592142102';
const C = '5566213574';
const revoked = (id: string, org: string, on: string, status = 'revoked') => ({ licence_id: id, org_nr: org, kind: 'hvb_children', status, granted_on: '2015-01-01', status_on: on });
const role = (org: string, holder: string, r: string, from: string | null, to: string | null, extra: Record<string, unknown> = {}) => ({ org_nr: org, holder_id: holder, role: r, from_date: from, to_date: to, ...extra });
const base: WorldSpec = {
  companies: [{ org_nr: A, name: 'Alfa AB' }, { org_nr: B, name: 'Beta AB' }, { org_nr: C, name: 'Gamma AB' }],
  persons: [{ person_id: P, name: 'Erik Lindqvist' }],
  licences: [revoked('LA', A, '2023-05-15'), revoked('LB', B, '2025-09-30', 'temporarily_banned')],
};

describe('revoked-network', () => {
  it('fires on a person with controlling roles in two revoked companies, with role and revocation evidence', () => {
    const hits = run({ ...base, roles: [role(A, P, 'board_member', '2019-01-01', '2023-06-30'), role(B, P, 'ceo', '2020-03-01', '2024-05-31')] });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ signal: 'revoked-network', subject_kind: 'person', subject_id: P, related_ids: [A, B].sort(), severity: 3 });
    const sources = hits[0]!.evidence.map((e) => e.source);
    expect(sources).toEqual(expect.arrayContaining(['roles.csv:2', 'roles.csv:3', 'licences.csv:2', 'licences.csv:3']));
    expect(hits[0]!.evidence.some((e) => e.text.includes('Erik Lindqvist') && e.text.includes('Alfa AB') && e.text.includes('2019-01-01'))).toBe(true);
    expect(hits[0]!.evidence.some((e) => e.text.includes('LA') && e.text.includes('2023-05-15'))).toBe(true);
  });

  it('window boundary: role ending exactly 24 months before the revocation counts, one day earlier does not', () => {
    const inside = run({ ...base, roles: [role(A, P, 'board_member', '2019-01-01', '2021-05-15'), role(B, P, 'ceo', '2020-03-01', null)] });
    expect(inside).toHaveLength(1);
    const outside = run({ ...base, roles: [role(A, P, 'board_member', '2019-01-01', '2021-05-14'), role(B, P, 'ceo', '2020-03-01', null)] });
    expect(outside).toHaveLength(0);
  });

  it('near misses: one company, role began after revocation, auditor/liquidator, owner < 25 %', () => {
    expect(run({ ...base, roles: [role(A, P, 'board_member', '2019-01-01', null)] })).toHaveLength(0);
    expect(run({ ...base, roles: [role(A, P, 'board_member', '2019-01-01', null), role(B, P, 'ceo', '2025-10-01', null)] })).toHaveLength(0);
    expect(run({ ...base, roles: [role(A, P, 'auditor', '2019-01-01', null), role(B, P, 'liquidator', '2025-01-01', null)] })).toHaveLength(0);
    expect(run({ ...base, roles: [role(A, P, 'owner', '2019-01-01', null, { share_pct: 24.9 }), role(B, P, 'owner', '2019-01-01', null, { share_pct: 10 })] })).toHaveLength(0);
  });

  it('owner at exactly 25 % or with unknown share is controlling', () => {
    const hits = run({ ...base, roles: [role(A, P, 'owner', '2019-01-01', null, { share_pct: 25 }), role(B, P, 'owner', '2019-01-01', null)] });
    expect(hits).toHaveLength(1);
  });

  it('two revoked licences of one company are one distinct company', () => {
    const spec = { ...base, licences: [revoked('LA', A, '2023-05-15'), revoked('LA2', A, '2024-01-01')], roles: [role(A, P, 'chair', '2019-01-01', null)] };
    expect(run(spec)).toHaveLength(0);
  });

  it('expired, withdrawn and rejected licences are not revocations', () => {
    const spec = {
      ...base,
      licences: [revoked('LA', A, '2023-05-15', 'expired'), revoked('LB', B, '2024-01-01', 'withdrawn'), revoked('LC', C, '2024-01-01', 'rejected')],
      roles: [role(A, P, 'ceo', '2019-01-01', null), role(B, P, 'ceo', '2019-01-01', null), role(C, P, 'ceo', '2019-01-01', null)],
    };
    expect(run(spec)).toHaveLength(0);
  });

  it('a holding company is the subject (subject_kind company)', () => {
    const H = '5592809189';
    const hits = run({ ...base, companies: [...base.companies!, { org_nr: H, name: 'Kronvik Invest AB' }], roles: [role(A, H, 'owner', '2017-09-01', null, { share_pct: 100, holder_kind: 'company' }), role(B, H, 'owner', '2019-05-20', null, { share_pct: 60, holder_kind: 'company' })] });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'company', subject_id: H });
  });

  it('as of: a revocation after the as-of date does not exist yet', () => {
    const spec = { ...base, roles: [role(A, P, 'board_member', '2019-01-01', null), role(B, P, 'ceo', '2020-03-01', null)] };
    expect(run(spec, '2025-09-29')).toHaveLength(0);
    expect(run(spec, '2025-09-30')).toHaveLength(1);
  });

  it('severity rises with a third company and with a current role in a licence holder', () => {
    const D = '5592078124';
    const spec: WorldSpec = {
      ...base,
      licences: [...base.licences!, revoked('LC', C, '2024-01-01'), { licence_id: 'LD', org_nr: D, kind: 'home_care', status: 'granted', granted_on: '2020-01-01' }],
      roles: [role(A, P, 'ceo', '2019-01-01', null), role(B, P, 'ceo', '2019-01-01', null), role(C, P, 'ceo', '2019-01-01', null), role(D, P, 'chair', '2020-01-01', null)],
    };
    expect(run(spec)[0]!.severity).toBe(5);
  });

  it('minCompanies is a parameter', () => {
    const spec = { ...base, roles: [role(A, P, 'board_member', '2019-01-01', null)] };
    expect(run(spec, '2026-11-01', { ...signal.defaults, minCompanies: 1 })).toHaveLength(1);
  });

  it('ignores a revoked licence without status_on, and says so in the Swedish description', () => {
    const spec = { ...base, licences: [revoked('LA', A, '2023-05-15'), { ...revoked('LB', B, ''), status_on: null }], roles: [role(A, P, 'board_member', '2019-01-01', null), role(B, P, 'ceo', '2019-01-01', null)] };
    expect(run(spec)).toEqual([]);
    expect(signal.description).toMatch(/utan datum för återkallelsen/);
    expect(signal.description).toContain('status_on');
  });
});


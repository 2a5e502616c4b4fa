import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/address-hub';
import { buildWorld, type WorldSpec } from '../support/world';

const run = (spec: WorldSpec, asOf = '2026-11-01') => signal.evaluate({ facts: buildWorld(spec), asOf, params: signal.defaults });
const KEY = 'STORGATAN 12 B|11122';
const ORGS = ['5598047925', '5592142102', '5595375667', '5595933515', '5592263486', '5593135956'];
const company = (org: string, extra: Record<string, unknown> = {}) => ({ org_nr: org, name: `Bolag ${org}`, address: 'Storgatan 12 B', postal_code: '11122', address_key: KEY, registered_on: '2020-01-01', ...extra });
const unit = (id: string, org: string, extra: Record<string, unknown> = {}) => ({ licence_id: id, org_nr: org, kind: 'hvb_children', status: 'granted', granted_on: '2020-01-01', address: 'Storgatan 12 B', postal_code: '11122', address_key: KEY, ...extra });
const home = (extra: Record<string, unknown> = {}) => ({ home_id: 'FH-1', address: 'Storgatan 12 B', postal_code: '11122', address_key: KEY, parent_ids: ['197506141634'], approved_on: '2021-01-01', ...extra });

describe('address-hub', () => {
  it('fires at exactly 5 registered companies; 4 do not', () => {
    const hits = run({ companies: ORGS.slice(0, 5).map((o) => company(o)) });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'address', subject_id: KEY, severity: 2 });
    expect(hits[0]!.related_ids).toHaveLength(5);
    expect(hits[0]!.evidence.filter((e) => e.source.startsWith('companies.csv:'))).toHaveLength(6);
    expect(run({ companies: ORGS.slice(0, 4).map((o) => company(o)) })).toHaveLength(0);
  });

  it('companies registered after as-of or deregistered by then are not counted', () => {
    const cs = [...ORGS.slice(0, 4).map((o) => company(o)), company(ORGS[4]!, { registered_on: '2026-06-01' })];
    expect(run({ companies: cs }, '2026-05-31')).toHaveLength(0);
    expect(run({ companies: cs }, '2026-06-01')).toHaveLength(1);
    const dereg = [...ORGS.slice(0, 4).map((o) => company(o)), company(ORGS[4]!, { deregistered_on: '2025-01-01', status: 'deregistered' })];
    expect(run({ companies: dereg })).toHaveLength(0);
  });

  it('fires at 3 granted licence units; 2 granted plus a revoked one do not', () => {
    expect(run({ licences: [unit('L1', ORGS[0]!), unit('L2', ORGS[1]!), unit('L3', ORGS[1]!)] })).toHaveLength(1);
    expect(run({ licences: [unit('L1', ORGS[0]!), unit('L2', ORGS[1]!), unit('L3', ORGS[1]!, { status: 'revoked', status_on: '2024-01-01' })] })).toHaveLength(0);
  });

  it('fires on a foster home at a licence holder unit address (severity 4), with both facts', () => {
    const hits = run({ licences: [unit('L1', ORGS[0]!)], foster_homes: [home()] });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.severity).toBe(4);
    expect(hits[0]!.related_ids).toEqual(['FH-1', 'L1']);
    expect(hits[0]!.evidence.map((e) => e.source)).toEqual(expect.arrayContaining(['foster_homes.csv:2', 'licences.csv:2']));
  });

  it('near miss: foster home ended, or the unit at another postal code', () => {
    expect(run({ licences: [unit('L1', ORGS[0]!)], foster_homes: [home({ ended_on: '2024-01-01' })] })).toHaveLength(0);
    expect(run({ licences: [unit('L1', ORGS[0]!, { postal_code: '11123', address_key: 'STORGATAN 12 B|11123' })], foster_homes: [home()] })).toHaveLength(0);
  });
});

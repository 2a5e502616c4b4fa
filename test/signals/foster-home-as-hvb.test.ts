import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/foster-home-as-hvb';
import { buildWorld, type WorldSpec } from '../support/world';

const run = (spec: WorldSpec, asOf = '2026-11-01') => signal.evaluate({ facts: buildWorld(spec), asOf, params: signal.defaults });
const P1 = '198001011234';
const P2 = '198202021234';
const HOME = { home_id: 'FH1', address: 'Björkvägen 3', postal_code: '12345', address_key: 'BJÖRKVÄGEN 3|12345', parent_ids: [P1, P2], approved_capacity: 2, approved_on: '2018-01-01' };
const LIVE_THERE = [
  { person_id: P1, address: 'Björkvägen 3', address_key: 'BJÖRKVÄGEN 3|12345', from_date: '2015-01-01', to_date: null },
  { person_id: P2, address: 'Björkvägen 3', address_key: 'BJÖRKVÄGEN 3|12345', from_date: '2015-01-01', to_date: null },
];
const pl = (id: string, from: string, to: string | null, extra: Record<string, unknown> = {}) => ({ placement_id: id, home_id: 'FH1', from_date: from, to_date: to, child_ref: `c-${id}`, ...extra });

describe('foster-home-as-hvb', () => {
  it('near miss: a normal home (parents live there, within capacity) does not fire', () => {
    expect(run({ foster_homes: [HOME], residences: LIVE_THERE, placements: [pl('a', '2024-01-01', null), pl('b', '2024-01-01', null)] })).toHaveLength(0);
  });

  it('capacity: more children at once than approved', () => {
    const hits = run({ foster_homes: [HOME], residences: LIVE_THERE, placements: [pl('a', '2024-01-01', null), pl('b', '2024-01-01', null), pl('c', '2025-01-01', null)] });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'foster_home', subject_id: 'FH1' });
    expect(hits[0]!.evidence.some((e) => e.text.includes('3 barn') && e.text.includes('2025-01-01'))).toBe(true);
  });

  it('capacity: a placement ending on the day another starts is a handover, not two children at once', () => {
    const home = { ...HOME, approved_capacity: 1 };
    expect(run({ foster_homes: [home], residences: LIVE_THERE, placements: [pl('a', '2024-01-01', '2024-03-01'), pl('b', '2024-03-01', null)] })).toHaveLength(0);
    const hits = run({ foster_homes: [home], residences: LIVE_THERE, placements: [pl('a', '2024-01-01', '2024-03-01'), pl('b', '2024-02-28', null)] });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.evidence.some((e) => e.text.includes('2 barn') && e.text.includes('2024-02-28'))).toBe(true);
  });

  it('capacity unknown: more than 4 fires, exactly 4 does not', () => {
    const home = { ...HOME, approved_capacity: null };
    const four = ['a', 'b', 'c', 'd'].map((id) => pl(id, '2024-01-01', null));
    expect(run({ foster_homes: [home], residences: LIVE_THERE, placements: four })).toHaveLength(0);
    expect(run({ foster_homes: [home], residences: LIVE_THERE, placements: [...four, pl('e', '2024-02-01', '2024-02-10')] })).toHaveLength(1);
  });

  it('employed care staff with the home as workplace (by home_id or by address)', () => {
    const emp = (workplace: string, profession = 'care_staff', extra = {}) => ({ org_nr: '5566778899', person_id: '199001011234', profession, from_date: '2023-01-01', workplace, ...extra });
    const byId = run({ foster_homes: [HOME], residences: LIVE_THERE, employments: [emp('FH1')] });
    expect(byId).toHaveLength(1);
    expect(byId[0]!.related_ids).toEqual(['5566778899']);
    expect(byId[0]!.evidence.some((e) => e.source === 'employments.csv:2')).toBe(true);
    expect(run({ foster_homes: [HOME], residences: LIVE_THERE, employments: [emp('Björkvägen 3, 123 45 Byn')] })).toHaveLength(1);
    // Near misses: another workplace, a non-care profession, a job starting after as-of, a job after the home ended.
    expect(run({ foster_homes: [HOME], residences: LIVE_THERE, employments: [emp('FH2')] })).toHaveLength(0);
    expect(run({ foster_homes: [HOME], residences: LIVE_THERE, employments: [emp('FH1', 'manager')] })).toHaveLength(0);
    expect(run({ foster_homes: [HOME], residences: LIVE_THERE, employments: [emp('FH1', 'care_staff', { from_date: '2027-01-01' })] })).toHaveLength(0);
    expect(run({ foster_homes: [{ ...HOME, ended_on: '2022-12-31' }], residences: LIVE_THERE, employments: [emp('FH1')] })).toHaveLength(0);
  });

  it('no foster parent folkbokförd at the home during a placement', () => {
    const elsewhere = [
      { person_id: P1, address: 'Annan väg 1', address_key: 'ANNAN VÄG 1|11111', from_date: '2015-01-01', to_date: null },
      { person_id: P2, address: 'Annan väg 1', address_key: 'ANNAN VÄG 1|11111', from_date: '2015-01-01', to_date: null },
    ];
    const hits = run({ foster_homes: [HOME], residences: elsewhere, placements: [pl('a', '2024-01-01', null)] });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.evidence.some((e) => e.source === 'placements.csv:2' && e.text.includes('2024-01-01'))).toBe(true);
    expect(hits[0]!.evidence.some((e) => e.source.startsWith('residences.csv:'))).toBe(true);
  });

  it('parents moving out during a placement fires; moving out after it ended does not; one parent there suffices', () => {
    const moved = (to: string) => [P1, P2].map((person_id) => ({ person_id, address: 'Björkvägen 3', address_key: 'BJÖRKVÄGEN 3|12345', from_date: '2015-01-01', to_date: to }));
    expect(run({ foster_homes: [HOME], residences: moved('2024-06-30'), placements: [pl('a', '2024-01-01', '2024-12-31')] })).toHaveLength(1);
    expect(run({ foster_homes: [HOME], residences: moved('2024-12-31'), placements: [pl('a', '2024-01-01', '2024-12-31')] })).toHaveLength(0);
    const oneStays = [{ ...moved('2024-06-30')[0]! }, { ...LIVE_THERE[1]! }];
    expect(run({ foster_homes: [HOME], residences: oneStays, placements: [pl('a', '2024-01-01', null)] })).toHaveLength(0);
  });

  it('as of: a move-out after the as-of date has not happened', () => {
    const moved = [P1, P2].map((person_id) => ({ person_id, address: 'Björkvägen 3', address_key: 'BJÖRKVÄGEN 3|12345', from_date: '2015-01-01', to_date: '2025-06-30' }));
    const spec = { foster_homes: [HOME], residences: moved, placements: [pl('a', '2024-01-01', null)] };
    expect(run(spec, '2025-06-30')).toHaveLength(0);
    expect(run(spec, '2025-07-01')).toHaveLength(1);
  });

  it('without residence or person data for a parent nothing is concluded', () => {
    expect(run({ foster_homes: [HOME], placements: [pl('a', '2024-01-01', null)] })).toHaveLength(0);
    const p1Elsewhere = [{ person_id: P1, address: 'Annan väg 1', address_key: 'ANNAN VÄG 1|11111', from_date: '2015-01-01', to_date: null }];
    expect(run({ foster_homes: [HOME], residences: p1Elsewhere, placements: [pl('a', '2024-01-01', null)] })).toHaveLength(0);
  });

  it('falls back on the current address (persons) for a parent without residence history', () => {
    const persons = (key: string) => [P1, P2].map((person_id) => ({ person_id, address: 'x', address_key: key }));
    expect(run({ foster_homes: [HOME], persons: persons('BJÖRKVÄGEN 3|12345'), placements: [pl('a', '2024-01-01', null)] })).toHaveLength(0);
    const hits = run({ foster_homes: [HOME], persons: persons('ANNAN VÄG 1|11111'), placements: [pl('a', '2024-01-01', null)] });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.evidence.some((e) => e.source.startsWith('persons.csv:'))).toBe(true);
    // A placement that ended before as-of is not judged on today's address.
    expect(run({ foster_homes: [HOME], persons: persons('ANNAN VÄG 1|11111'), placements: [pl('a', '2024-01-01', '2024-12-31')] })).toHaveLength(0);
  });

  it('a foster parent controls a company paid for the home’s placements', () => {
    const role = { org_nr: '5591234567', holder_id: P1, role: 'board_member', from_date: '2020-01-01' };
    const hits = run({ foster_homes: [HOME], residences: LIVE_THERE, roles: [role], placements: [pl('a', '2024-01-01', null, { payee_org_nr: '5591234567' })] });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.related_ids).toEqual(['5591234567']);
    expect(hits[0]!.evidence.some((e) => e.source === 'roles.csv:2')).toBe(true);
    // By payment for the home.
    const pay = { payer: 'Kommunen', payee_org_nr: '5591234567', paid_on: '2024-03-01', amount_sek: 50000, purpose: 'placement', home_id: 'FH1' };
    expect(run({ foster_homes: [HOME], residences: LIVE_THERE, roles: [role], payments: [pay] })).toHaveLength(1);
    // Near misses: auditor; owner with 10 %; role ended before the placement; payee is the parent's sole trader number.
    const place = [pl('a', '2024-01-01', null, { payee_org_nr: '5591234567' })];
    expect(run({ foster_homes: [HOME], residences: LIVE_THERE, roles: [{ ...role, role: 'auditor' }], placements: place })).toHaveLength(0);
    expect(run({ foster_homes: [HOME], residences: LIVE_THERE, roles: [{ ...role, role: 'owner', share_pct: 10 }], placements: place })).toHaveLength(0);
    expect(run({ foster_homes: [HOME], residences: LIVE_THERE, roles: [{ ...role, to_date: '2023-12-31' }], placements: place })).toHaveLength(0);
    expect(run({ foster_homes: [HOME], residences: LIVE_THERE, placements: [pl('a', '2024-01-01', null, { payee_org_nr: P1.slice(2) })] })).toHaveLength(0);
  });

  it('evaluable with employments only; requires foster_homes', () => {
    expect(signal.requires).toEqual(['foster_homes', ['placements', 'employments', 'payments']]);
  });
});

import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/serial-director';
import { buildWorld, type WorldSpec } from '../support/world';
import { orgNr } from '../support/fixtures';

const AS_OF = '2026-11-01';
const P = '198211026987';
const OWNER = '196001011238';
const A = orgNr('559100001'), B = orgNr('559100002'), C = orgNr('559100003'), D = orgNr('559100004'), E = orgNr('559100005');
const HOLDING = orgNr('559100009'), HOLDING2 = orgNr('559100008');
const run = (spec: WorldSpec, asOf = AS_OF, params = {}) => signal.evaluate({ facts: buildWorld(spec), asOf, params: { ...signal.defaults, ...params } });
const licence = (org: string, o: Record<string, unknown> = {}) => ({ licence_id: `L-${org}`, org_nr: org, kind: 'personal_assistance', status: 'granted', granted_on: '2015-01-01', status_on: '2015-01-01', ...o });
const board = (org: string, from: string | null, r = 'board_member', who = P) => ({ org_nr: org, holder_id: who, role: r, from_date: from });
const owns = (org: string, holder: string, share: number | null, from: string | null = '2010-01-01') => ({ org_nr: org, holder_id: holder, role: 'owner', share_pct: share, from_date: from });
const world = (roles: WorldSpec['roles'], licences: WorldSpec['licences'] = [A, B, C, D, E].map((o) => licence(o))): WorldSpec => ({
  companies: [A, B, C, D, E, HOLDING, HOLDING2].map((o, i) => ({ org_nr: o, name: `Bolag ${i + 1} AB` })),
  persons: [{ person_id: P, name: 'Anna Bergström' }],
  licences,
  roles,
});

describe('serial-director', () => {
  it('fires on formal roles started in four licence holders within 24 months (both ends included)', () => {
    const hits = run(world([board(A, '2024-01-15'), board(B, '2024-06-01', 'ceo'), board(C, '2025-03-01', 'signatory'), board(D, '2026-01-15', 'deputy_board_member')]));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'person', subject_id: P, related_ids: [A, B, C, D].sort(), severity: 3 });
    const sources = hits[0]!.evidence.map((e) => e.source);
    expect(sources).toEqual(expect.arrayContaining(['roles.csv:2', 'roles.csv:5', 'licences.csv:2', 'licences.csv:5']));
    expect(hits[0]!.evidence[0]!.text).toContain('2024-01-15');
  });

  it('near miss: the fourth start one day past 24 months', () => {
    expect(run(world([board(A, '2024-01-15'), board(B, '2024-06-01'), board(C, '2025-03-01'), board(D, '2026-01-16')]))).toEqual([]);
  });

  it('any four within some 24 months: an early start outside the window does not hide a later cluster', () => {
    const hits = run(world([board(E, '2018-01-01'), board(A, '2024-01-15'), board(B, '2024-06-01'), board(C, '2025-03-01'), board(D, '2025-06-01')]));
    expect(hits[0]!.related_ids).toEqual([A, B, C, D].sort());
  });

  it('near miss: four directorships inside one corporate group count once', () => {
    const roles = [board(A, '2024-01-15'), board(B, '2024-06-01'), board(C, '2025-03-01'), board(D, '2025-06-01')];
    // One company owns ≥ 50 % of the others.
    expect(run(world([...roles, owns(B, A, 100), owns(C, A, 51), owns(D, A, 50)]))).toEqual([]);
    // One owner (a holding company outside the sector) holds ≥ 50 % of all four.
    expect(run(world([...roles, ...[A, B, C, D].map((o) => owns(o, HOLDING, 100))]))).toEqual([]);
    // A person owner, through two holdings: the group is transitive.
    expect(run(world([...roles, owns(A, HOLDING, 100), owns(B, HOLDING, 100), owns(C, HOLDING2, 100), owns(D, HOLDING2, 60), owns(HOLDING, OWNER, 100), owns(HOLDING2, OWNER, 100)]))).toEqual([]);
    // Two of the four in one group leave three: no hit; a fifth company makes four again.
    expect(run(world([...roles, owns(B, A, 100)]))).toEqual([]);
    expect(run(world([...roles, board(E, '2025-07-01'), owns(B, A, 100)]))).toHaveLength(1);
  });

  it('ownership below 50 % or of unknown share makes no group', () => {
    const roles = [board(A, '2024-01-15'), board(B, '2024-06-01'), board(C, '2025-03-01'), board(D, '2025-06-01')];
    expect(run(world([...roles, owns(B, A, 49), owns(C, HOLDING, null), owns(D, HOLDING, 100)]))).toHaveLength(1);
  });

  it('holder or applicant at the role start or at as-of', () => {
    const roles = [board(A, '2024-01-15'), board(B, '2024-06-01'), board(C, '2025-03-01'), board(D, '2025-06-01')];
    // D: revoked before as-of, but granted when the role started.
    expect(run(world(roles, [licence(A), licence(B), licence(C), licence(D, { status: 'revoked', status_on: '2026-01-01' })]))).toHaveLength(1);
    // D: granted only after the role started, and still granted at as-of.
    expect(run(world(roles, [licence(A), licence(B), licence(C), licence(D, { granted_on: '2026-01-01', status_on: '2026-01-01' })]))).toHaveLength(1);
    // D: applied at the role start, rejected before as-of.
    expect(run(world(roles, [licence(A), licence(B), licence(C), licence(D, { status: 'rejected', granted_on: null, status_on: '2026-01-01' })]))).toEqual([]);
    // D: the licence came after the start and was revoked before as-of.
    expect(run(world(roles, [licence(A), licence(B), licence(C), licence(D, { status: 'revoked', granted_on: '2025-09-01', status_on: '2026-01-01' })]))).toEqual([]);
    // D: no licence at all.
    expect(run(world(roles, [licence(A), licence(B), licence(C)]))).toEqual([]);
  });

  it('near misses: roles that are not formal, starts without a date or after as-of, several roles in one company', () => {
    const three = [board(A, '2024-01-15'), board(B, '2024-06-01'), board(C, '2025-03-01')];
    expect(run(world([...three, board(D, '2025-06-01', 'owner')]))).toEqual([]);
    expect(run(world([...three, board(D, '2025-06-01', 'operations_manager')]))).toEqual([]);
    expect(run(world([...three, board(D, '2025-06-01', 'auditor')]))).toEqual([]);
    expect(run(world([...three, board(D, null)]))).toEqual([]);
    expect(run(world([...three, board(D, '2025-12-01')]), '2025-11-30')).toEqual([]);
    expect(run(world([...three, board(D, '2025-12-01')]), '2025-12-01')).toHaveLength(1);
    expect(run(world([...three, board(C, '2025-06-01', 'ceo')]))).toEqual([]);
  });

  it('parameters: number of companies, window and group share', () => {
    const roles = [board(A, '2024-01-15'), board(B, '2024-06-01'), board(C, '2025-03-01'), board(D, '2025-06-01'), owns(B, A, 40)];
    expect(run(world(roles))).toHaveLength(1);
    expect(run(world(roles), AS_OF, { groupSharePct: 40 })).toEqual([]);
    expect(run(world(roles), AS_OF, { minCompanies: 5 })).toEqual([]);
    expect(run(world(roles), AS_OF, { windowMonths: 12 })).toEqual([]);
  });
});

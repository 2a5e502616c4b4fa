import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/trading-ban-officer';
import { buildWorld, type WorldSpec } from '../support/world';

const run = (spec: WorldSpec, asOf = '2026-11-01') => signal.evaluate({ facts: buildWorld(spec), asOf, params: signal.defaults });
const P = '197506141634';
const A = '5598047925';
const B = '5592142102';
const ban = (from: string, to: string | null, kind = 'trading_ban') => ({ subject_id: P, subject_kind: 'person', kind, from_date: from, to_date: to, decision_ref: 'B 123-45' }) as const;
const role = (org: string, from: string | null, to: string | null, r = 'board_member') => ({ org_nr: org, holder_id: P, role: r, from_date: from, to_date: to });

describe('trading-ban-officer', () => {
  it('fires when a controlling role overlaps the ban, one hit per person listing the companies', () => {
    const hits = run({ companies: [{ org_nr: A, name: 'Alfa AB' }], sanctions: [ban('2022-01-01', '2025-01-01')], roles: [role(A, '2024-06-01', null), role(B, '2020-01-01', '2022-03-01', 'ceo')] });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'person', subject_id: P, related_ids: [A, B].sort(), severity: 4 });
    expect(hits[0]!.evidence.some((e) => e.source === 'sanctions.csv:2' && e.text.includes('näringsförbud') && e.text.includes('B 123-45'))).toBe(true);
  });

  it('boundaries: role ending the day the ban starts overlaps; ending the day before does not', () => {
    expect(run({ sanctions: [ban('2022-01-01', '2025-01-01')], roles: [role(A, '2020-01-01', '2022-01-01')] })).toHaveLength(1);
    expect(run({ sanctions: [ban('2022-01-01', '2025-01-01')], roles: [role(A, '2020-01-01', '2021-12-31')] })).toHaveLength(0);
    expect(run({ sanctions: [ban('2022-01-01', '2025-01-01')], roles: [role(A, '2025-01-02', null)] })).toHaveLength(0);
  });

  it('near miss: auditor during the ban; a conviction is not a trading ban', () => {
    expect(run({ sanctions: [ban('2022-01-01', null)], roles: [role(A, '2023-01-01', null, 'auditor')] })).toHaveLength(0);
    expect(run({ sanctions: [ban('2022-01-01', null, 'conviction')], roles: [role(A, '2023-01-01', null)] })).toHaveLength(0);
  });

  it('ongoing violation at as-of is severity 5; a ban starting after as-of does not exist', () => {
    expect(run({ sanctions: [ban('2025-01-01', null)], roles: [role(A, '2023-01-01', null)] })[0]!.severity).toBe(5);
    expect(run({ sanctions: [ban('2025-01-01', null)], roles: [role(A, '2023-01-01', null)] }, '2024-12-31')).toHaveLength(0);
  });
});

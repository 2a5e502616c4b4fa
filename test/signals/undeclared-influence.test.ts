import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/undeclared-influence';
import { buildWorld, type WorldSpec } from '../support/world';

const run = (spec: WorldSpec, asOf = '2026-11-01') => signal.evaluate({ facts: buildWorld(spec), asOf, params: signal.defaults });
const ORG = '5598047925';
const STRAW = '198211026987';
const HIDDEN = '197506141634';
const base = (roles: WorldSpec['roles'], reviews: WorldSpec['reviewed_persons'], licenceStatus = 'granted'): WorldSpec => ({
  companies: [{ org_nr: ORG, name: 'Omsorg AB' }],
  persons: [{ person_id: STRAW, name: 'Anna Bergström' }, { person_id: HIDDEN, name: 'Erik Lindqvist' }],
  licences: [{ licence_id: 'L1', org_nr: ORG, kind: 'hvb_children', status: licenceStatus, granted_on: '2020-01-01', status_on: licenceStatus === 'granted' ? '2020-01-01' : '2024-01-01' }],
  roles,
  reviewed_persons: reviews,
});
const role = (who: string, r: string, from: string | null, to: string | null = null, share: number | null = null) => ({ org_nr: ORG, holder_id: who, role: r, from_date: from, to_date: to, share_pct: share });
const review = (who: string, on: string, outcome = 'approved') => ({ org_nr: ORG, person_id: who, reviewed_on: on, outcome });

describe('undeclared-influence', () => {
  it('fires on a controlling person never reviewed for the company', () => {
    const hits = run(base([role(STRAW, 'ceo', '2019-06-01'), role(HIDDEN, 'beneficial_owner', '2019-06-01')], [review(STRAW, '2019-12-01')]));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'person', subject_id: HIDDEN, related_ids: [ORG], severity: 4 });
    expect(hits[0]!.evidence.some((e) => e.source.startsWith('reviewed_persons.csv:') && e.text.includes('2019-12-01'))).toBe(true);
  });

  it('fires when the role began after the last review; a role starting on the review day does not', () => {
    expect(run(base([role(STRAW, 'ceo', '2019-12-02')], [review(STRAW, '2019-12-01')]))).toHaveLength(1);
    expect(run(base([role(STRAW, 'ceo', '2019-12-01')], [review(STRAW, '2019-12-01')]))).toHaveLength(0);
  });

  it('a rejected review is not approval (severity 5)', () => {
    const hits = run(base([role(HIDDEN, 'chair', '2019-01-01')], [review(HIDDEN, '2019-12-01', 'rejected')]));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.severity).toBe(5);
  });

  it('near misses: no review rows, auditor, owner < 25 %, role ended, not a licence holder', () => {
    expect(run(base([role(HIDDEN, 'chair', '2019-01-01')], []))).toHaveLength(0);
    expect(run(base([role(STRAW, 'ceo', '2019-01-01'), role(HIDDEN, 'auditor', '2019-01-01')], [review(STRAW, '2019-12-01')]))).toHaveLength(0);
    expect(run(base([role(STRAW, 'ceo', '2019-01-01'), role(HIDDEN, 'owner', '2019-01-01', null, 20)], [review(STRAW, '2019-12-01')]))).toHaveLength(0);
    expect(run(base([role(STRAW, 'ceo', '2019-01-01'), role(HIDDEN, 'chair', '2019-01-01', '2025-01-01')], [review(STRAW, '2019-12-01')]))).toHaveLength(0);
    expect(run(base([role(STRAW, 'ceo', '2019-01-01'), role(HIDDEN, 'chair', '2019-01-01')], [review(STRAW, '2019-12-01')], 'revoked'))).toHaveLength(0);
  });

  it('as of: a review after the as-of date does not exist yet', () => {
    const spec = base([role(STRAW, 'ceo', '2019-01-01'), role(HIDDEN, 'chair', '2021-01-01')], [review(STRAW, '2019-12-01'), review(HIDDEN, '2022-01-01')]);
    expect(run(spec, '2021-06-01')).toHaveLength(1);
    expect(run(spec, '2022-06-01')).toHaveLength(0);
  });
});

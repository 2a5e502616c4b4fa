import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/financial-mismanagement';
import { buildWorld, type WorldSpec } from '../support/world';

const run = (spec: WorldSpec, asOf = '2026-11-01') => signal.evaluate({ facts: buildWorld(spec), asOf, params: signal.defaults });
const ORG = '5598047925';
const P = '197506141634';
const holder: WorldSpec = {
  companies: [{ org_nr: ORG, name: 'Omsorg AB' }],
  persons: [{ person_id: P, name: 'Erik Lindqvist' }],
  licences: [{ licence_id: 'L1', org_nr: ORG, kind: 'home_care', status: 'granted', granted_on: '2020-01-01' }],
  roles: [{ org_nr: ORG, holder_id: P, role: 'ceo', from_date: '2020-01-01', to_date: null }],
};
const debt = (subject: string, amount: number, extra: Record<string, unknown> = {}) => ({
  subject_id: subject, subject_kind: subject.length === 12 ? 'person' : 'company', kind: 'enforcement_debt', amount_sek: amount, occurred_on: '2025-03-01', ...extra,
}) as const;
const ev = (subject: string, kind: string, on: string) => ({ subject_id: subject, subject_kind: 'person', kind, amount_sek: 5000, occurred_on: on }) as const;

describe('financial-mismanagement', () => {
  it('fires on a licence holder with unresolved debt summing to exactly 50 000 SEK', () => {
    const hits = run({ ...holder, financial_events: [debt(ORG, 30_000), debt(ORG, 20_000, { kind: 'tax_arrears', occurred_on: '2025-06-01' })] });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'company', subject_id: ORG, related_ids: [], severity: 3 });
    expect(hits[0]!.evidence.some((e) => e.text.includes('50 000 kr'))).toBe(true);
    expect(hits[0]!.evidence.filter((e) => e.source.startsWith('financial_events.csv:'))).not.toHaveLength(0);
  });

  it('near miss: 49 999 SEK, resolved debt, or a debt kind that does not count', () => {
    expect(run({ ...holder, financial_events: [debt(ORG, 49_999)] })).toHaveLength(0);
    expect(run({ ...holder, financial_events: [debt(ORG, 90_000, { resolved_on: '2026-01-01' })] })).toHaveLength(0);
    expect(run({ ...holder, financial_events: [debt(ORG, 90_000, { kind: 'payment_remark' })] })).toHaveLength(0);
  });

  it('a debt resolved after the as-of date is unresolved at as-of; a debt incurred after it does not exist', () => {
    const spec = { ...holder, financial_events: [debt(ORG, 90_000, { resolved_on: '2026-01-01' })] };
    expect(run(spec, '2025-12-31')).toHaveLength(1);
    expect(run(spec, '2025-02-28')).toHaveLength(0);
  });

  it('fires on a controlling person with the company in related_ids', () => {
    const hits = run({ ...holder, financial_events: [debt(P, 60_000)] });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'person', subject_id: P, related_ids: [ORG] });
  });

  it('three repeated events within 24 months fire; spread over more than 24 months they do not', () => {
    const within = [ev(P, 'payment_order', '2023-01-10'), ev(P, 'late_tax_return', '2024-05-01'), ev(P, 'unpaid_fee', '2025-01-10')];
    expect(run({ ...holder, financial_events: within })).toHaveLength(1);
    const spread = [ev(P, 'payment_order', '2023-01-10'), ev(P, 'late_tax_return', '2024-05-01'), ev(P, 'unpaid_fee', '2025-01-11')];
    expect(run({ ...holder, financial_events: spread })).toHaveLength(0);
    const two = [ev(P, 'payment_order', '2024-01-10'), ev(P, 'payment_order', '2024-05-01'), ev(P, 'payment_remark', '2024-06-01')];
    expect(run({ ...holder, financial_events: two })).toHaveLength(0);
  });

  it('applicants count; persons whose role ended, auditors, and companies without licence do not', () => {
    const applicant = { ...holder, licences: [{ licence_id: 'L1', org_nr: ORG, kind: 'home_care', status: 'applied', status_on: '2025-01-01' }] };
    expect(run({ ...applicant, financial_events: [debt(ORG, 60_000)] })).toHaveLength(1);
    const ended = { ...holder, roles: [{ org_nr: ORG, holder_id: P, role: 'ceo', from_date: '2020-01-01', to_date: '2024-01-01' }] };
    expect(run({ ...ended, financial_events: [debt(P, 60_000)] })).toHaveLength(0);
    const auditor = { ...holder, roles: [{ org_nr: ORG, holder_id: P, role: 'auditor', from_date: '2020-01-01', to_date: null }] };
    expect(run({ ...auditor, financial_events: [debt(P, 60_000)] })).toHaveLength(0);
    const revoked = { ...holder, licences: [{ licence_id: 'L1', org_nr: ORG, kind: 'home_care', status: 'revoked', granted_on: '2020-01-01', status_on: '2024-01-01' }] };
    expect(run({ ...revoked, financial_events: [debt(ORG, 60_000)] })).toHaveLength(0);
  });
});

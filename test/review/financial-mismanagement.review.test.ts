import { describe, expect, it } from 'vitest';
import { analyse, companies, hitFor, org, pid, subjectsOf } from './support';

const S = 'financial-mismanagement';
const H = org(41), NOLIC = org(42), APPL = org(43), REV = org(44);
const CEO = pid('19720202', '135'), OWN10 = pid('19730303', '246'), EXCEO = pid('19740404', '357');
const base = {
  companies: companies(H, NOLIC, APPL, REV),
  roles: [
    { org_nr: H, holder_id: CEO, role: 'ceo', from: '2019-01-01' },
    { org_nr: H, holder_id: OWN10, role: 'owner', share_pct: '10', from: '2019-01-01' },
    { org_nr: H, holder_id: EXCEO, role: 'ceo', from: '2015-01-01', to: '2018-12-31' },
  ],
  licences: [
    { licence_id: 'LH', org_nr: H, kind: 'home_care', status: 'granted', granted_on: '2019-06-01' },
    { licence_id: 'LA', org_nr: APPL, kind: 'home_care', status: 'applied', status_on: '2024-06-01' },
    { licence_id: 'LR', org_nr: REV, kind: 'home_care', status: 'revoked', granted_on: '2015-01-01', status_on: '2023-01-01' },
  ],
};
const ev = (subject_id: string, kind: string, amount_sek: string | null, occurred_on: string, resolved_on: string | null = null) => ({ subject_id, kind, amount_sek, occurred_on, resolved_on, source: 'Kronofogden' });

describe('financial-mismanagement (independent review)', () => {
  it('licence holder with unresolved enforcement debt + tax arrears summing to exactly 50 000 SEK (Swedish amount formats) fires on the company', async () => {
    const out = await analyse({ ...base, financial_events: [ev(H, 'enforcement_debt', '30 000,00', '2024-01-10'), ev(H, 'tax_arrears', '20000', '2024-03-10')] }, '2025-01-01');
    expect(hitFor(out, S, H)?.subject_kind).toBe('company');
  });

  it('near misses: 49 999 SEK; debt resolved before as-of; debt of a payment_remark kind; company without licence', async () => {
    const out = await analyse({ ...base, financial_events: [
      ev(H, 'enforcement_debt', '49999', '2024-01-10'),
      ev(H, 'tax_arrears', '80000', '2023-01-10', '2024-12-31'),
      ev(H, 'payment_remark', '90000', '2024-01-10'),
      ev(NOLIC, 'enforcement_debt', '500000', '2024-01-10'),
    ] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([]);
  });

  it('as of: debt resolved after the as-of date is still unresolved; debt arising after as-of does not exist', async () => {
    const tables = { ...base, financial_events: [ev(H, 'tax_arrears', '60000', '2024-01-10', '2025-06-01'), ev(APPL, 'tax_arrears', '60000', '2025-02-01')] };
    expect(subjectsOf(await analyse(tables, '2025-01-01'), S)).toEqual([H]);
    expect(subjectsOf(await analyse(tables, '2025-07-01'), S)).toEqual([APPL]);
  });

  it('an applicant counts; a company whose licence was revoked before as-of is not a holder', async () => {
    const out = await analyse({ ...base, financial_events: [ev(APPL, 'enforcement_debt', '75000', '2024-01-10'), ev(REV, 'enforcement_debt', '75000', '2024-01-10')] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([APPL]);
  });

  it('a controlling person\'s own debt: hit on the person with the company in related_ids; owner 10 % and a former CEO do not', async () => {
    const out = await analyse({ ...base, persons: [{ person_id: CEO, name: 'Kim Ek' }], financial_events: [
      ev(CEO, 'enforcement_debt', '120000', '2024-01-10'),
      ev(OWN10, 'enforcement_debt', '120000', '2024-01-10'),
      ev(EXCEO, 'enforcement_debt', '120000', '2024-01-10'),
    ] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([CEO]);
    const h = hitFor(out, S, CEO)!;
    expect(h.subject_kind).toBe('person');
    expect(h.related_ids).toEqual([H]);
  });

  it('three events of payment_order / late_tax_return / unpaid_fee within 24 months fire, even when resolved', async () => {
    const out = await analyse({ ...base, financial_events: [
      ev(H, 'payment_order', '5000', '2023-02-01', '2023-03-01'), ev(H, 'late_tax_return', null, '2023-09-01'), ev(H, 'unpaid_fee', '1200', '2024-12-15'),
    ] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([H]);
  });

  it('near misses: three events spread over 25+ months; two events; other kinds (payment_remark, late_annual_report) do not count', async () => {
    const spread = await analyse({ ...base, financial_events: [
      ev(H, 'payment_order', '5000', '2022-01-01'), ev(H, 'payment_order', '5000', '2023-01-01'), ev(H, 'payment_order', '5000', '2024-02-15'),
    ] }, '2025-01-01');
    expect(subjectsOf(spread, S)).toEqual([]);
    const other = await analyse({ ...base, financial_events: [
      ev(H, 'payment_order', '5000', '2024-01-01'), ev(H, 'unpaid_fee', '5000', '2024-02-01'), ev(H, 'payment_remark', '5000', '2024-03-01'), ev(H, 'late_annual_report', null, '2024-04-01'),
    ] }, '2025-01-01');
    expect(subjectsOf(other, S)).toEqual([]);
  });

  it('as of: the third event after the as-of date does not exist yet', async () => {
    const tables = { ...base, financial_events: [ev(H, 'payment_order', '5000', '2024-01-01'), ev(H, 'payment_order', '5000', '2024-06-01'), ev(H, 'payment_order', '5000', '2025-02-01')] };
    expect(subjectsOf(await analyse(tables, '2025-01-31'), S)).toEqual([]);
    expect(subjectsOf(await analyse(tables, '2025-02-01'), S)).toEqual([H]);
  });

  it('coverage: without financial_events the signal is not evaluable', async () => {
    const out = await analyse(base, '2025-01-01');
    expect(out.coverage[S]?.evaluable).toBe(false);
    expect(out.coverage[S]?.reason).toMatch(/financial_events/);
  });
});

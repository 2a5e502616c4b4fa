import type { Planter } from './builder';

const S = 'financial-mismanagement';

/** Unresolved enforcement debt / tax arrears ≥ 50 000 SEK, or ≥ 3 payment orders etc. within 24 months. */
export function plantFinancial(p: Planter): void {
  {
    const l = p.licensed({ kind: 'home_care', registered: '2017-01-01', granted: '2018-03-01' });
    p.finance(l.org, 'enforcement_debt', 30_000, '2025-03-10');
    p.finance(l.org, 'tax_arrears', 25_000, '2025-09-01');
    p.fire(S, 'company', l.org, 'licence holder with unresolved enforcement debt 30 000 + tax arrears 25 000 = 55 000 SEK');
    p.notFire(S, 'person', l.filler!, 'board member of a company in debt; the person has no debts of their own');
  }
  {
    const l = p.licensed({ kind: 'personal_assistance', registered: '2016-01-01', granted: '2016-09-01' });
    p.finance(l.org, 'enforcement_debt', 50_000, '2026-02-01');
    p.fire(S, 'company', l.org, 'unresolved enforcement debt of exactly 50 000 SEK (≥ 50 000)');
  }
  {
    const l = p.licensed({ kind: 'hvb_adults', registered: '2015-01-01', granted: '2015-10-01', capacity: 10, ageMin: 18, ageMax: 65 });
    const ceo = p.person();
    p.role(l.org, ceo, 'ceo', '2019-01-01');
    p.finance(ceo, 'tax_arrears', 120_000, '2024-11-11');
    p.fire(S, 'person', ceo, `CEO of licence holder ${l.org} with unresolved tax arrears 120 000 SEK (related: the company)`);
    p.notFire(S, 'company', l.org, 'the company itself has no debts (its CEO has)');
  }
  {
    const org = p.company({ registered: '2024-02-01', trade: 'Stödboende' });
    p.role(org, p.person(), 'board_member', '2024-02-01');
    p.licence(org, { kind: 'supported_housing', status: 'applied', granted: null, statusOn: '2026-09-01', capacity: 6, ageMin: 16, ageMax: 20 });
    p.finance(org, 'payment_order', 18_400, '2025-01-10');
    p.finance(org, 'late_tax_return', null, '2025-08-15');
    p.finance(org, 'unpaid_fee', 6_200, '2026-06-01');
    p.fire(S, 'company', org, 'licence applicant with a payment order, a late tax return and an unpaid fee within 17 months');
  }
  {
    const org = p.company({ registered: '2025-05-01', trade: 'Assistans' });
    const chair = p.person();
    p.role(org, chair, 'chair', '2025-05-01');
    p.licence(org, { kind: 'personal_assistance', status: 'applied', granted: null, statusOn: '2026-08-15' });
    p.finance(chair, 'enforcement_debt', 45_000, '2024-03-01');
    p.finance(chair, 'enforcement_debt', 30_000, '2025-01-20');
    p.fire(S, 'person', chair, `chair of licence applicant ${org} with unresolved enforcement debts 45 000 + 30 000 SEK`);
    p.notFire(S, 'company', org, 'the applicant company has no debts of its own (its chair has)');
  }
  {
    const person = p.person();
    p.role(p.plain({ registered: '2010-01-01', trade: 'Bygg', filler: false }), person, 'board_member', '2010-01-01');
    p.finance(person, 'payment_order', 8_000, '2025-01-10');
    p.finance(person, 'payment_order', 9_500, '2025-04-10');
    p.finance(person, 'unpaid_fee', 2_000, '2025-07-10');
    p.notFire(S, 'person', person, 'three payment events within 6 months, but controls no licence holder or applicant');
  }
  {
    const l = p.licensed({ kind: 'dental_care', registered: '2016-01-01', granted: '2016-06-01' });
    p.finance(l.org, 'enforcement_debt', 80_000, '2024-06-01', '2026-12-15');
    p.fire(S, 'company', l.org, 'enforcement debt 80 000 SEK resolved only on 2026-12-15, after the as-of date');
  }
  {
    const l = p.licensed({ kind: 'home_care', registered: '2016-01-01', granted: '2016-06-01' });
    p.finance(l.org, 'enforcement_debt', 200_000, '2023-01-10', '2026-03-01');
    p.notFire(S, 'company', l.org, 'enforcement debt 200 000 SEK resolved 2026-03-01, before the as-of date');
  }
  {
    const l = p.licensed({ kind: 'relief_service', registered: '2016-01-01', granted: '2016-06-01' });
    p.finance(l.org, 'enforcement_debt', 24_999, '2025-04-01');
    p.finance(l.org, 'tax_arrears', 25_000, '2025-10-01');
    p.notFire(S, 'company', l.org, 'unresolved debts sum to 49 999 SEK (< 50 000)');
  }
  {
    const l = p.licensed({ kind: 'personal_assistance', registered: '2016-01-01', granted: '2016-06-01' });
    p.finance(l.org, 'payment_order', 9_800, '2022-01-10');
    p.finance(l.org, 'late_tax_return', null, '2023-03-01');
    p.finance(l.org, 'unpaid_fee', 4_500, '2024-02-15');
    p.notFire(S, 'company', l.org, 'three events spread over 25 months: no 24-month window holds all three');
  }
  {
    const l = p.licensed({ kind: 'escort_service', registered: '2016-01-01', granted: '2016-06-01' });
    p.finance(l.org, 'payment_order', 12_000, '2025-02-01');
    p.finance(l.org, 'unpaid_fee', 3_000, '2025-06-01');
    p.finance(l.org, 'payment_remark', 12_000, '2025-09-01');
    p.notFire(S, 'company', l.org, 'two counted events; the third is a payment remark, which is not counted');
  }
  {
    const org = p.plain({ registered: '2012-01-01', trade: 'Bygg' });
    p.finance(org, 'enforcement_debt', 300_000, '2025-01-01');
    p.notFire(S, 'company', org, 'large debt but neither licence holder, applicant nor controlling person of one');
  }
  {
    const l = p.licensed({ kind: 'home_care', registered: '2016-01-01', granted: '2016-06-01' });
    p.finance(l.org, 'enforcement_debt', 100_000, '2026-12-10');
    p.notFire(S, 'company', l.org, 'debt registered 2026-12-10, after the as-of date');
  }
  {
    const l = p.licensed({ kind: 'home_care', registered: '2016-01-01', granted: '2016-06-01' });
    const auditor = p.person();
    p.role(l.org, auditor, 'auditor', '2018-01-01');
    p.finance(auditor, 'tax_arrears', 150_000, '2025-01-01');
    p.notFire(S, 'person', auditor, 'tax arrears 150 000 SEK but only auditor of the licence holder');
  }
  {
    const r = p.licensed({ kind: 'hvb_children', status: 'revoked', registered: '2015-01-01', granted: '2015-06-01', statusOn: '2024-08-01', capacity: 6, ageMin: 13, ageMax: 17 });
    p.finance(r.org, 'enforcement_debt', 500_000, '2025-01-01');
    p.notFire(S, 'company', r.org, 'large debt, but its only licence was revoked: not a licence holder or applicant');
  }
  {
    const l = p.licensed({ kind: 'care_provider', registered: '2016-01-01', granted: '2016-06-01' });
    p.finance(l.org, 'payment_remark', 500_000, '2025-01-01');
    p.finance(l.org, 'late_annual_report', null, '2025-07-01');
    p.notFire(S, 'company', l.org, 'payment remark and late annual report are not counted kinds');
  }
}

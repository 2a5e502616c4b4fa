import type { Planter } from './builder';

/** Over-capacity (each trigger) and operating without a fitting licence. */
export function plantLicenceUse(p: Planter): void {
  plantOverCapacity(p);
  plantWithoutLicence(p);
}

function plantOverCapacity(p: Planter): void {
  const S = 'over-capacity';
  const hvb = (capacity: number, kind = 'hvb_children', ageMin = 13, ageMax = 17) =>
    p.licensed({ kind, registered: '2015-01-01', granted: '2016-01-01', capacity, ageMin, ageMax });
  const place = (l: { org: string; licence: string }, from: string, to: string | null, birthYear = 2010) =>
    p.placement({ licence: l.licence, from, to, birthYear, payee: l.org, municipality: 'Göteborg' });
  {
    const l = hvb(4);
    for (let i = 0; i < 5; i++) place(l, `2025-0${3 + i}-01`, null, 2010 + (i % 2));
    p.fire(S, 'licence', l.licence, 'five children placed at once from 2025-07-01, capacity 4');
  }
  {
    const l = hvb(6, 'lss_housing_children', 7, 17);
    place(l, '2025-02-01', null, 2014);
    place(l, '2025-04-01', '2025-12-31', 2004);
    p.fire(S, 'licence', l.licence, 'a child born 2004 (about 21) placed 2025-04-01 at a unit licensed for ages 7–17');
  }
  {
    const l = hvb(8);
    p.inspection(l.org, l.licence, '2025-05-10', 'deficiencies_followup', ['over_capacity'], 'Fler placerade än tillståndet medger');
    p.fire(S, 'licence', l.licence, 'inspection 2025-05-10 tagged over_capacity');
  }
  {
    const l = hvb(8, 'supported_housing', 16, 20);
    p.inspection(l.org, l.licence, '2025-09-01', 'deficiencies', ['target_group_outside_licence', 'staff_competence'], 'Placerade utanför målgruppen');
    p.fire(S, 'licence', l.licence, 'inspection 2025-09-01 tagged target_group_outside_licence');
  }
  {
    const l = hvb(4);
    for (let i = 0; i < 4; i++) place(l, `2025-0${3 + i}-01`, null);
    p.notFire(S, 'licence', l.licence, 'exactly four children at once, capacity 4');
  }
  {
    const l = hvb(4);
    const periods: [string, string | null][] = [['2024-01-01', '2024-05-31'], ['2024-02-01', '2024-09-30'], ['2024-03-01', '2024-12-31'], ['2024-07-01', '2025-06-30'], ['2025-01-15', null], ['2025-07-15', null]];
    for (const [from, to] of periods) place(l, from, to);
    p.notFire(S, 'licence', l.licence, 'six placements over time, never more than three at once (capacity 4)');
  }
  {
    const l = hvb(6);
    place(l, '2025-02-01', '2025-10-31', 2010);
    p.notFire(S, 'licence', l.licence, 'child born 2010 placed 2025 (about 15) inside the licensed ages 13–17');
  }
  {
    const l = hvb(6);
    p.inspection(l.org, l.licence, '2025-03-03', 'deficiencies', ['staff_competence', 'restraint']);
    p.notFire(S, 'licence', l.licence, 'inspection with deficiencies, but not tagged over_capacity or target_group_outside_licence');
  }
  {
    const l = hvb(3);
    for (let i = 0; i < 3; i++) place(l, `2026-0${3 + i}-01`, null);
    place(l, '2026-12-01', null);
    p.notFire(S, 'licence', l.licence, 'three children at capacity 3; a fourth placement starts 2026-12-01, after the as-of date');
  }
  {
    const l = hvb(6);
    p.inspection(l.org, l.licence, '2026-12-03', 'deficiencies_followup', ['over_capacity']);
    p.notFire(S, 'licence', l.licence, 'the over_capacity inspection is dated 2026-12-03, after the as-of date');
  }
}

function plantWithoutLicence(p: Planter): void {
  const S = 'operating-without-licence';
  {
    const org = p.plain({ registered: '2024-11-01', trade: 'Assistans' });
    p.monthly({ payee: org, from: '2025-06-30', months: 7, amount: 312_000, purpose: 'assistance', payer: 'Försäkringskassan' });
    p.fire(S, 'company', org, 'paid for personal assistance 2025-06 – 2025-12 without any licence');
  }
  {
    const r = p.licensed({ kind: 'hvb_children', status: 'revoked', registered: '2018-01-01', granted: '2019-01-01', statusOn: '2025-04-01', capacity: 4, ageMin: 13, ageMax: 17 });
    p.placement({ licence: r.licence, from: '2025-06-01', to: null, birthYear: 2011, payee: r.org });
    p.monthly({ payee: r.org, from: '2025-07-31', months: 4, amount: 145_000, purpose: 'placement', licence: r.licence });
    p.fire(S, 'company', r.org, 'placement from 2025-06-01 and payments after the licence was revoked 2025-04-01');
  }
  {
    const l = p.licensed({ kind: 'hvb_adults', registered: '2025-01-10', granted: '2025-09-01', capacity: 10, ageMin: 18, ageMax: 65 });
    p.monthly({ payee: l.org, from: '2025-05-31', months: 6, amount: 98_000, purpose: 'placement', licence: l.licence });
    p.fire(S, 'company', l.org, 'paid for placements from 2025-05-31, before the licence was granted 2025-09-01');
  }
  {
    const l = p.licensed({ kind: 'dental_care', registered: '2015-01-01', granted: '2015-06-01' });
    p.monthly({ payee: l.org, from: '2025-03-31', months: 3, amount: 87_500, purpose: 'assistance', payer: 'Försäkringskassan' });
    p.fire(S, 'company', l.org, 'paid for assistance but holds only a dental care licence (no fitting kind)');
  }
  {
    const l = p.licensed({ kind: 'aesthetic_clinic', registered: '2015-01-01', granted: '2015-06-01' });
    p.monthly({ payee: l.org, from: '2025-03-31', months: 3, amount: 22_000, purpose: 'care', payer: 'Region Stockholm' });
    p.notFire(S, 'company', l.org, 'paid for care: any granted licence kind fits');
  }
  {
    const l = p.licensed({ kind: 'consultant_support', registered: '2015-01-01', granted: '2015-06-01' });
    p.monthly({ payee: l.org, from: '2025-01-31', months: 4, amount: 54_000, purpose: 'placement' });
    p.notFire(S, 'company', l.org, 'paid for placements while holding a consultant support licence (fits)');
  }
  {
    const r = p.licensed({ kind: 'hvb_children', status: 'revoked', registered: '2016-01-01', granted: '2017-01-01', statusOn: '2025-04-01', capacity: 4, ageMin: 13, ageMax: 17 });
    p.placement({ licence: r.licence, from: '2024-01-10', to: '2025-03-15', birthYear: 2010, payee: r.org });
    p.monthly({ payee: r.org, from: '2024-01-31', months: 14, amount: 140_000, purpose: 'placement', licence: r.licence });
    p.notFire(S, 'company', r.org, 'placement and payments all before the revocation 2025-04-01');
  }
  {
    const l = p.licensed({ kind: 'dental_care', registered: '2015-01-01', granted: '2015-06-01' });
    p.monthly({ payee: l.org, from: '2025-01-31', months: 4, amount: 31_000, purpose: 'dental_support', payer: 'Försäkringskassan' });
    p.notFire(S, 'company', l.org, 'dental support paid to a dental care licence holder');
    p.fire('dental-support-without-dentist', 'company', l.org, 'dental support 2025-01 – 2025-04 (124 000 kr) to a clinic with no dentist employed');
  }
}

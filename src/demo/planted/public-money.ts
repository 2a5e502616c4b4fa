import type { Planter } from './builder';

/**
 * Contract §7.2, public money on false grounds: placement fees far above their group-year's median,
 * and dental support paid in months without a licensed dentist.
 */
export function plantPublicMoney(p: Planter): void {
  plantFeeOutliers(p);
  plantDentalSupport(p);
}

/**
 * Fee outliers. Children's residential placements are compared with peers planted here (about
 * 5 000 kr a day) and, at larger scales, with the background's (2 500–7 500 kr, median 5 000), so
 * the cases keep their factor at every scale. The group-year cases with 19 and 20 peers use
 * foster-home support (consultant_support licences), a placement group the background leaves
 * empty.
 */
function plantFeeOutliers(p: Planter): void {
  const S = 'fee-outlier';
  const hvb = () => p.licensed({ kind: 'hvb_children', registered: '2014-01-01', granted: '2014-09-01', capacity: 10, ageMin: 13, ageMax: 17 });
  // 24 peers in 2026 at three HVB (8 each, within capacity), fees 4 700–5 300.
  for (let k = 0; k < 3; k++) {
    const h = hvb();
    for (let i = 0; i < 8; i++) p.placement({ licence: h.licence, from: '2026-01-12', to: '2026-09-30', birthYear: 2011, payee: h.org, fee: 4_700 + (k * 8 + i) * 25 });
  }
  {
    const h = hvb();
    p.placement({ licence: h.licence, from: '2026-02-01', birthYear: 2010, payee: h.org, fee: 20_000 });
    p.fire(S, 'company', h.org, 'HVB placement at 20 000 kr a day, about 4 × the 2026 median of children\'s residential placements');
  }
  {
    const h = hvb();
    p.placement({ licence: h.licence, from: '2026-02-01', birthYear: 2010, payee: h.org, fee: 12_500 });
    p.notFire(S, 'company', h.org, '12 500 kr a day, about 2.5 × the median (below 3 ×)');
  }
  {
    const h = hvb();
    p.placement({ licence: h.licence, from: '2025-03-01', to: '2025-09-30', birthYear: 2010, payee: h.org, fee: 25_000 });
    p.notFire(S, 'company', h.org, 'an outlier fee, but the placement ended 2025-09-30, before the 12 months before as-of');
  }
  {
    const h = hvb();
    p.placement({ licence: h.licence, from: '2026-11-15', birthYear: 2010, payee: h.org, fee: 25_000 });
    p.notFire(S, 'company', h.org, 'an outlier fee in a placement starting 2026-11-15, after the as-of date');
  }
  {
    // Foster homes, compared with foster homes: ten homes with two children each at 1 400–1 590 kr.
    for (let k = 0; k < 10; k++) {
      const addr = p.addr();
      const home = p.home({ addr, parents: [p.person({ addr }), p.person({ addr })], capacity: 2, approved: '2020-03-01' });
      for (let i = 0; i < 2; i++) p.placement({ home, from: '2026-01-05', birthYear: 2014, fee: 1_400 + (k * 2 + i) * 10, municipality: addr.municipality });
    }
    const addr = p.addr();
    const home = p.home({ addr, parents: [p.person({ addr })], capacity: 2, approved: '2020-03-01' });
    p.placement({ home, from: '2026-03-01', birthYear: 2013, fee: 6_000, municipality: addr.municipality });
    p.fire(S, 'foster_home', home, 'foster home paid 6 000 kr a day, about 4 × the 2026 median for foster homes; nobody else is paid, so the hit is on the home');
  }
  const consultant = () => p.licensed({ kind: 'consultant_support', registered: '2014-01-01', granted: '2014-09-01' });
  {
    // 2025: 20 peers besides the outlier.
    const peers = consultant();
    for (let i = 0; i < 20; i++) p.placement({ licence: peers.licence, from: '2025-02-01', to: '2025-10-31', birthYear: 2012, payee: peers.org, fee: 1_900 + i * 10 });
    const c = consultant();
    p.placement({ licence: c.licence, from: '2025-11-15', to: '2025-12-31', birthYear: 2012, payee: c.org, fee: 7_000 });
    p.fire(S, 'company', c.org, 'foster-home support placement at 7 000 kr in 2025, compared with exactly 20 peers with a fee');
  }
  {
    // 2026: 19 peers besides the outlier.
    const peers = consultant();
    for (let i = 0; i < 19; i++) p.placement({ licence: peers.licence, from: '2026-01-10', to: '2026-06-30', birthYear: 2012, payee: peers.org, fee: 1_900 + i * 10 });
    const c = consultant();
    p.placement({ licence: c.licence, from: '2026-02-01', birthYear: 2012, payee: c.org, fee: 7_000 });
    p.notFire(S, 'company', c.org, 'near miss: a high fee in a group-year with 19 peers (below 20)');
  }
}

function plantDentalSupport(p: Planter): void {
  const S = 'dental-support-without-dentist';
  const clinic = () => p.licensed({ kind: 'dental_care', registered: '2012-01-01', granted: '2012-06-01' });
  const staff = (org: string, profession: string, from: string, to: string | null = null, granted = '2008-06-01') => {
    const pid = p.person();
    p.legitimation(pid, profession, granted);
    p.employment({ org, pid, profession, from, to });
    return pid;
  };
  const fk = (org: string, from: string, months: number, amount: number, purpose = 'dental_support') =>
    p.monthly({ payee: org, from, months, amount, purpose, payer: 'Försäkringskassan' });
  {
    const c = clinic();
    staff(c.org, 'dental_hygienist', '2019-01-01');
    staff(c.org, 'dental_hygienist', '2021-04-01');
    fk(c.org, '2026-01-28', 6, 45_000);
    p.fire(S, 'company', c.org, 'dental support 2026-01 – 2026-06 (270 000 kr) to a clinic with hygienists but no dentist');
  }
  {
    const c = clinic();
    staff(c.org, 'dentist', '2015-01-01', '2025-12-31');
    staff(c.org, 'dental_hygienist', '2016-01-01');
    fk(c.org, '2025-09-28', 8, 150_000);
    p.fire(S, 'company', c.org, 'the only dentist left 2025-12-31; dental support 2026-01 – 2026-04 went on (600 000 kr, severity 5)');
  }
  {
    const c = clinic();
    staff(c.org, 'dental_hygienist', '2019-01-01');
    staff(c.org, 'dentist', '2026-03-31', null, '2026-03-31');
    p.payment({ payee: c.org, paid: '2026-03-05', amount: 30_000, purpose: 'dental_support', payer: 'Försäkringskassan' });
    fk(c.org, '2026-04-28', 2, 30_000);
    p.notFire(S, 'company', c.org, 'near miss: the dentist was employed and licensed on 2026-03-31, the last day of the first paid month');
  }
  {
    const c = clinic();
    staff(c.org, 'dental_hygienist', '2019-01-01');
    p.payment({ payee: c.org, paid: '2026-05-12', amount: 9_500, purpose: 'dental_support', payer: 'Försäkringskassan' });
    p.notFire(S, 'company', c.org, '9 500 kr of dental support without a dentist (below 10 000 kr)');
  }
  {
    const c = clinic();
    staff(c.org, 'dentist', '2013-01-01', '2024-05-31');
    fk(c.org, '2024-06-28', 3, 60_000);
    p.notFire(S, 'company', c.org, 'dental support without a dentist only in 2024-06 – 2024-08, more than 24 months before as-of');
  }
  {
    const c = clinic();
    staff(c.org, 'dental_hygienist', '2019-01-01');
    fk(c.org, '2026-02-28', 3, 40_000, 'care');
    p.notFire(S, 'company', c.org, 'payments for care (not dental support) to a clinic without a dentist');
  }
}

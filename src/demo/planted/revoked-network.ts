import type { Planter } from './builder';

const S = 'revoked-network';

/** Controlling roles in ≥ 2 revoked companies, active in the 24 months before each revocation. */
export function plantRevokedNetwork(p: Planter): void {
  // Fire: board of A until after A's revocation; CEO of B until 16 months before B's revocation.
  {
    const erik = p.person({ birth: '1975-06-14' });
    const a = p.licensed({ kind: 'hvb_children', status: 'revoked', registered: '2016-04-12', granted: '2017-01-20', statusOn: '2023-05-15', capacity: 8, ageMin: 13, ageMax: 17 });
    const b = p.licensed({ kind: 'supported_housing', status: 'revoked', registered: '2018-11-05', granted: '2019-08-01', statusOn: '2025-09-30', capacity: 10, ageMin: 16, ageMax: 20 });
    p.role(a.org, erik, 'board_member', '2019-01-01', '2023-06-30');
    p.role(b.org, erik, 'ceo', '2020-03-01', '2024-05-31');
    p.fire(S, 'person', erik, 'board of A (revoked 2023-05-15); CEO of B until 2024-05-31, 16 months before B was revoked 2025-09-30');
    p.notFire(S, 'person', a.filler!, 'board of one revoked company only');
    p.notFire(S, 'person', b.filler!, 'board of one revoked company only');
    p.notFire(S, 'company', a.org, 'a revoked company holds no roles itself');
  }
  // Fire: foreign officer with an ext: id, banned and temporarily banned companies.
  {
    const dag = p.person({ ext: 'ext:NO-150278-44871', name: 'Dag Hovland' });
    const c = p.licensed({ kind: 'lss_housing_adults', status: 'banned', registered: '2020-02-03', granted: '2020-10-01', statusOn: '2024-02-20', capacity: 6, ageMin: 18, ageMax: 67 });
    const d = p.licensed({ kind: 'home_care', status: 'temporarily_banned', registered: '2021-06-15', granted: '2021-12-01', statusOn: '2025-06-01' });
    p.role(c.org, dag, 'chair', '2021-01-01');
    p.role(d.org, dag, 'board_member', '2022-05-01');
    p.fire(S, 'person', dag, 'ext: officer; chair of C (banned 2024-02-20) and board of D (temporarily banned 2025-06-01)');
  }
  // Fire: a holding company owning 80 % and 60 % of two revoked assistance companies; near misses around it.
  {
    const holding = p.plain({ registered: '2017-03-01', trade: 'Holding' });
    const minority = p.plain({ registered: '2016-05-01', trade: 'Invest' });
    const e = p.licensed({ kind: 'personal_assistance', status: 'revoked', registered: '2018-02-01', granted: '2018-06-01', statusOn: '2024-04-10' });
    const f = p.licensed({ kind: 'personal_assistance', status: 'revoked', registered: '2019-01-15', granted: '2019-05-01', statusOn: '2025-01-20' });
    p.role(e.org, holding, 'owner', '2019-01-01', null, 80);
    p.role(f.org, holding, 'owner', '2019-05-01', null, 60);
    p.role(e.org, minority, 'owner', '2019-01-01', null, 20);
    p.role(f.org, minority, 'owner', '2019-05-01', null, 15);
    const holdingBoard = p.person();
    p.role(holding, holdingBoard, 'ceo', '2017-03-01');
    p.fire(S, 'company', holding, 'holding company owns 80 % / 60 % of two revoked assistance companies');
    p.notFire(S, 'company', minority, 'owner with 20 % / 15 % is not a controlling role');
    p.notFire(S, 'person', holdingBoard, 'controls the holding company but holds no role in the revoked companies themselves');
  }
  // Fire: owner with unknown share (counts as controlling).
  {
    const owner = p.person();
    const g1 = p.licensed({ kind: 'escort_service', status: 'revoked', registered: '2015-03-01', granted: '2015-09-01', statusOn: '2022-09-01' });
    const g2 = p.licensed({ kind: 'relief_service', status: 'revoked', registered: '2016-01-10', granted: '2016-06-01', statusOn: '2023-03-15' });
    p.role(g1.org, owner, 'owner', '2017-01-01');
    p.role(g2.org, owner, 'owner', '2017-01-01');
    p.fire(S, 'person', owner, 'owner with unknown share (counts as controlling) of two revoked companies');
  }
  // Fire: owner with exactly 25 %.
  {
    const owner = p.person();
    const g3 = p.licensed({ kind: 'hvb_adults', status: 'revoked', registered: '2016-02-01', granted: '2016-10-01', statusOn: '2024-06-01', capacity: 12, ageMin: 18, ageMax: 65 });
    const g4 = p.licensed({ kind: 'lss_housing_adults', status: 'revoked', registered: '2017-02-01', granted: '2017-10-01', statusOn: '2025-02-01', capacity: 5, ageMin: 18, ageMax: 67 });
    p.role(g3.org, owner, 'owner', '2018-01-01', null, 25);
    p.role(g4.org, owner, 'owner', '2018-01-01', null, 25);
    p.fire(S, 'person', owner, 'owner with exactly 25 % (≥ 25 % is controlling) of two revoked companies');
  }
  // Fire: föreståndare (operations_manager) of two revoked units.
  {
    const manager = p.person();
    const g5 = p.licensed({ kind: 'hvb_children', status: 'revoked', registered: '2014-05-01', granted: '2015-01-01', statusOn: '2021-10-01', capacity: 6, ageMin: 12, ageMax: 17 });
    const g6 = p.licensed({ kind: 'lss_housing_children', status: 'banned', registered: '2018-05-01', granted: '2019-01-01', statusOn: '2025-03-15', capacity: 4, ageMin: 7, ageMax: 17 });
    p.role(g5.org, manager, 'operations_manager', '2019-01-01', '2021-12-31');
    p.role(g6.org, manager, 'operations_manager', '2024-01-01');
    p.fire(S, 'person', manager, 'operations manager (föreståndare) of two revoked units');
  }
  // Fire: deputy board member (a controlling role: all roles but auditor and liquidator are).
  {
    const deputy = p.person();
    const x = p.licensed({ kind: 'short_stay', status: 'revoked', registered: '2015-04-01', granted: '2015-10-01', statusOn: '2023-08-20', capacity: 6, ageMin: 7, ageMax: 17 });
    const y = p.licensed({ kind: 'hvb_children', status: 'temporarily_banned', registered: '2016-04-01', granted: '2016-10-01', statusOn: '2026-04-15', capacity: 6, ageMin: 13, ageMax: 17 });
    p.role(x.org, deputy, 'deputy_board_member', '2018-01-01');
    p.role(y.org, deputy, 'deputy_board_member', '2018-01-01');
    p.fire(S, 'person', deputy, 'deputy board member (controlling) of two companies revoked 2023-08-20 and temporarily banned 2026-04-15');
  }
  // Fire: role ended 23 months before the second revocation (inside the 24-month window, by ~5 weeks).
  {
    const person = p.person();
    const g7 = p.licensed({ kind: 'consultant_support', status: 'revoked', registered: '2015-01-01', granted: '2015-06-01', statusOn: '2024-02-01' });
    const g8 = p.licensed({ kind: 'home_care', status: 'revoked', registered: '2016-01-01', granted: '2016-06-01', statusOn: '2025-06-10' });
    p.role(g7.org, person, 'board_member', '2020-01-01', '2024-03-01');
    p.role(g8.org, person, 'ceo', '2021-01-01', '2023-07-15');
    p.fire(S, 'person', person, 'CEO of G8 until 2023-07-15, ~23 months before its revocation 2025-06-10 (window starts 2023-06-10)');
  }
  // Not fire: one revoked company and one healthy licence holder.
  {
    const person = p.person();
    const g9 = p.licensed({ kind: 'hvb_children', status: 'revoked', registered: '2014-01-01', granted: '2014-08-01', statusOn: '2024-11-20', capacity: 6, ageMin: 13, ageMax: 17 });
    const g10 = p.licensed({ kind: 'hvb_children', registered: '2015-01-01', granted: '2016-01-01', capacity: 6, ageMin: 13, ageMax: 17 });
    p.role(g9.org, person, 'board_member', '2016-01-01');
    p.role(g10.org, person, 'board_member', '2016-01-01');
    p.notFire(S, 'person', person, 'exactly one revoked company (the other licence is granted)');
  }
  // Not fire: two revoked companies but the roles ended more than 4 years before the revocations.
  {
    const person = p.person();
    const g11 = p.licensed({ kind: 'hvb_children', status: 'revoked', registered: '2011-01-01', granted: '2011-06-01', statusOn: '2021-03-01', capacity: 6, ageMin: 13, ageMax: 17 });
    const g12 = p.licensed({ kind: 'personal_assistance', status: 'revoked', registered: '2012-01-01', granted: '2012-06-01', statusOn: '2022-08-01' });
    p.role(g11.org, person, 'board_member', '2012-01-01', '2016-12-31');
    p.role(g12.org, person, 'chair', '2013-01-01', '2017-06-30');
    p.notFire(S, 'person', person, 'two revoked companies but roles ended > 4 years before the revocations');
  }
  // Not fire: auditor only.
  {
    const person = p.person();
    const g13 = p.licensed({ kind: 'home_care', status: 'revoked', registered: '2015-01-01', granted: '2015-06-01', statusOn: '2023-10-01' });
    const g14 = p.licensed({ kind: 'personal_assistance', status: 'revoked', registered: '2015-02-01', granted: '2015-07-01', statusOn: '2024-10-01' });
    p.role(g13.org, person, 'auditor', '2018-01-01');
    p.role(g14.org, person, 'auditor', '2018-01-01');
    p.notFire(S, 'person', person, 'auditor only (not a controlling role)');
  }
  // Not fire: owner 10 % / 15 %, and 24.9 % / 24.9 %.
  for (const [a, b, note] of [[10, 15, 'owner with 10 % / 15 % is not controlling'], [24.9, 24.9, 'owner with 24.9 % (< 25 %) is not controlling']] as const) {
    const person = p.person();
    const x = p.licensed({ kind: 'relief_service', status: 'revoked', registered: '2015-01-01', granted: '2015-06-01', statusOn: '2023-06-01' });
    const y = p.licensed({ kind: 'escort_service', status: 'revoked', registered: '2015-01-01', granted: '2015-06-01', statusOn: '2024-06-01' });
    p.role(x.org, person, 'owner', '2018-01-01', null, a);
    p.role(y.org, person, 'owner', '2018-01-01', null, b);
    p.notFire(S, 'person', person, note);
  }
  // Not fire: licences expired / withdrawn / rejected, never revoked.
  {
    const person = p.person();
    for (const [status, on] of [['expired', '2023-01-01'], ['withdrawn', '2022-05-01'], ['rejected', '2021-03-01']] as const) {
      const x = p.licensed({ kind: 'hvb_children', status, registered: '2015-01-01', granted: status === 'rejected' ? null : '2016-01-01', statusOn: on, capacity: 6, ageMin: 13, ageMax: 17 });
      p.role(x.org, person, 'board_member', '2016-01-01');
    }
    p.notFire(S, 'person', person, 'licences expired / withdrawn / rejected, never revoked');
  }
  // Not fire: the second company's role began after its revocation.
  {
    const person = p.person();
    const g20 = p.licensed({ kind: 'hvb_adults', status: 'revoked', registered: '2016-01-01', granted: '2016-06-01', statusOn: '2023-04-01', capacity: 8, ageMin: 18, ageMax: 65 });
    const g21 = p.licensed({ kind: 'lss_housing_adults', status: 'revoked', registered: '2017-01-01', granted: '2018-01-01', statusOn: '2024-10-01', capacity: 5, ageMin: 18, ageMax: 67 });
    p.role(g20.org, person, 'board_member', '2019-01-01');
    p.role(g21.org, person, 'board_member', '2025-01-15');
    p.notFire(S, 'person', person, "second company's role began 2025-01-15, after its revocation 2024-10-01");
  }
  // Not fire: one company with two revoked licences = one distinct company.
  {
    const person = p.person();
    const g22 = p.licensed({ kind: 'hvb_children', status: 'revoked', registered: '2016-01-01', granted: '2016-06-01', statusOn: '2023-02-01', capacity: 6, ageMin: 13, ageMax: 17 });
    p.licence(g22.org, { kind: 'supported_housing', status: 'revoked', granted: '2017-01-01', statusOn: '2023-09-01', capacity: 6, ageMin: 16, ageMax: 20 });
    p.role(g22.org, person, 'ceo', '2018-01-01');
    p.notFire(S, 'person', person, 'one company with two revoked licences = one distinct company');
  }
  // Not fire: liquidator only, appointed after the revocations.
  {
    const person = p.person();
    const g23 = p.licensed({ kind: 'home_care', status: 'revoked', registered: '2016-01-01', granted: '2016-06-01', statusOn: '2023-05-01' });
    const g24 = p.licensed({ kind: 'personal_assistance', status: 'revoked', registered: '2016-01-01', granted: '2016-06-01', statusOn: '2024-03-01' });
    p.role(g23.org, person, 'liquidator', '2023-08-01');
    p.role(g24.org, person, 'liquidator', '2024-05-01');
    p.notFire(S, 'person', person, 'liquidator only, appointed after the revocations');
  }
  // Not fire: a person with no roles at all.
  p.notFire(S, 'person', p.person(), 'person with no roles at all');
  p.notFire(S, 'person', p.person({ birth: '1921-03-14' }), 'person born 1921 (personnummer written with +) with no roles');
  // Not fire: the second revocation takes effect after the as-of date.
  {
    const person = p.person();
    const g25 = p.licensed({ kind: 'hvb_children', status: 'revoked', registered: '2016-01-01', granted: '2016-06-01', statusOn: '2024-05-01', capacity: 6, ageMin: 13, ageMax: 17 });
    const g26 = p.licensed({ kind: 'supported_housing', status: 'revoked', registered: '2016-01-01', granted: '2016-06-01', statusOn: '2026-12-15', capacity: 6, ageMin: 16, ageMax: 20 });
    p.role(g25.org, person, 'board_member', '2018-01-01');
    p.role(g26.org, person, 'board_member', '2018-01-01');
    p.notFire(S, 'person', person, 'second revocation 2026-12-15 is after the as-of date 2026-11-01');
  }
  // Not fire: the role in one of the two revoked companies ended 25 months before its revocation.
  {
    const person = p.person();
    const g27 = p.licensed({ kind: 'home_care', status: 'revoked', registered: '2016-01-01', granted: '2016-06-01', statusOn: '2025-06-10' });
    const g28 = p.licensed({ kind: 'relief_service', status: 'revoked', registered: '2016-01-01', granted: '2016-06-01', statusOn: '2024-01-10' });
    p.role(g27.org, person, 'board_member', '2018-01-01', '2023-05-01');
    p.role(g28.org, person, 'board_member', '2018-01-01');
    p.notFire(S, 'person', person, 'role in G27 ended 2023-05-01, ~25 months before its revocation 2025-06-10 (window starts 2023-06-10)');
  }
}

import type { Planter } from './builder';

const S = 'phoenix-continuation';

/** A new company ≤ 36 months after a revocation, sharing a person / unit address / phone or e-mail, same kind group. */
export function plantPhoenix(p: Planter): void {
  // Fire: shared controlling person, new company registered 3 months after the revocation.
  {
    const person = p.person();
    const r = p.licensed({ kind: 'hvb_children', status: 'revoked', registered: '2017-01-10', granted: '2018-02-01', statusOn: '2024-03-01', capacity: 8, ageMin: 13, ageMax: 17 });
    const n = p.licensed({ kind: 'hvb_children', registered: '2024-06-01', granted: '2025-01-10', capacity: 8, ageMin: 13, ageMax: 17 });
    p.role(r.org, person, 'ceo', '2018-01-01', '2024-03-31');
    p.role(n.org, person, 'board_member', '2024-06-01');
    p.fire(S, 'company', n.org, 'registered 2024-06-01, 3 months after R was revoked (2024-03-01); shares its CEO; HVB children in both');
    p.notFire(S, 'company', r.org, 'the revoked company itself; registered long before any revocation');
  }
  // Fire: shared unit address (written differently), applicant 17 months after the revocation.
  {
    const unit = p.addr();
    p.licensed({ kind: 'lss_housing_children', status: 'revoked', registered: '2016-03-01', granted: '2016-09-01', statusOn: '2023-09-01', capacity: 5, ageMin: 7, ageMax: 17, unitAddr: unit });
    const n = p.company({ registered: '2019-04-01', trade: 'Stödboende' });
    p.role(n, p.person(), 'board_member', '2019-04-01');
    p.licence(n, { kind: 'supported_housing', status: 'applied', granted: null, statusOn: '2025-02-01', street: unit.street.toUpperCase() + ', lgh 1001', postal: unit.postal.slice(0, 3) + ' ' + unit.postal.slice(3), addr: unit, capacity: 6, ageMin: 16, ageMax: 20 });
    p.fire(S, 'company', n, `applied 2025-02-01 (17 months after R's revocation 2023-09-01) for a unit at R's unit address ${p.key(unit)}; children's residential`);
  }
  // Fire: shared phone and e-mail; banned company, successor registered 5 months later.
  {
    const phone = '070-555 12 34';
    const email = 'info@omsorgsteamet-syd.se';
    p.licensed({ kind: 'personal_assistance', status: 'banned', registered: '2016-01-01', granted: '2017-01-01', statusOn: '2024-10-01', phone, email });
    const n = p.licensed({ kind: 'home_care', registered: '2025-03-01', granted: '2025-08-01', phone, email });
    p.fire(S, 'company', n.org, 'registered 2025-03-01, 5 months after R was banned; same phone and e-mail; assistance and home services');
  }
  // Fire: licence granted 35 months after the revocation (company registered earlier).
  {
    const person = p.person();
    const r = p.licensed({ kind: 'hvb_adults', status: 'revoked', registered: '2015-01-01', granted: '2015-06-01', statusOn: '2022-01-15', capacity: 10, ageMin: 18, ageMax: 65 });
    const n = p.licensed({ kind: 'lss_housing_adults', registered: '2020-05-05', granted: '2024-12-15', capacity: 5, ageMin: 18, ageMax: 67 });
    p.role(r.org, person, 'board_member', '2016-01-01');
    p.role(n.org, person, 'board_member', '2020-05-05');
    p.fire(S, 'company', n.org, 'licence granted 2024-12-15, 35 months after R was revoked 2022-01-15; shared board member; adult residential');
  }
  // Not fire: 43 months after.
  {
    const person = p.person();
    const r = p.licensed({ kind: 'hvb_children', status: 'revoked', registered: '2014-01-01', granted: '2014-06-01', statusOn: '2020-05-01', capacity: 6, ageMin: 13, ageMax: 17 });
    const n = p.licensed({ kind: 'hvb_children', registered: '2023-09-01', granted: '2023-12-01', capacity: 6, ageMin: 13, ageMax: 17 });
    p.role(r.org, person, 'ceo', '2015-01-01', '2020-05-31');
    p.role(n.org, person, 'ceo', '2023-09-01');
    p.notFire(S, 'company', n.org, 'registered 40 and licensed 43 months after the revocation (> 36 months)');
  }
  // Not fire: 37 months after.
  {
    const person = p.person();
    const r = p.licensed({ kind: 'personal_assistance', status: 'revoked', registered: '2015-01-01', granted: '2015-06-01', statusOn: '2021-03-01' });
    const n = p.licensed({ kind: 'personal_assistance', registered: '2024-04-10', granted: '2024-09-01' });
    p.role(r.org, person, 'board_member', '2016-01-01', '2021-03-01');
    p.role(n.org, person, 'board_member', '2024-04-10');
    p.notFire(S, 'company', n.org, 'registered 2024-04-10, 37 months and 9 days after the revocation 2021-03-01 (> 36 months)');
  }
  // Not fire: different kind group.
  {
    const person = p.person();
    const r = p.licensed({ kind: 'hvb_children', status: 'revoked', registered: '2015-01-01', granted: '2015-06-01', statusOn: '2024-02-01', capacity: 6, ageMin: 13, ageMax: 17 });
    const n = p.licensed({ kind: 'home_care', registered: '2024-08-01', granted: '2025-01-01' });
    p.role(r.org, person, 'board_member', '2016-01-01');
    p.role(n.org, person, 'board_member', '2024-08-01');
    p.notFire(S, 'company', n.org, "shares a board member and starts 6 months after, but home care is not in children's residential");
  }
  // Not fire: same kind, same time, nothing shared.
  {
    p.licensed({ kind: 'supported_housing', status: 'revoked', registered: '2015-01-01', granted: '2015-06-01', statusOn: '2024-05-01', capacity: 6, ageMin: 16, ageMax: 20 });
    const n = p.licensed({ kind: 'supported_housing', registered: '2024-09-01', granted: '2025-03-01', capacity: 6, ageMin: 16, ageMax: 20 });
    p.notFire(S, 'company', n.org, 'new supported housing 4 months after another was revoked, but no shared person, address, phone or e-mail');
  }
  // Not fire: only an auditor is shared.
  {
    const auditor = p.person();
    const r = p.licensed({ kind: 'hvb_children', status: 'revoked', registered: '2015-01-01', granted: '2015-06-01', statusOn: '2024-01-15', capacity: 6, ageMin: 13, ageMax: 17 });
    const n = p.licensed({ kind: 'hvb_children', registered: '2024-05-01', granted: '2024-12-01', capacity: 6, ageMin: 13, ageMax: 17 });
    p.role(r.org, auditor, 'auditor', '2016-01-01');
    p.role(n.org, auditor, 'auditor', '2024-05-01');
    p.notFire(S, 'company', n.org, 'only the auditor is shared (not a controlling role)');
  }
  // Not fire: the other company was registered and licensed before the revocation.
  {
    const person = p.person();
    const r = p.licensed({ kind: 'home_care', status: 'revoked', registered: '2015-01-01', granted: '2015-06-01', statusOn: '2025-04-01' });
    const n = p.licensed({ kind: 'home_care', registered: '2019-01-10', granted: '2019-06-01' });
    p.role(r.org, person, 'board_member', '2016-01-01');
    p.role(n.org, person, 'board_member', '2019-01-10');
    p.notFire(S, 'company', n.org, 'sister company registered and licensed years before the revocation (not after it)');
  }
  // Not fire: the earlier licence expired, it was not revoked.
  {
    const person = p.person();
    const r = p.licensed({ kind: 'hvb_children', status: 'expired', registered: '2015-01-01', granted: '2015-06-01', statusOn: '2024-01-01', capacity: 6, ageMin: 13, ageMax: 17 });
    const n = p.licensed({ kind: 'hvb_children', registered: '2024-03-01', granted: '2024-09-01', capacity: 6, ageMin: 13, ageMax: 17 });
    p.role(r.org, person, 'board_member', '2016-01-01');
    p.role(n.org, person, 'board_member', '2024-03-01');
    p.notFire(S, 'company', n.org, 'the earlier licence expired, it was not revoked');
  }
  // Not fire: the shared person only owned 10 % of the revoked company.
  {
    const person = p.person();
    const r = p.licensed({ kind: 'personal_assistance', status: 'revoked', registered: '2015-01-01', granted: '2015-06-01', statusOn: '2024-06-01' });
    const n = p.licensed({ kind: 'personal_assistance', registered: '2024-10-01', granted: '2025-02-01' });
    p.role(r.org, person, 'owner', '2016-01-01', null, 10);
    p.role(n.org, person, 'board_member', '2024-10-01');
    p.notFire(S, 'company', n.org, 'the shared person held only 10 % of the revoked company (not controlling there)');
  }
}

import type { Planter } from './builder';

/**
 * Contract §7.2, front men and hidden controllers: deceased officers, board swaps after a finding,
 * serial directors — each with its near misses. Companies are built without filler officers
 * where a filler would change the case (a filler board member is a formal role).
 */
export function plantFrontMen(p: Planter): void {
  plantDeceasedOfficers(p);
  plantBoardSwaps(p);
  plantSerialDirectors(p);
}

function plantDeceasedOfficers(p: Planter): void {
  const S = 'deceased-officer';
  const holder = () => p.licensed({ kind: 'home_care', registered: '2014-01-01', granted: '2014-06-01' });
  {
    const h = holder();
    const d = p.person({ deceased: '2025-02-10' });
    p.role(h.org, d, 'board_member', '2016-03-01');
    p.fire(S, 'person', d, `board member since 2016 of ${h.org}, died 2025-02-10, still registered`);
  }
  {
    const a = p.licensed({ kind: 'personal_assistance', registered: '2023-06-01', granted: null, status: 'applied', statusOn: '2026-02-01' });
    const d = p.person({ deceased: '2023-05-01' });
    p.role(a.org, d, 'ceo', '2024-01-01');
    p.fire(S, 'person', d, `registered as CEO 2024-01-01 of licence applicant ${a.org}, eight months after dying 2023-05-01 (severity 5)`);
  }
  {
    const h = holder();
    const d = p.person({ deceased: '2025-06-01' });
    p.role(h.org, d, 'chair', '2018-01-01', '2025-08-31');
    p.fire(S, 'person', d, 'chair until 2025-08-31, three months after dying 2025-06-01 (the role went on past the death)');
  }
  {
    const h = holder();
    const d = p.person({ deceased: '2024-04-15' });
    p.role(h.org, d, 'board_member', '2017-01-01', '2024-04-15');
    p.notFire(S, 'person', d, 'the board role ended on the day of death');
  }
  {
    const h = holder();
    const d = p.person({ deceased: '2026-12-01' });
    p.role(h.org, d, 'board_member', '2017-01-01');
    p.notFire(S, 'person', d, 'dies 2026-12-01, after the as-of date');
  }
  {
    const h = holder();
    const d = p.person({ deceased: '2024-09-09' });
    p.role(h.org, d, 'auditor', '2017-01-01');
    p.notFire(S, 'person', d, 'deceased auditor (not a controlling role)');
  }
  {
    const h = holder();
    const d = p.person({ deceased: '2024-09-09' });
    p.role(h.org, d, 'owner', '2017-01-01', null, 10);
    p.notFire(S, 'person', d, 'deceased owner of 10 % (not controlling)');
  }
  {
    const c = p.plain({ registered: '2012-01-01', trade: 'Fastigheter' });
    const d = p.person({ deceased: '2024-09-09' });
    p.role(c, d, 'board_member', '2015-01-01');
    p.notFire(S, 'person', d, 'deceased board member of a company without licence');
  }
  {
    const r = p.licensed({ kind: 'home_care', status: 'revoked', registered: '2014-01-01', granted: '2014-06-01', statusOn: '2025-10-01' });
    const d = p.person({ deceased: '2024-09-09' });
    p.role(r.org, d, 'board_member', '2015-01-01');
    p.notFire(S, 'person', d, 'deceased board member of a company whose only licence was revoked (not a holder or applicant)');
  }
}

/**
 * Each case: a licence holder with its own officers (no filler), a finding, and what follows.
 * OLD holds a board seat (and often a remaining link) when the finding is made.
 */
function plantBoardSwaps(p: Planter): void {
  const S = 'board-swap-after-finding';
  const company = (kind = 'hvb_adults') => p.licensed({ kind, registered: '2015-01-01', granted: '2015-09-01', capacity: kind === 'hvb_adults' ? 8 : undefined, ageMin: kind === 'hvb_adults' ? 18 : undefined, ageMax: kind === 'hvb_adults' ? 65 : undefined, filler: false });
  const swap = (o: { finding: (c: { org: string; licence: string }, old: string) => void; left: string; joined: string; keep?: (org: string, old: string, fresh: string) => void; oldAlsoCeo?: boolean; freshOwnerSince?: string }) => {
    const c = company();
    const old = p.person();
    const fresh = p.person();
    p.role(c.org, old, 'board_member', '2015-01-01', o.left);
    if (o.oldAlsoCeo) p.role(c.org, old, 'ceo', '2015-01-01');
    p.role(c.org, fresh, 'board_member', o.joined);
    if (o.freshOwnerSince) p.role(c.org, fresh, 'owner', o.freshOwnerSince, null, 40);
    o.keep?.(c.org, old, fresh);
    o.finding(c, old);
    return c.org;
  };
  const injunction = (date: string) => (c: { org: string; licence: string }) => p.inspection(c.org, c.licence, date, 'injunction', ['staff_competence'], 'Föreläggande om bemanning och kompetens');
  const owner = (org: string, old: string) => p.role(org, old, 'owner', '2015-01-01', null, 100);

  p.fire(S, 'company', swap({ finding: injunction('2025-04-01'), left: '2025-06-30', joined: '2025-07-01', keep: owner }),
    'injunction 2025-04-01; the board member leaves 2025-06-30, a newcomer joins 2025-07-01, the old one stays owner of 100 %');
  p.fire(S, 'company', swap({
    finding: (c, old) => p.sanction(old, 'conviction', '2025-02-01', null, 'fraud'),
    left: '2025-03-15', joined: '2025-03-15',
    keep: (org, old) => p.employment({ org, pid: old, profession: 'manager', title: 'Verksamhetsutvecklare', from: '2025-03-16' }),
  }), 'board member convicted of fraud 2025-02-01 leaves 2025-03-15 as a newcomer joins; stays on as an employee');
  {
    // A rejected review: the newcomer is the rejected person's sibling; both newcomer and the rest are approved later.
    const c = company('personal_assistance');
    const rejected = p.person();
    const sibling = p.person();
    const chair = p.person();
    p.role(c.org, chair, 'chair', '2015-01-01');
    p.role(c.org, rejected, 'board_member', '2024-06-01', '2025-10-14');
    p.role(c.org, sibling, 'board_member', '2025-10-15');
    p.relation(rejected, sibling, 'sibling');
    p.review(c.org, chair, 'ordförande', '2015-08-01', 'approved');
    p.review(c.org, rejected, 'styrelseledamot', '2025-09-01', 'rejected');
    p.review(c.org, sibling, 'styrelseledamot', '2025-11-20', 'approved');
    p.fire(S, 'company', c.org, 'a board member rejected in the review 2025-09-01 leaves 2025-10-14; the newcomer 2025-10-15 is a sibling');
  }
  p.notFire(S, 'company', swap({ finding: injunction('2025-04-01'), left: '2025-06-30', joined: '2025-07-01' }),
    'near miss: injunction followed by a board change where the old officer leaves completely');
  p.notFire(S, 'company', swap({ finding: injunction('2025-01-10'), left: '2025-07-31', joined: '2025-08-01', keep: owner }),
    'the board member leaves 202 days after the injunction (outside 180 days)');
  p.notFire(S, 'company', swap({ finding: injunction('2025-04-01'), left: '2025-06-30', joined: '2025-07-01', keep: owner, oldAlsoCeo: true }),
    'the old board member stays CEO (not every formal role ended)');
  p.notFire(S, 'company', swap({ finding: (c) => p.inspection(c.org, c.licence, '2025-04-01', 'deficiencies_followup', ['staff_competence']), left: '2025-06-30', joined: '2025-07-01', keep: owner }),
    'deficiencies with follow-up is not a finding of this kind (no injunction, ban or revocation)');
  p.notFire(S, 'company', swap({ finding: injunction('2025-04-01'), left: '2025-06-30', joined: '2025-07-01', keep: owner, freshOwnerSince: '2019-01-01' }),
    'the "new" board member had owned 40 % since 2019 (not a newcomer)');
}

function plantSerialDirectors(p: Planter): void {
  const S = 'serial-director';
  const holder = (o: { status?: string; granted?: string | null; statusOn?: string } = {}) =>
    p.licensed({ kind: 'personal_assistance', registered: '2012-01-01', granted: o.granted === undefined ? '2012-06-01' : o.granted, status: o.status, statusOn: o.statusOn }).org;
  const director = (orgs: string[], starts: string[], role = 'board_member') => {
    const s = p.person();
    orgs.forEach((org, i) => p.role(org, s, i === 1 ? 'ceo' : role, starts[i]!));
    return s;
  };
  const four = ['2024-03-01', '2024-09-01', '2025-01-15', '2026-03-01'];
  {
    const orgs = [holder(), holder(), holder(), holder()];
    p.fire(S, 'person', director(orgs, four), `board seats in four licence holders 2024-03-01 – 2026-03-01 (within 24 months): ${orgs.join(', ')}`);
  }
  {
    const orgs = [holder(), holder(), holder(), holder({ status: 'applied', granted: null, statusOn: '2025-11-01' })];
    p.fire(S, 'person', director(orgs, ['2025-01-10', '2025-04-01', '2025-08-01', '2025-12-01']), 'three licence holders and one licence applicant within 11 months');
  }
  {
    // Granted when the role started, revoked since: counts (holder at the role start).
    const orgs = [holder(), holder(), holder(), holder({ status: 'revoked', statusOn: '2026-05-01' })];
    p.fire(S, 'person', director(orgs, four), 'four companies, one of which lost its licence after the role began (holder at the role start)');
  }
  {
    const orgs = [holder(), holder(), holder(), holder()];
    const group = p.plain({ registered: '2010-01-01', trade: 'Holding' });
    for (const org of orgs) p.role(org, group, 'owner', '2012-01-01', null, 100, 'company');
    p.notFire(S, 'person', director(orgs, four), 'near miss: four directorships inside one corporate group (one holding company owns all four)');
  }
  {
    // Two holdings owned by one person: transitive group.
    const orgs = [holder(), holder(), holder(), holder()];
    const owner = p.person();
    const h1 = p.plain({ registered: '2010-01-01', trade: 'Holding' });
    const h2 = p.plain({ registered: '2010-01-01', trade: 'Förvaltning' });
    p.role(h1, owner, 'owner', '2010-01-01', null, 100);
    p.role(h2, owner, 'owner', '2010-01-01', null, 60);
    orgs.forEach((org, i) => p.role(org, i < 2 ? h1 : h2, 'owner', '2012-01-01', null, 100, 'company'));
    p.notFire(S, 'person', director(orgs, four), 'four companies under two holdings that one person owns: one group');
  }
  {
    const orgs = [holder(), holder(), holder(), holder()];
    p.notFire(S, 'person', director(orgs, ['2024-01-15', '2024-06-01', '2025-03-01', '2026-02-16']), 'the fourth start 2026-02-16 is 24 months and a day after the first');
  }
  {
    const orgs = [holder(), holder(), holder(), p.plain({ registered: '2012-01-01' })];
    p.notFire(S, 'person', director(orgs, four), 'three licence holders and one company without licence');
  }
  {
    const orgs = [holder(), holder(), holder(), holder()];
    p.notFire(S, 'person', director(orgs, four, 'operations_manager'), 'operations manager (föreståndare) in three of them: not a formal role');
  }
}

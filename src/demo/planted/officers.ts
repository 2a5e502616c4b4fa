import type { Planter } from './builder';

/** Trading bans, convictions and undeclared influence among controlling persons. */
export function plantOfficers(p: Planter): void {
  plantTradingBans(p);
  plantConvictions(p);
  plantUndeclared(p);
}

function plantTradingBans(p: Planter): void {
  const S = 'trading-ban-officer';
  const company = () => p.plain({ registered: '2012-01-01', trade: 'Fastigheter' });
  {
    const t = p.person({ coordination: true, birth: '1981-04-09' });
    p.sanction(t, 'trading_ban', '2023-01-01', '2027-12-31');
    p.role(company(), t, 'board_member', '2024-05-01');
    p.fire(S, 'person', t, 'board member since 2024-05-01 while a trading ban runs 2023–2027 (samordningsnummer)');
  }
  {
    const t = p.person();
    p.sanction(t, 'trading_ban', '2021-07-01', '2024-06-30');
    p.role(company(), t, 'ceo', '2022-01-01', '2023-03-31');
    p.fire(S, 'person', t, 'CEO 2022-01 – 2023-03 during a ban 2021-07 – 2024-06 (past overlap counts)');
  }
  {
    const t = p.person();
    p.sanction(t, 'trading_ban', '2024-02-01');
    p.role(company(), t, 'signatory', '2020-01-01');
    p.fire(S, 'person', t, 'signatory while an open-ended trading ban (from 2024-02-01) is in force');
  }
  {
    const t = p.person();
    p.sanction(t, 'trading_ban', '2019-06-01', '2024-06-01');
    p.role(company(), t, 'board_member', '2015-01-01', '2018-12-31');
    p.notFire(S, 'person', t, 'role ended 2018-12-31, before the ban started 2019-06-01');
  }
  {
    const t = p.person();
    p.sanction(t, 'trading_ban', '2016-01-01', '2019-12-31');
    p.role(company(), t, 'board_member', '2020-03-01');
    p.notFire(S, 'person', t, 'role began 2020-03-01, after the ban ended 2019-12-31');
  }
  {
    const t = p.person();
    p.sanction(t, 'trading_ban', '2023-01-01', '2028-01-01');
    p.role(company(), t, 'auditor', '2023-06-01');
    p.notFire(S, 'person', t, 'auditor during the ban (not a controlling role)');
  }
  {
    const t = p.person();
    p.sanction(t, 'trading_ban', '2026-12-01', '2029-12-01');
    p.role(company(), t, 'board_member', '2020-01-01');
    p.notFire(S, 'person', t, 'the ban starts 2026-12-01, after the as-of date');
  }
  {
    const t = p.person();
    p.sanction(t, 'trading_ban', '2023-01-01', '2028-01-01');
    p.role(company(), t, 'owner', '2023-06-01', null, 10);
    p.notFire(S, 'person', t, 'owner with 10 % during the ban (not controlling)');
  }
}

function plantConvictions(p: Planter): void {
  const S = 'conviction-in-control';
  const holder = (kind: string) => p.licensed({ kind, registered: '2015-01-01', granted: '2015-09-01', capacity: kind.startsWith('hvb') || kind.startsWith('lss') ? 8 : undefined, ageMin: kind.endsWith('adults') ? 18 : undefined, ageMax: kind.endsWith('adults') ? 65 : undefined });
  const cases: [string, string, number | null, string, string | null, string, boolean, string][] = [
    ['hvb_adults', 'ceo', null, 'conviction', 'fraud', '2021-04-12', true, 'CEO of a licence holder convicted of fraud 2021'],
    ['personal_assistance', 'board_member', null, 'conviction', 'welfare_fraud', '2017-03-01', true, 'board member convicted of welfare fraud 2017-03-01 (9 years 8 months before as-of)'],
    ['home_care', 'chair', null, 'unsuitable', null, '2015-01-01', true, 'chair found unsuitable in an earlier review (no time limit)'],
    ['lss_housing_adults', 'owner', null, 'conviction', 'violence', '2024-02-10', true, 'owner with unknown share convicted of violence 2024'],
    ['home_care', 'board_member', null, 'conviction', 'narcotics', '2015-06-01', false, 'narcotics conviction 2015-06-01 is older than 10 years'],
    ['personal_assistance', 'ceo', null, 'conviction', 'tax_crime', '2022-05-05', false, 'tax crime is not among the listed offences'],
    ['relief_service', 'board_member', null, 'conviction', 'accounting_crime', '2023-03-03', false, 'accounting crime is not among the listed offences'],
    ['home_care', 'auditor', null, 'conviction', 'violence', '2022-01-01', false, 'auditor of the licence holder (not controlling)'],
    ['escort_service', 'board_member', null, 'suspicion', 'sexual', '2025-03-01', false, 'a suspicion, not a conviction'],
    ['home_care', 'board_member', null, 'conviction', 'fraud', '2026-12-05', false, 'conviction dated 2026-12-05, after the as-of date'],
    ['home_care', 'owner', 10, 'conviction', 'fraud', '2022-01-01', false, 'owner with 10 % (not controlling)'],
  ];
  for (const [kind, role, share, sanction, offence, on, fires, note] of cases) {
    const l = holder(kind);
    const v = p.person();
    p.role(l.org, v, role, '2018-01-01', null, share);
    p.sanction(v, sanction, on, null, offence);
    (fires ? p.fire : p.notFire).call(p, S, 'person', v, `${note} (related: ${l.org})`);
  }
  {
    const r = p.licensed({ kind: 'hvb_children', status: 'revoked', registered: '2015-01-01', granted: '2015-06-01', statusOn: '2024-03-01', capacity: 6, ageMin: 13, ageMax: 17 });
    const v = p.person();
    p.role(r.org, v, 'board_member', '2018-01-01');
    p.sanction(v, 'conviction', '2020-09-09', null, 'violence');
    p.notFire(S, 'person', v, 'convicted board member of a company whose only licence was revoked (not a licence holder)');
  }
}

function plantUndeclared(p: Planter): void {
  const S = 'undeclared-influence';
  const u = p.licensed({ kind: 'hvb_children', registered: '2019-01-01', granted: '2022-06-01', capacity: 8, ageMin: 13, ageMax: 17, filler: false });
  const person = (role: string, from: string, to: string | null = null, share: number | null = null) => {
    const pid = p.person();
    p.role(u.org, pid, role, from, to, share);
    return pid;
  };
  const w1 = person('board_member', '2020-01-01');
  p.review(u.org, w1, 'styrelseledamot', '2022-05-01', 'approved');
  p.notFire(S, 'person', w1, 'approved in the review 2022-05-01; role began 2020');
  const w2 = person('ceo', '2022-12-01');
  p.review(u.org, w2, 'VD', '2023-01-15', 'approved');
  p.notFire(S, 'person', w2, 'approved 2023-01-15 (the last review); role began 2022-12-01');
  const w3 = person('beneficial_owner', '2021-01-01');
  p.fire(S, 'person', w3, `beneficial owner since 2021 of ${u.org}, never reviewed`);
  const w4 = person('board_member', '2022-03-01');
  p.review(u.org, w4, 'styrelseledamot', '2022-05-01', 'rejected');
  p.fire(S, 'person', w4, 'board member whose only review was rejected');
  const w5 = person('chair', '2024-02-01');
  p.review(u.org, w5, 'styrelseledamot', '2022-05-01', 'approved');
  p.fire(S, 'person', w5, "chair since 2024-02-01, after the company's last review 2023-01-15");
  const w6 = person('board_member', '2019-01-01', '2024-12-31');
  p.notFire(S, 'person', w6, 'unreviewed, but the role ended 2024-12-31 (not held at the as-of date)');
  const w7 = person('auditor', '2019-01-01');
  p.notFire(S, 'person', w7, 'unreviewed auditor (not a controlling role)');
  const w8 = person('owner', '2021-01-01', null, 10);
  p.notFire(S, 'person', w8, 'unreviewed owner with 10 % (not controlling)');
  const w9 = person('board_member', '2026-12-01');
  p.notFire(S, 'person', w9, 'role begins 2026-12-01, after the as-of date');
  const w10 = person('signatory', '2023-01-15');
  p.review(u.org, w10, 'firmatecknare', '2023-01-15', 'approved');
  p.notFire(S, 'person', w10, 'role began on the day of the last review (not after it) and was approved');
  {
    const m = p.licensed({ kind: 'home_care', registered: '2016-01-01', granted: '2016-06-01' });
    p.notFire(S, 'person', m.filler!, 'unreviewed, but the licence holder has no reviewed_persons rows at all');
  }
  {
    const r = p.licensed({ kind: 'hvb_children', status: 'revoked', registered: '2016-01-01', granted: '2016-06-01', statusOn: '2024-05-01', capacity: 6, ageMin: 13, ageMax: 17 });
    p.review(r.org, r.filler!, 'styrelseledamot', '2016-05-01', 'approved');
    const hidden = p.person();
    p.role(r.org, hidden, 'board_member', '2020-01-01');
    p.notFire(S, 'person', hidden, 'unreviewed, but the company is no longer a licence holder (licence revoked)');
  }
}

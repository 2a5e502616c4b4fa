import type { Planter } from './builder';

/** Record checks, convicted staff, unlicensed and nominal practitioners. */
export function plantStaff(p: Planter): void {
  plantRecordChecks(p);
  plantConvictedStaff(p);
  plantUnlicensed(p);
  plantNominal(p);
}

const residential = (kind: string) => ({
  capacity: 8,
  ageMin: kind === 'supported_housing' ? 16 : kind === 'hvb_adults' ? 18 : kind === 'lss_housing_children' ? 7 : 13,
  ageMax: kind === 'supported_housing' ? 20 : kind === 'hvb_adults' ? 65 : 17,
});

function plantRecordChecks(p: Planter): void {
  const S = 'missing-record-check';
  const cases: [string, string, string, string | null, boolean, boolean, string][] = [
    ['hvb_children', 'granted', '2025-02-01', null, true, true, 'HVB (children) holder; employee working with children since 2025-02-01 without any record check'],
    ['lss_housing_children', 'granted', '2025-03-01', '2025-03-10', true, true, 'LSS children holder; record check dated 9 days after the start'],
    ['supported_housing', 'granted', '2024-09-01', null, true, true, 'supported housing holder; employee working with children without record check'],
    ['hvb_children', 'granted', '2025-01-07', '2025-01-07', true, false, 'record check dated on the start date'],
    ['hvb_children', 'granted', '2025-01-07', null, false, false, 'no record check, but the employee does not work with children'],
    ['hvb_adults', 'granted', '2025-01-07', null, true, false, 'HVB for adults is not one of the three licence kinds'],
    ['hvb_children', 'revoked', '2023-01-09', null, true, false, 'no record check, but the HVB licence was revoked 2025-05-01: not a licence holder'],
    ['supported_housing', 'granted', '2025-01-07', '2024-12-15', true, false, 'record check 2024-12-15, before the start 2025-01-07'],
  ];
  for (const [kind, status, from, check, children, fires, note] of cases) {
    const l = p.licensed({ kind, status, registered: '2015-01-01', granted: '2016-01-01', statusOn: status === 'revoked' ? '2025-05-01' : undefined, ...residential(kind) });
    // A colleague hired the right way, so only the planted employee makes the difference.
    p.employment({ org: l.org, pid: p.person(), profession: 'care_staff', from: '2022-08-15', check: '2022-08-01', children: true, workplace: l.licence });
    p.employment({ org: l.org, pid: p.person(), profession: 'care_staff', from, check, children, workplace: l.licence });
    (fires ? p.fire : p.notFire).call(p, S, 'company', l.org, note);
  }
}

function plantConvictedStaff(p: Planter): void {
  const S = 'convicted-staff-with-children';
  const z1 = p.licensed({ kind: 'hvb_children', registered: '2014-01-01', granted: '2014-06-01', ...residential('hvb_children') });
  const z2 = p.licensed({ kind: 'lss_housing_children', registered: '2014-01-01', granted: '2014-06-01', ...residential('lss_housing_children') });
  const agency = p.plain({ registered: '2018-01-01', trade: 'Bemanning' });
  const cases: [string, string, string, string, boolean, boolean, string][] = [
    [z1.org, 'conviction', 'violence', '2019-05-20', true, true, 'HVB employee working with children, convicted of violence 2019'],
    [z2.org, 'conviction', 'sexual', '2008-10-01', true, true, 'convicted of a sexual offence 2008 (the rule has no time limit)'],
    [agency, 'conviction', 'narcotics', '2022-02-02', true, true, 'staffing agency employee working with children, narcotics conviction (no licence needed)'],
    [z1.org, 'conviction', 'organised_crime', '2021-06-01', true, true, 'convicted of organised crime'],
    [z1.org, 'conviction', 'weapons', '2023-09-14', true, true, 'convicted of a weapons offence'],
    [z1.org, 'conviction', 'tax_crime', '2022-01-01', true, false, 'tax crime is not among the listed offences'],
    [z1.org, 'conviction', 'fraud', '2021-01-01', true, false, 'fraud is not among the offences for this signal'],
    [z1.org, 'conviction', 'welfare_fraud', '2021-01-01', true, false, 'welfare fraud is not among the offences for this signal'],
    [z2.org, 'conviction', 'violence', '2020-01-01', false, false, 'convicted of violence but does not work with children'],
    [z1.org, 'suspicion', 'violence', '2025-01-01', true, false, 'a suspicion, not a conviction'],
    [z1.org, 'conviction', 'violence', '2026-12-05', true, false, 'conviction dated 2026-12-05, after the as-of date'],
  ];
  for (const [org, kind, offence, on, children, fires, note] of cases) {
    const s = p.person();
    p.employment({ org, pid: s, profession: 'care_staff', from: '2023-03-01', check: '2023-02-20', children });
    p.sanction(s, kind, on, null, offence);
    (fires ? p.fire : p.notFire).call(p, S, 'person', s, `${note} (related: ${org})`);
  }
  p.notFire('missing-record-check', 'company', z1.org, 'every employee working with children had a record check before starting');
}

function plantUnlicensed(p: Planter): void {
  const S = 'unlicensed-practitioner';
  const j1 = p.licensed({ kind: 'care_provider', registered: '2012-01-01', granted: '2012-06-01' });
  const j2 = p.licensed({ kind: 'care_provider', registered: '2012-01-01', granted: '2012-06-01' });
  const j3 = p.licensed({ kind: 'dental_care', registered: '2012-01-01', granted: '2012-06-01' });
  {
    const d = p.person();
    p.employment({ org: j1.org, pid: d, profession: 'nurse', from: '2024-01-01' });
    p.fire(S, 'person', d, `employed as nurse since 2024 with no legitimation (related: ${j1.org})`);
  }
  {
    const d = p.person();
    p.legitimation(d, 'physician', '2005-06-01', '2023-05-01');
    p.employment({ org: j2.org, pid: d, profession: 'physician', from: '2024-02-01' });
    p.fire(S, 'person', d, 'physician whose legitimation was revoked 2023-05-01, employed from 2024-02-01');
  }
  {
    const d = p.person();
    p.legitimation(d, 'dental_hygienist', '2011-06-01');
    p.employment({ org: j3.org, pid: d, profession: 'dentist', from: '2023-08-01' });
    p.fire(S, 'person', d, 'employed as dentist, holds a legitimation as dental hygienist only');
  }
  {
    const d = p.person();
    p.legitimation(d, 'nurse', '2010-01-15');
    p.employment({ org: j1.org, pid: d, profession: 'nurse', from: '2020-01-01' });
    p.notFire(S, 'person', d, 'nurse with a valid legitimation since 2010');
  }
  {
    const d = p.person();
    p.legitimation(d, 'physician', '2001-06-01', '2022-03-01');
    p.employment({ org: j2.org, pid: d, profession: 'physician', from: '2018-01-01', to: '2020-12-31' });
    p.notFire(S, 'person', d, 'legitimation revoked 2022-03-01, after the employment ended 2020-12-31');
  }
  {
    const d = p.person();
    p.employment({ org: j1.org, pid: d, profession: 'care_staff', from: '2021-01-01' });
    p.notFire(S, 'person', d, 'care staff is not a legitimation profession');
  }
}

function plantNominal(p: Planter): void {
  const S = 'nominal-licensed-staff';
  const clinic = (kind: string) => {
    const k = p.licensed({ kind, registered: '2018-01-01', granted: '2018-06-01' });
    p.employment({ org: k.org, pid: p.person(), profession: 'other', title: 'Receptionist', from: '2019-01-01' });
    return k.org;
  };
  const licensed = (profession: string) => {
    const d = p.person();
    p.legitimation(d, profession, '2008-06-01');
    return d;
  };
  {
    const d = licensed('dentist');
    const orgs = [clinic('dental_care'), clinic('dental_care'), clinic('dental_care')];
    orgs.forEach((org, i) => p.employment({ org, pid: d, profession: 'dentist', from: `2025-0${i + 1}-01` }));
    for (const org of orgs) {
      const hygienist = licensed('dental_hygienist');
      p.employment({ org, pid: hygienist, profession: 'dental_hygienist', from: '2020-01-01' });
    }
    p.fire(S, 'person', d, `the only dentist at three dental clinics at the same time (related: ${orgs.join(', ')})`);
  }
  {
    const d = licensed('physician');
    const orgs = [clinic('aesthetic_clinic'), clinic('aesthetic_clinic'), clinic('aesthetic_clinic'), clinic('care_provider')];
    orgs.forEach((org) => p.employment({ org, pid: d, profession: 'physician', from: '2024-06-01' }));
    p.fire(S, 'person', d, 'the only physician at four clinics at the same time');
  }
  {
    const d = licensed('nurse');
    const orgs = [clinic('care_provider'), clinic('care_provider'), clinic('care_provider')];
    orgs.forEach((org) => p.employment({ org, pid: d, profession: 'nurse', from: '2024-03-01' }));
    const colleague = licensed('nurse');
    p.employment({ org: orgs[2]!, pid: colleague, profession: 'nurse', from: '2019-05-01' });
    p.notFire(S, 'person', d, 'nurse at three care providers, but at one of them another nurse works too (sole at only two)');
    p.notFire(S, 'person', colleague, 'a nurse employed at one care provider');
  }
  {
    const d = licensed('dentist');
    const periods: [string, string | null][] = [['2021-01-01', '2021-12-31'], ['2022-02-01', '2023-06-30'], ['2024-01-01', null]];
    periods.forEach(([from, to]) => p.employment({ org: clinic('dental_care'), pid: d, profession: 'dentist', from, to }));
    p.notFire(S, 'person', d, 'the only dentist at three clinics, but one after another, never at the same time');
  }
  {
    const d = licensed('dentist');
    for (let i = 0; i < 2; i++) p.employment({ org: clinic('dental_care'), pid: d, profession: 'dentist', from: '2024-01-01' });
    p.notFire(S, 'person', d, 'the only dentist at two clinics (fewer than three)');
  }
}

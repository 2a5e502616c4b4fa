import { describe, expect, it } from 'vitest';
import { analyse, companies, hitFor, org, pid, subjectsOf } from './support';

const H = org(51), H2 = org(52), NOLIC = org(53);
const P = pid('19690909', '147'), Q = pid('19700101', '258'), R = pid('19710202', '369');
const lic = (id: string, o: string, extra: Record<string, unknown> = {}) => ({ licence_id: id, org_nr: o, kind: 'hvb_children', status: 'granted', granted_on: '2016-01-01', ...extra });

describe('trading-ban-officer (independent review)', () => {
  const S = 'trading-ban-officer';
  const ban = (subject_id: string, from: string, to: string | null) => ({ subject_id, kind: 'trading_ban', from, to, decision_ref: 'TR 123-20' });

  it('board role overlapping a trading ban: one hit per person, the company in related_ids', async () => {
    const out = await analyse({
      companies: companies(H, NOLIC), licences: [lic('L', H)],
      roles: [{ org_nr: H, holder_id: P, role: 'board_member', from: '2022-06-01' }, { org_nr: NOLIC, holder_id: P, role: 'signatory', from: '2021-01-01', to: '2021-12-31' }],
      sanctions: [ban(P, '2020-01-01', '2023-01-01'), { subject_id: Q, kind: 'conviction', from: '2020-01-01', offence: 'fraud' }],
    }, '2025-01-01');
    const hits = out.hits.filter((h) => h.signal === S);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'person', subject_id: P, related_ids: [H, NOLIC].sort() });
  });

  it('boundaries: role ending the day before the ban or starting the day after it ends does not fire; one shared day fires', async () => {
    const roles = [
      { org_nr: H, holder_id: P, role: 'ceo', from: '2015-01-01', to: '2019-12-31' },
      { org_nr: H, holder_id: Q, role: 'ceo', from: '2023-01-02' },
      { org_nr: H2, holder_id: R, role: 'chair', from: '2015-01-01', to: '2020-01-01' },
    ];
    const out = await analyse({ companies: companies(H, H2), licences: [lic('L', H)], roles,
      sanctions: [ban(P, '2020-01-01', '2023-01-01'), ban(Q, '2020-01-01', '2023-01-01'), ban(R, '2020-01-01', '2023-01-01')] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([R]);
  });

  it('past overlaps count; auditor and owner < 25 % are not controlling', async () => {
    const out = await analyse({ companies: companies(H, H2), licences: [lic('L', H)], roles: [
      { org_nr: H, holder_id: P, role: 'deputy_board_member', from: '2010-01-01', to: '2012-01-01' },
      { org_nr: H, holder_id: Q, role: 'auditor', from: '2010-01-01' },
      { org_nr: H2, holder_id: R, role: 'owner', share_pct: '20', from: '2010-01-01' },
    ], sanctions: [ban(P, '2011-06-01', '2014-06-01'), ban(Q, '2011-06-01', null), ban(R, '2011-06-01', null)] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([P]);
  });

  it('as of: a ban starting after the as-of date does not exist', async () => {
    const tables = { companies: companies(H), licences: [lic('L', H)], roles: [{ org_nr: H, holder_id: P, role: 'ceo', from: '2015-01-01' }], sanctions: [ban(P, '2025-03-01', null)] };
    expect(subjectsOf(await analyse(tables, '2025-02-28'), S)).toEqual([]);
    expect(subjectsOf(await analyse(tables, '2025-03-01'), S)).toEqual([P]);
  });

  it('ext: officer with an open-ended ban; the role has no dates (unknown = held)', async () => {
    const EXT = 'ext:FI-121270-999X';
    const out = await analyse({ companies: companies(H), licences: [lic('L', H)], roles: [{ org_nr: H, holder_id: EXT, role: 'chair' }], sanctions: [ban(EXT, '2021-01-01', null)] }, '2025-01-01');
    expect(hitFor(out, S, EXT)).toMatchObject({ subject_kind: 'person', related_ids: [H] });
  });
});

describe('conviction-in-control (independent review)', () => {
  const S = 'conviction-in-control';
  const conv = (subject_id: string, from: string, offence: string, kind = 'conviction') => ({ subject_id, kind, from, offence });

  it('controlling person of a licence holder convicted of a listed offence within 10 years fires, company related', async () => {
    const out = await analyse({ companies: companies(H), licences: [lic('L', H)], roles: [{ org_nr: H, holder_id: P, role: 'ceo', from: '2018-01-01' }],
      sanctions: [conv(P, '2019-05-05', 'welfare_fraud')] }, '2025-01-01');
    expect(hitFor(out, S, P)).toMatchObject({ subject_kind: 'person', related_ids: [H] });
  });

  it('each listed offence counts; tax_crime, accounting_crime, other and suspicion do not', async () => {
    const listed = ['violence', 'sexual', 'narcotics', 'weapons', 'fraud', 'welfare_fraud', 'organised_crime'];
    const unlisted: [string, string][] = [['tax_crime', 'conviction'], ['accounting_crime', 'conviction'], ['other', 'conviction'], ['violence', 'suspicion']];
    const ids = [...listed, ...unlisted].map((_, i) => pid(`1980${String(i + 1).padStart(2, '0')}01`, '159'));
    const out = await analyse({ companies: companies(H), licences: [lic('L', H)],
      roles: ids.map((id) => ({ org_nr: H, holder_id: id, role: 'board_member', from: '2018-01-01' })),
      sanctions: [...listed.map((o, i) => conv(ids[i]!, '2020-01-01', o)), ...unlisted.map(([o, k], i) => conv(ids[listed.length + i]!, '2020-01-01', o, k))] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual(ids.slice(0, listed.length).sort());
  });

  it('10 years: 9 years ago fires, 11 years ago does not; a conviction after as-of does not exist', async () => {
    const out = await analyse({ companies: companies(H), licences: [lic('L', H)], roles: [P, Q, R].map((id) => ({ org_nr: H, holder_id: id, role: 'chair', from: '2010-01-01' })),
      sanctions: [conv(P, '2016-03-01', 'violence'), conv(Q, '2014-01-01', 'violence'), conv(R, '2025-02-01', 'violence')] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([P]);
  });

  it('a sanction of kind unsuitable counts', async () => {
    const out = await analyse({ companies: companies(H), licences: [lic('L', H)], roles: [{ org_nr: H, holder_id: P, role: 'beneficial_owner', from: '2018-01-01' }],
      sanctions: [{ subject_id: P, kind: 'unsuitable', from: '2021-01-01' }] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([P]);
  });

  it('near misses: not a licence holder (revoked / only applied); auditor; owner 10 %', async () => {
    const out = await analyse({ companies: companies(H, H2, NOLIC),
      licences: [lic('L', H, { status: 'revoked', status_on: '2023-01-01' }), lic('L2', H2, { status: 'applied', granted_on: '', status_on: '2024-01-01' }), lic('L3', NOLIC)],
      roles: [
        { org_nr: H, holder_id: P, role: 'ceo', from: '2018-01-01' }, { org_nr: H2, holder_id: P, role: 'ceo', from: '2018-01-01' },
        { org_nr: NOLIC, holder_id: Q, role: 'auditor', from: '2018-01-01' }, { org_nr: NOLIC, holder_id: R, role: 'owner', share_pct: '10', from: '2018-01-01' },
      ],
      sanctions: [conv(P, '2020-01-01', 'violence'), conv(Q, '2020-01-01', 'violence'), conv(R, '2020-01-01', 'violence')] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([]);
  });

  it('as of: before the licence was granted the company is not a holder', async () => {
    const tables = { companies: companies(H), licences: [lic('L', H, { granted_on: '2024-06-01' })], roles: [{ org_nr: H, holder_id: P, role: 'ceo', from: '2018-01-01' }], sanctions: [conv(P, '2020-01-01', 'sexual')] };
    expect(subjectsOf(await analyse(tables, '2024-05-31'), S)).toEqual([]);
    expect(subjectsOf(await analyse(tables, '2024-06-01'), S)).toEqual([P]);
  });
});

describe('undeclared-influence (independent review)', () => {
  const S = 'undeclared-influence';
  const rev = (person_id: string, reviewed_on: string, outcome: string) => ({ org_nr: H, person_id, role: 'board_member', reviewed_on, outcome });

  it('a board member missing from the reviewed personkrets fires; the approved one does not', async () => {
    const out = await analyse({ companies: companies(H), licences: [lic('L', H)],
      roles: [{ org_nr: H, holder_id: P, role: 'board_member', from: '2018-01-01' }, { org_nr: H, holder_id: Q, role: 'board_member', from: '2018-01-01' }],
      reviewed_persons: [rev(P, '2019-01-01', 'approved')] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([Q]);
    expect(hitFor(out, S, Q)).toMatchObject({ subject_kind: 'person', related_ids: [H] });
  });

  it('rejected review only fires; role that began after the last review fires even if approved earlier', async () => {
    const out = await analyse({ companies: companies(H), licences: [lic('L', H)],
      roles: [
        { org_nr: H, holder_id: P, role: 'ceo', from: '2018-01-01' },
        { org_nr: H, holder_id: Q, role: 'chair', from: '2018-01-01' },
        { org_nr: H, holder_id: R, role: 'chair', from: '2022-03-01' },
      ],
      reviewed_persons: [rev(P, '2019-01-01', 'approved'), rev(Q, '2019-01-01', 'rejected'), rev(R, '2017-01-01', 'approved'), rev(P, '2021-06-01', 'approved')] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([Q, R].sort());
  });

  it('near misses: company without reviewed_persons rows, ended role, auditor, owner 10 %, company not a licence holder', async () => {
    const out = await analyse({ companies: companies(H, H2, NOLIC), licences: [lic('L', H), lic('L2', H2), lic('L3', NOLIC, { status: 'expired', status_on: '2022-01-01' })],
      roles: [
        { org_nr: H, holder_id: P, role: 'board_member', from: '2016-01-01', to: '2020-01-01' },
        { org_nr: H, holder_id: Q, role: 'auditor', from: '2016-01-01' },
        { org_nr: H, holder_id: R, role: 'owner', share_pct: '10', from: '2016-01-01' },
        { org_nr: H2, holder_id: P, role: 'ceo', from: '2016-01-01' },
        { org_nr: NOLIC, holder_id: Q, role: 'ceo', from: '2016-01-01' },
      ],
      reviewed_persons: [rev(pid('19500101', '111'), '2017-01-01', 'approved'), { org_nr: NOLIC, person_id: R, reviewed_on: '2017-01-01', outcome: 'approved' }] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([]);
  });

  it('as of: a review dated after the as-of date does not exist; a role starting after as-of does not exist', async () => {
    const tables = { companies: companies(H), licences: [lic('L', H)],
      roles: [{ org_nr: H, holder_id: P, role: 'ceo', from: '2018-01-01' }, { org_nr: H, holder_id: Q, role: 'chair', from: '2026-01-01' }],
      reviewed_persons: [rev(R, '2017-01-01', 'approved'), rev(P, '2025-06-01', 'approved')] };
    expect(subjectsOf(await analyse(tables, '2025-01-01'), S)).toEqual([P]);
    expect(subjectsOf(await analyse(tables, '2025-07-01'), S)).toEqual([]);
  });
});

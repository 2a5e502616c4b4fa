import { describe, expect, it } from 'vitest';
import { analyse, companies, hitFor, org, pid, subjectsOf } from './support';

const S = 'foster-home-as-hvb';
const M = pid('19780303', '412'), F = pid('19790404', '523');
const PAYEE = org(31);
const home = (extra: Record<string, unknown> = {}) => ({ home_id: 'FH-7', address: 'Björkvägen 3', postal_code: '123 45', city: 'Byn', municipality: 'Byns kommun', parent_ids: [M, F], approved_capacity: 2, approved_on: '2018-01-01', ...extra });
const livesThere = [
  { person_id: M, address: 'Björkvägen 3', postal_code: '12345', from: '2010-01-01' },
  { person_id: F, address: 'BJÖRKVÄGEN 3', postal_code: '123 45', from: '2010-01-01' },
];
const base = { companies: companies(PAYEE), roles: [{ org_nr: PAYEE, holder_id: pid('19600101', '111'), role: 'ceo', from: '2015-01-01' }], licences: [{ licence_id: 'X', org_nr: PAYEE, kind: 'consultant_support', status: 'granted', granted_on: '2015-01-01' }] };
const pl = (id: string, from: string, to: string | null, extra: Record<string, unknown> = {}) => ({ placement_id: id, home_id: 'FH-7', from, to, child_ref: `barn-${id}`, child_birth_year: 2012, ...extra });

describe('foster-home-as-hvb (independent review)', () => {
  it('approved for 2: three children at once fires on the foster home (subject_kind foster_home, id = home_id)', async () => {
    const out = await analyse({ ...base, foster_homes: [home()], residences: livesThere, placements: [pl('a', '2024-01-01', null), pl('b', '2024-02-01', null), pl('c', '2024-03-01', '2024-04-01')] }, '2025-01-01');
    expect(hitFor(out, S, 'FH-7')?.subject_kind).toBe('foster_home');
  });

  it('near misses: exactly the approved number at once, or more children one after another', async () => {
    const out = await analyse({ ...base, foster_homes: [home()], residences: livesThere, placements: [
      pl('a', '2024-01-01', null), pl('b', '2024-02-01', '2024-02-28'), pl('c', '2024-03-15', '2024-05-01'), pl('d', '2024-06-01', null),
    ] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([]);
  });

  it('capacity unknown: 5 at once fires, 4 at once does not', async () => {
    const four = ['a', 'b', 'c', 'd'].map((id) => pl(id, '2024-01-01', null));
    const h = home({ approved_capacity: '' });
    expect(subjectsOf(await analyse({ ...base, foster_homes: [h], residences: livesThere, placements: four }, '2025-01-01'), S)).toEqual([]);
    expect(subjectsOf(await analyse({ ...base, foster_homes: [h], residences: livesThere, placements: [...four, pl('e', '2024-06-01', null)] }, '2025-01-01'), S)).toEqual(['FH-7']);
  });

  it('as of: a placement that starts after the as-of date does not count towards capacity', async () => {
    const tables = { ...base, foster_homes: [home()], residences: livesThere, placements: [pl('a', '2024-01-01', null), pl('b', '2024-01-01', null), pl('c', '2025-03-01', null)] };
    expect(subjectsOf(await analyse(tables, '2025-01-01'), S)).toEqual([]);
    expect(subjectsOf(await analyse(tables, '2025-03-01'), S)).toEqual(['FH-7']);
  });

  it('care staff employed with the home (home_id) as workplace fires; the employer is related', async () => {
    const out = await analyse({ ...base, foster_homes: [home()], residences: livesThere,
      employments: [{ org_nr: PAYEE, person_id: pid('19950505', '634'), title: 'Behandlingsassistent', profession: 'care_staff', from: '2023-01-01', works_with_children: 'true', workplace: 'FH-7' }] }, '2025-01-01');
    const h = hitFor(out, S, 'FH-7');
    expect(h?.related_ids).toContain(PAYEE);
  });

  it('no foster parent folkbokförd at the home during a placement fires; both living there does not', async () => {
    const elsewhere = [
      { person_id: M, address: 'Stadsgatan 1', postal_code: '11111', from: '2010-01-01' },
      { person_id: F, address: 'Stadsgatan 1', postal_code: '11111', from: '2010-01-01' },
    ];
    const placements = [pl('a', '2024-01-01', null)];
    expect(subjectsOf(await analyse({ ...base, foster_homes: [home()], residences: elsewhere, placements }, '2025-01-01'), S)).toEqual(['FH-7']);
    expect(subjectsOf(await analyse({ ...base, foster_homes: [home()], residences: livesThere, placements }, '2025-01-01'), S)).toEqual([]);
  });

  it('one foster parent living at the home is enough', async () => {
    const out = await analyse({ ...base, foster_homes: [home()], placements: [pl('a', '2024-01-01', null)], residences: [
      livesThere[0]!, { person_id: F, address: 'Stadsgatan 1', postal_code: '11111', from: '2010-01-01' },
    ] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([]);
  });

  it('parents moved away during a placement fires (folkbokföring history)', async () => {
    const out = await analyse({ ...base, foster_homes: [home()], placements: [pl('a', '2023-01-01', null)], residences: [
      { person_id: M, address: 'Björkvägen 3', postal_code: '12345', from: '2010-01-01', to: '2023-06-30' },
      { person_id: M, address: 'Stadsgatan 1', postal_code: '11111', from: '2023-07-01' },
      { person_id: F, address: 'Björkvägen 3', postal_code: '12345', from: '2010-01-01', to: '2023-06-30' },
      { person_id: F, address: 'Stadsgatan 1', postal_code: '11111', from: '2023-07-01' },
    ] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual(['FH-7']);
  });

  it('a foster parent controls the company paid for the home\'s placements → fires, company related', async () => {
    const out = await analyse({ ...base,
      roles: [...base.roles, { org_nr: PAYEE, holder_id: M, role: 'board_member', from: '2019-01-01' }],
      foster_homes: [home()], residences: livesThere, placements: [pl('a', '2024-01-01', null, { payee_org_nr: PAYEE, daily_fee_sek: '2 500' })] }, '2025-01-01');
    expect(hitFor(out, S, 'FH-7')?.related_ids).toContain(PAYEE);
  });

  it('payment for the home to a company the foster parent controls fires; a non-controlling (auditor) parent does not', async () => {
    const pay = { payer: 'Byns kommun', payee_org_nr: PAYEE, paid_on: '2024-05-31', amount_sek: '45 000,00', purpose: 'placement', home_id: 'FH-7' };
    const ctl = await analyse({ ...base, roles: [...base.roles, { org_nr: PAYEE, holder_id: F, role: 'owner', share_pct: '50', from: '2019-01-01' }],
      foster_homes: [home()], residences: livesThere, placements: [pl('a', '2024-01-01', null)], payments: [pay] }, '2025-01-01');
    expect(subjectsOf(ctl, S)).toEqual(['FH-7']);
    const aud = await analyse({ ...base, roles: [...base.roles, { org_nr: PAYEE, holder_id: F, role: 'auditor', from: '2019-01-01' }],
      foster_homes: [home()], residences: livesThere, placements: [pl('a', '2024-01-01', null)], payments: [pay] }, '2025-01-01');
    expect(subjectsOf(aud, S)).toEqual([]);
  });

  it('coverage: without foster_homes the signal is not evaluable, with a reason', async () => {
    const out = await analyse({ ...base, placements: [{ placement_id: 'p', from: '2024-01-01', licence_id: 'X' }] }, '2025-01-01');
    expect(out.coverage[S]).toMatchObject({ evaluable: false });
    expect(out.coverage[S]!.reason).toBeTruthy();
  });
  it('parent_ids written as dashed 10-digit personnummer (with spaces around |) match residences in 12 digits', async () => {
    const d10 = (p: string) => `${p.slice(2, 8)}-${p.slice(8)}`;
    const h = home({ parent_ids: `${d10(M)} | ${d10(F)}` });
    const placements = [pl('a', '2024-01-01', null)];
    expect(subjectsOf(await analyse({ ...base, foster_homes: [h], residences: [livesThere[0]!], placements }, '2025-01-01'), S)).toEqual([]);
    const away = [M, F].map((person_id) => ({ person_id, address: 'Annan väg 1', postal_code: '12345', from: '2010-01-01' }));
    expect(subjectsOf(await analyse({ ...base, foster_homes: [h], residences: away, placements }, '2025-01-01'), S)).toEqual(['FH-7']);
  });
  it('without residences.csv the parents\' current folkbokföring (persons.csv) decides for an ongoing placement', async () => {
    const persons = (address: string) => [M, F].map((person_id) => ({ person_id, name: 'Förälder', address, postal_code: '123 45', city: 'Byn' }));
    const placements = [pl('a', '2024-01-01', null)];
    expect(subjectsOf(await analyse({ ...base, foster_homes: [home()], persons: persons('Stadsgatan 9'), placements }, '2025-01-01'), S)).toEqual(['FH-7']);
    expect(subjectsOf(await analyse({ ...base, foster_homes: [home()], persons: persons('Björkvägen 3'), placements }, '2025-01-01'), S)).toEqual([]);
  });
});

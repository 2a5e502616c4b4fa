import { describe, expect, it } from 'vitest';
import { analyse, companies, hitFor, org, pid, subjectsOf } from './support';

const H = org(61), HC = org(62), C1 = org(63), C2 = org(64), C3 = org(65);
const E1 = pid('19900101', '111'), E2 = pid('19910202', '222'), E3 = pid('19920303', '333');
const ceo = (o: string) => ({ org_nr: o, holder_id: pid('19600606', '606'), role: 'ceo', from: '2010-01-01' });
const lic = (id: string, o: string, kind: string, extra: Record<string, unknown> = {}) => ({ licence_id: id, org_nr: o, kind, status: 'granted', granted_on: '2015-01-01', ...extra });
const emp = (org_nr: string, person_id: string, from: string, extra: Record<string, unknown> = {}) => ({ org_nr, person_id, from, works_with_children: 'true', profession: 'care_staff', ...extra });

describe('missing-record-check (independent review)', () => {
  const S = 'missing-record-check';
  const base = { companies: companies(H, HC), roles: [ceo(H), ceo(HC)], licences: [lic('LH', H, 'hvb_children'), lic('LHC', HC, 'home_care')] };

  it('child-facing employee of an HVB-children holder started without a record check → hit on the company', async () => {
    const out = await analyse({ ...base, employments: [emp(H, E1, '2024-03-01')] }, '2025-01-01');
    expect(hitFor(out, S, H)?.subject_kind).toBe('company');
    expect(subjectsOf(out, S)).toEqual([H]);
  });

  it('boundary: a check on the start day is in time; one day after is not', async () => {
    const ok = await analyse({ ...base, employments: [emp(H, E1, '2024-03-01', { record_check_on: '2024-03-01' }), emp(H, E2, '2024-03-01', { record_check_on: '2023-12-01' })] }, '2025-01-01');
    expect(subjectsOf(ok, S)).toEqual([]);
    const late = await analyse({ ...base, employments: [emp(H, E1, '2024-03-01', { record_check_on: '2024-03-02' })] }, '2025-01-01');
    expect(subjectsOf(late, S)).toEqual([H]);
  });

  it('the other licence kinds (lss_housing_children, supported_housing) count; home_care and works_with_children=false do not', async () => {
    const out = await analyse({ companies: companies(H, HC, C1, C2), roles: [ceo(H)],
      licences: [lic('A', C1, 'lss_housing_children'), lic('B', C2, 'supported_housing'), lic('C', HC, 'home_care'), lic('D', H, 'hvb_children')],
      employments: [emp(C1, E1, '2024-01-01'), emp(C2, E2, '2024-01-01'), emp(HC, E3, '2024-01-01'), emp(H, E3, '2024-01-01', { works_with_children: 'false' })] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([C1, C2].sort());
  });

  it('as of: an employment starting after as-of does not exist; a check dated after as-of does not exist yet', async () => {
    const tables = { ...base, employments: [emp(H, E1, '2025-02-01'), emp(H, E2, '2020-01-01', { record_check_on: '2025-03-01' })] };
    const out = await analyse(tables, '2025-01-01');
    expect(hitFor(out, S, H)?.related_ids ?? []).not.toContain(E1);
    expect(subjectsOf(out, S)).toEqual([H]);
  });
});

describe('convicted-staff-with-children (independent review)', () => {
  const S = 'convicted-staff-with-children';
  const base = { companies: companies(H), roles: [ceo(H)], licences: [lic('LH', H, 'hvb_children')] };
  const conv = (subject_id: string, from: string, offence: string) => ({ subject_id, kind: 'conviction', from, offence });

  it('child-facing employee convicted of a listed offence fires on the person, employer related', async () => {
    const out = await analyse({ ...base, employments: [emp(H, E1, '2022-01-01')], sanctions: [conv(E1, '2019-06-01', 'sexual')] }, '2025-01-01');
    expect(hitFor(out, S, E1)).toMatchObject({ subject_kind: 'person', related_ids: [H] });
  });

  it('near misses: fraud / welfare_fraud / tax_crime convictions, suspicion of violence, not working with children', async () => {
    const out = await analyse({ ...base, employments: [emp(H, E1, '2022-01-01'), emp(H, E2, '2022-01-01'), emp(H, E3, '2022-01-01', { works_with_children: 'false' })],
      sanctions: [conv(E1, '2019-01-01', 'fraud'), conv(E1, '2019-02-01', 'welfare_fraud'), { subject_id: E2, kind: 'suspicion', from: '2019-01-01', offence: 'violence' }, conv(E3, '2019-01-01', 'violence')] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([]);
  });

  it('every listed offence counts (violence, sexual, narcotics, weapons, organised_crime)', async () => {
    const offences = ['violence', 'sexual', 'narcotics', 'weapons', 'organised_crime'];
    const ids = offences.map((_, i) => pid(`1985010${i + 1}`, '777'));
    const out = await analyse({ ...base, employments: ids.map((id) => emp(H, id, '2022-01-01')), sanctions: offences.map((o, i) => conv(ids[i]!, '2021-01-01', o)) }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([...ids].sort());
  });

  it('as of: a conviction dated after the as-of date does not exist', async () => {
    const tables = { ...base, employments: [emp(H, E1, '2022-01-01')], sanctions: [conv(E1, '2025-05-01', 'narcotics')] };
    expect(subjectsOf(await analyse(tables, '2025-04-30'), S)).toEqual([]);
    expect(subjectsOf(await analyse(tables, '2025-05-01'), S)).toEqual([E1]);
  });
});

describe('unlicensed-practitioner (independent review)', () => {
  const S = 'unlicensed-practitioner';
  const base = { companies: companies(HC, C1), roles: [ceo(HC)], licences: [lic('LC', C1, 'care_provider')] };
  const job = (person_id: string, profession: string, from: string, to: string | null = null) => ({ org_nr: C1, person_id, profession, from, to, works_with_children: 'false' });
  const leg = (person_id: string, profession: string, granted_on: string, revoked_on: string | null = null) => ({ person_id, profession, granted_on, revoked_on, restricted: 'false' });

  it('nurse with no legitimation at all fires on the person, employer related', async () => {
    const out = await analyse({ ...base, employments: [job(E1, 'nurse', '2023-01-01')], legitimations: [leg(E2, 'nurse', '2010-01-01')] }, '2025-01-01');
    expect(hitFor(out, S, E1)).toMatchObject({ subject_kind: 'person', related_ids: [C1] });
  });

  it('legitimation for another profession does not count; a valid one for the same profession does', async () => {
    const out = await analyse({ ...base, employments: [job(E1, 'physician', '2023-01-01'), job(E2, 'dentist', '2023-01-01')],
      legitimations: [leg(E1, 'nurse', '2010-01-01'), leg(E2, 'dentist', '2012-01-01')] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([E1]);
  });

  it('revoked before the employment fires; revoked after the employment ended does not', async () => {
    const out = await analyse({ ...base, employments: [job(E1, 'nurse', '2023-01-01'), job(E2, 'nurse', '2019-01-01', '2020-12-31')],
      legitimations: [leg(E1, 'nurse', '2010-01-01', '2022-06-01'), leg(E2, 'nurse', '2010-01-01', '2022-06-01')] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([E1]);
  });

  it('non-legitimation professions (care_staff, counsellor, personal_assistant, manager, other) never fire', async () => {
    const profs = ['care_staff', 'counsellor', 'personal_assistant', 'manager', 'other'];
    const ids = profs.map((_, i) => pid(`1988010${i + 1}`, '888'));
    const out = await analyse({ ...base, employments: profs.map((p, i) => job(ids[i]!, p, '2023-01-01')), legitimations: [leg(E3, 'nurse', '2010-01-01')] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([]);
  });

  it('as of: a revocation dated after as-of has not happened; an employment starting after as-of does not exist', async () => {
    const out = await analyse({ ...base, employments: [job(E1, 'midwife', '2020-01-01'), job(E2, 'pharmacist', '2025-03-01')], legitimations: [leg(E1, 'midwife', '2010-01-01', '2025-06-01')] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([]);
  });

  it('coverage: without legitimations.csv the signal is not evaluable (not "no hits")', async () => {
    const out = await analyse({ ...base, employments: [job(E1, 'nurse', '2023-01-01')] }, '2025-01-01');
    expect(out.coverage[S]?.evaluable).toBe(false);
    expect(subjectsOf(out, S)).toEqual([]);
  });
});

describe('nominal-licensed-staff (independent review)', () => {
  const S = 'nominal-licensed-staff';
  const clinics = { companies: companies(C1, C2, C3, HC), roles: [ceo(C1)], licences: [lic('K1', C1, 'dental_care'), lic('K2', C2, 'dental_care'), lic('K3', C3, 'aesthetic_clinic'), lic('K4', HC, 'care_provider')] };
  const job = (org_nr: string, person_id: string, from: string, to: string | null = null, profession = 'dentist') => ({ org_nr, person_id, profession, from, to, works_with_children: 'false' });

  it('the only dentist at three clinics at the same time fires on the person, the three clinics related', async () => {
    const out = await analyse({ ...clinics, employments: [job(C1, E1, '2023-01-01'), job(C2, E1, '2023-03-01'), job(C3, E1, '2023-06-01')], legitimations: [{ person_id: E1, profession: 'dentist', granted_on: '2005-01-01' }] }, '2025-01-01');
    expect(hitFor(out, S, E1)).toMatchObject({ subject_kind: 'person', related_ids: [C1, C2, C3].sort() });
  });

  it('near misses: another dentist at one clinic; only two clinics; three clinics but never at the same time', async () => {
    const other = await analyse({ ...clinics, employments: [job(C1, E1, '2023-01-01'), job(C2, E1, '2023-01-01'), job(C3, E1, '2023-01-01'), job(C3, E2, '2022-01-01')] }, '2025-01-01');
    expect(subjectsOf(other, S)).toEqual([]);
    const two = await analyse({ ...clinics, employments: [job(C1, E1, '2023-01-01'), job(C2, E1, '2023-01-01')] }, '2025-01-01');
    expect(subjectsOf(two, S)).toEqual([]);
    const apart = await analyse({ ...clinics, employments: [job(C1, E1, '2020-01-01', '2020-12-31'), job(C2, E1, '2021-01-01', '2021-12-31'), job(C3, E1, '2022-01-01')] }, '2025-01-01');
    expect(subjectsOf(apart, S)).toEqual([]);
  });

  it('as of: the third employment starting after as-of does not exist yet', async () => {
    const tables = { ...clinics, employments: [job(C1, E1, '2023-01-01'), job(C2, E1, '2023-01-01'), job(HC, E1, '2025-02-01', null)] };
    expect(subjectsOf(await analyse(tables, '2025-01-31'), S)).toEqual([]);
    expect(subjectsOf(await analyse(tables, '2025-02-01'), S)).toEqual([E1]);
  });
});

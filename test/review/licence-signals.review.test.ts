import { describe, expect, it } from 'vitest';
import { analyse, companies, hitFor, org, pid, subjectsOf } from './support';

const H = org(71), N = org(72), R = org(73), W = org(74);
const ceo = (o: string) => ({ org_nr: o, holder_id: pid('19600606', '606'), role: 'ceo', from: '2010-01-01' });

describe('over-capacity (independent review)', () => {
  const S = 'over-capacity';
  const base = { companies: companies(H), roles: [ceo(H)], licences: [{ licence_id: 'IVO-1', org_nr: H, kind: 'hvb_children', status: 'granted', capacity: '3', age_min: '13', age_max: '17', granted_on: '2015-01-01' }] };
  const pl = (id: string, from: string, to: string | null, birth = 2010) => ({ placement_id: id, licence_id: 'IVO-1', from, to, child_ref: `c-${id}`, child_birth_year: birth, municipality: 'Byn', daily_fee_sek: '4 200' });

  it('four children at once at a licence with capacity 3 fires on the licence (subject_id = licence_id, company related)', async () => {
    const out = await analyse({ ...base, placements: [pl('a', '2024-01-01', null), pl('b', '2024-01-01', null), pl('c', '2024-02-01', null), pl('d', '2024-03-01', '2024-03-20')] }, '2025-01-01');
    expect(hitFor(out, S, 'IVO-1')).toMatchObject({ subject_kind: 'licence', related_ids: [H] });
  });

  it('near miss: exactly capacity at once (and a fourth child after one left)', async () => {
    const out = await analyse({ ...base, placements: [pl('a', '2024-01-01', '2024-02-28'), pl('b', '2024-01-01', null), pl('c', '2024-02-01', null), pl('d', '2024-03-01', null)] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([]);
  });

  it('a child far outside the age range fires (born so that the child is 10 at placement)', async () => {
    const out = await analyse({ ...base, placements: [pl('a', '2024-06-01', null, 2014)] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual(['IVO-1']);
  });

  it('children within the range (13 and 17 by birth year) do not fire', async () => {
    const out = await analyse({ ...base, placements: [pl('a', '2024-06-01', null, 2011), pl('b', '2024-06-01', null, 2007)] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([]);
  });

  it('inspection tagged over_capacity or target_group_outside_licence fires; other tags or a later inspection do not', async () => {
    const insp = (decided_on: string, tags: string) => ({ org_nr: H, licence_id: 'IVO-1', decided_on, outcome: 'deficiencies', tags });
    expect(subjectsOf(await analyse({ ...base, inspections: [insp('2024-05-01', 'staff_competence|target_group_outside_licence')] }, '2025-01-01'), S)).toEqual(['IVO-1']);
    expect(subjectsOf(await analyse({ ...base, inspections: [insp('2024-05-01', 'staff_competence|restraint'), insp('2025-02-01', 'over_capacity')] }, '2025-01-01'), S)).toEqual([]);
  });

  it('an inspection without licence_id of a company with a single licence is that licence\'s finding', async () => {
    const out = await analyse({ ...base, inspections: [{ org_nr: H, decided_on: '2024-05-01', outcome: 'deficiencies_followup', tags: 'over_capacity' }] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual(['IVO-1']);
  });

  it('as of: placements starting after the as-of date do not exist', async () => {
    const tables = { ...base, placements: [pl('a', '2024-01-01', null), pl('b', '2024-01-01', null), pl('c', '2024-01-01', null), pl('d', '2025-03-01', null)] };
    expect(subjectsOf(await analyse(tables, '2025-02-28'), S)).toEqual([]);
    expect(subjectsOf(await analyse(tables, '2025-03-01'), S)).toEqual(['IVO-1']);
  });

  it('coverage: neither placements nor inspections → not evaluable', async () => {
    const out = await analyse(base, '2025-01-01');
    expect(out.coverage[S]?.evaluable).toBe(false);
  });
});

describe('operating-without-licence (independent review)', () => {
  const S = 'operating-without-licence';
  const base = {
    companies: companies(H, N, R, W),
    roles: [ceo(H)],
    licences: [
      { licence_id: 'PA', org_nr: H, kind: 'personal_assistance', status: 'granted', granted_on: '2018-01-01' },
      { licence_id: 'RV', org_nr: R, kind: 'hvb_children', status: 'revoked', granted_on: '2016-01-01', status_on: '2023-06-01' },
      { licence_id: 'WK', org_nr: W, kind: 'hvb_children', status: 'granted', granted_on: '2016-01-01' },
    ],
  };
  const pay = (payee_org_nr: string, paid_on: string, purpose: string, extra: Record<string, unknown> = {}) => ({ payer: 'Byns kommun', payee_org_nr, paid_on, amount_sek: '125 000,00', purpose, ...extra });

  it('assistance paid to a company with no licence fires on the company; to the assistance licensee does not', async () => {
    const out = await analyse({ ...base, payments: [pay(N, '2024-05-31', 'assistance'), pay(H, '2024-05-31', 'assistance')] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([N]);
    expect(hitFor(out, S, N)?.subject_kind).toBe('company');
  });

  it('kind must fit the purpose: assistance to an HVB licensee fires; care to any licensee does not', async () => {
    const out = await analyse({ ...base, payments: [pay(W, '2024-05-31', 'assistance'), pay(H, '2024-05-31', 'care')] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([W]);
  });

  it('payments after the revocation fire, before it do not', async () => {
    expect(subjectsOf(await analyse({ ...base, payments: [pay(R, '2023-05-31', 'placement')] }, '2025-01-01'), S)).toEqual([]);
    expect(subjectsOf(await analyse({ ...base, payments: [pay(R, '2023-07-01', 'placement')] }, '2025-01-01'), S)).toEqual([R]);
  });

  it('payment before the licence was granted fires (not yet granted)', async () => {
    const out = await analyse({ ...base, payments: [pay(H, '2017-12-01', 'assistance')] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([H]);
  });

  it('a placement at a licence that goes on after the revocation fires on the licence holder', async () => {
    const out = await analyse({ ...base, placements: [{ placement_id: 'P1', licence_id: 'RV', from: '2023-01-01', to: '2023-12-31', child_ref: 'x' }] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([R]);
  });

  it('as of: a revocation after the as-of date has not happened; a payment after as-of does not exist', async () => {
    const out = await analyse({ ...base, payments: [pay(R, '2023-05-01', 'placement'), pay(N, '2023-06-01', 'assistance')] }, '2023-05-31');
    expect(subjectsOf(out, S)).toEqual([]);
  });

  it('dental_support needs dental_care: a care_provider payee fires', async () => {
    const out = await analyse({ ...base, licences: [...base.licences, { licence_id: 'CP', org_nr: N, kind: 'care_provider', status: 'granted', granted_on: '2018-01-01' }], payments: [pay(N, '2024-05-31', 'dental_support')] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([N]);
  });
});

describe('address-hub (independent review)', () => {
  const S = 'address-hub';
  const at = (o: string, address: string, postal_code: string, extra: Record<string, unknown> = {}) => ({ org_nr: o, name: `Bolag ${o}`, registered_on: '2015-01-01', status: 'active', address, postal_code, city: 'Stockholm', ...extra });
  const five = [org(81), org(82), org(83), org(84), org(85)];
  const variants: [string, string][] = [['Storgatan 12 B', '111 22'], ['STORGATAN 12B', '11122'], ['Storgatan 12 B, lgh 1102', '111 22'], ['c/o Andersson, Storgatan 12 b', '11122'], ['Storgatan 12 B.', '111 22']];

  it('five companies at one address (written five ways) fire on the normalised key', async () => {
    const out = await analyse({ companies: five.map((o, i) => at(o, ...variants[i]!)), roles: [ceo(five[0]!)], licences: [{ licence_id: 'Z', org_nr: five[0]!, kind: 'other', status: 'granted' }] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual(['STORGATAN 12 B|11122']);
    expect(hitFor(out, S, 'STORGATAN 12 B|11122')?.subject_kind).toBe('address');
  });

  it('near misses: four companies; a fifth registered after as-of; a fifth with another postal code', async () => {
    const four = await analyse({ companies: [
      ...five.slice(0, 4).map((o, i) => at(o, ...variants[i]!)),
      at(five[4]!, 'Storgatan 12 B', '11123'),
      at(org(86), 'Storgatan 12 B', '11122', { registered_on: '2025-06-01' }),
    ], roles: [ceo(five[0]!)], licences: [{ licence_id: 'Z', org_nr: five[0]!, kind: 'other', status: 'granted' }] }, '2025-01-01');
    expect(subjectsOf(four, S)).toEqual([]);
  });

  it('three licence units at one address fire; two do not', async () => {
    const unit = (id: string, o: string) => ({ licence_id: id, org_nr: o, kind: 'home_care', status: 'granted', granted_on: '2016-01-01', address: 'Industrivägen 4', postal_code: '72215' });
    const cs = [org(91), org(92), org(93)];
    const three = await analyse({ companies: cs.map((o) => at(o, `Annan väg ${o.slice(-2)}`, '11111')), roles: [ceo(cs[0]!)], licences: cs.map((o, i) => unit(`U${i}`, o)) }, '2025-01-01');
    expect(subjectsOf(three, S)).toEqual(['INDUSTRIVÄGEN 4|72215']);
    const two = await analyse({ companies: cs.map((o) => at(o, `Annan väg ${o.slice(-2)}`, '11111')), roles: [ceo(cs[0]!)], licences: cs.slice(0, 2).map((o, i) => unit(`U${i}`, o)) }, '2025-01-01');
    expect(subjectsOf(two, S)).toEqual([]);
  });

  it('a foster home and a licence holder\'s unit at the same address fire', async () => {
    const o = org(94);
    const out = await analyse({ companies: [at(o, 'Kontorsgatan 1', '11111')], roles: [ceo(o)],
      licences: [{ licence_id: 'HVB-9', org_nr: o, kind: 'hvb_children', status: 'granted', granted_on: '2016-01-01', address: 'Åkervägen 9', postal_code: '76140' }],
      foster_homes: [{ home_id: 'FH-9', address: 'ÅKERVÄGEN 9', postal_code: '761 40', parent_ids: [pid('19700101', '101')], approved_on: '2019-01-01' }] }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual(['ÅKERVÄGEN 9|76140']);
  });
});

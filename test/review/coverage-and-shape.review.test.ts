import { describe, expect, it } from 'vitest';
import { analyse, companies, org, pid } from './support';

const A = org(11), B = org(12);
const E = pid('19900101', '111');
const ceo = (o: string) => ({ org_nr: o, holder_id: pid('19600606', '606'), role: 'ceo', from: '2010-01-01' });
const ALL = [
  'revoked-network', 'phoenix-continuation', 'foster-home-as-hvb', 'financial-mismanagement', 'trading-ban-officer',
  'conviction-in-control', 'undeclared-influence', 'missing-record-check', 'convicted-staff-with-children',
  'unlicensed-practitioner', 'over-capacity', 'operating-without-licence', 'address-hub', 'nominal-licensed-staff',
  'deceased-officer', 'board-swap-after-finding', 'serial-director', 'supervision-evasion', 'fee-outlier', 'dental-support-without-dentist',
];

describe('coverage and hit shape (independent review)', () => {
  it('without licences every signal that reads licences is not evaluable, each with a reason; the others are judged on what is there', async () => {
    const out = await analyse({ companies: companies(A), roles: [ceo(A)], sanctions: [{ subject_id: E, kind: 'trading_ban', from: '2020-01-01' }] }, '2025-01-01');
    expect(Object.keys(out.coverage).sort()).toEqual([...ALL].sort());
    // trading-ban-officer reads roles and sanctions, address-hub can count companies at an address;
    // all others need licences or tables not given.
    const judged = ['trading-ban-officer', 'address-hub'];
    for (const id of ALL.filter((s) => !judged.includes(s))) {
      expect(out.coverage[id]?.evaluable, id).toBe(false);
      expect(out.coverage[id]?.reason, id).toBeTruthy();
    }
    for (const id of judged) expect(out.coverage[id], id).toEqual({ evaluable: true });
    for (const id of ['revoked-network', 'phoenix-continuation', 'over-capacity', 'missing-record-check']) expect(out.coverage[id]?.reason, id).toMatch(/licences/);
    expect(out.hits).toEqual([]);
  });

  it('with only the base tables, exactly the signals that need nothing else are evaluable', async () => {
    const out = await analyse({ companies: companies(A), roles: [ceo(A)], licences: [{ licence_id: 'L', org_nr: A, kind: 'hvb_children', status: 'granted' }] }, '2025-01-01');
    const evaluable = ALL.filter((id) => out.coverage[id]?.evaluable);
    expect(evaluable.sort()).toEqual(['address-hub', 'phoenix-continuation', 'revoked-network', 'serial-director']);
  });

  it('one hit per person for person + company signals, all companies in related_ids', async () => {
    const out = await analyse({
      companies: companies(A, B), roles: [ceo(A), ceo(B)],
      licences: [{ licence_id: 'LA', org_nr: A, kind: 'hvb_children', status: 'granted' }, { licence_id: 'LB', org_nr: B, kind: 'supported_housing', status: 'granted' }],
      employments: [
        { org_nr: A, person_id: E, profession: 'nurse', from: '2023-01-01', works_with_children: 'true', record_check_on: '2022-12-01' },
        { org_nr: B, person_id: E, profession: 'nurse', from: '2023-02-01', works_with_children: 'true', record_check_on: '2022-12-01' },
      ],
      sanctions: [{ subject_id: E, kind: 'conviction', from: '2021-01-01', offence: 'violence' }],
      legitimations: [{ person_id: pid('19500101', '111'), profession: 'nurse', granted_on: '1980-01-01' }],
    }, '2025-01-01');
    for (const s of ['convicted-staff-with-children', 'unlicensed-practitioner']) {
      const hits = out.hits.filter((h) => h.signal === s);
      expect(hits, s).toHaveLength(1);
      expect(hits[0], s).toMatchObject({ subject_kind: 'person', subject_id: E, related_ids: [A, B].sort() });
    }
  });
});

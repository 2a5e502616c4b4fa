import { describe, expect, it } from 'vitest';
import { analyse, companies, hitsOf, org, pid } from '../review/support';
import { SIGNALS } from '../../src/signals/index';
import { coverageOf } from '../../src/analysis/coverage';
import { TABLE_NAMES, type TableName } from '../../src/model/index';

const A = org(21);
const NURSE = pid('19850505', '222');
const CARER = pid('19900101', '111');

describe('coverage: each signal decides from its own inputs (no global base tables)', () => {
  it('without roles, staff signals are still evaluated and hit; role signals are not evaluable', async () => {
    const out = await analyse({
      companies: companies(A),
      licences: [{ licence_id: 'L1', org_nr: A, kind: 'hvb_children', status: 'granted', granted_on: '2015-01-01' }],
      employments: [
        { org_nr: A, person_id: NURSE, profession: 'nurse', from: '2023-01-01', works_with_children: 'false' },
        { org_nr: A, person_id: CARER, profession: 'care_staff', from: '2023-01-01', works_with_children: 'true', record_check_on: '2022-12-01' },
      ],
      legitimations: [{ person_id: pid('19500101', '111'), profession: 'nurse', granted_on: '1980-01-01' }],
      sanctions: [{ subject_id: CARER, kind: 'conviction', from: '2021-01-01', offence: 'violence' }],
    }, '2025-01-01');
    expect(out.coverage['unlicensed-practitioner']).toEqual({ evaluable: true });
    expect(out.coverage['convicted-staff-with-children']).toEqual({ evaluable: true });
    expect(hitsOf(out, 'unlicensed-practitioner').map((h) => h.subject_id)).toEqual([NURSE]);
    expect(hitsOf(out, 'convicted-staff-with-children').map((h) => h.subject_id)).toEqual([CARER]);
    expect(out.coverage['revoked-network']).toMatchObject({ evaluable: false, reason: expect.stringContaining('roles.csv') });
    expect(out.coverage['revoked-network']!.reason).not.toMatch(/licences/);
  });

  it('a signal is evaluable exactly when its own requirements are present', () => {
    const all = new Set<TableName>(TABLE_NAMES);
    for (const s of SIGNALS) {
      expect(coverageOf(s, all), s.id).toEqual({ evaluable: true });
      const own = new Set(s.requires.flatMap((r) => (typeof r === 'string' ? [r] : [...r])));
      const onlyOwn = new Set<TableName>([...own]);
      expect(coverageOf(s, onlyOwn), s.id).toEqual({ evaluable: true });
    }
  });

  it('financial-mismanagement needs no roles; phoenix-continuation needs companies or roles besides licences', () => {
    const sig = (id: string) => SIGNALS.find((s) => s.id === id)!;
    expect(coverageOf(sig('financial-mismanagement'), new Set<TableName>(['financial_events', 'licences']))).toEqual({ evaluable: true });
    expect(coverageOf(sig('phoenix-continuation'), new Set<TableName>(['licences', 'companies']))).toEqual({ evaluable: true });
    expect(coverageOf(sig('phoenix-continuation'), new Set<TableName>(['licences']))).toMatchObject({ evaluable: false });
  });
});

import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/model/dates';
import { licenceStatusAsOf, revocationDate } from '../../src/signals/licences';
import { overlaps, periodAsOf } from '../../src/signals/periods';
import { isControlling } from '../../src/signals/roles';
import { sek } from '../../src/signals/texts';
import type { LicenceFact, RoleFact } from '../../src/model/rows';

const lic = (p: Partial<LicenceFact>): LicenceFact => ({ licence_id: 'L', org_nr: '5566778899', kind: 'hvb_children', status: 'granted', granted_on: null, status_on: null, ...p } as LicenceFact);

describe('as-of helpers', () => {
  it('addMonths clamps to the month end', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2023-05-15', -24)).toBe('2021-05-15');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });

  it('overlaps is inclusive and treats null bounds as open', () => {
    expect(overlaps({ from: '2020-01-01', to: '2021-01-01' }, { from: '2021-01-01', to: null })).toBe(true);
    expect(overlaps({ from: '2020-01-01', to: '2020-12-31' }, { from: '2021-01-01', to: null })).toBe(false);
    expect(overlaps({ from: null, to: null }, { from: '2021-01-01', to: '2021-01-01' })).toBe(true);
  });

  it('periodAsOf hides later starts and reopens later ends', () => {
    expect(periodAsOf('2027-01-01', null, '2026-11-01')).toBeNull();
    expect(periodAsOf('2020-01-01', '2027-01-01', '2026-11-01')).toEqual({ from: '2020-01-01', to: null });
  });

  it('licence status as of a date', () => {
    const revoked = lic({ status: 'revoked', granted_on: '2018-01-01', status_on: '2024-01-01' });
    expect(licenceStatusAsOf(revoked, '2017-12-31')).toBe('none');
    expect(licenceStatusAsOf(revoked, '2023-12-31')).toBe('granted');
    expect(licenceStatusAsOf(revoked, '2024-01-01')).toBe('revoked');
    expect(revocationDate(revoked, '2023-12-31')).toBeNull();
    expect(revocationDate(revoked, '2024-01-01')).toBe('2024-01-01');
    expect(licenceStatusAsOf(lic({ status: 'banned', status_on: '2024-01-01' }), '2023-01-01')).toBe('granted');
    expect(licenceStatusAsOf(lic({ status: 'applied', status_on: '2025-01-01' }), '2024-12-31')).toBe('none');
    expect(licenceStatusAsOf(lic({ status: 'granted', granted_on: '2027-01-01' }), '2026-11-01')).toBe('none');
    expect(revocationDate(lic({ status: 'expired', status_on: '2024-01-01' }), '2026-11-01')).toBeNull();
  });

  it('controlling roles: all but auditor and liquidator; owner from 25 % or unknown share', () => {
    const r = (role: string, share_pct: number | null = null) => ({ role, share_pct } as RoleFact);
    expect(isControlling(r('deputy_board_member'))).toBe(true);
    expect(isControlling(r('operations_manager'))).toBe(true);
    expect(isControlling(r('auditor'))).toBe(false);
    expect(isControlling(r('liquidator'))).toBe(false);
    expect(isControlling(r('owner', 25))).toBe(true);
    expect(isControlling(r('owner', 24.99))).toBe(false);
    expect(isControlling(r('owner'))).toBe(true);
  });

  it('formats Swedish amounts', () => {
    expect(sek(50000)).toBe('50 000 kr');
    expect(sek(null)).toBe('okänt belopp');
  });
});

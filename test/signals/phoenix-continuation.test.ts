import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/phoenix-continuation';
import { buildWorld, type WorldSpec } from '../support/world';

const run = (spec: WorldSpec, asOf = '2026-11-01') => signal.evaluate({ facts: buildWorld(spec), asOf, params: signal.defaults });
const OLD = '5598047925';
const NEW = '5592142102';
const P = '197506141634';
const oldLicence = { licence_id: 'OLD-1', org_nr: OLD, kind: 'hvb_children', status: 'revoked', granted_on: '2016-01-01', status_on: '2023-05-15', address: 'Skolgatan 4', postal_code: '72215', address_key: 'SKOLGATAN 4|72215' };
const newLicence = (extra: Record<string, unknown> = {}) => ({ licence_id: 'NEW-1', org_nr: NEW, kind: 'supported_housing', status: 'granted', granted_on: '2024-01-10', status_on: '2024-01-10', ...extra });
const companies = (newReg = '2023-09-01', extra: Record<string, unknown> = {}) => [
  { org_nr: OLD, name: 'Solgläntan HVB AB', registered_on: '2015-01-01' },
  { org_nr: NEW, name: 'Nya Solgläntan AB', registered_on: newReg, ...extra },
];
const sharedPerson = [
  { org_nr: OLD, holder_id: P, role: 'board_member', from_date: '2016-01-01', to_date: '2023-06-30' },
  { org_nr: NEW, holder_id: P, role: 'ceo', from_date: '2023-09-01', to_date: null },
];

describe('phoenix-continuation', () => {
  it('fires on the new company sharing a controlling person, same kind group, within 36 months', () => {
    const hits = run({ companies: companies(), licences: [oldLicence, newLicence()], roles: sharedPerson });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'company', subject_id: NEW, related_ids: [OLD] });
    const texts = hits[0]!.evidence.map((e) => e.text).join('\n');
    expect(texts).toContain('2023-05-15');
    expect(texts).toContain('Gemensam kontrollerande företrädare');
    expect(hits[0]!.evidence.every((e) => /\.csv:\d+$/.test(e.source))).toBe(true);
  });

  it('36-month boundary: registration exactly 36 months after the revocation fires, one day later does not', () => {
    const lateLicence = newLicence({ granted_on: '2026-06-01', status_on: '2026-06-01' });
    expect(run({ companies: companies('2026-05-15'), licences: [oldLicence, lateLicence], roles: sharedPerson })).toHaveLength(1);
    expect(run({ companies: companies('2026-05-16'), licences: [oldLicence, lateLicence], roles: sharedPerson })).toHaveLength(0);
  });

  it('an application (status applied, dated by status_on) counts as seeking a licence', () => {
    const applied = newLicence({ status: 'applied', granted_on: null, status_on: '2025-02-01' });
    expect(run({ companies: companies('2010-01-01'), licences: [oldLicence, applied], roles: sharedPerson })).toHaveLength(1);
  });

  it('links: a shared unit address or shared phone/e-mail suffice; an auditor does not', () => {
    const byAddress = newLicence({ address: 'Skolgatan 4', postal_code: '72215', address_key: 'SKOLGATAN 4|72215' });
    expect(run({ companies: companies(), licences: [oldLicence, byAddress], roles: [{ org_nr: OLD, holder_id: '196001196812', role: 'ceo' }] })).toHaveLength(1);
    const phone = [{ org_nr: OLD, name: 'Gamla AB', registered_on: '2015-01-01', phone: '021-12 34 56' }, { org_nr: NEW, name: 'Nya AB', registered_on: '2023-09-01', phone: '+46 21 123456' }];
    expect(run({ companies: phone, licences: [oldLicence, newLicence()], roles: [] })).toHaveLength(1);
    const auditor = [{ org_nr: OLD, holder_id: P, role: 'auditor' }, { org_nr: NEW, holder_id: P, role: 'auditor' }];
    expect(run({ companies: companies(), licences: [oldLicence, newLicence()], roles: auditor })).toHaveLength(0);
  });

  it('near miss: different kind group, or no licence held or sought', () => {
    expect(run({ companies: companies(), licences: [oldLicence, newLicence({ kind: 'home_care' })], roles: sharedPerson })).toHaveLength(0);
    expect(run({ companies: companies(), licences: [oldLicence, newLicence({ status: 'rejected' })], roles: sharedPerson })).toHaveLength(0);
    expect(run({ companies: companies(), licences: [oldLicence], roles: sharedPerson })).toHaveLength(0);
  });

  it('near miss: new company registered before the revocation and its licence granted before it too', () => {
    expect(run({ companies: companies('2020-01-01'), licences: [oldLicence, newLicence({ granted_on: '2021-01-01' })], roles: sharedPerson })).toHaveLength(0);
  });

  it('as of: before the revocation nothing fires; a company registered after as-of does not exist', () => {
    const spec = { companies: companies(), licences: [oldLicence, newLicence()], roles: sharedPerson };
    expect(run(spec, '2023-05-14')).toHaveLength(0);
    expect(run(spec, '2023-08-31')).toHaveLength(0);
    expect(run(spec, '2024-01-10')).toHaveLength(1);
  });
});

describe('phoenix-continuation: every address of either company counts', () => {
  it('fires when the new company is registered at the revoked unit\'s address (its licence has no address)', async () => {
    const { analyse, hitsOf } = await import('../review/support');
    const tables = (newAddress: string) => ({
      companies: [
        { org_nr: OLD, name: 'Solgläntan HVB AB', legal_form: 'AB', registered_on: '2015-01-01', address: 'Kontorsvägen 1', postal_code: '11111' },
        { org_nr: NEW, name: 'Nya Solgläntan AB', legal_form: 'AB', registered_on: '2023-09-01', address: newAddress, postal_code: '72215' },
      ],
      licences: [
        { licence_id: 'OLD-1', org_nr: OLD, kind: 'hvb_children', status: 'revoked', granted_on: '2016-01-01', status_on: '2023-05-15', address: 'Skolgatan 4', postal_code: '72215' },
        { licence_id: 'NEW-1', org_nr: NEW, kind: 'supported_housing', status: 'granted', granted_on: '2024-01-10' },
      ],
    });
    const hit = await analyse(tables('Skolgatan 4'), '2026-11-01');
    const hits = hitsOf(hit, 'phoenix-continuation');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_id: NEW, related_ids: [OLD] });
    expect(hits[0]!.evidence.map((e) => e.source)).toEqual(expect.arrayContaining(['licences.csv:2', 'companies.csv:3']));
    const miss = await analyse(tables('Skolgatan 6'), '2026-11-01');
    expect(hitsOf(miss, 'phoenix-continuation')).toEqual([]);
  });

  it('fires when the new unit is at the revoked company\'s registered address', () => {
    const hits = run({
      companies: [
        { org_nr: OLD, name: 'Solgläntan HVB AB', registered_on: '2015-01-01', address: 'Skolgatan 4', postal_code: '72215', address_key: 'SKOLGATAN 4|72215' },
        { org_nr: NEW, name: 'Nya Solgläntan AB', registered_on: '2023-09-01' },
      ],
      licences: [{ ...oldLicence, address: null, postal_code: null, address_key: null }, newLicence({ address: 'Skolgatan 4', postal_code: '72215', address_key: 'SKOLGATAN 4|72215' })],
    });
    expect(hits.map((h) => h.subject_id)).toEqual([NEW]);
  });
});

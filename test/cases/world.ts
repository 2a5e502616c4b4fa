import { orgNr, personId, type FixtureTables } from '../support/fixtures';

/**
 * A small casework world: one person behind two companies whose licences were revoked
 * (revoked-network fires on the person), plus a new applicant company.
 */
export const P1 = personId('19750614', '163');
export const P2 = personId('19821102', '698');
export const C1 = orgNr('559804792');
export const C2 = orgNr('559214210');
export const C3 = orgNr('559537566');

export function revokedWorld(extraRoleTo: string | null = null): FixtureTables {
  return {
    companies: [
      { org_nr: C1, name: 'Solgläntan HVB AB', legal_form: 'AB', registered_on: '2016-04-12', status: 'liquidation', address: 'Skolgatan 4', postal_code: '72215', city: 'Västerås' },
      { org_nr: C2, name: 'Ljusglimten Stödboende AB', legal_form: 'AB', registered_on: '2018-11-05', status: 'active', address: 'Kopparbergsvägen 31', postal_code: '72213', city: 'Västerås' },
      { org_nr: C3, name: 'Nya Omsorgen AB', legal_form: 'AB', registered_on: '2025-01-10', status: 'active' },
    ],
    persons: [
      { person_id: P1, name: 'Erik Lindqvist', birth_date: '1975-06-14' },
      { person_id: P2, name: 'Anna Bergström', birth_date: '1982-11-02' },
    ],
    roles: [
      { org_nr: C1, holder_id: P1, role: 'board_member', from: '2019-01-01', to: '2023-06-30' },
      { org_nr: C2, holder_id: P1, role: 'ceo', from: '2020-03-01', to: extraRoleTo ?? '2024-05-31' },
      { org_nr: C3, holder_id: P2, role: 'ceo', from: '2025-01-10' },
    ],
    licences: [
      { licence_id: 'IVO-1', org_nr: C1, kind: 'hvb_children', status: 'revoked', granted_on: '2017-01-20', status_on: '2023-05-15' },
      { licence_id: 'IVO-2', org_nr: C2, kind: 'supported_housing', status: 'revoked', granted_on: '2019-08-01', status_on: '2024-03-30' },
    ],
  };
}

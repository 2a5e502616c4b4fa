import { openDb, type Db } from '../../src/store/db';
import { importPath } from '../../src/import/importer';
import { orgNr, personId, tmpDir, writeDataset, type FixtureTables } from '../support/fixtures';

/**
 * A small welfare network for graph tests:
 *   P1 ─board (ended 2021)─▶ A ◀─ceo─ P2 ─board─▶ B      A ─licence─▶ L1
 *   P2 ─spouse─ P3 ─foster parent─▶ FH1 ◀─consultant─ B    B ─placement─▶ FH1
 *   A, B and L1 at Storgatan 1; P4 works at A; C and P5 are a separate island (C ◀─ceo─ P5).
 */
export const A = orgNr('556677889');
export const B = orgNr('559123456');
export const C = orgNr('556000001');
export const P1 = personId('19800101');
export const P2 = personId('19820202');
export const P3 = personId('19700303');
export const P4 = personId('19900404');
export const P5 = personId('19650505');

export const TABLES: FixtureTables = {
  companies: [
    { org_nr: A, name: 'Alfa Omsorg AB', address: 'Storgatan 1', postal_code: '111 22', city: 'Stockholm' },
    { org_nr: B, name: 'Beta Konsult AB', address: 'Storgatan 1', postal_code: '11122', city: 'Stockholm' },
    { org_nr: C, name: 'Gamma AB', address: 'Ö-vägen 9', postal_code: '99999', city: 'Kiruna' },
  ],
  persons: [
    { person_id: P1, name: 'Anna Ek' }, { person_id: P2, name: 'Bo Ek' }, { person_id: P3, name: 'Cia Ek' },
    { person_id: P4, name: 'Dan Ro' }, { person_id: P5, name: 'Eva Ås' },
  ],
  roles: [
    { org_nr: A, holder_id: P1, role: 'board_member', from: '2015-01-01', to: '2021-06-30' },
    { org_nr: A, holder_id: P2, role: 'ceo', from: '2020-01-01' },
    { org_nr: B, holder_id: P2, role: 'board_member', from: '2019-01-01' },
    { org_nr: C, holder_id: P5, role: 'ceo', from: '2010-01-01' },
  ],
  licences: [{ licence_id: 'L1', org_nr: A, kind: 'hvb_children', status: 'granted', unit_name: 'Hemmet', address: 'Storgatan 1', postal_code: '11122', granted_on: '2019-01-01', capacity: 6 }],
  foster_homes: [{ home_id: 'FH1', address: 'Björkvägen 3', postal_code: '12345', parent_ids: [P3], approved_on: '2018-01-01', consultant_org_nr: B }],
  placements: [
    { placement_id: 'PL1', from: '2024-01-01', home_id: 'FH1', child_ref: 'x1', payee_org_nr: B },
    { placement_id: 'PL2', from: '2024-03-01', to: '2024-09-30', home_id: 'FH1', child_ref: 'x2', payee_org_nr: B },
  ],
  relations: [{ a_id: P2, b_id: P3, kind: 'spouse', from: '2005-01-01' }],
  employments: [{ org_nr: A, person_id: P4, profession: 'care_staff', from: '2023-01-01', works_with_children: true }],
  residences: [{ person_id: P3, address: 'Björkvägen 3', postal_code: '12345', from: '2017-01-01' }],
};

export async function worldDb(): Promise<Db> {
  const db = openDb(':memory:');
  await importPath(db, writeDataset(tmpDir('insyn-graph-'), TABLES));
  return db;
}

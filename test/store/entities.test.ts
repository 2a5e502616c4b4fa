import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/run';
import { importPath } from '../../src/import/importer';
import { openDb } from '../../src/store/db';
import { getEntity } from '../../src/store/entities';
import { orgNr, personId, tmpDir, writeDataset } from '../support/fixtures';
import { EXAMPLE_REVOKED_NETWORK } from '../support/samples';

const A = orgNr('556036079');
const P1 = personId('19811218', '987');

describe('getEntity', () => {
  it('returns a company as stored, by any id form, with roles, licences and provenance', async () => {
    const db = openDb(path.join(tmpDir(), 's.sqlite'));
    const dir = writeDataset(tmpDir(), {
      companies: [{ org_nr: A, name: 'Ängsgården AB', legal_form: 'ab', status: 'Active', registered_on: '20150301', address: 'c/o Berg, Storgatan 12 B', postal_code: '11122', city: 'Stockholm', färg: 'blå' }],
      persons: [{ person_id: P1, name: 'Erik Lindqvist' }],
      roles: [{ org_nr: A, holder_id: P1, role: 'ceo', from: '2020-01-01' }],
      licences: [{ licence_id: 'IVO-1', org_nr: A, kind: 'hvb_children', status: 'granted', granted_on: '2021-01-01' }],
    });
    await importPath(db, dir);
    for (const form of [A, `${A.slice(0, 6)}-${A.slice(6)}`, `16${A}`]) {
      const e = getEntity(db, form)!;
      expect(e).toMatchObject({
        kind: 'company',
        id: A,
        name: 'Ängsgården AB',
        legal_form: 'ab',
        status: 'active',
        registered_on: '2015-03-01',
        deregistered_on: null,
        alt_names: [],
        address: { street: 'Storgatan 12 B', co: 'Berg', postal_code: '11122', city: 'Stockholm' },
        extra: { färg: 'blå' },
        provenance: { file: 'companies.csv', line: 2, source: 'companies.csv:2' },
        hits: [],
      });
      expect(e.roles).toEqual([expect.objectContaining({ holder_id: P1, holder_name: 'Erik Lindqvist', role: 'ceo', from: '2020-01-01', provenance: expect.objectContaining({ source: 'roles.csv:2' }) })]);
      expect(e.licences).toEqual([expect.objectContaining({ licence_id: 'IVO-1', kind: 'hvb_children' })]);
    }
    expect(getEntity(db, `${P1.slice(2, 8)}-${P1.slice(8)}`)).toMatchObject({ kind: 'person', id: P1, roles: [expect.objectContaining({ company_name: 'Ängsgården AB' })] });
    expect(getEntity(db, 'IVO-1')).toMatchObject({ kind: 'licence', id: 'IVO-1', holder: { org_nr: A, name: 'Ängsgården AB' } });
    expect(getEntity(db, '5560360794')).toBeNull();
  });

  it('includes hits of the latest analysis run', async () => {
    const db = openDb(path.join(tmpDir(), 's.sqlite'));
    await importPath(db, EXAMPLE_REVOKED_NETWORK);
    expect(getEntity(db, '197506141634')!.hits).toEqual([]);
    runAnalysis(db, { asOf: '2026-11-01' });
    const e = getEntity(db, '750614-1634')!;
    expect(e.kind).toBe('person');
    expect(e.hits.map((h) => [h.signal, h.relation])).toContainEqual(['revoked-network', 'subject']);
  });
});

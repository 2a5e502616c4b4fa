import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/import/importer';
import { contractJson, runAnalysis } from '../../src/analysis/run';
import { openDb } from '../../src/store/db';
import { tmpDir, writeDataset } from '../support/fixtures';
import { companies, org, pid } from './support';

/**
 * Contract §1/§3: the store accumulates datasets (register from one source, licences from another,
 * roles from a third), and a newer extract updates rows by id keeping history. Signals must see
 * the combined, updated store.
 */
const A = org(11), B = org(12);
const P = pid('19750614', '163');

describe('analysis over an accumulated store (independent review)', () => {
  it('companies, roles and licences imported as three datasets are analysed together; re-import changes nothing', async () => {
    const root = tmpDir('insyn-review-acc-');
    const db = openDb(':memory:');
    try {
      const d1 = writeDataset(path.join(root, 'register'), { companies: companies(A, B) });
      const d2 = writeDataset(path.join(root, 'roles'), { roles: [{ org_nr: A, holder_id: P, role: 'ceo', from: '2018-01-01' }, { org_nr: B, holder_id: P, role: 'ceo', from: '2018-01-01' }] });
      const d3 = writeDataset(path.join(root, 'ivo'), { licences: [
        { licence_id: 'LA', org_nr: A, kind: 'hvb_children', status: 'revoked', granted_on: '2015-01-01', status_on: '2022-01-01' },
        { licence_id: 'LB', org_nr: B, kind: 'hvb_children', status: 'revoked', granted_on: '2015-01-01', status_on: '2023-01-01' },
      ] });
      await importPath(db, d1);
      const before = contractJson(runAnalysis(db, { asOf: '2025-01-01', persist: false }));
      expect(before.coverage['revoked-network']?.evaluable).toBe(false);
      await importPath(db, d2);
      await importPath(db, d3);
      const after = contractJson(runAnalysis(db, { asOf: '2025-01-01', persist: false }));
      expect(after.hits.filter((h) => h.signal === 'revoked-network').map((h) => h.subject_id)).toEqual([P]);
      await importPath(db, d3);
      const again = contractJson(runAnalysis(db, { asOf: '2025-01-01', persist: false }));
      expect(again.hits).toEqual(after.hits);
    } finally {
      db.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('a newer extract in which a licence is revoked updates the licence by id; the signal then fires', async () => {
    const root = tmpDir('insyn-review-upd-');
    const db = openDb(':memory:');
    try {
      const roles = [{ org_nr: A, holder_id: P, role: 'ceo', from: '2018-01-01' }, { org_nr: B, holder_id: P, role: 'ceo', from: '2018-01-01' }];
      const old = writeDataset(path.join(root, 'v1'), { companies: companies(A, B), roles, licences: [
        { licence_id: 'LA', org_nr: A, kind: 'hvb_children', status: 'revoked', granted_on: '2015-01-01', status_on: '2022-01-01' },
        { licence_id: 'LB', org_nr: B, kind: 'hvb_children', status: 'granted', granted_on: '2015-01-01' },
      ] });
      const newer = writeDataset(path.join(root, 'v2'), { licences: [
        { licence_id: 'LB', org_nr: B, kind: 'hvb_children', status: 'revoked', granted_on: '2015-01-01', status_on: '2024-06-01' },
      ] });
      await importPath(db, old);
      expect(contractJson(runAnalysis(db, { asOf: '2025-01-01', persist: false })).hits.filter((h) => h.signal === 'revoked-network')).toEqual([]);
      await importPath(db, newer);
      const out = contractJson(runAnalysis(db, { asOf: '2025-01-01', persist: false }));
      expect(out.hits.filter((h) => h.signal === 'revoked-network').map((h) => h.subject_id)).toEqual([P]);
    } finally {
      db.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/analysis/facts';
import { runAnalysis } from '../../src/analysis/run';
import { importPath } from '../../src/import/importer';
import { openDb } from '../../src/store/db';
import { providedTables } from '../../src/store/facts';
import { orgNr, personId, tmpDir, writeDataset } from '../support/fixtures';

const A = orgNr('556036079');
const P1 = personId('19811218', '987');

/** A header-only file means the table was provided and is empty (contract §1, §5 `rows`). */
describe('tables provided with 0 rows', () => {
  it('appear in rows with 0, in providedTables, in Facts.present, and their signals are evaluable', async () => {
    const db = openDb(path.join(tmpDir(), 's.sqlite'));
    const r = await importPath(
      db,
      writeDataset(tmpDir(), {
        companies: [{ org_nr: A, name: 'Ett AB' }],
        roles: [{ org_nr: A, holder_id: P1, role: 'ceo', from: '2020-01-01' }],
        licences: [{ licence_id: 'L1', org_nr: A, kind: 'hvb_children', status: 'granted' }],
        sanctions: [],
        employments: [],
      }),
    );
    expect(r.rows).toEqual({ companies: 1, roles: 1, licences: 1, sanctions: 0, employments: 0 });
    expect([...providedTables(db)].sort()).toEqual(['companies', 'employments', 'licences', 'roles', 'sanctions']);
    const present = loadFacts(db).present;
    expect(present.has('sanctions')).toBe(true);
    expect(present.has('financial_events')).toBe(false);
    const cov = runAnalysis(db, { asOf: '2026-01-01' }).coverage;
    expect(cov['trading-ban-officer']).toMatchObject({ evaluable: true });
    expect(cov['convicted-staff-with-children']).toMatchObject({ evaluable: true });
    expect(cov['financial-mismanagement']).toMatchObject({ evaluable: false });
  });

  it('a table provided only by an earlier dataset stays provided', async () => {
    const db = openDb(path.join(tmpDir(), 's.sqlite'));
    await importPath(db, writeDataset(tmpDir(), { sanctions: [] }));
    await importPath(db, writeDataset(tmpDir(), { companies: [{ org_nr: A, name: 'Ett AB' }] }));
    expect([...providedTables(db)].sort()).toEqual(['companies', 'sanctions']);
  });
});

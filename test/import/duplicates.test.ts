import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/import/importer';
import { OCCURRENCE_KEYED } from '../../src/import/occurrences';
import { openDb } from '../../src/store/db';
import { orgNr, tmpDir, writeDataset } from '../support/fixtures';

const A = orgNr('556036079');
const pay = { payer: 'Solna kommun', payee_org_nr: A, paid_on: '2025-03-01', amount_sek: '12 500,00', purpose: 'placement' };
const fin = { subject_id: A, kind: 'payment_order', amount_sek: '1000', occurred_on: '2024-05-01', source: 'KFM' };

function freshDb() {
  return openDb(path.join(tmpDir(), 's.sqlite'));
}

describe('identical rows in tables without an id (contract §1: only ids are unique in a file)', () => {
  it('event tables are exactly those whose natural key is not one id column', () => {
    expect([...OCCURRENCE_KEYED].sort()).toEqual(
      ['employments', 'financial_events', 'inspections', 'legitimations', 'payments', 'relations', 'residences', 'reviewed_persons', 'roles', 'sanctions'],
    );
  });

  it('stores both of two identical payments / financial events; the 2nd gets key#2', async () => {
    const db = freshDb();
    const r = await importPath(db, writeDataset(tmpDir(), { payments: [pay, pay, pay], financial_events: [fin, fin] }));
    expect(r.quarantined).toBe(0);
    expect(r.rows).toMatchObject({ payments: 3, financial_events: 2 });
    const keys = db.prepare('SELECT key FROM payments ORDER BY src_line').pluck().all() as string[];
    expect(keys).toEqual([keys[0], `${keys[0]}#2`, `${keys[0]}#3`]);
    expect(db.prepare('SELECT src_line FROM financial_events ORDER BY src_line').pluck().all()).toEqual([2, 3]);
  });

  it('re-importing the same file (in another dataset) changes nothing; a newer extract updates by key', async () => {
    const db = freshDb();
    await importPath(db, writeDataset(tmpDir(), { financial_events: [fin, fin] }));
    const again = await importPath(db, writeDataset(tmpDir(), { financial_events: [fin, fin], companies: [{ org_nr: A, name: 'Ett AB' }] }));
    expect(again.already_imported).toBe(false);
    expect(again).toMatchObject({ inserted: 1, updated: 0, unchanged: 2, quarantined: 0 });
    const newer = await importPath(db, writeDataset(tmpDir(), { financial_events: [{ ...fin, resolved_on: '2024-09-01' }, { ...fin, resolved_on: '2024-10-01' }] }));
    expect(newer).toMatchObject({ inserted: 0, updated: 2, unchanged: 0 });
    expect(db.prepare('SELECT resolved_on FROM financial_events ORDER BY key').pluck().all()).toEqual(['2024-09-01', '2024-10-01']);
  });

  it('numbering skips quarantined rows, so it depends only on the stored rows of the file', async () => {
    const db = freshDb();
    const dir = writeDataset(tmpDir(), { payments: [pay, { ...pay, paid_on: '2025-02-30' }, pay] });
    const r = await importPath(db, dir);
    expect(r.quarantined).toBe(1);
    expect(db.prepare('SELECT src_line, key LIKE ? AS second FROM payments ORDER BY src_line').all('%#2')).toEqual([
      { src_line: 2, second: 0 },
      { src_line: 4, second: 1 },
    ]);
  });

  it('entity-id tables still quarantine the later duplicate id', async () => {
    const db = freshDb();
    const lic = { licence_id: 'L1', org_nr: A, kind: 'hvb_children', status: 'granted' };
    const r = await importPath(db, writeDataset(tmpDir(), { licences: [lic, { ...lic, status: 'revoked' }], companies: [{ org_nr: A, name: 'Ett AB' }, { org_nr: A, name: 'Ett AB' }] }));
    expect(r.rows).toMatchObject({ licences: 1, companies: 1 });
    expect(r.quarantine.map((q) => [q.file, q.line, q.column])).toEqual([
      ['companies.csv', 3, 'org_nr'],
      ['licences.csv', 3, 'licence_id'],
    ]);
  });
});

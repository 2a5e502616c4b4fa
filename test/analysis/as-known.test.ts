// As-known analysis (issue 11.5): after a sequence of imports with an analysis after each,
// `analyze --as-known K` reproduces run K's hits exactly — property-tested over generated extracts
// (values changed, rows dropped from full and partial extracts, rows coming back).
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contractJson, runAnalysis } from '../../src/analysis/run';
import { importPath } from '../../src/import/importer';
import { openDb } from '../../src/store/db';
import { UnknownDatasetError } from '../../src/store/known';
import { orgNr, personId, tmpDir, writeDataset, type FixtureRow, type FixtureTables } from '../support/fixtures';

const AS_OF = '2026-06-01';
const C = [1, 2, 3, 4, 5, 6].map((i) => orgNr(`55600000${i}`));
const P = [personId('19700101', '101'), personId('19750505', '202'), personId('19800808', '303')];
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });

/**
 * Candidate rows by table; each extract picks a subset and, per row, one of its variants. The
 * pool is built so that revoked-network, financial-mismanagement, trading-ban-officer,
 * address-hub and conviction-in-control fire in some extracts and not in others.
 */
const POOL: Record<'companies' | 'licences' | 'roles' | 'financial_events' | 'sanctions', FixtureRow[][]> = {
  companies: C.map((org, i) => [
    { org_nr: org, name: `Bolag ${i} AB`, status: 'active', address: 'Storgatan 1', postal_code: '11122', city: 'Stockholm' },
    { org_nr: org, name: `Bolag ${i} AB`, status: 'active', address: `Lillgatan ${i}`, postal_code: '22233', city: 'Lund' },
    { org_nr: org, name: `Nya Bolaget ${i} AB`, status: 'bankruptcy', address: 'Storgatan 1', postal_code: '11122', city: 'Stockholm' },
  ]),
  licences: C.map((org, i) => [
    { licence_id: `IVO-${i}`, org_nr: org, kind: 'hvb_children', status: 'granted', granted_on: '2018-01-01' },
    { licence_id: `IVO-${i}`, org_nr: org, kind: 'hvb_children', status: 'revoked', granted_on: '2018-01-01', status_on: '2024-03-01' },
    { licence_id: `IVO-${i}`, org_nr: org, kind: 'hvb_children', status: 'revoked', granted_on: '2018-01-01', status_on: '2025-10-01' },
  ]),
  roles: C.flatMap((org, i) => P.map((p, j) => [
    { org_nr: org, holder_id: p, role: (i + j) % 2 ? 'ceo' : 'board_member', from: '2019-01-01', to: '' },
    { org_nr: org, holder_id: p, role: (i + j) % 2 ? 'ceo' : 'board_member', from: '2019-01-01', to: '2021-01-01' },
  ])),
  financial_events: C.slice(0, 3).map((org) => [
    { subject_id: org, kind: 'enforcement_debt', amount_sek: 60000, occurred_on: '2025-01-01', source: 'KFM' },
    { subject_id: org, kind: 'enforcement_debt', amount_sek: 60000, occurred_on: '2025-01-01', resolved_on: '2025-06-01', source: 'KFM' },
  ]),
  sanctions: P.map((p) => [
    { subject_id: p, kind: 'trading_ban', from: '2020-01-01', to: '2027-01-01' },
    { subject_id: p, kind: 'conviction', from: '2022-02-02', offence: 'fraud' },
  ]),
};
type PoolTable = keyof typeof POOL;
const TABLES = Object.keys(POOL) as PoolTable[];

/** An extract: per table and candidate, absent (-1) or the variant index; plus whether it is full. */
interface Extract { full: boolean; pick: Record<PoolTable, number[]> }

const extractArb: fc.Arbitrary<Extract> = fc.record({
  full: fc.boolean(),
  pick: fc.record(Object.fromEntries(TABLES.map((t) => [t, fc.array(fc.integer({ min: -1, max: POOL[t][0]!.length - 1 }), { minLength: POOL[t].length, maxLength: POOL[t].length })])) as Record<PoolTable, fc.Arbitrary<number[]>>),
});

function writeExtract(e: Extract, dir: string): string {
  const tables: FixtureTables = {};
  for (const t of TABLES) {
    const rows = POOL[t].flatMap((variants, i) => (e.pick[t][i]! >= 0 ? [variants[e.pick[t][i]!]!] : []));
    // A header-only file is written too: an empty full extract still states "no rows".
    tables[t] = rows.length ? rows : [];
  }
  writeDataset(dir, tables);
  for (const t of TABLES) if (!tables[t]!.length) fs.writeFileSync(path.join(dir, `${t}.csv`), Object.keys(POOL[t][0]![0]!).join(',') + '\n');
  if (e.full) fs.writeFileSync(path.join(dir, 'insyn-dataset.json'), JSON.stringify({ full: true }));
  return dir;
}

describe('analyze --as-known', () => {
  it('re-running as-known K reproduces the hits and coverage of the run made right after dataset K (3 imports)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(extractArb, { minLength: 3, maxLength: 3 }), async (extracts) => {
        const root = tmpDir('insyn-asknown-');
        dirs.push(root);
        const db = openDb(':memory:');
        try {
          const runs: { dataset: number; json: ReturnType<typeof contractJson> }[] = [];
          for (const [i, e] of extracts.entries()) {
            const r = await importPath(db, writeExtract(e, path.join(root, `m${i}`)), { datasetName: `m${i}` });
            const a = runAnalysis(db, { asOf: AS_OF });
            expect(a.dataset_max).toBe(r.dataset_id);
            runs.push({ dataset: r.dataset_id, json: contractJson(a) });
          }
          for (const run of runs) {
            const again = runAnalysis(db, { asOf: AS_OF, asKnown: run.dataset });
            expect(again.as_known).toBe(run.dataset);
            const json = contractJson(again);
            expect(json.hits).toEqual(run.json.hits);
            expect(json.coverage).toEqual(run.json.coverage);
            expect(json.scores).toEqual(run.json.scores);
          }
        } finally {
          db.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 300_000);

  it('the generated extracts do exercise change: hits differ between some runs', async () => {
    // Guards the property above against a pool that never changes any hit.
    const root = tmpDir('insyn-asknown-');
    dirs.push(root);
    const db = openDb(':memory:');
    const all = (v: number) => Object.fromEntries(TABLES.map((t) => [t, POOL[t].map(() => v)])) as Record<PoolTable, number[]>;
    const first = await importPath(db, writeExtract({ full: true, pick: { ...all(0), licences: [1, 1, 1, 0, 0, 0] } }, path.join(root, 'a')));
    const h1 = runAnalysis(db, { asOf: AS_OF }).hits.length;
    await importPath(db, writeExtract({ full: true, pick: { ...all(1), licences: [0, 0, 0, 0, 0, 0], sanctions: [-1, -1, -1] } }, path.join(root, 'b')));
    const h2 = runAnalysis(db, { asOf: AS_OF }).hits.length;
    expect(h1).toBeGreaterThan(h2);
    expect(runAnalysis(db, { asOf: AS_OF, asKnown: first.dataset_id }).hits.length).toBe(h1);
    db.close();
  });

  it('an as-known dataset id that does not exist is an error, not an empty analysis', () => {
    const db = openDb(':memory:');
    expect(() => runAnalysis(db, { asOf: AS_OF, asKnown: 42 })).toThrow(UnknownDatasetError);
    db.close();
  });
});

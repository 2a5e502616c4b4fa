import fs from 'node:fs';
import path from 'node:path';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db';
import { importPath } from '../../src/import/importer';
import { runAnalysis } from '../../src/analysis/run';
import { exportScope } from '../../src/export/index';
import { orgNr, personId, tmpDir, writeDataset } from '../support/fixtures';

/**
 * The v2 signals (contract §7.2) go through the exports like the others: their hits, with the
 * registry's Swedish titles, and their subjects in the graph.
 */
describe('exports of v2 signal hits', () => {
  it('flagged network: hits CSV and HTML report carry board-swap-after-finding and fee-outlier; their subjects are nodes', async () => {
    const org = orgNr('559400001');
    const peers = orgNr('559400002');
    const dear = orgNr('559400003');
    const old = personId('19700101', '234');
    const fresh = personId('19910303', '555');
    const db = openDb(':memory:');
    await importPath(db, writeDataset(tmpDir(), {
      companies: [{ org_nr: org, name: 'Bytet AB' }, { org_nr: peers, name: 'Jämförelse AB' }, { org_nr: dear, name: 'Dyra Familjevården AB' }],
      persons: [{ person_id: old, name: 'Olle Berg' }, { person_id: fresh, name: 'Sara Nyman' }],
      licences: [
        { licence_id: 'L1', org_nr: org, kind: 'home_care', status: 'granted', granted_on: '2015-01-01' },
        { licence_id: 'L2', org_nr: peers, kind: 'consultant_support', status: 'granted', granted_on: '2015-01-01' },
        { licence_id: 'L3', org_nr: dear, kind: 'consultant_support', status: 'granted', granted_on: '2015-01-01' },
      ],
      roles: [
        { org_nr: org, holder_id: old, role: 'board_member', from: '2015-01-01', to: '2025-05-31' },
        { org_nr: org, holder_id: old, role: 'owner', share_pct: 100, from: '2015-01-01' },
        { org_nr: org, holder_id: fresh, role: 'board_member', from: '2025-06-01' },
      ],
      inspections: [{ org_nr: org, licence_id: 'L1', decided_on: '2025-03-01', outcome: 'injunction' }],
      placements: [
        ...Array.from({ length: 20 }, (_, i) => ({ placement_id: `P${i}`, from: '2026-01-10', licence_id: 'L2', daily_fee_sek: 1_500 })),
        { placement_id: 'OUT', from: '2026-02-01', licence_id: 'L3', daily_fee_sek: 6_000 },
      ],
    }));
    const run = runAnalysis(db, { asOf: '2026-11-01' });
    expect(run.hits.map((h) => `${h.signal}:${h.subject_id}`).sort()).toEqual([`board-swap-after-finding:${org}`, `fee-outlier:${dear}`].sort());

    const dir = tmpDir();
    for (const format of ['csv', 'html', 'gexf', 'ftm'] as const) exportScope(db, { format, scope: { flagged: true }, outDir: dir, baseName: 'v2' });
    const hitsCsv = fs.readFileSync(path.join(dir, 'v2-hits.csv'), 'utf8');
    expect(hitsCsv).toContain('board-swap-after-finding');
    expect(hitsCsv).toContain('fee-outlier');
    const html = fs.readFileSync(path.join(dir, 'v2.html'), 'utf8');
    expect(html).toContain('Byte av företrädare efter tillsynsfynd');
    expect(html).toContain('Dygnsavgift långt över jämförbara placeringar');
    const g = gexf.parse(Graph, fs.readFileSync(path.join(dir, 'v2.gexf'), 'utf8'));
    expect(g.hasNode(org) && g.hasNode(old) && g.hasNode(fresh)).toBe(true);
    expect(g.hasNode(dear)).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'v2.ftm.json'), 'utf8')).toContain(org);
  });
});

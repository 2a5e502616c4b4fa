import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db';
import { FactWriter, factColumns, insertDataset } from '../../src/store/facts';

/**
 * FactWriter.upsert tries insert or select first, by which has succeeded more often for the table
 * (facts.ts). Both orders must give the same outcomes and store: these sequences cross from one
 * order to the other and back.
 */
function writeAll(rows: [string, string][], prior: [string, string][], hint: (i: number) => number = () => 0): { outcomes: unknown[]; stored: unknown[]; history: unknown[] } {
  const db = openDb(':memory:');
  const at = '2026-12-07T00:00:00Z';
  const values = (name: string) => factColumns('companies').map((c) => (c === 'org_nr' ? null : c === 'name' ? name : null));
  const first = new FactWriter(db, insertDataset(db, { name: 'a', source_path: '/a', content_hash: 'a', imported_at: at }), at);
  db.transaction(() => prior.forEach(([k, name], i) => first.upsert('companies', k, values(name), 'a.csv', i + 2)))();
  const w = new FactWriter(db, insertDataset(db, { name: 'b', source_path: '/b', content_hash: 'b', imported_at: at }), at);
  const outcomes = db.transaction(() => rows.map(([k, name], i) => w.upsert('companies', k, values(name), 'b.csv', i + 2, 0, undefined, hint(i))))();
  const stored = db.prepare('SELECT key, name, dataset_id, src_line FROM companies ORDER BY key').all();
  const history = db.prepare('SELECT key, old_row FROM fact_history ORDER BY id').all();
  db.close();
  return { outcomes, stored, history };
}

describe('FactWriter.upsert, insert-first and select-first', () => {
  it('stored keys first (select goes first), then new keys (insert goes first again), then a repeat within the file', () => {
    const prior: [string, string][] = [['k1', 'Ett'], ['k2', 'Två'], ['k3', 'Tre']];
    const { outcomes, stored } = writeAll([['k1', 'Ett'], ['k2', 'Två 2'], ['k3', 'Tre 2'], ['n1', 'Ny'], ['n2', 'Ny 2'], ['n3', 'Ny 3'], ['n4', 'Ny 4'], ['k2', 'Två igen'], ['n1', 'Ny igen']], prior);
    expect(outcomes).toEqual(['unchanged', 'updated', 'updated', 'inserted', 'inserted', 'inserted', 'inserted', { duplicateOfLine: 3 }, { duplicateOfLine: 5 }]);
    expect(stored).toEqual([
      { key: 'k1', name: 'Ett', dataset_id: 1, src_line: 2 },
      { key: 'k2', name: 'Två 2', dataset_id: 2, src_line: 3 },
      { key: 'k3', name: 'Tre 2', dataset_id: 2, src_line: 4 },
      { key: 'n1', name: 'Ny', dataset_id: 2, src_line: 5 },
      { key: 'n2', name: 'Ny 2', dataset_id: 2, src_line: 6 },
      { key: 'n3', name: 'Ny 3', dataset_id: 2, src_line: 7 },
      { key: 'n4', name: 'Ny 4', dataset_id: 2, src_line: 8 },
    ]);
  });

  it('a row hint is only a hint: right, wrong (another stored row), past the table or none, the same outcomes and store', () => {
    const prior: [string, string][] = [['k1', 'Ett'], ['k2', 'Två'], ['k3', 'Tre']];
    const rows: [string, string][] = [['k1', 'Ett'], ['k2', 'Två 2'], ['n1', 'Ny'], ['k3', 'Tre 2'], ['k2', 'Två igen'], ['n2', 'Ny 2']];
    const plain = writeAll(rows, prior);
    // Row ids 1-3 are k1-k3: the right row for each stored key, then every other guess.
    const right = [1, 2, 0, 3, 2, 0];
    expect(writeAll(rows, prior, (i) => right[i]!)).toEqual(plain);
    for (const wrong of [1, 2, 3, 4, 5, 99]) expect(writeAll(rows, prior, () => wrong)).toEqual(plain);
    expect(plain.outcomes).toEqual(['unchanged', 'updated', 'inserted', 'updated', { duplicateOfLine: 3 }, 'inserted']);
    expect(plain.history).toHaveLength(2);
  });
});

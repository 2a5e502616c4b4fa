import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/run';
import { importPath } from '../../src/import/importer';
import { openDb } from '../../src/store/db';

/**
 * The committed demo dataset end to end (import → analyze at the truth's as-of date): the
 * quarantine holds exactly the rows listed, every `fire` subject has a hit, no `not_fire`
 * subject has one, and, since the background is built so that it cannot fire, there are no
 * other hits at all.
 */
describe('data/demo against its truth', () => {
  it('imports and analyses to exactly the planted truth', async () => {
    const demo = join(process.cwd(), 'data', 'demo');
    const dir = await mkdtemp(join(tmpdir(), 'insyn-truth-'));
    const db = openDb(join(dir, 'store.db'));
    try {
      const imported = await importPath(db, demo);
      const expectedQuarantine = (parse(readFileSync(join(demo, 'quarantine_expected.csv'), 'utf8'), { columns: true }) as Record<string, string>[]).map((q) => `${q.file}:${q.line}:${q.column}`).sort();
      expect(imported.quarantine.map((q) => `${q.file}:${q.line}:${q.column}`).sort()).toEqual(expectedQuarantine);

      const meta = JSON.parse(readFileSync(join(demo, 'truth_meta.json'), 'utf8')) as { as_of: string };
      const result = runAnalysis(db, { asOf: meta.as_of });
      const hits = new Set(result.hits.map((h) => `${h.signal}|${h.subject_kind}|${h.subject_id}`));
      const truth = parse(readFileSync(join(demo, 'truth.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
      const key = (t: Record<string, string>) => `${t.signal}|${t.subject_kind}|${t.subject_id}`;
      const missed = truth.filter((t) => t.expected === 'fire' && !hits.has(key(t))).map((t) => `${key(t)}: ${t.note}`);
      const wrong = truth.filter((t) => t.expected === 'not_fire' && hits.has(key(t))).map((t) => `${key(t)}: ${t.note}`);
      const listed = new Set(truth.map(key));
      const unlisted = [...hits].filter((h) => !listed.has(h));
      expect({ missed, wrong, unlisted }).toEqual({ missed: [], wrong: [], unlisted: [] });
    } finally {
      db.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

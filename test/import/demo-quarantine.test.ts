import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/import/importer';
import { openDb } from '../../src/store/db';
import { tmpDir } from '../support/fixtures';

/** The demo generator plants dirty rows and lists them; the importer must quarantine exactly those. */
describe('data/demo', () => {
  it('quarantines exactly the planted bad rows (file, line, column, value)', async () => {
    const expected = fs
      .readFileSync('data/demo/quarantine_expected.csv', 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',').slice(0, 4).join(','))
      .sort();
    const db = openDb(path.join(tmpDir(), 's.sqlite'));
    const r = await importPath(db, 'data/demo');
    const got = r.quarantine.map((q) => [q.file, q.line, q.column, q.value].join(',')).sort();
    expect(got).toEqual(expected);
    expect(r.skipped).toEqual(['quarantine_expected.csv', 'truth.csv', 'truth_matches.csv', 'truth_meta.json']);
  });
});

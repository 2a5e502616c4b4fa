import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportEta, etaText } from '../../src/import/eta';
import { importPath, type ImportProgress } from '../../src/import/importer';
import { importProgressText } from '../../src/import/progress-text';
import { openDb } from '../../src/store/db';
import { orgNr, personId, tmpDir, writeDataset } from '../support/fixtures';

/** Issue 10.6: progress of a long import shows rows/s and the time left of the whole import. */

describe('time left of an import', () => {
  it('comes from the bytes of all files done so far and the average rate; none in the first seconds', () => {
    const eta = new ImportEta([100, 300]);
    eta.start(0);
    expect(eta.at(0, 50, 1000)).toEqual({ bytesDone: 50, bytesTotal: 400, etaSeconds: null });
    expect(eta.at(0, 100, 4000)).toEqual({ bytesDone: 100, bytesTotal: 400, etaSeconds: 12 });
    eta.fileDone(0);
    expect(eta.at(1, 100, 8000)).toEqual({ bytesDone: 200, bytesTotal: 400, etaSeconds: 8 });
    expect(eta.at(1, 300, 10_000).etaSeconds).toBe(0);
  });

  it('is said in Swedish, rounded', () => {
    expect(etaText(3)).toBe('strax klar');
    expect(etaText(42)).toBe('cirka 40 s kvar');
    expect(etaText(185)).toBe('cirka 3 min kvar');
    expect(etaText(4900)).toBe('cirka 1 h 22 min kvar');
  });

  it('the progress line (stderr and the Importera view) ends with it while the file is not done', () => {
    const p = { file: 'roles.csv', table: 'roles', rows: 10, bytesRead: 50, bytesTotal: 100, rowsPerSec: 2000, done: false, etaSeconds: 185 };
    expect(importProgressText(p)).toBe('roles.csv: 10 rader, 50 % av filen läst, 2\u00a0000 rader/s, cirka 3 min kvar');
    expect(importProgressText({ ...p, done: true })).not.toContain('kvar');
  });

  it('an import reports the bytes of the whole dataset, reaching its total', async () => {
    const dir = writeDataset(tmpDir(), {
      companies: [{ org_nr: orgNr('556036079'), name: 'Ett AB' }],
      persons: [{ person_id: personId('19811218', '987'), name: 'Erik' }],
    });
    const total = fs.readdirSync(dir).reduce((a, f) => a + fs.statSync(path.join(dir, f)).size, 0);
    const seen: ImportProgress[] = [];
    await importPath(openDb(':memory:'), dir, { onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((p) => p.importBytesTotal === total)).toBe(true);
    expect(seen.at(-1)!.importBytesDone).toBe(total);
    const done = seen.map((p) => p.importBytesDone!);
    expect(done).toEqual([...done].sort((a, b) => a - b));
  });
});

import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confineRead, confineWriteDir, RootError } from '../../src/api/roots';
import { tmpDir } from '../support/fixtures';
import { assertSeeded, fuzzRuns, fuzzSeed } from './seed';

/**
 * Paths through the API, fuzzed (issue 13.2): whatever a caller passes (.., ., links in and out,
 * absolute paths, odd characters), the result is a path inside the root or a RootError.
 */
describe('file roots fuzz', () => {
  const base = fs.realpathSync(tmpDir());
  const root = path.join(base, 'rot');
  const outside = path.join(base, 'ute');
  fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(root, 'a', 'f.csv'), 'x');
  fs.writeFileSync(path.join(outside, 'hemlig.csv'), 'x');
  fs.symlinkSync(outside, path.join(root, 'ut'));
  fs.symlinkSync(path.join(outside, 'hemlig.csv'), path.join(root, 'a', 'hemlig.csv'));
  fs.symlinkSync(path.join(root, 'a'), path.join(root, 'in'));
  fs.symlinkSync('/etc', path.join(root, 'a', 'b', 'etc'));
  const segment = fc.constantFrom('a', 'b', 'f.csv', 'hemlig.csv', 'ut', 'in', 'etc', '..', '.', '', 'ny', 'passwd', 'ute', 'rot');
  const pathArb = fc.tuple(fc.boolean(), fc.array(segment, { maxLength: 7 })).map(([abs, segs]) => (abs ? path.join(base, ...segs) : segs.join('/')));
  const inside = (p: string) => p === root || p.startsWith(root + path.sep);

  it('never resolves outside the root', async () => {
    await assertSeeded(
      'roots fuzz',
      'test/fuzz/roots.fuzz.test.ts',
      fuzzSeed('roots', 20260416),
      fc.property(pathArb, (p) => {
        for (const confine of [confineRead, confineWriteDir]) {
          try {
            const r = confine(root, p);
            expect(inside(r), `${confine.name}(${p}) → ${r}`).toBe(true);
            if (fs.existsSync(r)) expect(inside(fs.realpathSync(r)), `${confine.name}(${p}) real`).toBe(true);
          } catch (err) {
            expect(err, `${confine.name}(${p})`).toBeInstanceOf(RootError);
          }
        }
      }),
      { numRuns: fuzzRuns(2000) },
    );
  });
});

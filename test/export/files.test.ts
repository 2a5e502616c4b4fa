import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFileName, ExportExistsError, ExportPathError, fileStem, writeExportFiles } from '../../src/export/files';
import { tmpDir } from '../support/fixtures';

describe('export destination', () => {
  it('rejects file names that could escape the folder', () => {
    const bad = ['../x.gexf', '..', 'a/../../b', '/etc/passwd', 'sub/dir.csv', 'a\\b.csv', 'C:evil.html', 'C:\\x', '..\\x', 'x\u0000.csv', '', 'con.txt', 'x.', 'a..b'];
    for (const name of bad) expect(() => checkFileName(name), name).toThrow(ExportPathError);
    const dir = tmpDir();
    expect(() => writeExportFiles(dir, [{ name: '../utanfor.txt', content: 'x' }], true)).toThrow(ExportPathError);
    expect(fs.existsSync(path.join(dir, '..', 'utanfor.txt'))).toBe(false);
  });

  it('never writes outside the folder, whatever the name', () => {
    const dir = tmpDir();
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (name) => {
        try {
          const [f] = writeExportFiles(dir, [{ name, content: 'x' }], true);
          expect(path.dirname(f!.path)).toBe(path.resolve(dir));
        } catch (e) {
          expect(e).toBeInstanceOf(ExportPathError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('makes safe stems from free text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(() => checkFileName(fileStem(s) + '.csv')).not.toThrow();
      }),
    );
    expect(fileStem('con')).toBe('insyn-con');
    expect(fileStem('Ärende: Omsorg/Norr ../')).toBe('Arende-Omsorg-Norr');
  });

  it('does not overwrite without the flag, and writes nothing then', () => {
    const dir = tmpDir();
    writeExportFiles(dir, [{ name: 'a.csv', content: 'old' }], false);
    let err: unknown;
    try {
      writeExportFiles(dir, [{ name: 'b.csv', content: 'new' }, { name: 'a.csv', content: 'new' }], false);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ExportExistsError);
    expect((err as ExportExistsError).existing).toEqual(['a.csv']);
    expect((err as Error).message).toMatch(/finns redan/);
    expect(fs.readFileSync(path.join(dir, 'a.csv'), 'utf8')).toBe('old');
    expect(fs.existsSync(path.join(dir, 'b.csv'))).toBe(false);
    const written = writeExportFiles(dir, [{ name: 'a.csv', content: 'new' }], true);
    expect(written[0]!.bytes).toBe(3);
    expect(fs.readFileSync(path.join(dir, 'a.csv'), 'utf8')).toBe('new');
  });

  it('refuses to write through a symlink planted at the target', () => {
    const dir = tmpDir();
    const outside = path.join(tmpDir(), 'secret.txt');
    fs.writeFileSync(outside, 'keep');
    fs.symlinkSync(outside, path.join(dir, 'report.html'));
    expect(() => writeExportFiles(dir, [{ name: 'report.html', content: 'x' }], true)).toThrow(ExportPathError);
    expect(fs.readFileSync(outside, 'utf8')).toBe('keep');
  });
});

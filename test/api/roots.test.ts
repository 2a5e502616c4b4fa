import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createClient, unwrap } from '../../src/api/client';
import { createApiHandler } from '../../src/api/handler';
import { checkRootChoice, confineRead, confineWriteDir, defaultRoots, RootError } from '../../src/api/roots';
import { createWorkbench } from '../../src/api/service';
import { listAudit } from '../../src/audit/log';
import { openDb } from '../../src/store/db';
import { tmpDir, writeDataset, orgNr } from '../support/fixtures';

/** An import root and an export root with the links an attacker would plant, and a folder outside both. */
function layout() {
  const base = fs.realpathSync(tmpDir());
  const importRoot = path.join(base, 'in');
  const exportRoot = path.join(base, 'ut');
  const outside = path.join(base, 'utanför');
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'companies.csv'), 'org_nr,name\n5560360793,Hemlig\n');
  writeDataset(importRoot, { companies: [{ org_nr: orgNr('556036079'), name: 'Ett AB' }] });
  fs.mkdirSync(exportRoot);
  fs.symlinkSync('/etc/passwd', path.join(importRoot, 'passwd.csv'));
  const linked = path.join(importRoot, 'länkad');
  fs.mkdirSync(linked);
  fs.symlinkSync(path.join(outside, 'companies.csv'), path.join(linked, 'companies.csv'));
  fs.symlinkSync(outside, path.join(exportRoot, 'ut-länk'));
  return { base, importRoot, exportRoot, outside };
}

describe('confineRead / confineWriteDir', () => {
  it('reads inside the root, relative or absolute; refuses links and paths out of it', () => {
    const l = layout();
    expect(confineRead(l.importRoot, 'companies.csv')).toBe(path.join(l.importRoot, 'companies.csv'));
    expect(confineRead(l.importRoot, path.join(l.importRoot, 'companies.csv'))).toBe(path.join(l.importRoot, 'companies.csv'));
    expect(() => confineRead(l.importRoot, 'passwd.csv')).toThrow(/utanför importmappen \(via en symbolisk länk\)/);
    expect(() => confineRead(l.importRoot, '/etc/passwd')).toThrow(/utanför importmappen/);
    expect(() => confineRead(l.importRoot, '../utanför/companies.csv')).toThrow(/utanför importmappen/);
    expect(() => confineRead(l.importRoot, 'länkad')).toThrow(/companies.csv i länkad är en symbolisk länk ut ur importmappen/);
    expect(() => confineRead(l.importRoot, '')).toThrow(/Ange en sökväg/);
    expect(() => confineRead(l.importRoot, 'finns-inte.csv')).toThrow(/finns inte/);
    expect(() => confineRead(path.join(l.base, 'saknas'), 'x.csv')).toThrow(/Importmappen .* finns inte/);
  });

  it('writes inside the root only; "" and links out are refused; new folders may be made inside', () => {
    const l = layout();
    expect(confineWriteDir(l.exportRoot, undefined)).toBe(l.exportRoot);
    expect(confineWriteDir(l.exportRoot, 'ärende/2026')).toBe(path.join(l.exportRoot, 'ärende', '2026'));
    expect(confineWriteDir(l.exportRoot, path.join(l.exportRoot, 'x'))).toBe(path.join(l.exportRoot, 'x'));
    expect(() => confineWriteDir(l.exportRoot, '')).toThrow(/Ange en mapp i exportmappen/);
    expect(() => confineWriteDir(l.exportRoot, '  ')).toThrow(RootError);
    expect(() => confineWriteDir(l.exportRoot, l.outside)).toThrow(/utanför exportmappen/);
    expect(() => confineWriteDir(l.exportRoot, '..')).toThrow(/utanför exportmappen/);
    expect(() => confineWriteDir(l.exportRoot, 'ut-länk')).toThrow(/via en symbolisk länk/);
    expect(() => confineWriteDir(l.exportRoot, 'ut-länk/ny')).toThrow(/via en symbolisk länk/);
  });

  it('a root must be an existing folder given in full, never the whole file system', () => {
    const l = layout();
    expect(checkRootChoice(l.importRoot, 'import')).toBe(l.importRoot);
    expect(() => checkRootChoice('in', 'import')).toThrow(/fullständig sökväg/);
    expect(() => checkRootChoice('/', 'export')).toThrow(/Hela filsystemet/);
    expect(() => checkRootChoice(path.join(l.base, 'saknas'), 'export')).toThrow(/finns inte/);
  });

  it('defaults are ~/Insyn-import and ~/Insyn-export unless the environment says otherwise', () => {
    expect(defaultRoots({}, '/home/u')).toEqual({ importRoot: '/home/u/Insyn-import', exportRoot: '/home/u/Insyn-export' });
    expect(defaultRoots({ INSYN_IMPORT_ROOT: '/data/in', INSYN_EXPORT_ROOT: '/data/ut' }, '/home/u')).toEqual({ importRoot: '/data/in', exportRoot: '/data/ut' });
  });
});

describe('the API reads and writes only inside the chosen roots', () => {
  function api() {
    const l = layout();
    const db = openDb(':memory:');
    const wb = createWorkbench({ db, dbPath: ':memory:', actor: 'testare', importRoot: l.importRoot, exportDir: l.exportRoot });
    const handle = createApiHandler(wb.service);
    return { l, db, wb, c: createClient((m, r) => handle(m, r)) };
  }

  it('importPreview of /etc/passwd via a symlink in the root is refused in Swedish, with no content', async () => {
    const { c, l } = api();
    const r = unwrap(await c.importPreview({ paths: ['passwd.csv', '/etc/passwd', path.join(l.importRoot, 'companies.csv')] }));
    expect(r.files[0]!.error).toMatch(/utanför importmappen \(via en symbolisk länk\)/);
    expect(r.files[1]!.error).toMatch(/utanför importmappen/);
    for (const f of r.files.slice(0, 2)) expect(JSON.stringify(f)).not.toMatch(/root:|\/bin\/(ba)?sh/);
    expect(r.files[2]).toMatchObject({ table: 'companies', error: null });
    const start = await c.importStart({ paths: ['länkad'] });
    expect(start).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!start.ok && start.error.message).toMatch(/symbolisk länk ut ur importmappen/);
  });

  it('exportRun with dir "" or outside the root is refused; a sub-folder is made inside', async () => {
    const { c, l, wb } = api();
    expect((await wb.jobs.wait(unwrap(await c.importStart({ paths: ['companies.csv'] })).jobId)).state).toBe('done');
    const scope = { subject: orgNr('556036079') };
    for (const dir of ['', l.outside, 'ut-länk', '../utanför']) {
      const r = await c.exportRun({ format: 'csv', scope, dir });
      expect(r.ok, dir).toBe(false);
      expect(!r.ok && r.error.message, dir).toMatch(/Ange en mapp i exportmappen|utanför exportmappen/);
    }
    expect(fs.readdirSync(l.outside)).toEqual(['companies.csv']);
    const ok = unwrap(await c.exportRun({ format: 'html', scope, dir: 'ärende' }));
    expect(ok.dir).toBe(path.join(l.exportRoot, 'ärende'));
    expect(ok.files.every((f) => f.path.startsWith(l.exportRoot + path.sep))).toBe(true);
    // No folder given: the export root itself.
    expect(unwrap(await c.exportRun({ format: 'gexf', scope })).dir).toBe(l.exportRoot);
  });

  it('the user changes the roots (audited); relative paths, "/" and missing folders are refused', async () => {
    const { c, l, db } = api();
    const before = unwrap(await c.fileRootsGet());
    expect(before).toMatchObject({ importRoot: l.importRoot, exportRoot: l.exportRoot, importRootExists: true, exportRootExists: true });
    for (const bad of ['relativ', '/', path.join(l.base, 'saknas')]) {
      const r = await c.fileRootsSet({ importRoot: bad });
      expect(r.ok, bad).toBe(false);
    }
    const after = unwrap(await c.fileRootsSet({ importRoot: l.outside }));
    expect(after.importRoot).toBe(l.outside);
    expect(after.exportRoot).toBe(l.exportRoot);
    expect(unwrap(await c.importPreview({ paths: ['companies.csv'] })).files[0]).toMatchObject({ table: 'companies', error: null });
    expect(listAudit(db).entries.at(-1)).toMatchObject({ action: 'config_change', details: { fileRoots: { importRoot: l.outside } } });
  });
});

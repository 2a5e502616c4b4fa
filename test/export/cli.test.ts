import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';
import { openDb } from '../../src/store/db';
import { importPath } from '../../src/import/importer';
import { runAnalysis } from '../../src/analysis/run';
import { tmpDir, writeDataset } from '../support/fixtures';
import { P1, revokedWorld } from '../cases/world';

async function dbFile(): Promise<string> {
  const file = path.join(tmpDir(), 'db.sqlite');
  const db = openDb(file);
  await importPath(db, writeDataset(tmpDir(), revokedWorld()));
  runAnalysis(db, { asOf: '2025-06-01' });
  db.close();
  return file;
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  return { out, err };
}

afterEach(() => vi.restoreAllMocks());

describe('insyn export', () => {
  it('writes a file, refuses to overwrite it, and overwrites with --overwrite', async () => {
    const db = await dbFile();
    const out = path.join(tmpDir(), 'natverk.gexf');
    let io = capture();
    expect(await main(['export', '--format', 'gexf', '--subject', `${P1.slice(2, 8)}-${P1.slice(8)}`, '--out', out, '--db', db])).toBe(0);
    expect(io.out.join('').trim()).toBe(out);
    expect(fs.readFileSync(out, 'utf8')).toContain(`<node id="${P1}"`);
    vi.restoreAllMocks();
    io = capture();
    expect(await main(['export', '--format', 'gexf', '--subject', P1, '--out', out, '--db', db])).toBe(1);
    expect(io.err.join('')).toMatch(/finns redan.*--overwrite/);
    expect(await main(['export', '--format', 'gexf', '--subject', P1, '--out', out, '--db', db, '--overwrite'])).toBe(0);
  });

  it('csv with --out FILE writes four files next to it (nodes, edges, hits, export facts); --out DIR/ writes default names into the folder', async () => {
    const db = await dbFile();
    const dir = tmpDir();
    capture();
    expect(await main(['export', '--format', 'csv', '--out', path.join(dir, 'x.csv'), '--db', db])).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['x-edges.csv', 'x-export.csv', 'x-hits.csv', 'x-nodes.csv']);
    const sub = path.join(dir, 'ut') + path.sep;
    expect(await main(['export', '--format', 'ftm', '--out', sub, '--db', db, '--pseudonymise', '--json'])).toBe(0);
    expect(fs.readdirSync(sub)).toHaveLength(1);
    expect(fs.readdirSync(sub)[0]).toMatch(/^insyn-flaggat-\d{4}-\d{2}-\d{2}\.ftm\.json$/);
  });

  it('--out x.ftm writes x.ftm; --csv-dialect picks Swedish Excel (default) or RFC 4180', async () => {
    const db = await dbFile();
    const dir = tmpDir();
    capture();
    expect(await main(['export', '--format', 'ftm', '--out', path.join(dir, 'x.ftm'), '--db', db])).toBe(0);
    expect(await main(['export', '--format', 'graphml', '--out', path.join(dir, 'g.xml'), '--db', db])).toBe(0);
    expect(await main(['export', '--format', 'csv', '--out', path.join(dir, 'e.csv'), '--db', db])).toBe(0);
    expect(await main(['export', '--format', 'csv', '--out', path.join(dir, 's.csv'), '--csv-dialect', 'standard', '--db', db])).toBe(0);
    expect(fs.readdirSync(dir).filter((f) => !f.endsWith('.csv')).sort()).toEqual(['g.xml', 'x.ftm']);
    expect(fs.readFileSync(path.join(dir, 'e-nodes.csv'), 'utf8')).toMatch(/^\uFEFFid;kind;label;/);
    expect(fs.readFileSync(path.join(dir, 's-nodes.csv'), 'utf8')).toMatch(/^\uFEFFid,kind,label,/);
    expect(await main(['export', '--format', 'csv', '--csv-dialect', 'lotus', '--db', db])).toBe(2);
  });

  it('rejects bad usage with exit 2', async () => {
    const db = await dbFile();
    capture();
    expect(await main(['export', '--format', 'pdf', '--db', db])).toBe(2);
    expect(await main(['export', '--format', 'gexf', '--subject', P1, '--hops', '9', '--db', db])).toBe(2);
    expect(await main(['export', '--format', 'html', '--subject', P1, '--case', '1', '--db', db])).toBe(2);
    expect(await main(['export', '--format', 'html', '--subject', '5566778899', '--db', db, '--out', tmpDir() + '/'])).toBe(2);
  });
});

// Known time (issue 11.1): which dataset first stated, changed and last stated a fact; full
// extracts mark rows they no longer contain as no longer reported, never deleting them.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPath } from '../../src/import/importer';
import { factEvents, knownTime } from '../../src/monitor/events';
import { migrate, openDb, type Db } from '../../src/store/db';
import { egoNetwork } from '../../src/graph/ego';
import { getEntity } from '../../src/store/entities';
import { datasetTables, factChains, fullExtracts, withKnownView } from '../../src/store/known';
import { RowIdSet } from '../../src/store/row-id-set';
import { MIGRATIONS } from '../../src/store/migrations/index';
import { orgNr, personId, tmpDir, writeDataset, type FixtureRow } from '../support/fixtures';

const A = orgNr('556100001');
const B = orgNr('556100002');
const Cc = orgNr('556100003');
const P = personId('19700101', '111');
const company = (org: string, name: string, extra: FixtureRow = {}): FixtureRow => ({ org_nr: org, name, status: 'active', ...extra });
const role = (org: string, to = ''): FixtureRow => ({ org_nr: org, holder_id: P, role: 'board_member', from: '2020-01-01', to });

let db: Db;
let root: string;
const roots: string[] = [];
beforeEach(() => {
  db = openDb(':memory:');
  root = tmpDir('insyn-known-');
  roots.push(root);
});
afterEach(() => db.close());
afterAll(() => { for (const r of roots) fs.rmSync(r, { recursive: true, force: true }); });

let n = 0;
async function imp(tables: Parameters<typeof writeDataset>[1], opts: { full?: boolean | string[]; source?: string; manifest?: unknown } = {}) {
  const dir = writeDataset(path.join(root, `d${++n}`), tables);
  if (opts.manifest !== undefined) fs.writeFileSync(path.join(dir, 'insyn-dataset.json'), JSON.stringify(opts.manifest));
  return importPath(db, dir, { full: opts.full, source: opts.source });
}

const live = (table: string): string[] => (db.prepare(`SELECT key FROM ${table} WHERE ended_by IS NULL ORDER BY key`).pluck().all() as string[]);
const endedBy = (table: string, key: string): number | null => db.prepare(`SELECT ended_by FROM ${table} WHERE key = ?`).pluck().get(key) as number | null;
const keyOf = (org: string) => JSON.stringify([org]);

describe('full and partial extracts', () => {
  it('a partial extract (the default) leaves rows it does not contain as they were', async () => {
    await imp({ companies: [company(A, 'Alfa AB'), company(B, 'Beta AB')] });
    const r = await imp({ companies: [company(A, 'Alfa AB')] });
    expect(r.full).toEqual([]);
    expect(live('companies')).toEqual([keyOf(A), keyOf(B)].sort());
  });

  it('a full extract marks rows it lacks as no longer reported from that dataset on, and deletes nothing', async () => {
    await imp({ companies: [company(A, 'Alfa AB'), company(B, 'Beta AB'), company(Cc, 'Gamma AB')] });
    const second = await imp({ companies: [company(A, 'Alfa AB'), company(Cc, 'Gamma AB')] }, { full: true });
    expect(second.full).toEqual(['companies']);
    expect(second.ended).toEqual({ companies: 1 });
    expect(db.prepare('SELECT count(*) FROM companies').pluck().get()).toBe(3);
    expect(endedBy('companies', keyOf(B))).toBe(second.dataset_id);
    expect(endedBy('companies', keyOf(A))).toBeNull();
    expect(datasetTables(db, second.dataset_id)).toEqual([{ dataset_id: second.dataset_id, table_name: 'companies', full: 1, ended: 1 }]);
  });

  it('a full extract only ends rows of the tables it contains', async () => {
    await imp({ companies: [company(A, 'Alfa AB')], roles: [role(A)] });
    await imp({ companies: [company(B, 'Beta AB')] }, { full: true });
    expect(live('companies')).toEqual([keyOf(B)]);
    expect(live('roles')).toHaveLength(1);
  });

  it('ends only rows last written by the same source', async () => {
    await imp({ companies: [company(A, 'Alfa AB')] }, { source: 'kommun-a' });
    await imp({ companies: [company(B, 'Beta AB')] }, { source: 'kommun-b' });
    const r = await imp({ companies: [company(Cc, 'Gamma AB')] }, { full: true, source: 'kommun-b' });
    expect(r.source).toBe('kommun-b');
    expect(live('companies')).toEqual([keyOf(A), keyOf(Cc)].sort());
    expect(endedBy('companies', keyOf(B))).toBe(r.dataset_id);
  });

  it('a row reported again after it ended keeps the ended version in the history, with the gap', async () => {
    const d1 = await imp({ companies: [company(A, 'Alfa AB'), company(B, 'Beta AB')] });
    const d2 = await imp({ companies: [company(A, 'Alfa AB')] }, { full: true });
    // (Not byte-identical to d1: identical content is recognised as already imported.)
    const d3 = await imp({ companies: [company(A, 'Alfa AB'), company(B, 'Beta AB'), company(Cc, 'Gamma AB')] });
    expect(d3.updated).toBe(1);
    expect(endedBy('companies', keyOf(B))).toBeNull();
    const [chain] = factChains(db, 'companies', [keyOf(B)]);
    expect(chain!.versions.map((v) => [v.datasetId, v.until, v.ended])).toEqual([[d1.dataset_id, d2.dataset_id, true], [d3.dataset_id, null, false]]);
    expect(factEvents(chain!).map((e) => [e.kind, e.dataset])).toEqual([['added', d1.dataset_id], ['ended', d2.dataset_id], ['reported_again', d3.dataset_id]]);
    // Between the end and the return the row is not known.
    const seen = (k: number) => withKnownView(db, k, () => db.prepare('SELECT count(*) FROM companies WHERE org_nr = ?').pluck().get(B));
    expect([seen(d1.dataset_id), seen(d2.dataset_id), seen(d3.dataset_id)]).toEqual([1, 0, 1]);
  });

  it('--full with a list of tables is full for those only', async () => {
    await imp({ companies: [company(A, 'Alfa AB')], roles: [role(A)] });
    const r = await imp({ companies: [company(B, 'Beta AB')], roles: [role(B)] }, { full: ['roles'] });
    expect(r.full).toEqual(['roles']);
    expect(live('companies')).toHaveLength(2);
    expect(live('roles')).toHaveLength(1);
  });

  it('reads full and source from insyn-dataset.json, which is not listed as a skipped file', async () => {
    await imp({ companies: [company(A, 'Alfa AB')] }, { source: 'ivo' });
    const r = await imp({ companies: [company(B, 'Beta AB')] }, { manifest: { source: 'ivo', full: ['companies'] } });
    expect(r.source).toBe('ivo');
    expect(r.full).toEqual(['companies']);
    expect(r.skipped).toEqual([]);
    expect(live('companies')).toEqual([keyOf(B)]);
  });

  it('a malformed manifest fails the import and leaves the store as it was', async () => {
    await expect(imp({ companies: [company(A, 'Alfa AB')] }, { manifest: { full: 'ja' } })).rejects.toThrow(/insyn-dataset.json/);
    expect(db.prepare('SELECT count(*) FROM datasets').pluck().get()).toBe(0);
  });

  it('detects Bolagsverket\'s bulk file alone as a full extract of companies from source bolagsverket', async () => {
    const bulk = (orgs: string[]) => {
      const dir = path.join(root, `bulk${++n}`);
      fs.mkdirSync(dir);
      const head = 'organisationsidentitet;namnskyddslopnummer;registreringsland;organisationsnamn;organisationsform;avregistreringsdatum;avregistreringsorsak;pagandeAvvecklingsEllerOmstruktureringsforfarande;registreringsdatum;verksamhetsbeskrivning;postadress';
      const rows = orgs.map((o) => `"${o}$ORGNR-IDORG";"1";"SE-LAND";"Bolag ${o}$FORETAGSNAMN-ORGNAM$2020-01-02";"AB-ORGFO";"";"";"";"2020-01-02";"Vård";"Gatan 1$$STOCKHOLM$11122$SE-LAND"`);
      fs.writeFileSync(path.join(dir, 'bolagsverket_bulkfil.txt'), [head, ...rows].join('\n') + '\n');
      return dir;
    };
    await imp({ companies: [company(Cc, 'Från kommunen AB')] });
    const first = await importPath(db, bulk([A, B]));
    expect(first).toMatchObject({ source: 'bolagsverket', full: ['companies'] });
    const second = await importPath(db, bulk([A]));
    expect(second.ended).toEqual({ companies: 1 });
    // The company from companies.csv (another source) is untouched.
    expect(live('companies')).toEqual([keyOf(A), keyOf(Cc)].sort());
    const partial = await importPath(db, bulk([Cc]), { full: false });
    expect(partial.full).toEqual([]);
  });
});

describe('first, changed, last stated', () => {
  it('records who first stated a fact, each change with before/after and file:line of both, and derives last stated', async () => {
    const d1 = await imp({ companies: [company(A, 'Alfa AB')], roles: [role(A)] });
    await imp({ companies: [company(B, 'Beta AB'), company(A, 'Alfa AB')], roles: [role(A)] }, { full: true });
    const d3 = await imp({ companies: [company(A, 'Alfa AB'), company(B, 'Beta AB')], roles: [role(A, '2025-06-30')] }, { full: true });
    const d4 = await imp({ companies: [company(A, 'Alfa AB')], roles: [role(A, '2025-06-30')] });
    const [chain] = factChains(db, 'roles', [JSON.stringify([A, P, 'board_member', '2020-01-01'])]);
    const events = factEvents(chain!);
    expect(events).toEqual([
      expect.objectContaining({ kind: 'added', dataset: d1.dataset_id, source: 'roles.csv:2' }),
      expect.objectContaining({ kind: 'changed', dataset: d3.dataset_id, field: 'to', before: null, after: '2025-06-30', source: 'roles.csv:2', beforeSource: 'roles.csv:2' }),
    ]);
    const sources = new Map([...db.prepare('SELECT id, source FROM datasets').all() as { id: number; source: string | null }[]].map((r) => [r.id, r.source]));
    const full = fullExtracts(db);
    expect(knownTime(chain!, full, (id) => sources.get(id) ?? null)).toEqual({ firstStated: d1.dataset_id, lastStated: d3.dataset_id, endedBy: null });
    // Company A: unchanged since d1, restated by the full extracts d2 and d3 (d4 is partial: not recorded per row).
    const [a] = factChains(db, 'companies', [keyOf(A)]);
    expect(knownTime(a!, full, (id) => sources.get(id) ?? null)).toEqual({ firstStated: d1.dataset_id, lastStated: d3.dataset_id, endedBy: null });
    expect(d4.unchanged).toBeGreaterThan(0);
  });

  it('the file:line of each version is kept: a changed value cites the new row, the old one its own', async () => {
    await imp({ companies: [company(B, 'Beta AB'), company(A, 'Alfa AB')] });
    const d2 = await imp({ companies: [company(A, 'Alfa Omsorg AB')] });
    const [chain] = factChains(db, 'companies', [keyOf(A)]);
    const change = factEvents(chain!).find((e) => e.field === 'name');
    expect(change).toMatchObject({ dataset: d2.dataset_id, before: 'Alfa AB', after: 'Alfa Omsorg AB', beforeSource: 'companies.csv:3', source: 'companies.csv:2' });
  });
});

describe('what no longer reported means outside the analysis', () => {
  it('the network leaves out a role a full extract no longer reports; the profile keeps it, marked', async () => {
    await imp({ companies: [company(A, 'Alfa AB'), company(B, 'Beta AB')], roles: [role(A), role(B)] });
    const r = await imp({ companies: [company(A, 'Alfa AB'), company(B, 'Beta AB')], roles: [role(A)] }, { full: ['roles'] });
    const ego = egoNetwork(db, P, { hops: 1 });
    expect(ego.nodes.map((n) => n.id).sort()).toEqual([A, P].sort());
    const profile = getEntity(db, B)!;
    const roles = profile.roles as { provenance: { ended_by?: number } }[];
    expect(roles).toHaveLength(1);
    expect(roles[0]!.provenance.ended_by).toBe(r.dataset_id);
    expect(Object.keys(roles[0]!)).not.toContain('ended_by');
  });

  it('the known view is gone after it ran, also when the reader throws', async () => {
    const d1 = await imp({ companies: [company(A, 'Alfa AB')] });
    expect(() => withKnownView(db, d1.dataset_id, () => { throw new Error('läsfel'); })).toThrow('läsfel');
    expect(db.prepare("SELECT count(*) FROM sqlite_temp_master WHERE type = 'view'").pluck().get()).toBe(0);
    // And writes go to the real tables again.
    await imp({ companies: [company(B, 'Beta AB')] });
    expect(db.prepare('SELECT count(*) FROM companies').pluck().get()).toBe(2);
  });
});

describe('RowIdSet', () => {
  it('holds exactly the ids added (any size, duplicates counted once)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 5_000_000 }), { maxLength: 300 }), fc.array(fc.integer({ min: 1, max: 5_000_000 }), { maxLength: 50 }), (added, probes) => {
      const s = new RowIdSet();
      for (const id of added) s.add(id);
      const ref = new Set(added);
      expect(s.size).toBe(ref.size);
      for (const id of [...added, ...probes]) expect(s.has(id)).toBe(ref.has(id));
    }));
  });
});

describe('migration 006', () => {
  it('upgrades a version-5 store: existing runs learn which datasets they saw', () => {
    const raw = new Database(':memory:');
    for (const m of MIGRATIONS.filter((x) => x.version <= 5)) raw.exec(m.sql);
    raw.pragma('user_version = 5');
    raw.prepare("INSERT INTO datasets (id, name, source_path, content_hash, imported_at) VALUES (1, 'a', '-', 'h1', '2026-01-01T00:00:00Z'), (2, 'b', '-', 'h2', '2026-02-01T00:00:00Z')").run();
    raw.prepare("INSERT INTO analysis_runs (started_at, as_of, params, data_version, coverage, timings) VALUES ('2026-01-15T00:00:00Z', '2026-01-15', '{}', 'v', '{}', '{}'), ('2026-03-01T00:00:00Z', '2026-03-01', '{}', 'v', '{}', '{}')").run();
    migrate(raw);
    expect(raw.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(6);
    expect(raw.prepare('SELECT dataset_max FROM analysis_runs ORDER BY id').pluck().all()).toEqual([1, 2]);
    expect(raw.prepare('SELECT count(*) FROM companies WHERE ended_by IS NULL').pluck().get()).toBe(0);
    raw.close();
  });
});

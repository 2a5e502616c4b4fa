// insyn changes (issue 11.3, contract §7.3) and the watch feed (11.4) over a real store.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setParams } from '../../src/analysis/params';
import { runAnalysis } from '../../src/analysis/run';
import { listAudit } from '../../src/audit/log';
import { importPath } from '../../src/import/importer';
import { changesBetween, ChangesError } from '../../src/monitor/changes';
import { addWatch, listWatch, removeWatch, WatchError } from '../../src/monitor/watch';
import { insertRun } from '../../src/store/analysis';
import { openDb, type Db } from '../../src/store/db';
import { tmpDir } from '../support/fixtures';
import { AS_OF, ORG, PERSON, writeMonth } from './world';

let root: string;
let db: Db;
const runs: number[] = [];
const datasets: number[] = [];

beforeAll(async () => {
  root = tmpDir('insyn-changes-');
  db = openDb(':memory:');
  for (const n of [1, 2, 3] as const) {
    datasets.push((await importPath(db, writeMonth(root, n))).dataset_id);
    runs.push(runAnalysis(db, { asOf: AS_OF }).run_id);
  }
});
afterAll(() => {
  db.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const ids = (hits: { signal: string; subject_id: string }[]) => hits.map((h) => `${h.signal}:${h.subject_id}`);

describe('changes between runs', () => {
  it('month 1 → 2: a new hit, and a changed hit with the evidence added and removed', () => {
    const r = changesBetween(db, { since: runs[0], to: runs[1] });
    expect(r).toMatchObject({ from_run: runs[0], to_run: runs[1], params_differ: false, differences: [] });
    expect(ids(r.new)).toEqual([`revoked-network:${PERSON.anna}`]);
    expect(r.gone).toEqual([]);
    expect(r.changed).toHaveLength(1);
    const c = r.changed[0]!;
    expect(c.hit).toMatchObject({ signal: 'revoked-network', subject_kind: 'person', subject_id: PERSON.erik });
    expect(c.evidence_added).toEqual([expect.objectContaining({ text: expect.stringContaining('2024-08-31'), source: 'roles.csv:3' })]);
    expect(c.evidence_removed).toEqual([expect.objectContaining({ text: expect.stringContaining('2024-05-31'), source: 'roles.csv:3' })]);
    // Exactly the contract's hit fields.
    expect(Object.keys(r.new[0]!).sort()).toEqual(['evidence', 'related_ids', 'severity', 'signal', 'subject_id', 'subject_kind']);
  });

  it('defaults to the latest run and the run before it; a row a full extract no longer reports makes its hit go', () => {
    const r = changesBetween(db);
    expect([r.from_run, r.to_run]).toEqual([runs[1], runs[2]]);
    expect(ids(r.gone)).toEqual([`revoked-network:${PERSON.anna}`]);
    expect(r.new).toEqual([]);
  });

  it('an unknown run id is an error with a clear message', () => {
    expect(() => changesBetween(db, { since: 999 })).toThrow(ChangesError);
    expect(() => changesBetween(db, { since: 999 })).toThrow(/körning 999 finns inte/);
  });

  it('runs with different parameters are compared, and flagged', () => {
    const fresh = openDb(':memory:');
    try {
      const a = insertRun(fresh, { started_at: 'x', finished_at: 'x', as_of: AS_OF, params: { 'address-hub': { minCompanies: 5 } }, data_version: 'v', coverage: {}, timings: {}, dataset_max: 0 }, [], [], []);
      const b = insertRun(fresh, { started_at: 'y', finished_at: 'y', as_of: '2026-03-01', params: { 'address-hub': { minCompanies: 3 } }, data_version: 'v', coverage: {}, timings: {}, dataset_max: 0 }, [], [], []);
      const r = changesBetween(fresh, { since: a, to: b });
      expect(r.params_differ).toBe(true);
      expect(r.differences).toEqual([
        { what: 'params', signal: 'address-hub', param: 'minCompanies', from: 5, to: 3 },
        { what: 'as_of', from: AS_OF, to: '2026-03-01' },
      ]);
    } finally {
      fresh.close();
    }
  });

  it('a run with changed parameters through the rules is flagged against the previous run', () => {
    setParams(db, 'revoked-network', { minCompanies: 3 });
    try {
      const run = runAnalysis(db, { asOf: AS_OF }).run_id;
      const r = changesBetween(db, { since: runs[2], to: run });
      expect(r.params_differ).toBe(true);
      expect(r.differences).toContainEqual({ what: 'params', signal: 'revoked-network', param: 'minCompanies', from: 2, to: 3 });
      expect(ids(r.gone)).toEqual([`revoked-network:${PERSON.erik}`]);
    } finally {
      setParams(db, 'revoked-network', { minCompanies: 2 });
      runs.push(runAnalysis(db, { asOf: AS_OF }).run_id);
    }
  });

  it('hits of one identity (signal, kind, subject) count as one hit: related ids and evidence joined', () => {
    const fresh = openDb(':memory:');
    try {
      const hit = (related: string[], text: string) => ({ signal: 's', subject_kind: 'person', subject_id: 'p', related_ids: related, severity: 3, evidence: [{ text, source: 'f.csv:2' }], hit_key: `s|person|p|${related.join()}`, evidence_hash: text });
      const run = (hits: ReturnType<typeof hit>[]) => insertRun(fresh, { started_at: 'x', finished_at: 'x', as_of: AS_OF, params: {}, data_version: 'v', coverage: {}, timings: {}, dataset_max: 0 }, hits, [], []);
      const a = run([hit(['c1'], 'ett')]);
      const b = run([hit(['c1'], 'ett'), hit(['c2'], 'två')]);
      const r = changesBetween(fresh, { since: a, to: b });
      expect(r.new).toEqual([]);
      expect(r.changed).toEqual([expect.objectContaining({ hit: expect.objectContaining({ related_ids: ['c1', 'c2'] }), evidence_added: [{ text: 'två', source: 'f.csv:2' }], evidence_removed: [], related_ids_before: ['c1'] })]);
    } finally {
      fresh.close();
    }
  });

  it('an as-known run is kept but does not become the latest run of the default comparison', () => {
    const last = runs[runs.length - 1]!;
    const asKnown = runAnalysis(db, { asOf: AS_OF, asKnown: datasets[0] });
    expect(asKnown.run_id).toBeGreaterThan(last);
    expect(changesBetween(db).to_run).toBe(last);
    const r = changesBetween(db, { since: asKnown.run_id, to: last });
    expect(r.differences).toContainEqual({ what: 'as_known', from: datasets[0], to: null });
    expect(ids(r.new)).toEqual([]);
    expect(ids(r.changed.map((c) => c.hit))).toEqual([`revoked-network:${PERSON.erik}`]);
  });
});

describe('watch list and feed', () => {
  it('lists, for a watched company and its neighbours, what imports after from_run added, changed or ended', () => {
    const w = addWatch(db, `${ORG.gamma.slice(0, 6)}-${ORG.gamma.slice(6)}`, 'Följ styrelsen', 'utredare');
    expect(w.warning).toBeNull();
    expect(w.entry).toMatchObject({ id: ORG.gamma, kind: 'company', note: 'Följ styrelsen', in_store: true });

    const r = changesBetween(db, { since: runs[0], to: runs[1] });
    const gamma = r.watched.find((e) => e.id === ORG.gamma)!;
    expect(gamma).toMatchObject({ kind: 'company', step: 0, note: 'Följ styrelsen', in_store: true });
    const summary = gamma.changes.map((c) => `${c.change}:${c.table}:${c.field ?? ''}:${JSON.stringify(c.before)}→${JSON.stringify(c.after && typeof c.after === 'object' ? (c.after as { holder_id?: string }).holder_id ?? 'row' : c.after)}`);
    expect(summary).toEqual(expect.arrayContaining([
      `added:roles::null→"${PERSON.erik}"`,
      'changed:licences:status:"granted"→"revoked"',
      'changed:licences:status_on:null→"2025-11-01"',
    ]));
    for (const c of gamma.changes) expect(c.dataset).toBe(datasets[1]);
    const status = gamma.changes.find((c) => c.field === 'status')!;
    expect(status).toMatchObject({ source: 'licences.csv:4', before_source: 'licences.csv:4' });
  });

  it('a role a full extract no longer reports shows as ended under the neighbour it names', () => {
    const r = changesBetween(db, { since: runs[1], to: runs[2] });
    const anna = r.watched.find((e) => e.id === PERSON.anna);
    expect(anna).toMatchObject({ kind: 'person', step: 1, watched_id: ORG.gamma });
    expect(anna!.changes).toEqual([expect.objectContaining({ change: 'ended', table: 'roles', dataset: datasets[2], before: expect.objectContaining({ org_nr: ORG.delta, holder_id: PERSON.anna }), after: null })]);
    // Facts naming the watched company are listed under it, not again under a neighbour.
    const keys = r.watched.flatMap((e) => e.changes.map((c) => `${c.table}|${c.key}|${c.change}|${c.field}`));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('an id not in the store can be watched, with a warning; removing it is audited', () => {
    const w = addWatch(db, 'IVO-2027-0001', undefined, 'utredare');
    expect(w.warning).toMatch(/finns inte i databasen ännu/);
    expect(w.entry).toMatchObject({ id: 'IVO-2027-0001', kind: 'unknown', in_store: false });
    expect(changesBetween(db).watched.find((e) => e.id === 'IVO-2027-0001')).toMatchObject({ in_store: false, changes: [] });
    expect(listWatch(db).map((e) => e.id)).toEqual([ORG.gamma, 'IVO-2027-0001']);
    expect(removeWatch(db, 'IVO-2027-0001', 'utredare')).toBe(true);
    expect(removeWatch(db, 'IVO-2027-0001', 'utredare')).toBe(false);
    const actions = listAudit(db, { limit: 10, newestFirst: true }).entries.map((e) => [e.action, (e.details as { id?: string }).id]);
    expect(actions).toEqual(expect.arrayContaining([['watch_add', ORG.gamma], ['watch_add', 'IVO-2027-0001'], ['watch_remove', 'IVO-2027-0001']]));
    expect(() => addWatch(db, '   ')).toThrow(WatchError);
  });
});

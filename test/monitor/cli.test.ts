// The §7.3 command line: insyn changes, insyn watch, analyze --as-known, import --full (real CLI).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir } from '../support/fixtures';
import { AS_OF, ORG, PERSON, writeMonth } from './world';

const BIN = path.resolve('src/cli/bin.js');
let root: string;
let dbFile: string;
const insyn = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--db', dbFile], { encoding: 'utf8' });
const json = (...args: string[]) => {
  const r = insyn(...args, '--json');
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

beforeAll(() => {
  root = tmpDir('insyn-monitor-cli-');
  dbFile = path.join(root, 'store.sqlite');
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

// Each step spawns the CLI (a few seconds each on a loaded machine).
const SLOW = 300_000;

describe('monitoring across imports on the command line', () => {
  it('import → analyze → import --full → analyze → changes --json in the §7.3 shape', () => {
    expect(json('import', writeMonth(root, 1, { full: false })).dataset_id).toBe(1);
    const run1 = json('analyze', '--as-of', AS_OF);
    expect(Number.isInteger(run1.run)).toBe(true);
    expect(insyn('changes').status).toBe(2); // only one run: nothing to compare with

    const w = insyn('watch', 'add', ORG.gamma, '--note', 'Följ styrelsen');
    expect(w.status, w.stderr).toBe(0);
    const imp2 = json('import', writeMonth(root, 2, { full: false }), '--full');
    expect(imp2).toMatchObject({ dataset_id: 2, full: expect.arrayContaining(['roles', 'licences']), ended: {} });
    const run2 = json('analyze', '--as-of', AS_OF);
    expect(run2.run).toBe(run1.run + 1);

    const c = json('changes');
    expect(Object.keys(c).slice(0, 6)).toEqual(['from_run', 'to_run', 'new', 'gone', 'changed', 'watched']);
    expect(c).toMatchObject({ from_run: run1.run, to_run: run2.run, params_differ: false });
    expect(c.new.map((h: { subject_id: string }) => h.subject_id)).toEqual([PERSON.anna]);
    expect(Object.keys(c.changed[0]).sort()).toEqual(['evidence_added', 'evidence_removed', 'hit', 'related_ids_before', 'severity_before']);
    const gamma = c.watched.find((e: { id: string }) => e.id === ORG.gamma);
    expect(gamma.kind).toBe('company');
    for (const ch of gamma.changes) {
      expect(Object.keys(ch)).toEqual(expect.arrayContaining(['table', 'field', 'before', 'after', 'source', 'dataset']));
      expect(ch.source).toMatch(/^[a-z_]+\.csv:\d+$/);
      expect(ch.dataset).toBe(2);
    }
    expect(json('changes', '--since', String(run1.run))).toEqual(c);
  }, SLOW);

  it('changes --since with an unknown run id exits 2 with a clear message', () => {
    const r = insyn('changes', '--since', '99');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/körning 99 finns inte/);
    expect(r.stdout).toBe('');
    expect(insyn('changes', '--since', 'senaste').status).toBe(2);
  }, SLOW);

  it('analyze --as-known 1 reproduces run 1; an unknown dataset exits 2', () => {
    const first = json('analyze', '--as-of', AS_OF, '--as-known', '1');
    const latest = json('changes');
    expect(first.hits.map((h: { subject_id: string }) => h.subject_id)).toEqual([PERSON.erik]);
    // The as-known run is kept but is not the current picture.
    expect(latest.to_run).toBe(first.run - 1);
    const bad = insyn('analyze', '--as-known', '7');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/datamängd 7 finns inte.*befintliga datamängder: 1, 2/);
    expect(insyn('analyze', '--as-known', 'x').status).toBe(2);
  }, SLOW);

  it('watch add|remove|list: unknown ids are allowed with a warning; list --json', () => {
    const add = insyn('watch', 'add', 'IVO-2099-1', '--note', 'ansökan väntas');
    expect(add.status).toBe(0);
    expect(add.stderr).toMatch(/varning: IVO-2099-1 finns inte i databasen ännu/);
    const list = json('watch', 'list');
    expect(list).toEqual([
      expect.objectContaining({ id: ORG.gamma, kind: 'company', note: 'Följ styrelsen', in_store: true }),
      expect.objectContaining({ id: 'IVO-2099-1', kind: 'unknown', note: 'ansökan väntas', in_store: false }),
    ]);
    expect(insyn('watch', 'remove', 'IVO-2099-1').status).toBe(0);
    const again = insyn('watch', 'remove', 'IVO-2099-1');
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/finns inte på bevakningslistan/);
    expect(json('watch', 'list').map((e: { id: string }) => e.id)).toEqual([ORG.gamma]);
  }, SLOW);

  it('import --full with an unknown table, or with --partial, is a usage error', () => {
    expect(insyn('import', writeMonth(root, 3), '--full', 'roles,bolag').status).toBe(2);
    expect(insyn('import', writeMonth(root, 3), '--full', '--partial').status).toBe(2);
  }, SLOW);
});

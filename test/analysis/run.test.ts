import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db';
import { runAnalysis, contractJson } from '../../src/analysis/run';
import { getHit, latestRun, listClusters, listHits, listScores } from '../../src/analysis/queries';
import { getParams, ParamsError, setParams, validateConfig } from '../../src/analysis/params';
import { SIGNALS } from '../../src/signals/index';
import { importPath } from '../../src/import/importer';
import { seedStore } from './store-world';
import type { WorldSpec } from '../support/world';
import { EXAMPLE_REVOKED_NETWORK } from '../support/samples';

const EXAMPLE = EXAMPLE_REVOKED_NETWORK;
const P = '197506141634';
const A = '5598047925';
const B = '5592142102';
const world: WorldSpec = {
  companies: [{ org_nr: A, name: 'Alfa AB' }, { org_nr: B, name: 'Beta AB' }],
  persons: [{ person_id: P, name: 'Erik Lindqvist' }],
  roles: [
    { org_nr: A, holder_id: P, role: 'board_member', from_date: '2019-01-01', to_date: '2023-06-30' },
    { org_nr: B, holder_id: P, role: 'ceo', from_date: '2020-03-01', to_date: '2024-05-31' },
  ],
  licences: [
    { licence_id: 'LA', org_nr: A, kind: 'hvb_children', status: 'revoked', granted_on: '2017-01-01', status_on: '2023-05-15' },
    { licence_id: 'LB', org_nr: B, kind: 'supported_housing', status: 'revoked', granted_on: '2019-01-01', status_on: '2025-09-30' },
  ],
};

let db: Db;
beforeEach(() => { db = openDb(':memory:'); });
afterEach(() => db.close());

describe('runAnalysis', () => {
  it('returns the contract §5 shape with coverage for all 20 signals (§4 and §7.2) in contract order', () => {
    seedStore(db, world);
    const r = runAnalysis(db, { asOf: '2026-11-01' });
    const json = contractJson(r);
    expect(Object.keys(json)).toEqual(['as_of', 'coverage', 'hits', 'scores', 'run']);
    expect(json.run).toBe(r.run_id);
    expect(Object.keys(json.coverage)).toEqual(SIGNALS.map((s) => s.id));
    expect(SIGNALS).toHaveLength(20);
    expect(json.hits).toEqual([expect.objectContaining({ signal: 'revoked-network', subject_kind: 'person', subject_id: P, related_ids: [B, A] })]);
    expect(json.scores[0]).toMatchObject({ subject_kind: 'person', subject_id: P });
    expect(r.run_id).toBeGreaterThan(0);
  });

  it('as of: the same data gives different hits at different dates', () => {
    seedStore(db, world);
    expect(runAnalysis(db, { asOf: '2025-09-29' }).hits).toHaveLength(0);
    expect(runAnalysis(db, { asOf: '2025-09-30' }).hits).toHaveLength(1);
  });

  it('reports not-evaluable signals with a reason instead of silently returning no hits', () => {
    seedStore(db, world);
    const r = runAnalysis(db, { asOf: '2026-11-01' });
    expect(r.coverage['revoked-network']).toEqual({ evaluable: true });
    expect(r.coverage['financial-mismanagement']).toMatchObject({ evaluable: false, reason: expect.stringContaining('financial_events.csv') });
    expect(r.coverage['undeclared-influence']).toMatchObject({ evaluable: false, reason: expect.stringContaining('Saknar data') });
  });

  it('without licences every signal that reads licences is not evaluable, and the reason says why', () => {
    seedStore(db, { companies: world.companies, roles: world.roles, persons: world.persons });
    const r = runAnalysis(db, { asOf: '2026-11-01' });
    for (const s of SIGNALS.filter((x) => x.requires.includes('licences'))) expect(r.coverage[s.id]).toMatchObject({ evaluable: false, reason: expect.stringContaining('licences.csv') });
    expect(r.hits).toHaveLength(0);
  });

  it('persists the run with parameters and data version; hit keys are stable across runs', () => {
    seedStore(db, world);
    const r1 = runAnalysis(db, { asOf: '2026-11-01' });
    const r2 = runAnalysis(db, { asOf: '2026-11-01' });
    expect(r2.run_id).toBe(r1.run_id + 1);
    const run = latestRun(db)!;
    expect(run).toMatchObject({ run_id: r2.run_id, as_of: '2026-11-01', data_version: r1.data_version, hit_count: 1 });
    expect(run.params['revoked-network']).toEqual({ minCompanies: 2, windowMonths: 24 });
    expect(r1.hits[0]!.hit_key).toBe(r2.hits[0]!.hit_key);
    expect(r1.hits[0]!.hit_key).toBe(`revoked-network|person|${P}|${B},${A}`);
    expect(r1.hits[0]!.evidence_hash).toBe(r2.hits[0]!.evidence_hash);
    const page = listHits(db, { signal: 'revoked-network' }, { limit: 10 });
    expect(page).toMatchObject({ run_id: r2.run_id, total: 1 });
    expect(listHits(db, { entityId: A }).total).toBe(1);
    expect(listHits(db, { entityId: '5566778899' }).total).toBe(0);
    expect(getHit(db, r1.hits[0]!.hit_key)).toMatchObject({ subject_id: P, severity: r1.hits[0]!.severity });
    expect(getHit(db, 'nope')).toBeNull();
    expect(listScores(db, { subjectId: P })[0]).toMatchObject({ subject_kind: 'person' });
    expect(listClusters(db)[0]).toMatchObject({ rank: 1, signals: ['revoked-network'] });
  });

  it('every hit carries evidence with file:line provenance', () => {
    seedStore(db, world);
    for (const h of runAnalysis(db, { asOf: '2026-11-01' }).hits) {
      expect(h.evidence.length).toBeGreaterThan(0);
      for (const e of h.evidence) expect(e.source).toMatch(/^[a-z_]+\.csv:\d+$/);
    }
  });

  it('rejects an invalid as-of date', () => {
    expect(() => runAnalysis(db, { asOf: '2026-02-30' })).toThrow(RangeError);
  });
});

describe('rule parameters', () => {
  it('per-run overrides change results and are recorded with the run', () => {
    seedStore(db, world);
    const r = runAnalysis(db, { asOf: '2026-11-01', params: { 'revoked-network': { minCompanies: 3 } } });
    expect(r.hits).toHaveLength(0);
    expect(latestRun(db)!.params['revoked-network']).toEqual({ minCompanies: 3, windowMonths: 24 });
  });

  it('stored parameters apply to later runs; invalid ones are refused as data with path and Swedish message', () => {
    seedStore(db, world);
    expect(setParams(db, 'revoked-network', { windowMonths: 1 })).toMatchObject({ ok: true });
    expect(getParams(db)['revoked-network']).toEqual({ minCompanies: 2, windowMonths: 1 });
    expect(runAnalysis(db, { asOf: '2026-11-01' }).hits).toHaveLength(0);
    const bad = setParams(db, 'revoked-network', { minCompanies: 0, extra: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.issues).toContainEqual({ path: ['revoked-network', 'minCompanies'], message: 'måste vara minst 1' });
      expect(bad.issues.some((i) => i.message.includes('okänd parameter'))).toBe(true);
    }
    expect(getParams(db)['revoked-network']).toEqual({ minCompanies: 2, windowMonths: 1 });
  });

  it('validateConfig reports unknown signals and wrong types', () => {
    const r = validateConfig({ 'no-such-signal': {}, 'financial-mismanagement': { debtThresholdSek: 'mycket' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toContainEqual({ path: ['no-such-signal'], message: 'okänd signal: no-such-signal' });
      expect(r.issues).toContainEqual({ path: ['financial-mismanagement', 'debtThresholdSek'], message: 'fel typ: förväntade ett tal' });
    }
    expect(() => runAnalysis(db, { params: { 'revoked-network': { minCompanies: -1 } } })).toThrow(ParamsError);
  });
});

describe('shared example: revoked-network', () => {
  it('fires exactly on must_fire and never on must_not_fire', async () => {
    const expected = JSON.parse(fs.readFileSync(`${EXAMPLE}/expected.json`, 'utf8'));
    const imp = await importPath(db, EXAMPLE);
    expect(imp.quarantined).toBe(expected.quarantined);
    const r = runAnalysis(db, { asOf: expected.as_of });
    const fired = new Set(r.hits.map((h) => `${h.signal}|${h.subject_kind}|${h.subject_id}`));
    for (const m of expected.must_fire) expect(fired, m.why).toContain(`${m.signal}|${m.subject_kind}|${m.subject_id}`);
    for (const m of expected.must_not_fire) expect(fired, m.why).not.toContain(`${m.signal}|${m.subject_kind}|${m.subject_id}`);
    expect(r.hits.filter((h) => h.signal === 'revoked-network')).toHaveLength(expected.must_fire.length);
    for (const h of r.hits) for (const e of h.evidence) expect(e.source).toMatch(/^(roles|licences|companies)\.csv:\d+$/);
  });
});

describe('signal failure', () => {
  it('a signal that throws is reported as not evaluable with the reason; the others still run', async () => {
    const { SIGNALS: list } = await import('../../src/signals/index');
    const target = list.find((s) => s.id === 'address-hub')!;
    const original = target.evaluate;
    target.evaluate = () => { throw new Error('trasig'); };
    try {
      seedStore(db, world);
      const r = runAnalysis(db, { asOf: '2026-11-01' });
      expect(r.coverage['address-hub']).toMatchObject({ evaluable: false, reason: expect.stringContaining('trasig') });
      expect(r.hits.map((h) => h.signal)).toEqual(['revoked-network']);
    } finally {
      target.evaluate = original;
    }
  });
});

describe('older stores', () => {
  it('a store migrated to 003 before 002 existed gets the analysis tables on the first run', async () => {
    const Database = (await import('better-sqlite3')).default;
    const { MIGRATIONS } = await import('../../src/store/migrations/index');
    const old = new Database(':memory:');
    try {
      for (const m of MIGRATIONS) if (m.version !== 2) old.exec(m.sql);
      old.pragma('user_version = 3');
      seedStore(old, world);
      expect(runAnalysis(old, { asOf: '2026-11-01' }).run_id).toBe(1);
      expect(latestRun(old)?.hit_count).toBe(1);
    } finally {
      old.close();
    }
  });
});

describe('contractJson scores', () => {
  it('includes entities with only a network score; score = max(direct, network), with both alongside, sorted by score', () => {
    seedStore(db, world);
    const json = contractJson(runAnalysis(db, { asOf: '2026-11-01' }));
    // A and B have no hits of their own: they are reached from P over the roles.
    const a = json.scores.find((s) => s.subject_id === A);
    expect(a).toBeDefined();
    expect(a!.direct_score).toBe(0);
    expect(a!.network_score).toBeGreaterThan(0);
    expect(a!.score).toBe(a!.network_score);
    const p = json.scores.find((s) => s.subject_id === P)!;
    expect(p.score).toBe(Math.max(p.direct_score, p.network_score));
    expect(p.direct_score).toBeGreaterThan(a!.score);
    for (const s of json.scores) {
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBe(Math.max(s.direct_score, s.network_score));
    }
    expect(json.scores.map((s) => s.score)).toEqual([...json.scores.map((s) => s.score)].sort((x, y) => y - x));
    expect(json.scores[0]).toMatchObject({ subject_id: P });
  });
});

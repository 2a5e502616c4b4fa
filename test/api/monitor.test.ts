// Monitoring across imports through the API contract (issue 11): both transports use this handler.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ApiClient, unwrap } from '../../src/api/client';
import { createApiHandler } from '../../src/api/handler';
import { createWorkbench, type Workbench } from '../../src/api/service';
import { insertRun } from '../../src/store/analysis';
import { upsertHitStatus } from '../../src/store/casework';
import { openDb } from '../../src/store/db';
import { tmpDir } from '../support/fixtures';
import { AS_OF, ORG, PERSON, writeMonth } from '../monitor/world';
import { settleJob } from '../support/jobs';

let wb: Workbench;
let api: ApiClient;
let root: string;


beforeAll(async () => {
  root = tmpDir('insyn-api-monitor-');
  wb = createWorkbench({ db: openDb(':memory:'), dbPath: ':memory:', actor: 'testare', importRoot: root });
  const handle = createApiHandler(wb.service, (m, e) => console.error(m, e));
  api = createClient((method, req) => handle(method, req));
  for (const n of [1, 2] as const) {
    expect((await settleJob(api, api.importStart({ paths: [writeMonth(root, n, { full: false })], full: n === 2 }))).state).toBe('done');
    expect((await settleJob(api, api.analysisRun({ asOf: AS_OF }))).state).toBe('done');
  }
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('monitoring API', () => {
  it('changesGet: new and changed hits with labels; triage status and case membership carried by hit key', async () => {
    const first = unwrap(await api.changesGet({}));
    const anna = first.new.find((h) => h.subjectId === PERSON.anna)!;
    expect(anna).toMatchObject({ signal: 'revoked-network', subjectLabel: 'Anna Berg', status: null, cases: [] });
    unwrap(await api.hitsSetStatus({ hitKeys: anna.hitKeys, status: 'under_utredning' }));
    const { id: caseId } = unwrap(await api.caseSave({ name: 'Gamma-nätverket', hitKeys: anna.hitKeys }));
    const again = unwrap(await api.changesGet({ since: first.fromRun.runId, to: first.toRun.runId }));
    expect(again.new.find((h) => h.subjectId === PERSON.anna)).toMatchObject({ status: 'under_utredning', cases: [{ id: caseId, name: 'Gamma-nätverket' }] });
    const erik = again.changed.find((h) => h.subjectId === PERSON.erik)!;
    expect(erik.evidenceAdded[0]!.text).toContain('2024-08-31');
    expect(erik.evidenceRemoved[0]!.text).toContain('2024-05-31');
    expect(again.paramsDiffer).toBe(false);
  });

  it('an unknown run is not_found with a Swedish message', async () => {
    const r = await api.changesGet({ since: 77 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'not_found', message: expect.stringContaining('körning 77 finns inte') });
  });

  it('watch list: add (with a warning for unknown ids), list, feed in changesGet, remove; audited', async () => {
    const add = unwrap(await api.watchAdd({ id: ORG.gamma, note: 'Ny styrelse?' }));
    expect(add).toMatchObject({ warning: null, updated: false, entry: { id: ORG.gamma, kind: 'company', label: 'Gamma Vård AB', inStore: true } });
    const unknown = unwrap(await api.watchAdd({ id: 'IVO-X-404' }));
    expect(unknown.warning).toMatch(/finns inte i databasen ännu/);
    expect(unwrap(await api.watchList()).items.map((w) => w.id)).toEqual([ORG.gamma, 'IVO-X-404']);
    const feed = unwrap(await api.changesGet({})).watched;
    const gamma = feed.find((w) => w.id === ORG.gamma)!;
    expect(gamma).toMatchObject({ step: 0, note: 'Ny styrelse?', label: 'Gamma Vård AB' });
    expect(gamma.changes.map((c) => `${c.change}:${c.table}:${c.field ?? ''}`)).toEqual(expect.arrayContaining(['added:roles:', 'changed:licences:status']));
    expect(gamma.changes[0]!.dataset).toMatchObject({ id: 2, name: 'm2' });
    expect(unwrap(await api.watchRemove({ id: 'IVO-X-404' })).removed).toBe(true);
    expect(unwrap(await api.watchRemove({ id: 'IVO-X-404' })).removed).toBe(false);
    const actions = unwrap(await api.auditList({ limit: 20 })).items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['watch_add', 'watch_remove']));
    expect((await api.watchAdd({ id: '  ' })).ok).toBe(false);
  });

  it('factHistory: stated by dataset X, changed by Y with before/after and both sources', async () => {
    const items = unwrap(await api.factHistory({ id: 'IVO-G' })).items;
    const licence = items.find((i) => i.table === 'licences')!;
    expect(licence.firstStated).toMatchObject({ id: 1, name: 'm1' });
    expect(licence.lastStated).toMatchObject({ id: 2 });
    expect(licence.events).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'added', dataset: expect.objectContaining({ id: 1 }) }),
      expect.objectContaining({ kind: 'changed', field: 'status', before: 'granted', after: 'revoked', source: 'licences.csv:4', beforeSource: 'licences.csv:4', dataset: expect.objectContaining({ id: 2 }) }),
    ]));
  });

  it('analysisRun asKnown: an unknown dataset is refused; a known one is kept as a run that is not the current picture', async () => {
    const bad = await api.analysisRun({ asOf: AS_OF, asKnown: 9 });
    expect(bad.ok).toBe(false);
    const before = unwrap(await api.status()).lastRun!.runId;
    const done = await settleJob(api, api.analysisRun({ asOf: AS_OF, asKnown: 1 }));
    expect(done.state).toBe('done');
    const runs = unwrap(await api.runsList()).items;
    expect(runs[0]).toMatchObject({ runId: done.result!.analysis!.runId, asKnown: 1, datasetMax: 1 });
    expect(unwrap(await api.status()).lastRun!.runId).toBe(before);
    const cmp = unwrap(await api.changesGet({ since: runs[0]!.runId }));
    expect(cmp.differences).toContainEqual(expect.objectContaining({ what: 'as_known', from: 1, to: null }));
    expect(unwrap(await api.auditList({ limit: 5 })).items.map((e) => e.action)).toContain('analysis_as_known');
  });
});

describe('casework across a changed hit key', () => {
  it('a changed hit whose related ids changed (a new hit key) keeps the status and case set on its old key', async () => {
    const db = openDb(':memory:');
    const bench = createWorkbench({ db, dbPath: ':memory:', actor: 'testare' });
    const handle = createApiHandler(bench.service);
    const client = createClient((method, req) => handle(method, req));
    const hit = (related: string[], text: string) => ({ signal: 'revoked-network', subject_kind: 'person', subject_id: PERSON.erik, related_ids: related, severity: 3, evidence: [{ text, source: 'roles.csv:2' }], hit_key: `revoked-network|person|${PERSON.erik}|${related.join(',')}`, evidence_hash: text });
    const run = (h: ReturnType<typeof hit>) => insertRun(db, { started_at: 'x', finished_at: 'x', as_of: AS_OF, params: {}, data_version: 'v', coverage: {}, timings: {}, dataset_max: 0 }, [h], [], []);
    const old = hit([ORG.alfa, ORG.beta], 'två bolag');
    const a = run(old);
    run(hit([ORG.alfa, ORG.beta, ORG.gamma], 'tre bolag'));
    upsertHitStatus(db, { hit_key: old.hit_key, status: 'bekraftad', reason: 'kontrollerat', actor: 'testare', evidence_hash: old.evidence_hash, updated_at: 'x' });
    const { id } = unwrap(await client.caseSave({ name: 'Eriks bolag', hitKeys: [old.hit_key] }));
    const r = unwrap(await client.changesGet({ since: a }));
    expect(r.changed).toHaveLength(1);
    expect(r.changed[0]).toMatchObject({ status: 'bekraftad', cases: [{ id, name: 'Eriks bolag' }], relatedIdsBefore: [ORG.alfa, ORG.beta] });
    db.close();
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ApiClient, unwrap } from '../../src/api/client';
import { createApiHandler } from '../../src/api/handler';
import { createWorkbench, type Workbench } from '../../src/api/service';
import { inProcessExecutor } from '../../src/api/jobs';
import { openDb } from '../../src/store/db';
import { revokedNetworkWorld } from './fixture';
import { settleJob } from '../support/jobs';

/** The whole API over a real store, through the typed client and the validating handler. */
let wb: Workbench;
let api: ApiClient;
let world: ReturnType<typeof revokedNetworkWorld>;
let tmp: string;


beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'insyn-api-'));
  world = revokedNetworkWorld(path.join(tmp, 'data'));
  wb = createWorkbench({ db: openDb(':memory:'), dbPath: ':memory:', actor: 'testare', exportDir: tmp, importRoot: tmp });
  const handle = createApiHandler(wb.service, (m, e) => console.error(m, e));
  api = createClient((method, req) => handle(method, req));
});

describe('workbench API over a real store', () => {
  it('reports an empty store and coverage before any data', async () => {
    const s = unwrap(await api.status());
    expect(s.empty).toBe(true);
    expect(s.lastRun).toBeNull();
    expect(s.coverage.length).toBeGreaterThanOrEqual(14);
    expect(s.coverage.every((c) => !c.evaluable && c.reason)).toBe(true);
  });

  it('previews a folder before importing', async () => {
    const r = unwrap(await api.importPreview({ paths: [world.dir] }));
    const roles = r.files.find((f) => f.table === 'roles');
    expect(roles?.headers).toEqual(expect.arrayContaining(['org_nr', 'holder_id', 'role']));
    expect(roles?.missingRequired).toEqual([]);
  });

  it('imports with progress, result counts and a browsable quarantine', async () => {
    const { jobId } = unwrap(await api.importStart({ paths: [world.dir] }));
    const done = await settleJob(api, jobId);
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    const imp = done.result!.imports[0]!;
    expect(imp.rows).toMatchObject({ companies: 3, persons: 2, roles: 4, licences: 3 });
    expect(imp.quarantined).toBe(1);
    const q = unwrap(await api.quarantineList({ limit: 10 }));
    expect(q.total).toBe(1);
    expect(q.items[0]).toMatchObject({ file: 'roles.csv', column: 'org_nr', value: '123456-7890' });
    expect(unwrap(await api.quarantineList({ text: 'finns-inte' })).total).toBe(0);
    const csv = unwrap(await api.quarantineExportCsv({}));
    expect(csv.rows).toBe(1);
    expect(csv.csv).toContain('123456-7890');
    const s = unwrap(await api.status());
    expect(s.empty).toBe(false);
    expect(s.tables.roles).toBe(4);
    expect(s.importHistory).toHaveLength(1);
  });

  it('runs the analysis as a job and lists the planted hit with evidence and sources', async () => {
    const { jobId } = unwrap(await api.analysisRun({ asOf: '2025-01-01' }));
    const done = await settleJob(api, jobId);
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    expect(done.result!.analysis!.hitsBySignal['revoked-network']).toBeGreaterThanOrEqual(1);
    const list = unwrap(await api.hitsList({ signal: 'revoked-network' }));
    const hit = list.items.find((h) => h.subjectId === world.p)!;
    expect(hit).toMatchObject({ subjectKind: 'person', subjectLabel: 'Karin Östlund', status: 'ny', municipality: 'Västerås' });
    const detail = unwrap(await api.hitGet({ hitKey: hit.hitKey }));
    expect(detail.evidence.length).toBeGreaterThan(0);
    expect(detail.sources.length).toBeGreaterThan(0);
    expect(detail.sources.every((s) => /\.csv$/.test(s.file) && (s.line ?? 0) >= 2)).toBe(true);
    const s = unwrap(await api.status());
    expect(s.lastRun?.asOf).toBe('2025-01-01');
    expect(s.hitTotal).toBeGreaterThan(0);
    expect(s.topClusters.length).toBeGreaterThan(0);
    const missing = await api.hitGet({ hitKey: 'finns-inte' });
    expect(!missing.ok && missing.error.code).toBe('not_found');
  });

  it('filters, sorts and pages the alert queue', async () => {
    const all = unwrap(await api.hitsList({ limit: 1000 }));
    expect(all.total).toBe(all.items.length);
    const ostlund = unwrap(await api.hitsList({ text: 'ostlund' }));
    expect(ostlund.items.map((h) => h.subjectId)).toContain(world.p);
    expect(ostlund.total).toBeLessThan(all.total + 1);
    expect(unwrap(await api.hitsList({ text: 'xyzzy-inget' })).total).toBe(0);
    const page = unwrap(await api.hitsList({ limit: 1, offset: 0, sort: { by: 'subject', dir: 'asc' } }));
    expect(page.items).toHaveLength(1);
    expect(unwrap(await api.hitsList({ municipality: 'Kiruna' })).total).toBe(0);
  });

  it('sets a status with a mandatory reason and records it', async () => {
    const hit = unwrap(await api.hitsList({ signal: 'revoked-network' })).items[0]!;
    const missing = await api.hitsSetStatus({ hitKeys: [hit.hitKey], status: 'avskriven' });
    expect(missing.ok).toBe(false);
    const r = unwrap(await api.hitsSetStatus({ hitKeys: [hit.hitKey], status: 'bekraftad', reason: 'Styrkt i utredning 12' }));
    expect(r.updated).toBe(1);
    expect(unwrap(await api.hitsList({ status: 'bekraftad' })).items.map((h) => h.hitKey)).toEqual([hit.hitKey]);
    const d = unwrap(await api.hitGet({ hitKey: hit.hitKey }));
    expect(d.statusHistory.at(-1)).toMatchObject({ status: 'bekraftad', reason: 'Styrkt i utredning 12', actor: 'testare' });
  });

  it('opens a profile with roles for the timeline, licences, related entities and hits', async () => {
    const p = unwrap(await api.entityGet({ id: world.p }));
    expect(p).toMatchObject({ kind: 'person', name: 'Karin Östlund' });
    expect(p.roles.map((r) => r.orgNr).sort()).toEqual([world.a, world.b, world.c].sort());
    expect(p.roles.every((r) => r.source?.file === 'roles.csv')).toBe(true);
    expect(p.hits.length).toBeGreaterThan(0);
    const c = unwrap(await api.entityGet({ id: `${world.c.slice(0, 6)}-${world.c.slice(6)}` }));
    expect(c.kind).toBe('company');
    expect(c.licences[0]).toMatchObject({ licenceId: 'L-C', status: 'granted' });
    expect(c.related.map((r) => r.id)).toEqual(expect.arrayContaining([world.p, world.q]));
    const missing = await api.entityGet({ id: '5555555555' });
    expect(!missing.ok && missing.error.code).toBe('not_found');
  });

  it('searches by name and id', async () => {
    const r = unwrap(await api.search({ q: 'Ostlund' }));
    expect(r.items[0]).toMatchObject({ id: world.p, label: 'Karin Östlund' });
  });

  it('serves the network around an entity and a path between two', async () => {
    const ego = await api.graphEgo({ id: world.p, hops: 1 });
    if (!ego.ok) return expect(ego.error.code).toBe('not_available');
    expect(ego.value.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([world.p, world.a, world.b, world.c]));
    const pth = unwrap(await api.graphPath({ from: world.q, to: world.a }));
    expect(pth.found).toBe(true);
    expect(pth.path[0]).toBe(world.q);
  });

  it('lists rules and validates edits (errors as data)', async () => {
    const rules = unwrap(await api.rulesList()).rules;
    const rn = rules.find((r) => r.id === 'revoked-network')!;
    expect(rn.params.find((p) => p.name === 'windowMonths')).toMatchObject({ type: 'integer', value: 24, default: 24 });
    const bad = unwrap(await api.rulesUpdate({ signal: 'revoked-network', params: { windowMonths: -3 } }));
    expect(bad.saved).toBe(false);
    expect(bad.issues[0]!.path).toEqual(['windowMonths']);
    const good = unwrap(await api.rulesUpdate({ signal: 'revoked-network', params: { minCompanies: 3 } }));
    expect(good.saved).toBe(true);
    const { jobId } = unwrap(await api.analysisRun({ asOf: '2025-01-01' }));
    await settleJob(api, jobId);
    expect(unwrap(await api.hitsList({ signal: 'revoked-network' })).total).toBe(0);
    unwrap(await api.rulesUpdate({ signal: 'revoked-network', params: {} }));
  });

  it('describes rules with the parameters set and offers code lists with Swedish labels', async () => {
    const before = unwrap(await api.rulesList()).rules.find((r) => r.id === 'revoked-network')!;
    expect(before.description).toContain('de 24 månaderna');
    unwrap(await api.rulesUpdate({ signal: 'revoked-network', params: { windowMonths: 60 } }));
    const after = unwrap(await api.rulesList()).rules.find((r) => r.id === 'revoked-network')!;
    expect(after.description).toContain('de 60 månaderna');
    expect(after.description).not.toContain('24');
    // A hit's description follows the parameters of the run that found it.
    await settleJob(api, unwrap(await api.analysisRun({ asOf: '2025-01-01' })).jobId);
    const hit = unwrap(await api.hitsList({ signal: 'revoked-network' })).items[0]!;
    expect(unwrap(await api.hitGet({ hitKey: hit.hitKey })).signalDescription).toContain('de 60 månaderna');
    unwrap(await api.rulesUpdate({ signal: 'revoked-network', params: {} }));

    const kinds = unwrap(await api.rulesList()).rules.find((r) => r.id === 'missing-record-check')!.params.find((p) => p.name === 'kinds')!;
    expect(kinds).toMatchObject({ type: 'enum[]', description: 'Tillståndsslag som räknas' });
    expect(kinds.options).toContain('lss_housing_children');
    expect(kinds.optionLabels!['lss_housing_children']).toBe('LSS bostad barn');
  });

  it('keeps cases with notes and saved views', async () => {
    const { id } = unwrap(await api.caseSave({ name: 'Ärende Östlund', entityIds: [world.p] }));
    unwrap(await api.caseAddNote({ caseId: id, text: 'Begär ut protokoll.' }));
    const view = { nodeIds: [world.p], positions: { [world.p]: { x: 1, y: 2 } }, filters: { kinds: ['person'] }, asOf: '2024-01-01', camera: null };
    unwrap(await api.caseSaveView({ caseId: id, name: 'Start', view }));
    const c = unwrap(await api.caseGet({ id }));
    expect(c.entities[0]).toMatchObject({ id: world.p, kind: 'person', label: 'Karin Östlund' });
    expect(c.notes[0]!.text).toBe('Begär ut protokoll.');
    expect(c.views[0]!.view).toMatchObject({ positions: { [world.p]: { x: 1, y: 2 } }, asOf: '2024-01-01' });
    expect(unwrap(await api.casesList()).items.some((x) => x.id === id)).toBe(true);
  });

  it('a case holds alerts and entities, and its exports carry them with hits and evidence', async () => {
    await settleJob(api, unwrap(await api.analysisRun({ asOf: '2025-01-01' })).jobId);
    const { id } = unwrap(await api.caseSave({ name: 'Larm i ärende' }));
    const hit = unwrap(await api.hitsList({ signal: 'revoked-network' })).items[0]!;
    const added = unwrap(await api.caseChangeItems({ caseId: id, addHits: [hit.hitKey], addEntities: [{ id: 'L-C', kind: 'licence' }] }));
    expect(added).toMatchObject({ hitsAdded: [hit.hitKey], entitiesAdded: ['L-C'] });
    const c = unwrap(await api.caseGet({ id }));
    expect(c.hits.map((h) => h.hitKey)).toEqual([hit.hitKey]);
    expect(c.entities).toEqual([{ id: 'L-C', kind: 'licence', label: 'Gammagården' }]);
    expect(c.missingHitKeys).toEqual([]);
    expect(unwrap(await api.caseMemberships({ hitKeys: [hit.hitKey, 'x'] })).items).toEqual([{ caseId: id, entityIds: [], hitKeys: [hit.hitKey] }]);

    const dir = path.join(tmp, 'case-export');
    const gexf = fs.readFileSync(unwrap(await api.exportRun({ format: 'gexf', scope: { case: id }, dir })).files[0]!.path, 'utf8');
    for (const node of [world.p, world.a, world.b, 'lic:L-C']) expect(gexf).toContain(`<node id="${node}"`);
    const html = fs.readFileSync(unwrap(await api.exportRun({ format: 'html', scope: { case: id }, dir })).files[0]!.path, 'utf8');
    expect(html).not.toContain('Nätverket är tomt');
    expect(html).toContain('Återkommande aktör bakom återkallade verksamheter');
    expect(html).toContain('roles.csv:');
    const csv = unwrap(await api.exportRun({ format: 'csv', scope: { case: id }, dir })).files.find((f) => f.path.endsWith('hits.csv'))!;
    expect(fs.readFileSync(csv.path, 'utf8')).toContain(hit.hitKey.split('|')[0]!);

    // A saved view's nodes join the case; the alert can be taken out again.
    const view = { nodeIds: [world.q, world.c], positions: {}, filters: {}, asOf: null, camera: null };
    unwrap(await api.caseSaveView({ caseId: id, name: 'Gamma', view }));
    expect(unwrap(await api.caseGet({ id })).entities.map((e) => e.id).sort()).toEqual(['L-C', world.c, world.q].sort());
    unwrap(await api.caseChangeItems({ caseId: id, removeHits: [hit.hitKey] }));
    expect(unwrap(await api.caseGet({ id })).hits).toEqual([]);
    const missing = await api.caseChangeItems({ caseId: 9999, addHits: ['k'] });
    expect(!missing.ok && missing.error.code).toBe('not_found');
  });

  it('exports into the chosen folder and never overwrites silently', async () => {
    const dir = path.join(tmp, 'exp');
    const r = unwrap(await api.exportRun({ format: 'gexf', scope: { subject: world.p }, dir }));
    expect(r.files).toHaveLength(1);
    expect(fs.existsSync(r.files[0]!.path)).toBe(true);
    const again = unwrap(await api.exportRun({ format: 'gexf', scope: { subject: world.p }, dir }));
    expect(again.files).toEqual([]);
    expect(again.existing.length).toBe(1);
    const bad = await api.exportRun({ format: 'gexf', scope: {}, dir });
    expect(bad.ok).toBe(false);
  });

  it('builds a review dossier that names undeclared controllers', async () => {
    const d = unwrap(await api.dossier({ orgNr: world.c, personkrets: [{ personId: world.q, role: 'board_member' }], asOf: '2025-01-01' }));
    expect(d.applicant).toMatchObject({ orgNr: world.c, inStore: true });
    expect(d.undeclared.map((u) => u.id)).toContain(world.p);
    expect(d.html).toContain('<html');
    const bad = await api.dossier({ licenceId: 'finns-inte' });
    expect(!bad.ok && bad.error.code).toBe('not_found');
  });

  it('audits every analyst action in a verifiable chain', async () => {
    const log = unwrap(await api.auditList({ limit: 200 }));
    const actions = new Set(log.items.map((e) => e.action));
    for (const a of ['import', 'analysis_run', 'status_change', 'open_profile', 'search', 'config_change', 'case_create', 'case_note', 'case_view', 'export', 'dossier']) {
      expect(actions, a).toContain(a);
    }
    expect(log.items.every((e) => e.actor === 'testare')).toBe(true);
    expect(unwrap(await api.auditVerify())).toMatchObject({ ok: true, firstBad: null });
  });

  it('answers unknown methods and bad requests with Swedish envelopes', async () => {
    const handle = createApiHandler(wb.service);
    expect(await handle('dropTables', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    const r = await handle('hitsList', { limit: 'många' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!r.ok && r.error.message).toMatch(/Ogiltig förfrågan/);
  });
});

describe('jobs in a worker thread', () => {
  it('imports and analyses a store file off the main thread', async () => {
    const file = path.join(tmp, 'worker.sqlite');
    const db = openDb(file);
    const w = createWorkbench({ db, dbPath: file, actor: 'testare', importRoot: tmp });
    const handle = createApiHandler(w.service);
    const c = createClient((m, r) => handle(m, r));
    const { jobId } = unwrap(await c.importStart({ paths: [world.dir] }));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const done = await w.jobs.wait(jobId);
    clearInterval(timer);
    expect(done.state, JSON.stringify(done.error)).toBe('done');
    expect(ticks).toBeGreaterThan(0); // the main thread kept running while the worker imported
    expect(unwrap(await c.status()).tables.companies).toBe(3);
    const a = await w.jobs.wait(unwrap(await c.analysisRun({ asOf: '2025-01-01' })).jobId);
    expect(a.state, JSON.stringify(a.error)).toBe('done');
    expect(unwrap(await c.hitsList({})).total).toBeGreaterThan(0);
    // A path that does not exist is refused before a job starts.
    const missing = await c.importStart({ paths: [path.join(tmp, 'finns-inte')] });
    expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!missing.ok && missing.error.message).toMatch(/finns inte/);
    db.close();
  });
});

describe('audit entries are never optional (issue 13)', () => {
  /** A trigger stands in for any failure to write an entry (locked store, full disk, broken key). */
  const failAudit = (db: ReturnType<typeof openDb>, action: string) =>
    db.exec(`CREATE TRIGGER fail_${action} BEFORE INSERT ON audit_log WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);

  it('an action whose entry cannot be written fails, and its effect rolls back with it', async () => {
    const db = openDb(':memory:');
    const w = createWorkbench({ db, dbPath: ':memory:', actor: 'testare', exportDir: path.join(tmp, 'export-audit'), importRoot: tmp });
    const handle = createApiHandler(w.service);
    const c = createClient((m, r) => handle(m, r));

    failAudit(db, 'import');
    const imp = await w.jobs.wait(unwrap(await c.importStart({ paths: [world.dir] })).jobId);
    expect(imp.state).toBe('failed');
    expect(imp.error?.message).toMatch(/disk full/);
    expect(db.prepare('SELECT count(*) FROM datasets').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM companies').pluck().get()).toBe(0);
    db.exec('DROP TRIGGER fail_import');
    expect((await w.jobs.wait(unwrap(await c.importStart({ paths: [world.dir] })).jobId)).state).toBe('done');

    failAudit(db, 'analysis_run');
    const run = await w.jobs.wait(unwrap(await c.analysisRun({ asOf: '2025-01-01' })).jobId);
    expect(run.state).toBe('failed');
    expect(db.prepare('SELECT count(*) FROM analysis_runs').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM hits').pluck().get()).toBe(0);

    failAudit(db, 'search');
    const s = await c.search({ q: 'Östlund' });
    expect(s).toMatchObject({ ok: false, error: { code: 'audit_failed' } });
    expect(!s.ok && s.error.message).toMatch(/granskningsloggen inte kunde skrivas/);

    failAudit(db, 'open_profile');
    expect(await c.entityGet({ id: world.p })).toMatchObject({ ok: false, error: { code: 'audit_failed' } });

    failAudit(db, 'config_change');
    const before = unwrap(await c.rulesList()).rules.find((r) => r.id === 'address-hub')!.values;
    expect(await c.rulesUpdate({ signal: 'address-hub', params: { minCompanies: 9 } })).toMatchObject({ ok: false, error: { code: 'audit_failed' } });
    expect(unwrap(await c.rulesList()).rules.find((r) => r.id === 'address-hub')!.values).toEqual(before);

    failAudit(db, 'export');
    const dir = path.join(tmp, 'export-audit', 'x');
    expect((await c.exportRun({ format: 'html', scope: { subject: world.p }, dir })).ok).toBe(false);
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
    // What was written is intact.
    expect(unwrap(await c.auditVerify())).toMatchObject({ ok: true });
  });
});

describe('a second writer (issue 13.4)', () => {
  it('an import job waits for the store with a progress message that says why, then runs', async () => {
    const file = path.join(tmp, 'busy.sqlite');
    const db = openDb(file);
    const w = createWorkbench({ db, dbPath: file, actor: 'testare', importRoot: tmp, executor: inProcessExecutor(db) });
    const handle = createApiHandler(w.service);
    const c = createClient((m, r) => handle(m, r));
    const other = openDb(file);
    other.exec('BEGIN IMMEDIATE');
    const { jobId } = unwrap(await c.importStart({ paths: [world.dir] }));
    let message = '';
    for (let i = 0; i < 100 && !/Väntar på databasen/.test(message); i++) {
      await new Promise((r) => setTimeout(r, 50));
      message = unwrap(await c.jobStatus({ jobId })).progress.message;
    }
    expect(message).toMatch(/Väntar på databasen: en annan import eller analys skriver just nu .* Importen startar när den är klar/);
    other.exec('COMMIT');
    expect((await w.jobs.wait(jobId)).state).toBe('done');
    db.close();
    other.close();
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ApiClient, unwrap } from '../../src/api/client';
import { createApiHandler } from '../../src/api/handler';
import { createWorkbench } from '../../src/api/service';
import { openDb } from '../../src/store/db';
import { revokedNetworkWorld } from './fixture';
import { runJob } from '../support/jobs';

/**
 * Issue 14: graph replies carry each node's risk from the latest run (with the day each hit's
 * evidence was complete), and a saved view's nodes come back in one request.
 */
let api: ApiClient;
let world: ReturnType<typeof revokedNetworkWorld>;


beforeAll(async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'insyn-graph-risk-'));
  world = revokedNetworkWorld(path.join(tmp, 'data'));
  const wb = createWorkbench({ db: openDb(':memory:'), dbPath: ':memory:', actor: 'testare', importRoot: tmp });
  const handle = createApiHandler(wb.service, (m, e) => console.error(m, e));
  api = createClient((method, req) => handle(method, req));
});

describe('graph replies before any analysis', () => {
  it('carry no risk', async () => {
    await runJob(api, unwrap(await api.importStart({ paths: [world.dir] })).jobId);
    const ego = unwrap(await api.graphEgo({ id: world.p, hops: 1 }));
    expect(ego.nodes.length).toBeGreaterThan(1);
    expect(ego.nodes.every((n) => n.risk === null)).toBe(true);
  });
});

describe('node risk with every graph node', () => {
  beforeAll(async () => {
    await runJob(api, unwrap(await api.analysisRun({ asOf: '2025-01-01' })).jobId);
  });

  it('gives the flagged person its stored score and its hit, dated by the latest fact the evidence cites', async () => {
    const ego = unwrap(await api.graphEgo({ id: world.p, hops: 1 }));
    const p = ego.nodes.find((n) => n.id === world.p)!;
    const listed = unwrap(await api.hitsList({ signal: 'revoked-network' })).items.find((h) => h.subjectId === world.p)!;
    expect(p.risk).not.toBeNull();
    expect(p.risk!.score).toBe(listed.score);
    expect(p.risk!.asOf).toBe('2025-01-01');
    const hit = p.risk!.hits.find((h) => h.hitKey === listed.hitKey)!;
    expect(hit).toMatchObject({ signal: 'revoked-network', severity: listed.severity, subject: true });
    // Cited: roles in Alfa (from 2018) and Beta (2019), their revocations (2022-05-01, 2023-01-15)
    // and the current chair of Gamma (from 2023-05-01): complete from the last of these.
    expect(hit.since).toBe('2023-05-01');
  });

  it('names the companies a hit relates to, without scoring them as subjects', async () => {
    const ego = unwrap(await api.graphEgo({ id: world.p, hops: 1 }));
    const a = ego.nodes.find((n) => n.id === world.a)!;
    expect(a.risk?.hits.some((h) => h.signal === 'revoked-network' && !h.subject)).toBe(true);
    expect(a.risk?.hits.some((h) => h.subject)).toBe(false);
  });

  it('comes with path and expand replies too', async () => {
    const pth = unwrap(await api.graphPath({ from: world.q, to: world.a }));
    expect(pth.graph!.nodes.find((n) => n.id === world.p)?.risk?.hits.length).toBeGreaterThan(0);
    const ex = unwrap(await api.graphExpand({ id: world.c }));
    expect(ex.nodes.find((n) => n.id === world.p)?.risk).not.toBeNull();
  });
});

describe('graphExpand among the nodes on the canvas', () => {
  it('brings the links from the new neighbours to nodes already shown', async () => {
    // Expanding Alfa brings Karin; she also sits in Beta, which is already on the canvas.
    const plain = unwrap(await api.graphExpand({ id: world.a }));
    expect(plain.edges.some((e) => e.source === world.p && e.target === world.b)).toBe(false);
    const among = unwrap(await api.graphExpand({ id: world.a, among: [world.a, world.b] }));
    expect(among.edges.filter((e) => e.source === world.p && e.target === world.b).map((e) => e.kind)).toEqual(['role']);
    expect(among.nodes.map((n) => n.id).sort()).toEqual(plain.nodes.map((n) => n.id).sort());
    // Links to nodes that are not shown stay out (Karin also chairs Gamma).
    expect(among.edges.some((e) => e.target === world.c)).toBe(false);
  });
});

describe('graphNodes (a saved view in one request)', () => {
  it('returns exactly the asked nodes and the links among them', async () => {
    const r = unwrap(await api.graphNodes({ ids: [world.p, world.a, 'lic:L-A'] }));
    expect(r.nodes.map((n) => n.id).sort()).toEqual([world.a, world.p, 'lic:L-A'].sort());
    expect(r.nodes.find((n) => n.id === world.p)?.label).toBe('Karin Östlund');
    const pairs = r.edges.map((e) => `${e.kind}:${e.source}>${e.target}`).sort();
    expect(pairs).toEqual([`licence:${world.a}>lic:L-A`, `role:${world.p}>${world.a}`].sort());
    expect(r.nodes.find((n) => n.id === world.p)?.risk?.hits.length).toBeGreaterThan(0);
  });

  it('leaves out links that do not hold on the day asked', async () => {
    const r = unwrap(await api.graphNodes({ ids: [world.p, world.a, world.c], asOf: '2020-06-01' }));
    expect(r.edges.map((e) => e.target)).toEqual([world.a]);
  });

  it('refuses an empty list', async () => {
    const r = await api.graphNodes({ ids: [] });
    expect(!r.ok && r.error.code).toBe('invalid_request');
  });
});

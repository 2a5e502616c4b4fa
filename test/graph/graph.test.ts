import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/analysis/facts';
import { buildGraph, toPayload, viewAsOf } from '../../src/graph/index';
import { egoNetwork, graphExpand } from '../../src/graph/ego';
import { shortestPath } from '../../src/graph/path';
import { nodeIdOf } from '../../src/graph/types';
import type { Db } from '../../src/store/db';
import { A, B, C, P1, P2, P3, P4, P5, worldDb } from './world';

let db: Db;
beforeAll(async () => { db = await worldDb(); });
afterAll(() => db.close());

describe('buildGraph', () => {
  it('has typed nodes and edges with periods and provenance', () => {
    const g = buildGraph(loadFacts(db), { scope: 'all' });
    expect(g.getNodeAttribute(A, 'kind')).toBe('company');
    expect(g.getNodeAttribute(A, 'label')).toBe('Alfa Omsorg AB');
    expect(g.getNodeAttribute('lic:L1', 'kind')).toBe('licence');
    expect(g.getNodeAttribute('home:FH1', 'kind')).toBe('foster_home');
    expect(g.getNodeAttribute('addr:STORGATAN 1|11122', 'kind')).toBe('address');
    const role = g.edges(P1, A).map((e) => g.getEdgeAttributes(e)).find((a) => a.kind === 'role')!;
    expect(role).toMatchObject({ role: 'board_member', from: '2015-01-01', to: '2021-06-30' });
    expect(String(role.source_ref)).toMatch(/^roles\.csv:\d+$/);
    expect(g.edges(A, 'lic:L1').map((e) => g.getEdgeAttribute(e, 'kind'))).toEqual(['licence']);
    const placement = g.edges(B, 'home:FH1').map((e) => g.getEdgeAttributes(e)).find((a) => a.kind === 'placement')!;
    expect(placement).toMatchObject({ placements: 2, children: 2, from: '2024-01-01', to: null });
    expect(g.edges(B, 'home:FH1').map((e) => g.getEdgeAttribute(e, 'kind')).sort()).toEqual(['consultant', 'placement']);
    expect(g.hasEdge(P3, 'home:FH1')).toBe(true);
    expect(g.hasEdge(P3, 'addr:BJÖRKVÄGEN 3|12345')).toBe(true);
    // Shared address: A, B and the licence unit all point at Storgatan 1.
    expect(g.inNeighbors('addr:STORGATAN 1|11122').sort()).toEqual([A, B, 'lic:L1'].sort());
  });

  it('welfare scope keeps the licence holder network within two hops and leaves out the unrelated island', () => {
    const g = buildGraph(loadFacts(db));
    for (const id of [A, B, P1, P2, P3, P4, 'lic:L1', 'home:FH1']) expect(g.hasNode(id)).toBe(true);
    expect(g.hasNode(C)).toBe(false);
    expect(g.hasNode(P5)).toBe(false);
  });

  it('as of a date: facts dated later do not exist, later ends are still open', () => {
    const g = buildGraph(loadFacts(db), { scope: 'all', asOf: '2019-06-01' });
    expect(g.hasEdge(P2, A)).toBe(false); // CEO from 2020
    expect(g.hasEdge(P2, B)).toBe(true);
    const p1 = g.edges(P1, A).map((e) => g.getEdgeAttributes(e))[0]!;
    expect(p1.to).toBeNull(); // ended 2021, not yet at as-of
  });
});

describe('viewAsOf', () => {
  it('drops ended roles without touching the graph', () => {
    const g = buildGraph(loadFacts(db), { scope: 'all' });
    const before = g.size;
    const v = viewAsOf(g, '2024-06-01');
    expect(v.hasEdge(P1, A)).toBe(false);
    expect(v.hasNode(P1)).toBe(false); // no link left on that day
    expect(v.hasEdge(P2, A)).toBe(true);
    expect(v.hasEdge(A, 'lic:L1')).toBe(true);
    expect(g.size).toBe(before);
    expect(g.hasEdge(P1, A)).toBe(true);
    expect(viewAsOf(g, '2020-06-01').hasEdge(P1, A)).toBe(true);
    const payload = toPayload(v);
    expect(payload.edges.every((e) => e.from == null || e.from <= '2024-06-01')).toBe(true);
  });
});

describe('egoNetwork', () => {
  it('one hop from a company: its officers, employees, licence and address', () => {
    const ego = egoNetwork(db, A, { hops: 1 });
    const ids = ego.nodes.map((n) => n.id).sort();
    expect(ids).toEqual([A, P1, P2, P4, 'lic:L1', 'addr:STORGATAN 1|11122'].sort());
    expect(ego.nodes.find((n) => n.id === A)!.attributes.hops).toBe(0);
    expect(ego.nodes.find((n) => n.id === P2)).toMatchObject({ kind: 'person', label: 'Bo Ek', attributes: { hops: 1 } });
    expect(ego.edges.every((e) => ids.includes(e.source) && ids.includes(e.target))).toBe(true);
    expect(ego.edges.find((e) => e.kind === 'role' && e.source === P2)).toMatchObject({ target: A, from: '2020-01-01', to: null, attributes: { role: 'ceo' } });
    expect(graphExpand(db, A).nodes).toHaveLength(ego.nodes.length);
  });

  it('two hops reach B (via P2 and the shared address) and P2’s spouse, but not the foster home', () => {
    const ego = egoNetwork(db, A, { hops: 2 });
    const byId = new Map(ego.nodes.map((n) => [n.id, n]));
    expect(byId.get(B)?.attributes.hops).toBe(2);
    expect(byId.get(P3)?.attributes.hops).toBe(2);
    expect(byId.has('home:FH1')).toBe(false);
    expect(egoNetwork(db, A, { hops: 3 }).nodes.find((n) => n.id === 'home:FH1')?.attributes.hops).toBe(3);
  });

  it('as of a date leaves out ended roles', () => {
    expect(egoNetwork(db, A, { hops: 1, asOf: '2024-01-01' }).nodes.some((n) => n.id === P1)).toBe(false);
    expect(egoNetwork(db, A, { hops: 1, asOf: '2018-01-01' }).nodes.some((n) => n.id === P2)).toBe(false);
  });

  it('accepts the id forms users type and node ids', () => {
    expect(egoNetwork(db, `${A.slice(0, 6)}-${A.slice(6)}`, { hops: 1 }).nodes.length).toBeGreaterThan(1);
    expect(egoNetwork(db, 'L1', { hops: 1 }).nodes.map((n) => n.id).sort()).toEqual([A, 'lic:L1', 'addr:STORGATAN 1|11122'].sort());
    expect(egoNetwork(db, 'FH1', { hops: 1 }).nodes.map((n) => n.id)).toContain(P3);
    expect(egoNetwork(db, nodeIdOf('foster_home', 'FH1'), { hops: 1 }).nodes.map((n) => n.id)).toContain(B);
    expect(egoNetwork(db, 'STORGATAN 1|11122', { hops: 1 }).nodes).toHaveLength(4);
    expect(egoNetwork(db, 'nonsense', { hops: 1 }).nodes).toHaveLength(0);
  });

  it('respects the node limit and says so', () => {
    const ego = egoNetwork(db, A, { hops: 2, limit: 3 });
    expect(ego.nodes).toHaveLength(3);
    expect(ego.truncated).toBe(true);
  });
});

describe('shortestPath', () => {
  it('finds the chain from a licence to the foster parent, in order', () => {
    const path = shortestPath(db, 'lic:L1', P3)!;
    expect(path).not.toBeNull();
    const ids = path.nodes.map((n) => n.id);
    expect(ids[0]).toBe('lic:L1');
    expect(ids[ids.length - 1]).toBe(P3);
    expect(path.edges).toHaveLength(ids.length - 1);
    expect(ids).toHaveLength(4); // L1 → A → P2 → P3
    expect(path.nodes.map((n) => n.attributes.step)).toEqual([0, 1, 2, 3]);
    for (let i = 0; i < path.edges.length; i++) {
      const e = path.edges[i]!;
      expect([e.source, e.target].sort()).toEqual([ids[i], ids[i + 1]].sort());
    }
  });

  it('returns null when not connected, or beyond maxHops, and respects as-of', () => {
    expect(shortestPath(db, A, C)).toBeNull();
    expect(shortestPath(db, 'lic:L1', P3, { maxHops: 2 })).toBeNull();
    expect(shortestPath(db, P1, P2)).not.toBeNull();
    // In 2024 P1's role had ended: P1 is linked to nothing.
    expect(shortestPath(db, P1, P2, { asOf: '2024-01-01' })).toBeNull();
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { directScores, noisyOr } from '../../src/scoring/direct';
import { networkScores } from '../../src/scoring/network';
import { scoreHits } from '../../src/scoring/index';
import type { EntityGraph } from '../../src/scoring/entity-graph';
import type { Hit } from '../../src/signals/types';
import { buildWorld } from '../support/world';

const severity = fc.constantFrom(1, 2, 3, 4, 5);

function graphOf(n: number, edges: [number, number][]): EntityGraph {
  const adj = new Map<string, Set<string>>();
  for (let i = 0; i < n; i++) adj.set(`person:${i}`, new Set());
  for (const [a, b] of edges) {
    if (a === b) continue;
    adj.get(`person:${a}`)!.add(`person:${b}`);
    adj.get(`person:${b}`)!.add(`person:${a}`);
  }
  return { neighbours: (node) => [...(adj.get(node) ?? [])] };
}

/** Reference definition: max over flagged s ≠ v within maxHops of direct(s)·decay^dist(s, v). */
function bruteForce(n: number, g: EntityGraph, direct: Map<string, number>, decay: number, maxHops: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const [s, d] of direct) {
    const dist = new Map([[s, 0]]);
    let frontier = [s];
    for (let h = 1; h <= maxHops; h++) {
      const next: string[] = [];
      for (const u of frontier) for (const v of g.neighbours(u)) if (!dist.has(v)) { dist.set(v, h); next.push(v); }
      frontier = next;
    }
    for (const [v, h] of dist) if (v !== s && h > 0) out.set(v, Math.max(out.get(v) ?? 0, d * decay ** h));
  }
  return out;
}

describe('direct score (noisy-OR)', () => {
  it('more evidence never lowers a score, and stays in [0, 1)', () => {
    fc.assert(fc.property(fc.array(severity, { maxLength: 20 }), severity, (sevs, extra) => {
      const before = noisyOr(sevs);
      const after = noisyOr([...sevs, extra]);
      expect(after).toBeGreaterThanOrEqual(before);
      expect(after).toBeLessThan(1);
      expect(before).toBeGreaterThanOrEqual(0);
    }));
  });

  it('raising a severity never lowers a score', () => {
    fc.assert(fc.property(fc.array(severity, { minLength: 1, maxLength: 10 }), fc.nat(), (sevs, i) => {
      const j = i % sevs.length;
      const raised = sevs.map((s, k) => (k === j ? Math.min(5, s + 1) : s));
      expect(noisyOr(raised)).toBeGreaterThanOrEqual(noisyOr(sevs));
    }));
  });

  it('adding a hit to a run never lowers any entity’s direct score', () => {
    const hitArb = fc.record({ id: fc.constantFrom('a', 'b', 'c'), s: severity });
    fc.assert(fc.property(fc.array(hitArb, { maxLength: 15 }), hitArb, (list, extra) => {
      const mk = (x: { id: string; s: number }): Hit => ({ signal: 'x', subject_kind: 'person', subject_id: x.id, related_ids: [], severity: x.s as Hit['severity'], evidence: [] });
      const before = directScores(list.map(mk));
      const after = directScores([...list, extra].map(mk));
      for (const [k, v] of before) expect(after.get(k)!).toBeGreaterThanOrEqual(v);
      expect(after.get(`person:${extra.id}`)!).toBeGreaterThan(0);
    }));
  });

  it('is computed per subject from its own hits', () => {
    const hit = (id: string, s: 1 | 2 | 3 | 4 | 5): Hit => ({ signal: 'x', subject_kind: 'person', subject_id: id, related_ids: [], severity: s, evidence: [] });
    const d = directScores([hit('a', 5), hit('a', 3), hit('b', 1)]);
    expect(d.get('person:a')).toBeCloseTo(1 - 0.15 * 0.55);
    expect(d.get('person:b')).toBeCloseTo(0.1);
  });
});

describe('network score', () => {
  const graphArb = fc.integer({ min: 2, max: 12 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 25 }),
      flagged: fc.array(fc.tuple(fc.nat(n - 1), fc.double({ min: 0.01, max: 0.99, noNaN: true })), { minLength: 1, maxLength: 5 }),
      hops: fc.integer({ min: 1, max: 4 }),
    }));

  it('equals the reference definition and never exceeds decay × the strongest foreign direct score', () => {
    fc.assert(fc.property(graphArb, ({ n, edges, flagged, hops }) => {
      const g = graphOf(n, edges);
      const direct = new Map(flagged.map(([i, v]) => [`person:${i}`, v] as const));
      const net = networkScores(direct, g, { decay: 0.5, maxHops: hops });
      const ref = bruteForce(n, g, direct, 0.5, hops);
      expect([...net.keys()].sort()).toEqual([...ref.keys()].sort());
      for (const [v, x] of net) {
        expect(x).toBeCloseTo(ref.get(v)!, 12);
        const foreignMax = Math.max(...[...direct].filter(([s]) => s !== v).map(([, d]) => d));
        expect(x).toBeLessThanOrEqual(0.5 * foreignMax + 1e-12);
      }
    }), { numRuns: 300 });
  });

  it('an entity’s own hits never feed its own network score', () => {
    const g = graphOf(2, [[0, 1]]);
    const net = networkScores(new Map([['person:0', 0.9]]), g, { decay: 0.5, maxHops: 3 });
    expect(net.get('person:0')).toBeUndefined();
    expect(net.get('person:1')).toBeCloseTo(0.45);
  });

  it('spreads along controlling roles but not auditor roles, and is reported apart from the direct score', () => {
    const facts = buildWorld({
      companies: [{ org_nr: '5598047925', name: 'A' }],
      roles: [
        { org_nr: '5598047925', holder_id: '197506141634', role: 'ceo' },
        { org_nr: '5598047925', holder_id: '197109308747', role: 'auditor' },
      ],
    });
    const hit: Hit = { signal: 'x', subject_kind: 'person', subject_id: '197506141634', related_ids: [], severity: 5, evidence: [] };
    const { scores, clusters } = scoreHits(facts, [hit], { asOf: '2026-11-01' });
    const byId = new Map(scores.map((s) => [s.subject_id, s]));
    expect(byId.get('197506141634')).toMatchObject({ score: 0.85, network_score: 0 });
    expect(byId.get('5598047925')).toMatchObject({ score: 0, network_score: 0.425 });
    expect(byId.has('197109308747')).toBe(false);
    expect(clusters).toHaveLength(1);
  });
});

describe('clusters', () => {
  const hit = (id: string, s: 1 | 2 | 3 | 4 | 5, related: string[] = []): Hit => ({ signal: 'revoked-network', subject_kind: 'person', subject_id: id, related_ids: related, severity: s, evidence: [] });
  const kindOf = (id: string) => (id.length === 10 ? 'company' : 'person');
  const empty: EntityGraph = { neighbours: () => [] };

  it('connected components of the flagged subgraph, ranked by strongest direct score', async () => {
    const { buildClusters } = await import('../../src/scoring/clusters');
    const hits = [hit('190001010001', 2, ['5500000001']), hit('190001010002', 2, ['5500000001']), hit('190001010003', 5, ['5500000002'])];
    const clusters = buildClusters(hits, directScores(hits), empty, { louvainAbove: 100, kindOf });
    expect(clusters.map((c) => c.size)).toEqual([2, 3]);
    expect(clusters[0]).toMatchObject({ rank: 1, score: 0.85 });
    expect(clusters[1]!.members).toContainEqual({ kind: 'company', id: '5500000001' });
  });

  it('splits a component above the size limit into Louvain communities', async () => {
    const { buildClusters } = await import('../../src/scoring/clusters');
    // Two stars around two companies, joined by one person related to both.
    const hits: Hit[] = [];
    for (let i = 0; i < 8; i++) hits.push(hit(`1900010100${10 + i}`, 3, ['5500000001']));
    for (let i = 0; i < 8; i++) hits.push(hit(`1900010100${30 + i}`, 3, ['5500000002']));
    hits.push(hit('190001010099', 3, ['5500000001', '5500000002']));
    const whole = buildClusters(hits, directScores(hits), empty, { louvainAbove: 100, kindOf });
    expect(whole).toHaveLength(1);
    const split = buildClusters(hits, directScores(hits), empty, { louvainAbove: 5, kindOf });
    expect(split.length).toBeGreaterThanOrEqual(2);
    expect(split.reduce((n, c) => n + c.size, 0)).toBe(whole[0]!.size);
  });
});

import { describe, expect, it } from 'vitest';
import { ADDRESS_FANOUT, buildGraph, toPayload, WELFARE_HOPS } from '../../src/graph/build';
import { buildWorld } from '../support/world';

const A = '5566778899';
const ADDR = 'BOXVÄGEN 1|10000';
const others = Array.from({ length: ADDRESS_FANOUT + 10 }, (_, i) => `55${String(i).padStart(8, '0')}`);
const board = Array.from({ length: ADDRESS_FANOUT + 10 }, (_, i) => `1970${String(i).padStart(8, '0')}`);

describe('buildGraph welfare scope', () => {
  const facts = buildWorld({
    companies: [{ org_nr: A, name: 'A', address_key: ADDR }, ...others.map((org_nr) => ({ org_nr, name: org_nr, address_key: ADDR }))],
    licences: [{ licence_id: 'L1', org_nr: A, kind: 'home_care', status: 'granted' }],
    roles: [
      ...board.map((holder_id) => ({ org_nr: A, holder_id, role: 'board_member' })),
      { org_nr: '5590000001', holder_id: board[0]!, role: 'ceo' }, // hop 2
      { org_nr: '5590000001', holder_id: '198001011234', role: 'chair' }, // hop 3
    ],
  });

  it('reaches two hops along roles, however many officers a company has', () => {
    expect(WELFARE_HOPS).toBe(2);
    const g = buildGraph(facts);
    for (const p of board) expect(g.hasNode(p)).toBe(true);
    expect(g.hasNode('5590000001')).toBe(true);
    expect(g.hasNode('198001011234')).toBe(false);
  });

  it('keeps a crowded address as a node but does not pass through it', () => {
    const g = buildGraph(facts);
    expect(g.hasNode(`addr:${ADDR}`)).toBe(true);
    expect(others.some((o) => g.hasNode(o))).toBe(false);
    const all = buildGraph(facts, { scope: 'all' });
    expect(others.every((o) => all.hasNode(o))).toBe(true);
  });

  it('round-trips to the payload shape', () => {
    const p = toPayload(buildGraph(facts));
    expect(p.nodes.find((n) => n.id === A)).toMatchObject({ kind: 'company', label: 'A' });
    expect(p.edges.find((e) => e.kind === 'licence')).toMatchObject({ source: A, target: 'lic:L1', from: null, to: null });
  });
});

import { describe, expect, it } from 'vitest';
import {
  DIM_NODE, PATH_COLOR, displayState, edgeDisplay, emptyUiState, isEdgeHidden, nodeDisplay, periodCovers,
  type DisplayState, type EdgeAttrs, type GraphUiState, type NodeAttrs,
} from '../../renderer/graph/reducers';
import { absentOn, countVisible, createGraph, mergePayload, nodeColor, nodeSize, typicalEdgeLength } from '../../renderer/graph/model';
import { RISK_COLOR } from '../../renderer/graph/style';

const node = (kind: string, extra: Partial<NodeAttrs> = {}): NodeAttrs => ({
  label: 'N', kind, x: 0, y: 0, size: 5, color: '#123456', score: 0, network: 0, signals: [], hits: [], centre: false, pinned: false, ...extra,
});
const edge = (extra: Partial<EdgeAttrs> = {}): EdgeAttrs => ({ kind: 'role', from: null, to: null, size: 1, color: '#aaa', label: 'VD', ...extra });
const ui = (patch: Partial<GraphUiState> = {}, absent: string[] = []): DisplayState => displayState({ ...emptyUiState(), ...patch }, new Set(absent));

/** A person flagged by one severity-4 hit whose evidence was complete on 2023-05-01 (score 0.65 in the run). */
const flagged = (): NodeAttrs => node('person', {
  score: 0.65, size: nodeSize(0.65), color: nodeColor('person', 0.65), signals: ['convicted-staff-with-children'],
  hits: [{ signal: 'convicted-staff-with-children', severity: 4, subject: true, since: '2023-05-01' }],
});

describe('periodCovers', () => {
  it('treats empty bounds as open', () => {
    expect(periodCovers(null, null, '2020-01-01')).toBe(true);
    expect(periodCovers('2020-01-01', null, '2019-12-31')).toBe(false);
    expect(periodCovers('2020-01-01', '2021-01-01', '2021-01-01')).toBe(true);
    expect(periodCovers('2020-01-01', '2021-01-01', '2021-01-02')).toBe(false);
    expect(periodCovers('2020-01-01', '2021-01-01', null)).toBe(true);
  });
});

describe('nodeDisplay', () => {
  it('passes on only what is drawn, unchanged, when nothing is active', () => {
    const a = node('company', { x: 3, y: 4, pinned: true });
    expect(nodeDisplay('a', a, ui())).toEqual({ x: 3, y: 4, size: 5, color: '#123456', label: 'N', pinned: true, forceLabel: true });
    expect(nodeDisplay('b', node('person'), ui())).toEqual({ x: 0, y: 0, size: 5, color: '#123456', label: 'N', pinned: false });
  });
  it('hides filtered node kinds and nodes absent on the chosen day', () => {
    expect(nodeDisplay('a', node('person'), ui({ hiddenNodeKinds: new Set(['person']) })).hidden).toBe(true);
    expect(nodeDisplay('a', node('company'), ui({ hiddenNodeKinds: new Set(['person']) })).hidden).toBeUndefined();
    expect(nodeDisplay('a', node('company'), ui({ asOf: '2020-01-01' }, ['a'])).hidden).toBe(true);
  });
  it('colours a node by its score on the chosen day, not by hits that came later', () => {
    const p = flagged();
    expect(nodeDisplay('p', p, ui()).color).toBe(RISK_COLOR);
    const in2020 = nodeDisplay('p', p, ui({ asOf: '2020-01-01' }));
    expect(in2020.color).toBe(nodeColor('person', 0));
    expect(in2020.size).toBe(nodeSize(0));
    const in2024 = nodeDisplay('p', p, ui({ asOf: '2024-01-01' }));
    expect(in2024.color).toBe(RISK_COLOR);
    expect(in2024.size).toBe(nodeSize(0.65));
  });
  it('dims a node for a signal it did not yet have on the chosen day', () => {
    const p = flagged();
    expect(nodeDisplay('p', p, ui({ signal: 'convicted-staff-with-children' })).color).not.toBe(DIM_NODE);
    expect(nodeDisplay('p', p, ui({ signal: 'convicted-staff-with-children', asOf: '2020-01-01' })).color).toBe(DIM_NODE);
  });
  it('always labels the ego centre, pinned, selected and path nodes, and a hovered node\'s neighbours', () => {
    expect(nodeDisplay('a', node('company'), ui()).forceLabel).toBeUndefined();
    expect(nodeDisplay('a', node('company', { centre: true }), ui()).forceLabel).toBe(true);
    expect(nodeDisplay('a', node('company', { pinned: true }), ui()).forceLabel).toBe(true);
    expect(nodeDisplay('a', node('company'), ui({ selected: new Set(['a']) })).forceLabel).toBe(true);
    expect(nodeDisplay('a', node('company'), ui({ pathNodes: new Set(['a']) })).forceLabel).toBe(true);
    expect(nodeDisplay('a', node('company'), ui({ hovered: 'h', focus: new Set(['h', 'a']) })).forceLabel).toBe(true);
  });
  it('dims nodes outside the hover focus and removes their label', () => {
    const d = nodeDisplay('b', node('company', { label: 'Bolag', centre: true }), ui({ focus: new Set(['a']) }));
    expect(d.color).toBe(DIM_NODE);
    expect(d.label).toBe('');
    expect(d.forceLabel).toBe(false);
    expect(nodeDisplay('a', node('company'), ui({ focus: new Set(['a']) })).color).toBe('#123456');
  });
  it('colours path nodes and dims the rest', () => {
    const state = ui({ pathNodes: new Set(['a']) });
    expect(nodeDisplay('a', node('company'), state).color).toBe(PATH_COLOR);
    expect(nodeDisplay('b', node('company'), state).color).toBe(DIM_NODE);
  });
  it('dims nodes without the chosen signal but keeps selected ones', () => {
    const state = ui({ signal: 'revoked-network', selected: new Set(['s']) });
    expect(nodeDisplay('a', node('person', { signals: ['revoked-network'] }), state).color).toBe('#123456');
    expect(nodeDisplay('b', node('person'), state).color).toBe(DIM_NODE);
    expect(nodeDisplay('s', node('person'), state).highlighted).toBe(true);
  });
  it('never mutates the stored attributes', () => {
    const a = Object.freeze({ ...flagged(), signals: Object.freeze(['x']) as unknown as string[] });
    expect(() => nodeDisplay('a', a, ui({ focus: new Set(), selected: new Set(['a']), asOf: '2020-01-01', signal: 'x' }))).not.toThrow();
  });
});

describe('edgeDisplay', () => {
  const ends = { sourceId: 's', targetId: 't', source: node('person'), target: node('company') };
  it('hides edges whose period does not cover the as-of date', () => {
    const e = edge({ from: '2015-01-01', to: '2018-06-30' });
    expect(edgeDisplay('e', e, ui({ asOf: '2017-01-01' }), ends).hidden).toBeUndefined();
    expect(edgeDisplay('e', e, ui({ asOf: '2019-01-01' }), ends).hidden).toBe(true);
    expect(edgeDisplay('e', e, ui({ asOf: '2014-01-01' }), ends).hidden).toBe(true);
  });
  it('keeps a revoked licence attached to its holder after the revocation (the core\'s rule)', () => {
    const lic = edge({ kind: 'licence', from: '2015-01-01', to: '2018-06-30' });
    expect(edgeDisplay('e', lic, ui({ asOf: '2020-01-01' }), ends).hidden).toBeUndefined();
    expect(edgeDisplay('e', lic, ui({ asOf: '2014-01-01' }), ends).hidden).toBe(true);
  });
  it('names a licence by its status only from the day the status began', () => {
    const lic = edge({ kind: 'licence', from: '2015-01-01', to: '2018-06-30', label: 'tillstånd, återkallat' });
    expect(edgeDisplay('e', lic, ui({ asOf: '2017-01-01' }), ends).label).toBe('tillstånd');
    expect(edgeDisplay('e', lic, ui({ asOf: '2019-01-01' }), ends).label).toBe('tillstånd, återkallat');
    expect(edgeDisplay('e', lic, ui(), ends).label).toBe('tillstånd, återkallat');
  });
  it('hides edges of hidden kinds, to hidden nodes and to absent nodes', () => {
    expect(edgeDisplay('e', edge(), ui({ hiddenEdgeKinds: new Set(['role']) }), ends).hidden).toBe(true);
    expect(edgeDisplay('e', edge(), ui({ hiddenNodeKinds: new Set(['person']) }), ends).hidden).toBe(true);
    expect(edgeDisplay('e', edge(), ui({ asOf: '2020-01-01' }, ['t']), ends).hidden).toBe(true);
  });
  it('emphasises path edges and names them', () => {
    const d = edgeDisplay('e', edge(), ui({ pathNodes: new Set(['s', 't']), pathEdges: new Set(['e']) }), ends);
    expect(d.color).toBe(PATH_COLOR);
    expect(d.size).toBeGreaterThanOrEqual(3);
    expect(d.forceLabel).toBe(true);
  });
  it('names the hovered node\'s relations whatever the zoom', () => {
    expect(edgeDisplay('e', edge(), ui({ hovered: 's', focus: new Set(['s', 't']) }), ends).forceLabel).toBe(true);
    expect(edgeDisplay('e', edge(), ui(), ends).forceLabel).toBeUndefined();
  });
  it('dims edges not inside the focus and drops their label', () => {
    const d = edgeDisplay('e', edge(), ui({ focus: new Set(['s']) }), ends);
    expect(d.color).not.toBe('#aaa');
    expect(d.label).toBe('');
    expect(edgeDisplay('e', edge(), ui({ focus: new Set(['s', 't']) }), ends).color).toBe('#aaa');
  });
});

describe('graph model, presence on a day and visible counts', () => {
  const payload = () => ({
    nodes: [
      { id: 'p', kind: 'person', label: 'Per', attributes: { hops: 0 }, risk: { score: 0.9, network: 0.2, hits: [{ signal: 'revoked-network', severity: 5, subject: true, since: '2012-01-01' }] } },
      { id: 'c1', kind: 'company', label: 'A AB', attributes: { hops: 1 } },
      { id: 'c2', kind: 'company', label: 'B AB', attributes: { hops: 1 } },
      { id: 'lone', kind: 'company', label: 'Ensam AB', attributes: { hops: 1 } },
    ],
    edges: [
      { id: 'e1', source: 'p', target: 'c1', kind: 'role', from: '2010-01-01', to: '2015-01-01', attributes: { role: 'ceo' } },
      { id: 'e2', source: 'p', target: 'c2', kind: 'employment', from: '2012-01-01', to: null, attributes: { profession: 'nurse' } },
      { id: 'bad', source: 'p', target: 'missing', kind: 'role', from: null, to: null, attributes: {} },
    ],
  });

  it('stores the run\'s risk and the relation in Swedish, and places the ego in rings', () => {
    const g = createGraph();
    mergePayload(g, payload(), { centre: 'p' });
    expect(g.order).toBe(4);
    expect(g.size).toBe(2);
    expect(g.getNodeAttributes('p')).toMatchObject({ score: 0.9, network: 0.2, signals: ['revoked-network'], centre: true, pinned: false, color: nodeColor('person', 0.9), size: nodeSize(0.9), x: 0, y: 0 });
    expect(g.getNodeAttribute('c1', 'centre')).toBe(false);
    expect(Math.hypot(g.getNodeAttribute('c1', 'x'), g.getNodeAttribute('c1', 'y'))).toBeCloseTo(10);
    expect(g.getEdgeAttribute('e1', 'label')).toBe('VD');
    expect(g.getEdgeAttribute('e2', 'label')).toBe('anställd (sjuksköterska)');
  });

  it('leaves out nodes whose links all ended or had not begun, and counts what remains, without touching the graph', () => {
    const g = createGraph();
    mergePayload(g, payload(), { centre: 'p' });
    const before = JSON.stringify(g.export());
    expect([...absentOn(g, null)]).toEqual([]);
    expect([...absentOn(g, '2016-01-01')]).toEqual(['c1']);
    expect([...absentOn(g, '2011-01-01')].sort()).toEqual(['c2']);
    expect([...absentOn(g, '2009-01-01')].sort()).toEqual(['c1', 'c2', 'p']);
    const at = (d: string | null) => countVisible(g, ui({ asOf: d }, [...absentOn(g, d)]));
    expect(at(null)).toEqual({ nodes: 4, edges: 2 });
    expect(at('2016-01-01')).toEqual({ nodes: 3, edges: 1 });
    expect(at('2009-01-01')).toEqual({ nodes: 1, edges: 0 });
    expect(countVisible(g, ui({ hiddenNodeKinds: new Set(['company']) }))).toEqual({ nodes: 1, edges: 0 });
    expect(JSON.stringify(g.export())).toBe(before);
  });

  it('places an expansion\'s new nodes around their parent at the typical link length and keeps the old ones', () => {
    const g = createGraph();
    mergePayload(g, payload(), { centre: 'p' });
    const old = g.mapNodes((id, a) => [id, a.x, a.y]);
    const r = typicalEdgeLength(g)!;
    const res = mergePayload(g, { nodes: [{ id: 'c1', kind: 'company', label: 'A AB' }, { id: 'n1', kind: 'person', label: 'Ny' }, { id: 'n2', kind: 'person', label: 'Ny 2' }], edges: [{ id: 'x1', source: 'n1', target: 'c1', kind: 'role' }, { id: 'x2', source: 'n2', target: 'c1', kind: 'role' }] }, { anchor: 'c1' });
    expect(res).toMatchObject({ addedNodes: 2, addedEdges: 2, added: ['n1', 'n2'] });
    for (const [id, x, y] of old) expect([id, g.getNodeAttribute(id as string, 'x'), g.getNodeAttribute(id as string, 'y')]).toEqual([id, x, y]);
    const c1 = g.getNodeAttributes('c1');
    for (const id of ['n1', 'n2']) {
      const a = g.getNodeAttributes(id);
      expect(Math.hypot(a.x - c1.x, a.y - c1.y)).toBeCloseTo(r);
    }
  });

  it('merging the same payload twice adds nothing', () => {
    const g = createGraph();
    const p = { nodes: [{ id: 'a', kind: 'company', label: 'A' }, { id: 'b', kind: 'person', label: 'B' }], edges: [{ id: 'x', source: 'a', target: 'b', kind: 'role' }] };
    expect(mergePayload(g, p)).toMatchObject({ addedNodes: 2, addedEdges: 1 });
    expect(mergePayload(g, p)).toMatchObject({ addedNodes: 0, addedEdges: 0, added: [] });
  });

  it('isEdgeHidden agrees with edgeDisplay', () => {
    const s = ui({ asOf: '2000-01-01' });
    const e = edge({ from: '2001-01-01' });
    const ends = { sourceId: 's', targetId: 't', source: node('person'), target: node('company') };
    expect(isEdgeHidden(e, s, ends)).toBe(true);
    expect(edgeDisplay('e', e, s, ends).hidden).toBe(true);
  });
});

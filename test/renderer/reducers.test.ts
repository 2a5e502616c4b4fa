import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import {
  DIM_NODE, PATH_COLOR, edgeDisplay, emptyUiState, isEdgeHidden, nodeDisplay, periodCovers,
  type EdgeAttrs, type GraphUiState, type NodeAttrs,
} from '../../renderer/graph/reducers';
import { countVisibleEdges, createGraph, mergePayload, nodeColor, nodeSize } from '../../renderer/graph/model';

const node = (kind: string, extra: Partial<NodeAttrs> = {}): NodeAttrs => ({
  label: 'N', kind, x: 0, y: 0, size: 5, color: '#123456', score: 0, signals: [], ...extra,
});
const edge = (extra: Partial<EdgeAttrs> = {}): EdgeAttrs => ({ kind: 'role', from: null, to: null, size: 1, color: '#aaa', ...extra });
const ui = (patch: Partial<GraphUiState> = {}): GraphUiState => ({ ...emptyUiState(), ...patch });

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
  it('returns attributes unchanged (but as a copy) when nothing is active', () => {
    const a = node('company');
    const d = nodeDisplay('a', a, ui());
    expect(d).toEqual(a);
    expect(d).not.toBe(a);
  });
  it('hides filtered node kinds', () => {
    expect(nodeDisplay('a', node('person'), ui({ hiddenNodeKinds: new Set(['person']) })).hidden).toBe(true);
    expect(nodeDisplay('a', node('company'), ui({ hiddenNodeKinds: new Set(['person']) })).hidden).toBeUndefined();
  });
  it('dims nodes outside the hover focus and removes their label', () => {
    const d = nodeDisplay('b', node('company', { label: 'Bolag' }), ui({ focus: new Set(['a']) }));
    expect(d.color).toBe(DIM_NODE);
    expect(d.label).toBe('');
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
    const a = node('company');
    const frozen = Object.freeze({ ...a, signals: Object.freeze([]) as unknown as string[] });
    expect(() => nodeDisplay('a', frozen, ui({ focus: new Set(), selected: new Set(['a']) }))).not.toThrow();
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
  it('hides edges of hidden kinds or to hidden nodes', () => {
    expect(edgeDisplay('e', edge(), ui({ hiddenEdgeKinds: new Set(['role']) }), ends).hidden).toBe(true);
    expect(edgeDisplay('e', edge(), ui({ hiddenNodeKinds: new Set(['person']) }), ends).hidden).toBe(true);
  });
  it('emphasises path edges', () => {
    const d = edgeDisplay('e', edge(), ui({ pathNodes: new Set(['s', 't']), pathEdges: new Set(['e']) }), ends);
    expect(d.color).toBe(PATH_COLOR);
    expect(d.size).toBeGreaterThanOrEqual(3);
  });
  it('dims edges not inside the focus', () => {
    expect(edgeDisplay('e', edge(), ui({ focus: new Set(['s']) }), ends).color).not.toBe('#aaa');
    expect(edgeDisplay('e', edge(), ui({ focus: new Set(['s', 't']) }), ends).color).toBe('#aaa');
  });
});

describe('graph model + visible edge count', () => {
  it('counts the edges an as-of date leaves visible without touching the graph', () => {
    const g = createGraph();
    mergePayload(g, {
      nodes: [
        { id: 'p', kind: 'person', label: 'Per', attributes: { score: 0.9, signals: ['revoked-network'] } },
        { id: 'c1', kind: 'company', label: 'A AB', attributes: {} },
        { id: 'c2', kind: 'company', label: 'B AB', attributes: {} },
      ],
      edges: [
        { id: 'e1', source: 'p', target: 'c1', kind: 'role', from: '2010-01-01', to: '2015-01-01', attributes: {} },
        { id: 'e2', source: 'p', target: 'c2', kind: 'role', from: '2012-01-01', to: null, attributes: {} },
        { id: 'bad', source: 'p', target: 'missing', kind: 'role', from: null, to: null, attributes: {} },
      ],
    });
    expect(g.order).toBe(3);
    expect(g.size).toBe(2);
    const before = JSON.stringify(g.export());
    expect(countVisibleEdges(g, ui())).toBe(2);
    expect(countVisibleEdges(g, ui({ asOf: '2013-01-01' }))).toBe(2);
    expect(countVisibleEdges(g, ui({ asOf: '2016-01-01' }))).toBe(1);
    expect(countVisibleEdges(g, ui({ asOf: '2011-01-01' }))).toBe(1);
    expect(JSON.stringify(g.export())).toBe(before);
    expect(g.getNodeAttribute('p', 'color')).toBe(nodeColor('person', 0.9));
    expect(g.getNodeAttribute('p', 'size')).toBe(nodeSize(0.9));
    expect(g.getNodeAttribute('p', 'signals')).toEqual(['revoked-network']);
  });
  it('merging the same payload twice adds nothing', () => {
    const g = createGraph();
    const p = { nodes: [{ id: 'a', kind: 'company', label: 'A' }, { id: 'b', kind: 'person', label: 'B' }], edges: [{ id: 'x', source: 'a', target: 'b', kind: 'role' }] };
    expect(mergePayload(g, p)).toEqual({ addedNodes: 2, addedEdges: 1 });
    expect(mergePayload(g, p)).toEqual({ addedNodes: 0, addedEdges: 0 });
  });
  it('isEdgeHidden agrees with edgeDisplay', () => {
    const g = new Graph();
    expect(g.order).toBe(0);
    const s = ui({ asOf: '2000-01-01' });
    const e = edge({ from: '2001-01-01' });
    expect(isEdgeHidden(e, s, node('person'), node('company'))).toBe(true);
  });
});

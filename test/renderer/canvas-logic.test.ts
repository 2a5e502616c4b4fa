import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOUBLE_CLICK_MS, DRAG_PX, gesture, initialGestures, type Action, type Gesture } from '../../renderer/graph/gestures';
import { movableNodes } from '../../renderer/graph/layout';
import { EDGE_LABELS_ALWAYS_UP_TO, edgeLabelsWanted } from '../../renderer/graph/labels';
import { createGraph, mergePayload } from '../../renderer/graph/model';
import { relationLabel } from '../../renderer/graph/relation';
import { hitStandsOn, scoreAt, signalsAt } from '../../renderer/graph/risk';
import { noisyOr } from '../../src/scoring/direct';

/** Runs a sequence of pointer events and returns the actions that were not 'none'. */
function actions(events: Gesture[]): Action[] {
  let s = initialGestures();
  const out: Action[] = [];
  for (const e of events) {
    const r = gesture(s, e);
    s = r.state;
    if (r.action.type !== 'none') out.push(r.action);
  }
  return out;
}
const click = (target: string | null, at: number, shift = false): Gesture => ({ type: 'click', target, shift, at });
const second = (target: string | null, at: number, shift = false): Gesture => ({ type: 'doubleClick', target, shift, at });

describe('canvas gestures: click, shift-click, double-click and drag are never confused', () => {
  it('a click selects, a shift-click toggles, a click on the stage clears', () => {
    expect(actions([click('a', 0)])).toEqual([{ type: 'select', node: 'a' }]);
    expect(actions([click('a', 0, true)])).toEqual([{ type: 'toggle', node: 'a' }]);
    expect(actions([click(null, 0)])).toEqual([{ type: 'clear' }]);
    expect(actions([click(null, 0, true)])).toEqual([]);
  });
  it('a double click on a node expands it (its first click selects it)', () => {
    expect(actions([click('a', 0), second('a', 150)])).toEqual([{ type: 'select', node: 'a' }, { type: 'expand', node: 'a' }]);
  });
  it('two quick shift-clicks on different nodes select both and expand nothing', () => {
    expect(actions([click('a', 0, true), second('b', 120, true)])).toEqual([{ type: 'toggle', node: 'a' }, { type: 'toggle', node: 'b' }]);
  });
  it('a second click on the stage after a node click clears instead of zooming; on the stage twice it zooms', () => {
    expect(actions([click('a', 0), second(null, 100)])).toEqual([{ type: 'select', node: 'a' }, { type: 'clear' }]);
    expect(actions([click(null, 0), second(null, 100)])).toEqual([{ type: 'clear' }, { type: 'zoom' }]);
  });
  it('a late second click is a click', () => {
    expect(actions([click('a', 0), second('a', DOUBLE_CLICK_MS + 1)])).toEqual([{ type: 'select', node: 'a' }, { type: 'select', node: 'a' }]);
  });
  it('dragging a node moves it and the click that ends the drag selects nothing', () => {
    expect(actions([{ type: 'down', target: 'a', x: 10, y: 10 }, { type: 'move', x: 30, y: 10 }, { type: 'up' }, click('a', 0)])).toEqual([
      { type: 'drag', node: 'a' }, { type: 'dragEnd', node: 'a' },
    ]);
  });
  it('a press that barely moves is still a click', () => {
    expect(actions([{ type: 'down', target: 'a', x: 10, y: 10 }, { type: 'move', x: 10 + DRAG_PX - 1, y: 10 }, { type: 'up' }, click('a', 0)])).toEqual([{ type: 'select', node: 'a' }]);
  });
  it('after a drag, a quick click elsewhere is an ordinary click, not a double click', () => {
    expect(actions([{ type: 'down', target: 'a', x: 0, y: 0 }, { type: 'move', x: 50, y: 0 }, { type: 'up' }, click('a', 0), { type: 'down', target: 'b', x: 0, y: 0 }, { type: 'up' }, second('b', 100)])).toEqual([
      { type: 'drag', node: 'a' }, { type: 'dragEnd', node: 'a' }, { type: 'select', node: 'b' },
    ]);
  });
  it('never expands a node that was not clicked twice in a row', () => {
    const target = fc.constantFrom<string | null>('a', 'b', null);
    const ev = fc.oneof(
      fc.record({ type: fc.constant('click' as const), target, shift: fc.boolean(), at: fc.nat(2000) }),
      fc.record({ type: fc.constant('doubleClick' as const), target, shift: fc.boolean(), at: fc.nat(2000) }),
    );
    fc.assert(fc.property(fc.array(ev, { maxLength: 12 }), (events) => {
      let s = initialGestures();
      let prev: { target: string | null } | null = null;
      for (const e of events) {
        const r = gesture(s, e);
        if (r.action.type === 'expand') {
          expect(e.type).toBe('doubleClick');
          expect(prev?.target).toBe(r.action.node);
        }
        s = r.state;
        prev = e;
      }
    }));
  });
});

describe('node risk on a day', () => {
  const hits = [
    { signal: 'revoked-network', severity: 4, subject: true, since: '2023-05-01' },
    { signal: 'address-hub', severity: 2, subject: true, since: '2019-01-01' },
    { signal: 'phoenix-continuation', severity: 3, subject: false, since: '2018-01-01' },
  ];
  const stored = Math.round(noisyOr([4, 2]) * 1e4) / 1e4;
  it('is the run\'s stored score without a date or once every hit had begun', () => {
    expect(scoreAt({ score: stored, hits }, null)).toBe(stored);
    expect(scoreAt({ score: stored, hits }, '2024-01-01')).toBe(stored);
  });
  it('counts only subject hits that had begun by the day', () => {
    expect(scoreAt({ score: stored, hits }, '2020-01-01')).toBeCloseTo(noisyOr([2]));
    expect(scoreAt({ score: stored, hits }, '2018-06-01')).toBe(0);
    expect(signalsAt({ score: stored, hits }, '2018-06-01')).toEqual(['phoenix-continuation']);
    expect(signalsAt({ score: stored, hits }, '2020-01-01')).toEqual(['address-hub', 'phoenix-continuation']);
  });
  it('treats an undated hit as always standing', () => {
    expect(hitStandsOn({ signal: 's', severity: 1, subject: true, since: null }, '1900-01-01')).toBe(true);
  });
});

describe('relation labels in Swedish', () => {
  it('names roles, employments, residences and relations from the model\'s labels', () => {
    expect(relationLabel('role', { role: 'board_member' })).toBe('styrelseledamot');
    expect(relationLabel('role', { role: 'ceo' })).toBe('VD');
    expect(relationLabel('role', { role: 'owner', share_pct: 40 })).toBe('ägare 40 %');
    expect(relationLabel('employment', {})).toBe('anställd');
    expect(relationLabel('employment', { profession: 'nurse' })).toBe('anställd (sjuksköterska)');
    expect(relationLabel('residence', {})).toBe('folkbokförd');
    expect(relationLabel('relation', { relation: 'spouse' })).toBe('make/maka');
    expect(relationLabel('licence', { status: 'revoked' })).toBe('tillstånd, återkallat');
    expect(relationLabel('placement', { placements: 1 })).toBe('1 placering');
    expect(relationLabel('role', { role: 'something_new' })).toBe('something_new');
  });
});

describe('layout runs', () => {
  it('move only the given nodes and never a pinned one', () => {
    const g = createGraph();
    mergePayload(g, { nodes: ['a', 'b', 'c', 'd'].map((id) => ({ id, kind: 'company', label: id })), edges: [] });
    g.setNodeAttribute('b', 'pinned', true);
    expect([...movableNodes(g)].sort()).toEqual(['a', 'c', 'd']);
    expect([...movableNodes(g, { movable: new Set(['b', 'c']) })]).toEqual(['c']);
  });
});

describe('relation names on large graphs', () => {
  const none = { hovered: null, pathEdges: new Set<string>() };
  it('are drawn along every labelled link in small graphs, and only for hover or a path in large ones', () => {
    expect(edgeLabelsWanted(EDGE_LABELS_ALWAYS_UP_TO, none)).toBe(true);
    expect(edgeLabelsWanted(EDGE_LABELS_ALWAYS_UP_TO + 1, none)).toBe(false);
    expect(edgeLabelsWanted(50_000, { ...none, hovered: 'n1' })).toBe(true);
    expect(edgeLabelsWanted(50_000, { ...none, pathEdges: new Set(['e1']) })).toBe(true);
  });
});

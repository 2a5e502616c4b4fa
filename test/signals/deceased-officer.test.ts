import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/deceased-officer';
import { buildWorld, type WorldSpec } from '../support/world';

const AS_OF = '2026-11-01';
const ORG = '5598047925';
const OTHER = '5591234566';
const DEAD = '194805121238';
const ALIVE = '197506141634';
const run = (spec: WorldSpec, asOf = AS_OF) => signal.evaluate({ facts: buildWorld(spec), asOf, params: signal.defaults });
const world = (roles: WorldSpec['roles'], o: { deceased?: string | null; licence?: Record<string, unknown> } = {}): WorldSpec => ({
  companies: [{ org_nr: ORG, name: 'Omsorg AB' }, { org_nr: OTHER, name: 'Fastigheter AB' }],
  persons: [{ person_id: DEAD, name: 'Gustav Holm', deceased_on: o.deceased === undefined ? '2024-03-10' : o.deceased }, { person_id: ALIVE, name: 'Eva Ström' }],
  licences: [{ licence_id: 'L1', org_nr: ORG, kind: 'home_care', status: 'granted', granted_on: '2019-01-01', status_on: '2019-01-01', ...o.licence }],
  roles,
});
const role = (r: string, from: string | null, to: string | null = null, o: { org?: string; who?: string; share?: number } = {}) =>
  ({ org_nr: o.org ?? ORG, holder_id: o.who ?? DEAD, role: r, from_date: from, to_date: to, share_pct: o.share ?? null });

describe('deceased-officer', () => {
  it('fires on a role that goes on after the death (severity 4), with the death, the role and the licence as evidence', () => {
    const hits = run(world([role('board_member', '2015-01-01')]));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'person', subject_id: DEAD, related_ids: [ORG], severity: 4 });
    const ev = hits[0]!.evidence;
    expect(ev[0]).toMatchObject({ source: 'persons.csv:2' });
    expect(ev[0]!.text).toContain('2024-03-10');
    expect(ev.map((e) => e.source)).toEqual(expect.arrayContaining(['roles.csv:2', 'licences.csv:2']));
  });

  it('a role that began after the death is severity 5', () => {
    const hits = run(world([role('board_member', '2015-01-01'), role('ceo', '2025-01-01')]));
    expect(hits[0]!.severity).toBe(5);
    expect(hits[0]!.evidence.some((e) => e.text.includes('efter dödsfallet') && e.text.includes('2025-01-01'))).toBe(true);
  });

  it('a role ending after the death but before as-of still went on past it; one ending on the day of death does not', () => {
    expect(run(world([role('chair', '2015-01-01', '2024-06-30')]))).toHaveLength(1);
    expect(run(world([role('chair', '2015-01-01', '2024-03-10')]))).toEqual([]);
    expect(run(world([role('chair', '2015-01-01', '2024-03-09')]))).toEqual([]);
  });

  it('as of: a death after as-of has not happened; a role starting after as-of does not exist; an end after as-of has not happened', () => {
    expect(run(world([role('board_member', '2015-01-01')], { deceased: '2026-12-01' }))).toEqual([]);
    expect(run(world([role('board_member', '2026-12-01')]))).toEqual([]);
    const hits = run(world([role('board_member', '2015-01-01', '2024-06-30')]), '2024-05-01');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.evidence.some((e) => e.text.includes('pågår'))).toBe(true);
  });

  it('near misses: not controlling, not a holder or applicant, a living person', () => {
    expect(run(world([role('auditor', '2015-01-01')]))).toEqual([]);
    expect(run(world([role('owner', '2015-01-01', null, { share: 10 })]))).toEqual([]);
    expect(run(world([role('board_member', '2015-01-01', null, { org: OTHER })]))).toEqual([]);
    expect(run(world([role('board_member', '2015-01-01')], { licence: { status: 'revoked', status_on: '2025-01-01' } }))).toEqual([]);
    expect(run(world([role('board_member', '2015-01-01')], { deceased: null }))).toEqual([]);
    expect(run(world([role('board_member', '2015-01-01', null, { who: ALIVE })]))).toEqual([]);
  });

  it('an applicant counts; an owner with unknown share is controlling', () => {
    expect(run(world([role('owner', '2015-01-01')], { licence: { status: 'applied', granted_on: null, status_on: '2026-01-15' } }))).toHaveLength(1);
  });
});

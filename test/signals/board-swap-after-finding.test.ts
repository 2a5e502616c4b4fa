import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/board-swap-after-finding';
import { buildWorld, type WorldSpec } from '../support/world';

const AS_OF = '2026-11-01';
const ORG = '5598047925';
const OLD = '197506141634';
const NEW = '199103035551';
const OTHER = '198211026987';
const FINDING = '2025-03-01';
const run = (spec: WorldSpec, asOf = AS_OF, params = {}) => signal.evaluate({ facts: buildWorld(spec), asOf, params: { ...signal.defaults, ...params } });
const role = (who: string, r: string, from: string | null, to: string | null = null, share: number | null = null) => ({ org_nr: ORG, holder_id: who, role: r, from_date: from, to_date: to, share_pct: share });

/** An injunction on 2025-03-01; OLD leaves the board 2025-05-31, NEW joins 2025-06-01, OLD stays on as owner. */
function world(o: { roles?: WorldSpec['roles']; extra?: WorldSpec['roles']; inspections?: WorldSpec['inspections']; licence?: Record<string, unknown> } & Partial<WorldSpec> = {}): WorldSpec {
  return {
    companies: [{ org_nr: ORG, name: 'Omsorg AB' }],
    persons: [{ person_id: OLD, name: 'Erik Lindqvist' }, { person_id: NEW, name: 'Sara Lindqvist' }, { person_id: OTHER, name: 'Olle Berg' }],
    licences: [{ licence_id: 'L1', org_nr: ORG, kind: 'hvb_children', status: 'granted', granted_on: '2018-01-01', status_on: '2018-01-01', ...o.licence }],
    roles: o.roles ?? [role(OLD, 'board_member', '2018-01-01', '2025-05-31'), role(NEW, 'board_member', '2025-06-01'), ...(o.extra ?? [role(OLD, 'owner', '2018-01-01', null, 100)])],
    inspections: o.inspections ?? [{ org_nr: ORG, licence_id: 'L1', decided_on: FINDING, outcome: 'injunction', findings: 'Brister i bemanningen' }],
    employments: o.employments,
    relations: o.relations,
    reviewed_persons: o.reviewed_persons,
    sanctions: o.sanctions,
  };
}

describe('board-swap-after-finding', () => {
  it('fires when the officer of an injunction leaves the board, a newcomer joins and the officer stays as owner', () => {
    const hits = run(world());
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'company', subject_id: ORG, related_ids: [OLD, NEW].sort(), severity: 4 });
    const ev = hits[0]!.evidence;
    expect(ev[0]).toMatchObject({ source: 'inspections.csv:2' });
    expect(ev.find((e) => e.text.startsWith('Lämnade'))!.source).toBe('roles.csv:2');
    expect(ev.find((e) => e.text.startsWith('Ny företrädare'))!.source).toBe('roles.csv:3');
    expect(ev.find((e) => e.text.startsWith('Finns kvar'))!.source).toBe('roles.csv:4');
    expect(ev.at(-1)!.source).toBe('licences.csv:2');
  });

  it('near miss: the old officer leaves completely', () => {
    expect(run(world({ extra: [] }))).toEqual([]);
    // An ownership that ended when the board role ended is no remaining link.
    expect(run(world({ extra: [role(OLD, 'owner', '2018-01-01', '2025-05-31', 100)] }))).toEqual([]);
  });

  it('the remaining link may be beneficial ownership, operations manager, an employment or a relation to the newcomer', () => {
    expect(run(world({ extra: [role(OLD, 'beneficial_owner', '2018-01-01')] }))).toHaveLength(1);
    expect(run(world({ extra: [role(OLD, 'operations_manager', '2025-06-01')] }))).toHaveLength(1);
    expect(run(world({ extra: [role(OLD, 'owner', '2018-01-01', null, 5)] }))).toHaveLength(1);
    expect(run(world({ extra: [], employments: [{ org_nr: ORG, person_id: OLD, profession: 'manager', title: 'Verksamhetschef', from_date: '2025-06-01' }] }))).toHaveLength(1);
    const spouse = run(world({ extra: [], relations: [{ a_id: NEW, a_kind: 'person', b_id: OLD, b_kind: 'person', kind: 'spouse', from_date: '2010-01-01' }] }));
    expect(spouse).toHaveLength(1);
    expect(spouse[0]!.evidence.some((e) => e.source === 'relations.csv:2' && e.text.includes('make/maka'))).toBe(true);
    // A relation to someone who is not a newcomer, or one that ended before the leaving, is not.
    expect(run(world({ extra: [], relations: [{ a_id: OLD, a_kind: 'person', b_id: OTHER, b_kind: 'person', kind: 'spouse' }] }))).toEqual([]);
    expect(run(world({ extra: [], relations: [{ a_id: OLD, a_kind: 'person', b_id: NEW, b_kind: 'person', kind: 'partner', to_date: '2025-05-31' }] }))).toEqual([]);
    // An auditor role is not among the links.
    expect(run(world({ extra: [role(OLD, 'auditor', '2018-01-01')] }))).toEqual([]);
  });

  it('the 180-day window includes its last day', () => {
    // 2025-03-01 + 180 days = 2025-08-28.
    const swap = (left: string, joined: string) => world({ roles: [role(OLD, 'board_member', '2018-01-01', left), role(NEW, 'ceo', joined), role(OLD, 'owner', '2018-01-01', null, 100)] });
    expect(run(swap('2025-08-28', '2025-08-28'))).toHaveLength(1);
    expect(run(swap('2025-08-29', '2025-06-01'))).toEqual([]);
    expect(run(swap('2025-06-01', '2025-08-29'))).toEqual([]);
    expect(run(swap(FINDING, FINDING))).toHaveLength(1);
  });

  it('(a) every formal role must end: staying on as CEO, or an end after as-of, is no swap', () => {
    expect(run(world({ extra: [role(OLD, 'owner', '2018-01-01', null, 100), role(OLD, 'ceo', '2019-01-01')] }))).toEqual([]);
    const later = world({ roles: [role(OLD, 'board_member', '2018-01-01', '2025-05-31'), role(OLD, 'signatory', '2018-01-01', '2025-07-01'), role(NEW, 'board_member', '2025-06-01'), role(OLD, 'owner', '2018-01-01', null, 100)] });
    expect(run(later)).toHaveLength(1);
    expect(run(later, '2025-06-15')).toEqual([]);
    // A formal role that had already ended before the finding does not block.
    expect(run(world({ extra: [role(OLD, 'owner', '2018-01-01', null, 100), role(OLD, 'chair', '2018-01-01', '2020-01-01')] }))).toHaveLength(1);
  });

  it('(b) a newcomer has no controlling role before the finding; a new role for an old hand is no swap', () => {
    expect(run(world({ extra: [role(OLD, 'owner', '2018-01-01', null, 100), role(NEW, 'owner', '2019-01-01', null, 30)] }))).toEqual([]);
    expect(run(world({ extra: [role(OLD, 'owner', '2018-01-01', null, 100), role(NEW, 'owner', '2019-01-01', null, 10)] }))).toHaveLength(1);
    expect(run(world({ extra: [role(OLD, 'owner', '2018-01-01', null, 100), role(NEW, 'deputy_board_member', null, '2020-01-01')] }))).toEqual([]);
    // The newcomer must take a formal role: becoming owner is not enough.
    expect(run(world({ roles: [role(OLD, 'board_member', '2018-01-01', '2025-05-31'), role(NEW, 'owner', '2025-06-01', null, 100), role(OLD, 'owner', '2018-01-01', null, 100)] }))).toEqual([]);
  });

  it('findings: only injunction, ban, revocation; a rejected review; a sanction begun while in control', () => {
    expect(run(world({ inspections: [{ org_nr: ORG, decided_on: FINDING, outcome: 'deficiencies_followup' }] }))).toEqual([]);
    expect(run(world({ inspections: [{ org_nr: ORG, decided_on: FINDING, outcome: 'ban' }] }))).toHaveLength(1);
    const review = run(world({ inspections: [], reviewed_persons: [{ org_nr: ORG, person_id: OLD, reviewed_on: FINDING, outcome: 'rejected' }] }));
    expect(review).toHaveLength(1);
    expect(review[0]!.evidence[0]!.source).toBe('reviewed_persons.csv:2');
    expect(run(world({ inspections: [], reviewed_persons: [{ org_nr: ORG, person_id: OLD, reviewed_on: FINDING, outcome: 'approved' }] }))).toEqual([]);
    const conviction = run(world({ inspections: [], sanctions: [{ subject_id: OLD, kind: 'conviction', offence: 'fraud', from_date: FINDING }] }));
    expect(conviction).toHaveLength(1);
    expect(conviction[0]!.evidence[0]!.text).toContain('bedrägeri');
    expect(run(world({ inspections: [], sanctions: [{ subject_id: OLD, kind: 'suspicion', from_date: FINDING }] }))).toEqual([]);
    // A sanction that began before the person held any role in the company is not a finding against it.
    expect(run(world({ inspections: [], sanctions: [{ subject_id: OLD, kind: 'trading_ban', from_date: '2017-01-01' }] }))).toEqual([]);
  });

  it('an inspection finding concerns only those with a formal role on its date', () => {
    // OTHER left the board before the injunction; OLD joined only after it.
    const spec = world({
      roles: [role(OTHER, 'board_member', '2015-01-01', '2025-02-28'), role(OTHER, 'owner', '2015-01-01', null, 100), role(OLD, 'board_member', '2025-03-02', '2025-05-31'), role(NEW, 'board_member', '2025-06-01')],
    });
    expect(run(spec)).toEqual([]);
  });

  it('as of: nothing after as-of exists; the company must be a licence holder or applicant at as-of', () => {
    expect(run(world(), '2025-05-31')).toEqual([]);
    expect(run(world(), '2025-06-01')).toHaveLength(1);
    expect(run(world({ licence: { status: 'revoked', status_on: '2026-01-01' } }))).toEqual([]);
    expect(run(world({ licence: { status: 'applied', granted_on: null, status_on: '2024-01-01' } }))).toHaveLength(1);
  });

  it('parameters: the window length is editable', () => {
    const spec = world({ roles: [role(OLD, 'board_member', '2018-01-01', '2025-10-01'), role(NEW, 'board_member', '2025-10-01'), role(OLD, 'owner', '2018-01-01', null, 100)] });
    expect(run(spec)).toEqual([]);
    expect(run(spec, AS_OF, { days: 240 })).toHaveLength(1);
    // Finding kinds are validated against the contract's enums.
    expect(signal.params.safeParse({ inspectionOutcomes: ['deficiencies_followup'] }).success).toBe(true);
    expect(signal.params.safeParse({ inspectionOutcomes: ['föreläggande'] }).success).toBe(false);
    expect(run(world({ inspections: [{ org_nr: ORG, decided_on: FINDING, outcome: 'deficiencies_followup' }] }), AS_OF, { inspectionOutcomes: ['deficiencies_followup'] })).toHaveLength(1);
  });
});

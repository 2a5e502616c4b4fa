import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/supervision-evasion';
import { buildWorld, type WorldSpec } from '../support/world';

const AS_OF = '2026-11-01';
const ORG = '5598047925';
const run = (spec: WorldSpec, asOf = AS_OF, params = {}) => signal.evaluate({ facts: buildWorld(spec), asOf, params: { ...signal.defaults, ...params } });
const world = (inspections: WorldSpec['inspections'], licence: Record<string, unknown> = { status: 'granted', granted_on: '2018-01-01', status_on: '2018-01-01' }): WorldSpec => ({
  companies: [{ org_nr: ORG, name: 'Tillsynsundvikarna AB' }],
  licences: [{ licence_id: 'L1', org_nr: ORG, kind: 'hvb_children', ...licence }],
  inspections,
});
const insp = (decided_on: string, outcome = 'injunction', tags: string[] = []) => ({ org_nr: ORG, licence_id: 'L1', decided_on, outcome, tags });

describe('supervision-evasion', () => {
  it('fires on two injunctions in the 24 months before as-of, with each inspection as evidence', () => {
    const hits = run(world([insp('2025-01-10'), insp('2026-03-01'), insp('2026-05-01', 'no_deficiencies')]));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'company', subject_id: ORG, severity: 3, related_ids: [] });
    const sources = hits[0]!.evidence.map((e) => e.source);
    expect(sources).toEqual(expect.arrayContaining(['inspections.csv:2', 'inspections.csv:3', 'licences.csv:2']));
    expect(sources).not.toContain('inspections.csv:4');
    expect(hits[0]!.evidence[0]!.text).toContain('2 förelägganden');
  });

  it('near miss: two injunctions 25 months apart never share the window', () => {
    expect(run(world([insp('2024-09-01'), insp('2026-10-01')]))).toEqual([]);
    // The window is as-of − 24 months through as-of, both days included.
    expect(run(world([insp('2024-11-01'), insp('2026-11-01')]))).toHaveLength(1);
    expect(run(world([insp('2024-10-31'), insp('2026-11-01')]))).toEqual([]);
  });

  it('one evasion-tagged inspection is enough whatever its outcome; severity 4 for two different tags or three injunctions', () => {
    const one = run(world([insp('2026-02-01', 'deficiencies', ['documents_withheld'])]));
    expect(one).toHaveLength(1);
    expect(one[0]!.severity).toBe(3);
    expect(one[0]!.evidence.some((e) => e.text.includes('Handlingar undanhölls'))).toBe(true);
    expect(run(world([insp('2026-02-01', 'deficiencies', ['access_refused']), insp('2026-04-01', 'deficiencies', ['false_information'])]))[0]!.severity).toBe(4);
    expect(run(world([insp('2026-02-01', 'deficiencies', ['access_refused', 'access_refused'])]))[0]!.severity).toBe(3);
    expect(run(world([insp('2025-02-01'), insp('2025-08-01'), insp('2026-02-01')]))[0]!.severity).toBe(4);
  });

  it('near misses: one injunction, other tags, not a holder or applicant, inspections after as-of', () => {
    expect(run(world([insp('2026-02-01')]))).toEqual([]);
    expect(run(world([insp('2026-02-01', 'deficiencies', ['over_capacity', 'other'])]))).toEqual([]);
    expect(run(world([insp('2025-02-01'), insp('2026-02-01')], { status: 'revoked', granted_on: '2018-01-01', status_on: '2026-06-01' }))).toEqual([]);
    expect(run(world([insp('2025-02-01'), insp('2026-12-01')]))).toEqual([]);
    // Seen from before the revocation, the company was still a holder.
    expect(run(world([insp('2025-02-01'), insp('2026-02-01')], { status: 'revoked', granted_on: '2018-01-01', status_on: '2026-06-01' }), '2026-05-01')).toHaveLength(1);
  });

  it('an applicant counts as well as a holder', () => {
    expect(run(world([insp('2026-02-01', 'deficiencies', ['false_information'])], { status: 'applied', status_on: '2025-12-01' }))).toHaveLength(1);
    expect(run(world([insp('2026-02-01', 'deficiencies', ['false_information'])], { status: 'rejected', status_on: '2026-03-01' }))).toEqual([]);
  });

  it('parameters: the window and the injunction count are editable', () => {
    expect(run(world([insp('2024-09-01'), insp('2026-10-01')]), AS_OF, { windowMonths: 30 })).toHaveLength(1);
    expect(run(world([insp('2026-02-01')]), AS_OF, { minInjunctions: 1 })).toHaveLength(1);
    expect(signal.params.safeParse({ windowMonths: 0 }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/over-capacity';
import { buildWorld, type WorldSpec } from '../support/world';

const run = (spec: WorldSpec, asOf = '2026-11-01') => signal.evaluate({ facts: buildWorld(spec), asOf, params: signal.defaults });
const LIC = { licence_id: 'L1', org_nr: '5566778899', kind: 'hvb_children', status: 'granted', granted_on: '2020-01-01', capacity: 2, age_min: 13, age_max: 17 };
const pl = (id: string, from: string, to: string | null, extra: Record<string, unknown> = {}) => ({ placement_id: id, licence_id: 'L1', from_date: from, to_date: to, child_ref: `c-${id}`, ...extra });

describe('over-capacity', () => {
  it('fires when more children are placed at once than the capacity, with the peak day', () => {
    const hits = run({ licences: [LIC], placements: [pl('a', '2024-01-01', '2024-12-31'), pl('b', '2024-03-01', null), pl('c', '2024-06-01', '2024-06-30')] });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'licence', subject_id: 'L1', related_ids: ['5566778899'] });
    expect(hits[0]!.evidence.some((e) => e.text.includes('2024-06-01') && e.text.includes('3 barn'))).toBe(true);
    expect(hits[0]!.evidence.filter((e) => e.source.startsWith('placements.csv:'))).toHaveLength(3);
  });

  it('a placement ending on the day another starts is a handover, not concurrency; a one-day placement occupies its day', () => {
    const one = { ...LIC, capacity: 1 };
    expect(run({ licences: [one], placements: [pl('a', '2024-01-01', '2024-03-01'), pl('b', '2024-03-01', null)] })).toHaveLength(0);
    expect(run({ licences: [one], placements: [pl('a', '2024-01-01', '2024-03-01'), pl('b', '2024-02-28', null)] })).toHaveLength(1);
    // One-day stay on the day an open placement runs: two at once.
    expect(run({ licences: [one], placements: [pl('a', '2024-01-01', null), pl('b', '2024-02-10', '2024-02-10')] })).toHaveLength(1);
    // A placement that ends at as-of does not occupy the as-of day; an open one does.
    expect(run({ licences: [one], placements: [pl('a', '2024-01-01', '2024-06-01'), pl('b', '2024-06-01', null)] }, '2024-06-01')).toHaveLength(0);
    expect(run({ licences: [one], placements: [pl('a', '2024-01-01', null), pl('b', '2024-06-01', null)] }, '2024-06-01')).toHaveLength(1);
  });

  it('near miss: exactly at capacity, or sequential placements', () => {
    expect(run({ licences: [LIC], placements: [pl('a', '2024-01-01', null), pl('b', '2024-01-01', null)] })).toHaveLength(0);
    expect(run({ licences: [LIC], placements: [pl('a', '2024-01-01', '2024-05-31'), pl('b', '2024-01-01', null), pl('c', '2024-06-01', null)] })).toHaveLength(0);
  });

  it('counts the same child once even with two overlapping rows', () => {
    expect(run({ licences: [LIC], placements: [pl('a', '2024-01-01', null), pl('b', '2024-01-01', null), pl('a2', '2024-02-01', null, { child_ref: 'c-a' })] })).toHaveLength(0);
  });

  it('as of: a placement starting after the as-of date does not exist', () => {
    const spec = { licences: [LIC], placements: [pl('a', '2024-01-01', null), pl('b', '2024-01-01', null), pl('c', '2025-01-01', null)] };
    expect(run(spec, '2024-12-31')).toHaveLength(0);
    expect(run(spec, '2025-01-01')).toHaveLength(1);
  });

  it('age = placement start year − birth year, flagged outside age_min–age_max', () => {
    // Licence 13–17. 2024 − 2006 = 18 → above 17: flagged.
    const old = run({ licences: [LIC], placements: [pl('a', '2024-06-01', null, { child_birth_year: 2006 })] });
    expect(old).toHaveLength(1);
    expect(old[0]!.evidence[1]!.text).toContain('utanför tillståndets åldersspann 13–17');
    // 2024 − 2007 = 17, 2024 − 2011 = 13: on the boundaries, not flagged.
    expect(run({ licences: [LIC], placements: [pl('a', '2024-06-01', null, { child_birth_year: 2007 })] })).toHaveLength(0);
    expect(run({ licences: [LIC], placements: [pl('a', '2024-05-01', null, { child_birth_year: 2011 })] })).toHaveLength(0);
    // 2024 − 2012 = 12 → below 13: flagged.
    expect(run({ licences: [LIC], placements: [pl('a', '2024-05-01', null, { child_birth_year: 2012 })] })).toHaveLength(1);
  });

  it('fires on an inspection tagged over_capacity or target_group_outside_licence, not on other tags or later decisions', () => {
    const insp = (tags: string[], decided_on = '2025-03-01', licence_id: string | null = 'L1') => ({ org_nr: '5566778899', licence_id, decided_on, outcome: 'deficiencies', tags });
    expect(run({ licences: [LIC], inspections: [insp(['target_group_outside_licence'])] })).toHaveLength(1);
    expect(run({ licences: [LIC], inspections: [insp(['over_capacity'], '2025-03-01', null)] })).toHaveLength(1);
    expect(run({ licences: [LIC], inspections: [insp(['staff_competence'])] })).toHaveLength(0);
    expect(run({ licences: [LIC], inspections: [insp(['over_capacity'], '2027-01-01')] })).toHaveLength(0);
    const hit = run({ licences: [LIC], inspections: [insp(['over_capacity'])] })[0]!;
    expect(hit.evidence.map((e) => e.source)).toEqual(['licences.csv:2', 'inspections.csv:2']);
  });

  it('raises severity when several triggers hold', () => {
    const one = run({ licences: [LIC], placements: [pl('a', '2024-01-01', null), pl('b', '2024-01-01', null), pl('c', '2024-01-01', null)] })[0]!;
    const two = run({ licences: [LIC], placements: [pl('a', '2024-01-01', null, { child_birth_year: 2000 }), pl('b', '2024-01-01', null), pl('c', '2024-01-01', null)] })[0]!;
    expect(two.severity).toBeGreaterThan(one.severity);
  });

  it('rejects invalid parameters', () => {
    expect(() => signal.params.parse({ maxEvidence: 0 })).toThrow();
    expect(signal.defaults.inspectionTags).toEqual(['over_capacity', 'target_group_outside_licence']);
  });
});

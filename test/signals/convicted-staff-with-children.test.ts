import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/convicted-staff-with-children';
import { buildWorld, type WorldSpec } from '../support/world';

const run = (spec: WorldSpec, asOf = '2026-11-01') => signal.evaluate({ facts: buildWorld(spec), asOf, params: signal.defaults });
const PID = '199001011234';
const emp = (extra: Record<string, unknown> = {}) => ({ org_nr: '5566778899', person_id: PID, profession: 'care_staff', from_date: '2024-03-01', works_with_children: true, ...extra });
const conv = (extra: Record<string, unknown> = {}) => ({ subject_id: PID, kind: 'conviction', from_date: '2022-05-01', offence: 'violence', ...extra });

describe('convicted-staff-with-children', () => {
  it('fires on a person with a violence conviction working with children, company in related_ids', () => {
    const hits = run({ employments: [emp()], sanctions: [conv()] });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'person', subject_id: PID, related_ids: ['5566778899'], severity: 5 });
    expect(hits[0]!.evidence.map((e) => e.source)).toEqual(['sanctions.csv:2', 'employments.csv:2']);
  });

  it('fires for each listed offence and not for others', () => {
    for (const offence of ['sexual', 'narcotics', 'weapons', 'organised_crime']) expect(run({ employments: [emp()], sanctions: [conv({ offence })] })).toHaveLength(1);
    for (const offence of ['fraud', 'welfare_fraud', 'tax_crime', 'other', null]) expect(run({ employments: [emp()], sanctions: [conv({ offence })] })).toHaveLength(0);
  });

  it('near misses: suspicion only, not working with children, job ended before the conviction', () => {
    expect(run({ employments: [emp()], sanctions: [conv({ kind: 'suspicion' })] })).toHaveLength(0);
    expect(run({ employments: [emp({ works_with_children: false })], sanctions: [conv()] })).toHaveLength(0);
    expect(run({ employments: [emp({ from_date: '2018-01-01', to_date: '2022-04-30' })], sanctions: [conv()] })).toHaveLength(0);
    expect(run({ employments: [emp({ from_date: '2018-01-01', to_date: '2022-05-01' })], sanctions: [conv()] })).toHaveLength(1);
  });

  it('as of: a conviction after the as-of date does not exist', () => {
    const spec = { employments: [emp()], sanctions: [conv({ from_date: '2025-06-01' })] };
    expect(run(spec, '2025-05-31')).toHaveLength(0);
    expect(run(spec, '2025-06-01')).toHaveLength(1);
  });

  it('one hit per person listing every employer working with children', () => {
    const hits = run({ employments: [emp(), emp({ org_nr: '5591234567' }), emp({ org_nr: '5590000000', works_with_children: false })], sanctions: [conv({ offence: 'narcotics' })] });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.related_ids).toEqual(['5566778899', '5591234567']);
    expect(hits[0]!.severity).toBe(4);
  });
});

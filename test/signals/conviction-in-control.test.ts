import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/conviction-in-control';
import { buildWorld, type WorldSpec } from '../support/world';

const run = (spec: WorldSpec, asOf = '2026-11-01') => signal.evaluate({ facts: buildWorld(spec), asOf, params: signal.defaults });
const P = '197506141634';
const ORG = '5598047925';
const world = (sanctions: WorldSpec['sanctions'], extra: Partial<WorldSpec> = {}): WorldSpec => ({
  companies: [{ org_nr: ORG, name: 'Omsorg AB' }],
  persons: [{ person_id: P, name: 'Erik Lindqvist' }],
  licences: [{ licence_id: 'L1', org_nr: ORG, kind: 'hvb_children', status: 'granted', granted_on: '2018-01-01' }],
  roles: [{ org_nr: ORG, holder_id: P, role: 'chair', from_date: '2019-01-01', to_date: null }],
  sanctions,
  ...extra,
});
const conv = (offence: string, from: string, kind = 'conviction') => ({ subject_id: P, subject_kind: 'person' as const, kind, offence, from_date: from });

describe('conviction-in-control', () => {
  it('fires on a controlling person of a licence holder convicted within 10 years, company in related_ids', () => {
    const hits = run(world([conv('fraud', '2020-03-01')]));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'person', subject_id: P, related_ids: [ORG], severity: 4 });
    expect(hits[0]!.evidence.some((e) => e.source === 'sanctions.csv:2' && e.text.includes('bedrägeri') && e.text.includes('2020-03-01'))).toBe(true);
    expect(hits[0]!.evidence.some((e) => e.source === 'roles.csv:2')).toBe(true);
  });

  it('10-year boundary: exactly 10 years before as-of counts, one day older does not', () => {
    expect(run(world([conv('violence', '2016-11-01')]))).toHaveLength(1);
    expect(run(world([conv('violence', '2016-10-31')]))).toHaveLength(0);
  });

  it('near miss: offence not in the list, a suspicion, no licence holder, or a role that ended', () => {
    expect(run(world([conv('tax_crime', '2022-01-01')]))).toHaveLength(0);
    expect(run(world([conv('violence', '2022-01-01', 'suspicion')]))).toHaveLength(0);
    expect(run(world([conv('violence', '2022-01-01')], { licences: [{ licence_id: 'L1', org_nr: ORG, kind: 'hvb_children', status: 'revoked', granted_on: '2018-01-01', status_on: '2023-01-01' }] }))).toHaveLength(0);
    expect(run(world([conv('violence', '2022-01-01')], { roles: [{ org_nr: ORG, holder_id: P, role: 'chair', from_date: '2019-01-01', to_date: '2024-01-01' }] }))).toHaveLength(0);
    expect(run(world([conv('violence', '2022-01-01')], { roles: [{ org_nr: ORG, holder_id: P, role: 'auditor', from_date: '2019-01-01', to_date: null }] }))).toHaveLength(0);
  });

  it('a sanction of kind unsuitable counts regardless of age', () => {
    const hits = run(world([{ subject_id: P, subject_kind: 'person', kind: 'unsuitable', offence: null, from_date: '2001-01-01' }]));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.severity).toBe(3);
  });

  it('as of: a conviction after the as-of date does not exist; grave offences are severity 5', () => {
    expect(run(world([conv('sexual', '2026-06-01')]), '2026-05-31')).toHaveLength(0);
    expect(run(world([conv('sexual', '2026-06-01')]))[0]!.severity).toBe(5);
  });
});

import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/fee-outlier';
import { buildWorld, type WorldSpec } from '../support/world';

const AS_OF = '2026-11-01';
const PEER_ORG = '5591234566';
const PAYEE = '5598047925';
const HVB = '5597001231';
const run = (spec: WorldSpec, asOf = AS_OF, params = {}) => signal.evaluate({ facts: buildWorld(spec), asOf, params: { ...signal.defaults, ...params } });

type Pl = NonNullable<WorldSpec['placements']>[number];
let n = 0;
const placement = (o: Partial<Pl>): Pl => ({ placement_id: `PL${++n}`, from_date: '2026-01-10', to_date: null, child_ref: `barn-${n}`, ...o });
/**
 * `count` (≥ 12) peer placements at licence PEER (hvb_children) in 2026: five low fees from 4 000, five high up to
 * 6 000, the rest 5 000 — the median is 5 000, also with another outlier among the peers.
 */
const peerFee = (i: number, count: number): number => (i < 5 ? 4_000 + i * 100 : i >= count - 5 ? 6_000 - (count - 1 - i) * 100 : 5_000);
const peers = (count: number, o: Partial<Pl> = {}): Pl[] => Array.from({ length: count }, (_, i) => placement({ licence_id: 'PEER', daily_fee_sek: peerFee(i, count), ...o }));
const world = (placements: Pl[], extra: Partial<WorldSpec> = {}): WorldSpec => ({
  companies: [{ org_nr: PEER_ORG, name: 'Jämförelse AB' }, { org_nr: PAYEE, name: 'Dyra Placeringar AB' }, { org_nr: HVB, name: 'Hemmet AB' }],
  licences: [
    { licence_id: 'PEER', org_nr: PEER_ORG, kind: 'hvb_children', status: 'granted', granted_on: '2015-01-01' },
    { licence_id: 'HVB', org_nr: HVB, kind: 'supported_housing', status: 'granted', granted_on: '2015-01-01' },
    { licence_id: 'ADULT', org_nr: HVB, kind: 'hvb_adults', status: 'granted', granted_on: '2015-01-01' },
  ],
  foster_homes: [{ home_id: 'FH1', address: 'Storgatan 1', parent_ids: [] }],
  placements,
  ...extra,
});

describe('fee-outlier', () => {
  it('fires on a fee ≥ 3 × the median of its peers in the group-year, on the payee, explaining fee, median, peers and factor', () => {
    const hits = run(world([...peers(20), placement({ licence_id: 'HVB', daily_fee_sek: 15_000, payee_org_nr: PAYEE })]));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'company', subject_id: PAYEE, related_ids: [HVB], severity: 3 });
    const text = hits[0]!.evidence[0]!.text;
    expect(hits[0]!.evidence[0]!.source).toBe('placements.csv:22');
    // 20 peers with a fee (this one not counted); their median is 5 000.
    expect(text).toContain('15 000 kr');
    expect(text).toContain('medianen 5 000 kr');
    expect(text).toContain('20 jämförbara placeringar');
    expect(text).toContain('3 gånger');
    expect(text).toContain('2026');
  });

  it('near miss: a high fee in a group-year with 19 peers (20 placements with a fee, the placement itself included)', () => {
    expect(run(world([...peers(19), placement({ licence_id: 'HVB', daily_fee_sek: 15_000, payee_org_nr: PAYEE })]))).toEqual([]);
    // Placements without a fee are not counted.
    expect(run(world([...peers(19), placement({ licence_id: 'PEER' }), placement({ licence_id: 'HVB', daily_fee_sek: 15_000, payee_org_nr: PAYEE })]))).toEqual([]);
  });

  it('the threshold is inclusive; just below it does not fire; ≥ 5 × is severity 4', () => {
    expect(run(world([...peers(20), placement({ licence_id: 'HVB', daily_fee_sek: 14_999 })]))).toEqual([]);
    expect(run(world([...peers(20), placement({ licence_id: 'HVB', daily_fee_sek: 15_000 })]))).toHaveLength(1);
    // The placement is not among its own peers: ten at 4 000 and ten at 6 000 have the median 5 000
    // (with the outlier counted in, the median would be 6 000 and 15 000 only 2.5 ×).
    const split = Array.from({ length: 20 }, (_, i) => placement({ licence_id: 'PEER', daily_fee_sek: i < 10 ? 4_000 : 6_000 }));
    const hit = run(world([...split, placement({ licence_id: 'HVB', daily_fee_sek: 15_000 })]));
    expect(hit).toHaveLength(1);
    expect(hit[0]!.evidence[0]!.text).toContain('medianen 5 000 kr');
    // An odd number of peers: eleven at 4 000 and ten at 6 000 have the median 4 000.
    const odd = Array.from({ length: 21 }, (_, i) => placement({ licence_id: 'PEER', daily_fee_sek: i < 11 ? 4_000 : 6_000 }));
    expect(run(world([...odd, placement({ licence_id: 'HVB', daily_fee_sek: 12_000 })]))[0]!.evidence[0]!.text).toContain('medianen 4 000 kr');
    const hits = run(world([...peers(30), placement({ licence_id: 'HVB', daily_fee_sek: 25_000 })]));
    expect(hits[0]).toMatchObject({ subject_kind: 'company', subject_id: HVB, severity: 4 });
  });

  it('groups: foster homes apart from licences; kind groups, not kinds; another group does not count', () => {
    // Peers in children's residential, the outlier at an adult HVB: no adult group-year of 20.
    expect(run(world([...peers(25), placement({ licence_id: 'ADULT', daily_fee_sek: 30_000 })]))).toEqual([]);
    // A foster home compared with foster homes only: the subject is the home when nobody is paid.
    const homes = Array.from({ length: 20 }, (_, i) => placement({ home_id: 'FH1', daily_fee_sek: 1_400 + i * 10 }));
    const hits = run(world([...homes, ...peers(20), placement({ home_id: 'FH1', daily_fee_sek: 4_800 })]));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'foster_home', subject_id: 'FH1' });
    expect(hits[0]!.evidence[0]!.text).toContain('familjehem');
  });

  it('calendar years: the group-year is a year the placement is active in during the 12 months before as-of', () => {
    // Peers only in 2025; the outlier runs 2025-12-01 – 2026-02-01: 2025 is in its window years.
    const old = peers(20, { from_date: '2025-02-01', to_date: '2025-06-30' });
    expect(run(world([...old, placement({ licence_id: 'HVB', daily_fee_sek: 16_000, from_date: '2025-12-01', to_date: '2026-02-01' })]))).toHaveLength(1);
    // Active in 2025 only before the 12-month window (it ended 2025-10-31): not judged.
    expect(run(world([...old, placement({ licence_id: 'HVB', daily_fee_sek: 16_000, from_date: '2025-03-01', to_date: '2025-10-31' })]))).toEqual([]);
    // Active in the window only in 2026, while the peers are in 2025: no group-year of 20.
    expect(run(world([...old, placement({ licence_id: 'HVB', daily_fee_sek: 16_000, from_date: '2026-01-01' })]))).toEqual([]);
  });

  it('as of: placements starting after as-of do not exist, neither as peers nor as outliers', () => {
    expect(run(world([...peers(20), placement({ licence_id: 'HVB', daily_fee_sek: 15_000, from_date: '2026-11-02' })]))).toEqual([]);
    expect(run(world([...peers(19), placement({ licence_id: 'PEER', daily_fee_sek: 5_000, from_date: '2026-11-02' }), placement({ licence_id: 'HVB', daily_fee_sek: 15_000 })]))).toEqual([]);
    expect(run(world([...peers(19), placement({ licence_id: 'PEER', daily_fee_sek: 5_000, from_date: '2026-11-01' }), placement({ licence_id: 'HVB', daily_fee_sek: 15_000 })]))).toHaveLength(1);
  });

  it('one hit per subject listing all its outlier placements', () => {
    const hits = run(world([...peers(25), placement({ licence_id: 'HVB', daily_fee_sek: 15_000, payee_org_nr: PAYEE }), placement({ licence_id: 'HVB', daily_fee_sek: 18_000, payee_org_nr: PAYEE })]));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.evidence).toHaveLength(2);
    expect(hits[0]!.evidence[0]!.text).toContain('18 000 kr');
  });

  it('parameters: factor and minimum group size are editable', () => {
    const spec = world([...peers(20), placement({ licence_id: 'HVB', daily_fee_sek: 12_000 })]);
    expect(run(spec)).toEqual([]);
    expect(run(spec, AS_OF, { factor: 2.4 })).toHaveLength(1);
    expect(run(world([...peers(14), placement({ licence_id: 'HVB', daily_fee_sek: 15_000 })]), AS_OF, { minPlacements: 14 })).toHaveLength(1);
    expect(run(world([...peers(13), placement({ licence_id: 'HVB', daily_fee_sek: 15_000 })]), AS_OF, { minPlacements: 14 })).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { signal } from '../../src/signals/dental-support-without-dentist';
import { buildWorld, type WorldSpec } from '../support/world';

const AS_OF = '2026-11-01';
const CLINIC = '5598047925';
const DENTIST = '197506141634';
const HYGIENIST = '198211026987';
const run = (spec: WorldSpec, asOf = AS_OF, params = {}) => signal.evaluate({ facts: buildWorld(spec), asOf, params: { ...signal.defaults, ...params } });
const pay = (paid_on: string, amount_sek = 8_000, purpose = 'dental_support') => ({ payer: 'Försäkringskassan', payee_org_nr: CLINIC, paid_on, amount_sek, purpose });
const job = (person_id: string, profession: string, from_date: string, to_date: string | null = null) => ({ org_nr: CLINIC, person_id, profession, from_date, to_date });
const world = (o: Partial<WorldSpec>): WorldSpec => ({
  companies: [{ org_nr: CLINIC, name: 'Leende Tandvård AB' }],
  persons: [{ person_id: DENTIST, name: 'Erik Lindqvist' }, { person_id: HYGIENIST, name: 'Anna Bergström' }],
  payments: [],
  employments: [job(HYGIENIST, 'dental_hygienist', '2020-01-01')],
  legitimations: [{ person_id: HYGIENIST, profession: 'dental_hygienist', granted_on: '2015-01-01' }],
  ...o,
});

describe('dental-support-without-dentist', () => {
  it('fires when dental support is paid in months without a licensed dentist, listing months, amounts and who was employed', () => {
    const hits = run(world({ payments: [pay('2026-02-10'), pay('2026-02-20', 4_000), pay('2026-03-05')] }));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'company', subject_id: CLINIC, severity: 4, related_ids: [] });
    const ev = hits[0]!.evidence;
    expect(ev[0]!.text).toContain('20 000 kr');
    expect(ev[0]!.text).toContain('2026-02, 2026-03');
    const feb = ev.find((e) => e.text.startsWith('2026-02:'))!;
    expect(feb.text).toContain('12 000 kr');
    expect(feb.text).toContain('Anna Bergström');
    expect(feb.text).toContain('tandhygienist');
    expect(feb.source).toBe('payments.csv:2');
    expect(ev.some((e) => e.source === 'employments.csv:2')).toBe(true);
  });

  it('a dentist with a valid legitimation on some day of the month covers it', () => {
    const dentist = { employments: [job(DENTIST, 'dentist', '2020-01-01')], legitimations: [{ person_id: DENTIST, profession: 'dentist', granted_on: '2010-01-01' }] };
    expect(run(world({ payments: [pay('2026-02-10'), pay('2026-03-05')], ...dentist }))).toEqual([]);
  });

  it('near miss: a legitimation granted on the last day of the paid month covers that month', () => {
    const spec = (granted: string) => world({
      payments: [pay('2026-02-03', 12_000)],
      employments: [job(DENTIST, 'dentist', '2025-06-01')],
      legitimations: [{ person_id: DENTIST, profession: 'dentist', granted_on: granted }],
    });
    expect(run(spec('2026-02-28'))).toEqual([]);
    expect(run(spec('2026-03-01'))).toHaveLength(1);
  });

  it('the dentist must hold the legitimation on a day the employment also holds', () => {
    // Employed only until 2026-02-10, licensed from 2026-02-15: no day with both.
    const spec = world({ payments: [pay('2026-02-20', 12_000)], employments: [job(DENTIST, 'dentist', '2025-01-01', '2026-02-10')], legitimations: [{ person_id: DENTIST, profession: 'dentist', granted_on: '2026-02-15' }] });
    expect(run(spec)).toHaveLength(1);
    // A dentist who left before the paid months is named, with the legitimation.
    const left = run(world({ payments: [pay('2026-03-20', 12_000)], employments: [job(DENTIST, 'dentist', '2020-01-01', '2026-01-31')], legitimations: [{ person_id: DENTIST, profession: 'dentist', granted_on: '2010-01-01' }] }));
    expect(left[0]!.evidence.find((e) => e.text.startsWith('Tandläkare hos bolaget under annan tid'))).toMatchObject({ source: 'employments.csv:2' });
    expect(left[0]!.evidence.some((e) => e.source === 'legitimations.csv:2')).toBe(true);
    // Revoked before the month began: not valid; revoked on the first day of the month: valid that day.
    const revoked = (on: string) => world({ payments: [pay('2026-02-20', 12_000)], employments: [job(DENTIST, 'dentist', '2020-01-01')], legitimations: [{ person_id: DENTIST, profession: 'dentist', granted_on: '2010-01-01', revoked_on: on }] });
    expect(run(revoked('2026-01-31'))).toHaveLength(1);
    expect(run(revoked('2026-02-01'))).toEqual([]);
    // A dentist legitimation held by someone employed as hygienist does not count, nor does another profession's.
    expect(run(world({ payments: [pay('2026-02-20', 12_000)], legitimations: [{ person_id: HYGIENIST, profession: 'dentist', granted_on: '2010-01-01' }] }))).toHaveLength(1);
    expect(run(world({ payments: [pay('2026-02-20', 12_000)], employments: [job(DENTIST, 'dentist', '2020-01-01')], legitimations: [{ person_id: DENTIST, profession: 'dental_hygienist', granted_on: '2010-01-01' }] }))).toHaveLength(1);
  });

  it('sums over the months without a dentist: below 10 000 kr no hit; ≥ 500 000 kr severity 5', () => {
    expect(run(world({ payments: [pay('2026-02-10', 9_999.5)] }))).toEqual([]);
    expect(run(world({ payments: [pay('2026-02-10', 6_000), pay('2026-04-10', 4_000)] }))).toHaveLength(1);
    expect(run(world({ payments: [pay('2026-02-10', 500_000)] }))[0]!.severity).toBe(5);
  });

  it('only dental_support payments within the 24 months before as-of count; later ones do not exist yet', () => {
    expect(run(world({ payments: [pay('2026-02-10', 50_000, 'care')] }))).toEqual([]);
    expect(run(world({ payments: [pay('2024-10-31', 50_000)] }))).toEqual([]);
    expect(run(world({ payments: [pay('2024-11-01', 50_000)] }))).toHaveLength(1);
    expect(run(world({ payments: [pay('2026-11-02', 50_000)] }))).toEqual([]);
    // A grant after as-of does not exist yet.
    const later = world({ payments: [pay('2026-10-10', 50_000)], employments: [job(DENTIST, 'dentist', '2025-01-01')], legitimations: [{ person_id: DENTIST, profession: 'dentist', granted_on: '2026-10-20' }] });
    expect(run(later, '2026-10-15')).toHaveLength(1);
    expect(run(later, '2026-10-20')).toEqual([]);
  });

  it('the owner of a sole trader with a dentist legitimation is its dentist', () => {
    const ownerOrg = DENTIST.slice(2);
    const spec: WorldSpec = {
      companies: [{ org_nr: ownerOrg, name: 'Erik Lindqvist Tandläkare', legal_form: 'EF' }],
      persons: [{ person_id: DENTIST, name: 'Erik Lindqvist' }],
      payments: [{ ...pay('2026-02-10', 40_000), payee_org_nr: ownerOrg }],
      employments: [],
      legitimations: [{ person_id: DENTIST, profession: 'dentist', granted_on: '2005-01-01' }],
    };
    expect(run(spec)).toEqual([]);
    expect(run({ ...spec, legitimations: [] })).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../src/analysis/facts';
import { IdCanon, groupsFrom } from '../../src/matching/canon';
import { annotateHits, canonicaliseRows } from '../../src/matching/facts-layer';
import type { FactRowTypes } from '../../src/model/rows';
import { TABLE_NAMES, type TableName } from '../../src/model/index';
import type { DecisionRow } from '../../src/store/matches';
import type { Hit } from '../../src/signals/types';

type Rows = { [T in TableName]: FactRowTypes[T][] };
const prov = (file: string, line: number) => ({ file, line, datasetId: 1 });
const SWEDE = '197410810910';
const EXT = 'ext:DK-741021-0009';

function rows(): Rows {
  const r = Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as Rows;
  r.persons = [
    { key: 'p1', prov: prov('persons.csv', 2), person_id: SWEDE, name: 'Mette Fredriksen', birth_date: '1974-10-21', address: 'Gatan 1', postal_code: '11122', city: 'Stockholm', address_key: 'GATAN 1|11122', deceased_on: null },
    { key: 'p2', prov: prov('persons.ftm.json', 7), person_id: EXT, name: 'Mette Frederiksen', birth_date: '1974-10-21', address: null, postal_code: null, city: null, address_key: null, deceased_on: '2025-01-02' },
  ];
  r.foster_homes = [{ key: 'h1', prov: prov('foster_homes.csv', 2), home_id: 'FH-1', address: 'Gatan 1', postal_code: '11122', city: 'Stockholm', address_key: 'GATAN 1|11122', municipality: 'Stockholm', parent_ids: [EXT, SWEDE], approved_capacity: 2, approved_on: '2020-01-01', ended_on: null, consultant_org_nr: null }];
  r.financial_events = [{ key: 'f1', prov: prov('financial_events.csv', 2), subject_id: EXT, subject_kind: 'person', kind: 'tax_arrears', amount_sek: 90_000, occurred_on: '2025-05-01', resolved_on: null, source: 'Skatteverket' }];
  r.relations = [{ key: 'rel1', prov: prov('relations.csv', 2), a_id: SWEDE, a_kind: 'person', b_id: EXT, b_kind: 'person', kind: 'associate', from_date: null, to_date: null }];
  return r;
}

const decision = (a: string, b: string): DecisionRow => ({ id: 7, kind: 'person', a_id: a, b_id: b, decision: 'confirmed', note: 'samma pass', actor: 'anna.k', decided_at: '2026-11-20T10:00:00Z', score: 0.88, parts: '[{"text":"namn 0,95"},{"text":"samma födelsedatum"}]', fingerprint: 'x', undone_at: null, undone_by: null });

describe('confirmed matches applied to facts', () => {
  it('the Swedish id is canonical; every id column and id list is rewritten; one merged person row fills gaps', () => {
    const canon = new IdCanon(groupsFrom([decision(SWEDE, EXT)]));
    expect(canon.canonical(EXT)).toBe(SWEDE);
    const r = rows();
    const m = canonicaliseRows(r, canon);
    const f = indexFacts(r);
    expect([...f.persons.keys()]).toEqual([SWEDE]);
    // The canonical's own row leads (name, address); the date of death comes from the other record.
    expect(f.persons.get(SWEDE)).toMatchObject({ name: 'Mette Fredriksen', address_key: 'GATAN 1|11122', deceased_on: '2025-01-02', prov: { file: 'persons.csv' } });
    expect(f.fosterHomes.get('FH-1')!.parent_ids).toEqual([SWEDE]);
    expect(f.financialEvents[0]!.subject_id).toBe(SWEDE);
    // A relation between the two records would be a relation of the person with herself: dropped.
    expect(f.relations).toEqual([]);
    expect([...m.rewritten.keys()].sort()).toEqual(['financial_events|f1', 'foster_homes|h1', 'persons|p2', 'relations|rel1']);
  });

  it('a hit whose evidence rests on a rewritten fact gets one line naming the match, who and when', () => {
    const canon = new IdCanon(groupsFrom([decision(SWEDE, EXT)]));
    const m = canonicaliseRows(rows(), canon);
    const onRewritten: Hit = { signal: 'financial-mismanagement', subject_kind: 'person', subject_id: SWEDE, related_ids: [], severity: 3, evidence: [{ text: 'Skuld', source: 'financial_events.csv:2', fact: { table: 'financial_events', key: 'f1' } }] };
    const unrelated: Hit = { ...onRewritten, evidence: [{ text: 'Annat', source: 'x.csv:9', fact: { table: 'roles', key: 'r9' } }] };
    annotateHits([onRewritten, unrelated], m);
    expect(unrelated.evidence).toHaveLength(1);
    expect(onRewritten.evidence).toHaveLength(2);
    expect(onRewritten.evidence[1]).toEqual({
      text: `${SWEDE}, ${EXT} räknas som samma person (${SWEDE}): ${SWEDE} och ${EXT} enligt bekräftad matchning av anna.k 2026-11-20 (namn 0,95, samma födelsedatum); anteckning: samma pass.`,
      source: 'financial_events.csv:2',
    });
  });
});

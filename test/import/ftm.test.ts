import { defaultModel, Model, type IEntityDatum } from '@alephdata/followthemoney';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/import/importer';
import { openDb } from '../../src/store/db';
import { orgNr, personId, tmpDir } from '../support/fixtures';

const A = orgNr('556036079');
const P1 = personId('19811218', '987');

/** An Aleph/OpenSanctions-style export: Swedish ids where known, foreign ones otherwise. */
const ENTITIES: IEntityDatum[] = [
  { id: 'addr-1', schema: 'Address', properties: { full: ['Storgatan 12 B, 111 22 Stockholm'], street: ['Storgatan 12 B'], postalCode: ['111 22'], city: ['Stockholm'] } },
  { id: 'co-1', schema: 'Company', properties: { name: ['Ängsgården Omsorg AB'], alias: ['Ängsgården'], registrationNumber: [`${A.slice(0, 6)}-${A.slice(6)}`], incorporationDate: ['2015-03-01'], addressEntity: ['addr-1'], jurisdiction: ['se'] } },
  { id: 'co-2', schema: 'Organization', properties: { name: ['Nordic Holding ApS'], registrationNumber: ['DK12345678'] } },
  { id: 'pe-1', schema: 'Person', properties: { name: ['Erik Lindqvist'], idNumber: [`${P1.slice(2, 8)}-${P1.slice(8)}`], birthDate: ['1981-12-18'] } },
  { id: 'pe-2', schema: 'Person', properties: { name: ['Dag Hovland'], nationality: ['no'], birthDate: ['1978'] } },
  { id: 'dir-1', schema: 'Directorship', properties: { director: ['pe-1'], organization: ['co-1'], role: ['Verkställande direktör'], startDate: ['2020-01-01'] } },
  { id: 'dir-2', schema: 'Directorship', properties: { director: ['pe-2'], organization: ['co-1'], role: ['Styrelseordförande'], startDate: ['2021-02-01'], endDate: ['2023-01-31'] } },
  { id: 'own-1', schema: 'Ownership', properties: { owner: ['co-2'], asset: ['co-1'], percentage: ['60'], startDate: ['2019-01-01'] } },
  { id: 'emp-1', schema: 'Employment', properties: { employee: ['pe-2'], employer: ['co-1'], role: ['Sjuksköterska'], startDate: ['2022-01-01'] } },
  { id: 'san-1', schema: 'Sanction', properties: { entity: ['pe-1'], program: ['Näringsförbud'], startDate: ['2024-01-01'], authority: ['Kronofogden'] } },
  { id: 'dir-3', schema: 'Directorship', properties: { director: ['pe-missing'], organization: ['co-1'] } },
  { id: 'v-1', schema: 'Vessel', properties: { name: ['M/S Exempel'] } },
];

describe('FollowTheMoney JSON lines', () => {
  it('the sample is valid against the FtM model', () => {
    const model = new Model(defaultModel);
    for (const e of ENTITIES) expect(() => model.getEntity(e)).not.toThrow();
  });

  it('maps entities to companies, persons, roles, employments and sanctions', async () => {
    const dir = tmpDir();
    const file = path.join(dir, 'export.ftm.json');
    fs.writeFileSync(file, ENTITIES.map((e) => JSON.stringify(e)).join('\n') + '\n{not json\n');
    const db = openDb(path.join(dir, 's.sqlite'));
    const r = await importPath(db, file);
    expect(r.rows).toEqual({ companies: 2, persons: 2, roles: 3, employments: 1, sanctions: 1 });
    expect(r.quarantine.map((q) => [q.line, q.column])).toEqual([
      [11, 'director'],
      [12, 'schema'],
      [13, null],
    ]);
    expect(db.prepare('SELECT org_nr, name, alt_names, address_key, registered_on FROM companies ORDER BY org_nr').all()).toEqual([
      { org_nr: A, name: 'Ängsgården Omsorg AB', alt_names: '["Ängsgården"]', address_key: 'STORGATAN 12 B|11122', registered_on: '2015-03-01' },
      { org_nr: 'ext:co-2', name: 'Nordic Holding ApS', alt_names: null, address_key: null, registered_on: null },
    ]);
    expect(db.prepare('SELECT person_id, birth_date FROM persons ORDER BY person_id').all()).toEqual([
      { person_id: P1, birth_date: '1981-12-18' },
      { person_id: 'ext:pe-2', birth_date: null },
    ]);
    expect(db.prepare('SELECT holder_id, holder_kind, role, share_pct, from_date, to_date FROM roles ORDER BY role').all()).toEqual([
      { holder_id: P1, holder_kind: 'person', role: 'ceo', share_pct: null, from_date: '2020-01-01', to_date: null },
      { holder_id: 'ext:pe-2', holder_kind: 'person', role: 'chair', share_pct: null, from_date: '2021-02-01', to_date: '2023-01-31' },
      { holder_id: 'ext:co-2', holder_kind: 'company', role: 'owner', share_pct: 60, from_date: '2019-01-01', to_date: null },
    ]);
    expect(db.prepare('SELECT subject_id, kind, from_date FROM sanctions').get()).toEqual({ subject_id: P1, kind: 'trading_ban', from_date: '2024-01-01' });
    expect(db.prepare('SELECT org_nr, person_id, title FROM employments').get()).toEqual({ org_nr: A, person_id: 'ext:pe-2', title: 'Sjuksköterska' });
  });
});

describe('FtM jurisdiction (issue 13)', () => {
  it('only a Swedish (or unstated) jurisdiction makes a registration number an org_nr; others become ext: ids', async () => {
    // A Norwegian and a Finnish number that happen to pass the Swedish Luhn check.
    const NO = orgNr('912345678');
    const FI = orgNr('556036071');
    const entities: IEntityDatum[] = [
      { id: 'no-1', schema: 'Company', properties: { name: ['Fjordomsorg AS'], registrationNumber: [NO], jurisdiction: ['no'] } },
      { id: 'fi-1', schema: 'Company', properties: { name: ['Hoiva Oy'], registrationNumber: [FI], jurisdiction: ['fi'], country: ['fi'] } },
      { id: 'se-1', schema: 'Company', properties: { name: ['Svensk Omsorg AB'], registrationNumber: [A], jurisdiction: ['SE'] } },
      { id: 'nj-1', schema: 'Company', properties: { name: ['Okänd Jurisdiktion AB'], registrationNumber: [orgNr('556677889')] } },
      { id: 'own-1', schema: 'Ownership', properties: { owner: ['no-1'], asset: ['se-1'], percentage: ['100'] } },
    ];
    const model = new Model(defaultModel);
    for (const e of entities) expect(() => model.getEntity(e)).not.toThrow();
    const dir = tmpDir();
    const file = path.join(dir, 'nordic.ftm.json');
    fs.writeFileSync(file, entities.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const db = openDb(':memory:');
    await importPath(db, file);
    expect(db.prepare('SELECT org_nr, name FROM companies ORDER BY name').all()).toEqual([
      { org_nr: 'ext:no-1', name: 'Fjordomsorg AS' },
      { org_nr: 'ext:fi-1', name: 'Hoiva Oy' },
      { org_nr: orgNr('556677889'), name: 'Okänd Jurisdiktion AB' },
      { org_nr: A, name: 'Svensk Omsorg AB' },
    ]);
    expect(db.prepare('SELECT holder_id, org_nr FROM roles').get()).toEqual({ holder_id: 'ext:no-1', org_nr: A });
    expect(db.prepare('SELECT count(*) FROM companies WHERE org_nr IN (?, ?)').pluck().get(NO, FI)).toBe(0);
  });
});

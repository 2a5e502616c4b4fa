import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/import/importer';
import { findCandidates } from '../../src/matching/candidates';
import { decideMatch } from '../../src/matching/decisions';
import { openDb } from '../../src/store/db';
import { orgNr, tmpDir, writeDataset } from '../support/fixtures';

/**
 * FtM persons and companies (ext: ids) against a Swedish register extract: the FtM person's
 * nationality is compared with a CSV's extra `nationality` column, and an FtM company without a
 * Swedish registration number meets the Swedish company through their shared officer.
 */
const NORDIC = orgNr('556812345');
const ftm = [
  { id: 'os-co-1', schema: 'Company', properties: { name: ['Nordic Care Holding AS'], jurisdiction: ['no'] } },
  { id: 'os-pe-1', schema: 'Person', properties: { name: ['Hovland, Dag'], nationality: ['no'], birthDate: ['1978-02-15'] } },
  { id: 'os-dir-1', schema: 'Directorship', properties: { director: ['os-pe-1'], organization: ['os-co-1'], role: ['Chair'] } },
];

describe('entity resolution across an FtM file and a CSV extract', () => {
  it('compares nationality, and finds the company through its officer once the officer is confirmed', async () => {
    const dir = tmpDir();
    const db = openDb(path.join(dir, 's.sqlite'));
    const csv = writeDataset(path.join(dir, 'csv'), {
      companies: [{ org_nr: NORDIC, name: 'Nordic Care Holding AB' }],
      persons: [{ person_id: 'ext:NO-150278-44871', name: 'Dag Hovland', birth_date: '1978-02-15', nationality: 'NO' }],
      roles: [{ org_nr: NORDIC, holder_id: 'ext:NO-150278-44871', role: 'chair', from: '2020-01-01' }],
    });
    await importPath(db, csv);
    const file = path.join(dir, 'opensanctions.ftm.json');
    fs.writeFileSync(file, ftm.map((e) => JSON.stringify(e)).join('\n') + '\n');
    await importPath(db, file);

    const { candidates } = findCandidates(db);
    const person = candidates.find((c) => c.kind === 'person')!;
    expect([person.a.id, person.b.id]).toEqual(['ext:NO-150278-44871', 'ext:os-pe-1']);
    expect(person.explanation).toBe('namn 1,00 (omvänd ordning), samma födelsedatum, samma land (NO)');

    const company = candidates.find((c) => c.kind === 'company');
    // Until the two Dag Hovlands are one person, the companies share no officer and are a name match only.
    expect(company).toBeUndefined();

    // Confirming the person makes them one officer of both companies: now the companies are proposed.
    decideMatch(db, { a: person.a.id, b: person.b.id, decision: 'confirmed', note: 'samma födelsedatum och nationalitet' });
    const after = findCandidates(db).candidates.find((c) => c.kind === 'company')!;
    expect([after.a.id, after.b.id]).toEqual([NORDIC, 'ext:os-co-1']);
    expect(after.explanation).toBe('namn 1,00, gemensamma företrädare (Dag Hovland)');
  });
});

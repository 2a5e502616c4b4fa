import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewPath } from '../../src/import/preview';
import { orgNr, tmpDir, writeDataset } from '../support/fixtures';

describe('previewPath', () => {
  it('reports table, encoding, delimiter, header problems and sample rows without a store', async () => {
    const dir = writeDataset(tmpDir(), { companies: [{ org_nr: orgNr('556036079'), name: 'Åkerö AB', färg: 'blå' }] }, { encoding: 'windows-1252', delimiter: ';', minimalHeaders: true });
    fs.writeFileSync(path.join(dir, 'roles.csv'), 'org_nr,holder_id\n1,2\n');
    const p = await previewPath(dir);
    expect(p).toEqual([
      { file: 'companies.csv', table: 'companies', format: 'csv', encoding: 'windows-1252', delimiter: ';', headers: ['org_nr', 'name', 'färg'], missingRequired: [], unknownColumns: ['färg'], sampleRows: [[orgNr('556036079'), 'Åkerö AB', 'blå']] },
      { file: 'roles.csv', table: 'roles', format: 'csv', encoding: 'utf-8', delimiter: ',', headers: ['org_nr', 'holder_id'], missingRequired: ['role'], unknownColumns: [], sampleRows: [['1', '2']] },
    ]);
  });
});

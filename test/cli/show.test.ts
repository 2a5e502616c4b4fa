import { describe, expect, it } from 'vitest';
import { profileText } from '../../src/cli/commands/show';
import { importPath } from '../../src/import/importer';
import { signalTitle } from '../../src/signals/titles';
import { getEntity } from '../../src/store/entities';
import { openDb } from '../../src/store/db';
import { tmpDir, writeDataset } from '../support/fixtures';
import { C1, P1, revokedWorld } from '../cases/world';

describe('insyn show (text)', () => {
  it('names roles, statuses, licence kinds and sanctions in Swedish, not as contract codes', async () => {
    const w = revokedWorld();
    w.sanctions = [{ subject_id: P1, kind: 'conviction', offence: 'violence', from: '2021-01-01' }];
    const db = openDb(':memory:');
    await importPath(db, writeDataset(tmpDir(), w));
    const company = profileText(getEntity(db, C1)!, signalTitle);
    expect(company).toContain('Status: Likvidation');
    expect(company).toContain('Styrelseledamot: Erik Lindqvist');
    expect(company).toContain('HVB barn och unga, återkallat 2023-05-15');
    const person = profileText(getEntity(db, P1)!, signalTitle);
    expect(person).toContain('VD i Ljusglimten Stödboende AB');
    expect(person).toContain('Dom (våldsbrott)');
    for (const code of ['board_member', 'liquidation', 'hvb_children', 'revoked', 'ceo', 'conviction', 'violence']) {
      expect(company + person).not.toMatch(new RegExp(`\\b${code}\\b`));
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/import/importer';
import { contractJson, runAnalysis } from '../../src/analysis/run';
import { openDb } from '../../src/store/db';
import { tmpDir } from '../support/fixtures';
import { org, pid } from './support';

/**
 * A dataset as a Swedish investigator would bring it: Windows-1252 `;`-separated Excel export,
 * Swedish header aliases, dashed ids, YYYYMMDD dates, `1 234,50` amounts. The signals must
 * see the same facts as from a clean UTF-8 file.
 */
const A = org(11), B = org(12);
const P = pid('19750614', '163');
const dash = (o: string) => `${o.slice(0, 6)}-${o.slice(6)}`;

describe('Swedish Excel export feeds the signals (independent review)', () => {
  it('revoked-network and financial-mismanagement fire from a cp1252 ; file with Swedish headers', async () => {
    const dir = tmpDir('insyn-review-xl-');
    const db = openDb(':memory:');
    try {
      const w = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), Buffer.from(text.replace(/\n/g, '\r\n'), 'latin1'));
      w('companies.csv', `Organisationsnummer;Namn;Adress;Postnummer;Ort\n${dash(A)};Ängsgårdens Vård AB;Åsgatan 1;722 15;Västerås\n${dash(B)};Björkängens Omsorg AB;Åsgatan 1;722 15;Västerås\n`);
      w('roles.csv', `orgnr;holder_id;role;share_pct;fr_o_m;t_o_m\n${dash(A)};${P.slice(2, 8)}-${P.slice(8)};ceo;;20180101;\n${dash(B)};${P};owner;50,0;2018-01-01;\n`);
      w('licences.csv', `licence_id;orgnr;kind;status;granted_on;status_on\nLA;${A};hvb_children;revoked;20150101;20220101\nLB;${B};hvb_children;granted;20150101;\nLC;${B};home_care;banned;20150101;20240301\n`);
      w('financial_events.csv', `subject_id;kind;amount_sek;occurred_on\n${dash(B)};enforcement_debt;"50 000,00";20240101\n`);
      const imp = await importPath(db, dir);
      expect(imp.quarantine).toEqual([]);
      const out = contractJson(runAnalysis(db, { asOf: '2025-01-01', persist: false }));
      const subj = (s: string) => out.hits.filter((h) => h.signal === s).map((h) => h.subject_id);
      expect(subj('revoked-network')).toEqual([P]);
      expect(subj('financial-mismanagement')).toEqual([B]);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importPath } from '../../src/import/importer';
import { openDb } from '../../src/store/db';
import { getEntity } from '../../src/store/entities';
import { tmpDir } from '../support/fixtures';

/** Second independent review of contract §1/§3/§5/§6 through the real importer (black box). */

const dirs: string[] = [];
const dataset = (files: Record<string, string | Buffer>): string => {
  const dir = tmpDir('insyn-review2-');
  dirs.push(dir);
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function importDir(dir: string) {
  const db = openDb(':memory:');
  const result = await importPath(db, dir);
  return { db, result };
}

describe('CSV rows (contract §1, §3)', () => {
  it("a Windows-1252 ';' export's trailing rows of only delimiters are no rows, not quarantined", async () => {
    const text = 'org_nr;name;city\r\n5566778899;K\xf6pmang\xe5rden AB;G\xf6teborg\r\n;;\r\n;;\r\n';
    const { db, result } = await importDir(dataset({ 'companies.csv': Buffer.from(text, 'latin1') }));
    expect(result.quarantine).toEqual([]);
    expect(result.quarantined).toBe(0);
    expect(result.rows).toEqual({ companies: 1 });
    expect(getEntity(db, '5566778899')?.name).toBe('Köpmangården AB');
    db.close();
  });

  it('a row whose cells hold only blanks (even across quoted line breaks) is a row: quarantined, not dropped', async () => {
    const { result } = await importDir(dataset({ 'persons.csv': 'person_id;name;birth_date\n  ;  ;"\n\n"\n195607116851;Ett Namn;1956-07-11\n;;\n' }));
    expect(result.records).toEqual({ 'persons.csv': 2 });
    expect(result.rows).toEqual({ persons: 1 });
    expect(result.quarantine).toEqual([expect.objectContaining({ file: 'persons.csv', line: 2, column: 'person_id' })]);
  });

  it('a trailing delimiter on a data row (empty field beyond the header) is not a bad row; a non-empty extra field is', async () => {
    const { result } = await importDir(dataset({ 'companies.csv': 'org_nr,name\n5566778899,A AB,\n2021000001,B AB,x\n' }));
    expect(result.rows).toEqual({ companies: 1 });
    expect(result.quarantine.map((q) => q.line)).toEqual([3]);
  });
});

describe('quarantine entries (contract §3: file:line, column, raw value, reason)', () => {
  it("a duplicate id's entry carries the raw value as written, not the internal key", async () => {
    const { result } = await importDir(dataset({ 'companies.csv': 'org_nr,name\n556677-8899,A AB\n165566778899,A AB igen\n' }));
    expect(result.quarantined).toBe(1);
    expect(result.quarantine[0]).toMatchObject({ file: 'companies.csv', line: 3, column: 'org_nr', value: '165566778899' });
  });
});

describe('header names (contract §1: case-insensitive, surrounding space ignored, Swedish aliases)', () => {
  it('Swedish abbreviations written with dots (Org.nr., Fr.o.m., T.o.m.) and surrounding spaces are matched', async () => {
    const { db, result } = await importDir(dataset({
      'Roles.CSV': ' Org.nr. ; Personnummer ;Roll; Fr.o.m. ; T.o.m. \n556677-8899;19800101-1231;ceo;20200101;20241231\n',
    }));
    expect(result.quarantine).toEqual([]);
    expect(result.rows).toEqual({ roles: 1 });
    const roles = getEntity(db, '5566778899')!.roles as unknown as { holder_id: string; from: string; to: string }[];
    expect(roles.map((r) => [r.holder_id, r.from, r.to])).toEqual([['198001011231', '2020-01-01', '2024-12-31']]);
    db.close();
  });
});

describe('show (contract §5: accepts any id that the store names)', () => {
  it('a company or person named only by other facts (payee, owner company, debtor, relation) has a profile', async () => {
    const { db } = await importDir(dataset({
      'companies.csv': 'org_nr,name\n5566778899,A AB\n',
      'roles.csv': 'org_nr,holder_id,role,share_pct\n5566778899,2021000001,owner,100\n',
      'payments.csv': 'payer,payee_org_nr,paid_on,amount_sek,purpose\nKommunen,5560000001,2025-01-01,"1 234,50",care\n',
      'relations.csv': 'a_id,b_id,kind\n19800101-1231,191001011236,parent\n',
    }));
    expect(getEntity(db, '202100-0001')).toMatchObject({ kind: 'company', id: '2021000001', name: null });
    expect(getEntity(db, '165560000001')).toMatchObject({ kind: 'company', id: '5560000001' });
    expect((getEntity(db, '5560000001')!.payments as unknown[]).length).toBe(1);
    expect(getEntity(db, '100101+1236')).toMatchObject({ kind: 'person', id: '191001011236' });
    expect(getEntity(db, '5566778890')).toBeNull();
    db.close();
  });
});

describe('encoding (contract §1: Windows-1252 detected automatically)', () => {
  it('a Windows-1252 letter at the very end of a chunk, after a UTF-8-looking start, is not lost when decoding switches', async () => {
    const { streamDecoder } = await import('../../src/import/encoding');
    const d = streamDecoder('utf-8');
    const text = d.decode(Buffer.from('Malm\xf6;G', 'latin1').subarray(0, 4)) + d.decode(Buffer.from([0xf6])) + d.decode(Buffer.from(';G\xf6teborg\n', 'latin1')) + d.end();
    expect(text).toBe('Malmö;Göteborg\n');
    const d2 = streamDecoder('utf-8');
    expect(d2.decode(Buffer.from('ab\xe5', 'latin1')) + d2.decode(Buffer.from('nd', 'latin1')) + d2.end()).toBe('abånd');
    const d3 = streamDecoder('utf-8');
    const utf8 = Buffer.from('Köpmangården', 'utf8');
    expect(d3.decode(utf8.subarray(0, 2)) + d3.decode(utf8.subarray(2)) + d3.end()).toBe('Köpmangården');
  });
});

describe('show of a sole trader (contract §1: its org_nr is the owner\'s 10-digit personnummer)', () => {
  it('the normalised 10-digit org_nr shows the company, the 12-digit person_id the owner', async () => {
    const { db } = await importDir(dataset({
      'companies.csv': 'org_nr,name,legal_form\n198001011231,Annas Firma,EF\n',
      'persons.csv': 'person_id,name\n800101-1231,Anna Andersson\n',
    }));
    expect(getEntity(db, '8001011231')).toMatchObject({ kind: 'company', id: '8001011231', name: 'Annas Firma' });
    expect(getEntity(db, '198001011231')).toMatchObject({ kind: 'person', id: '198001011231', name: 'Anna Andersson' });
    db.close();
  });
});

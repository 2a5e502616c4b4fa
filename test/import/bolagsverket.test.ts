import fc from 'fast-check';
import { zipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/import/importer';
import { bulkToCompany, parseBulkLine } from '../../src/import/readers/bolagsverket';
import { openDb } from '../../src/store/db';
import { orgNr, personId, tmpDir } from '../support/fixtures';

const HEADER = 'organisationsidentitet;namnskyddslopnummer;registreringsland;organisationsnamn;organisationsform;avregistreringsdatum;avregistreringsorsak;pagandeAvvecklingsEllerOmstruktureringsforfarande;registreringsdatum;verksamhetsbeskrivning;postadress';
const A = orgNr('556036079');
const B = orgNr('556677889');
const C = orgNr('559012345');
const D = orgNr('802400123');
const SOLE = personId('19811218', '987');

const row = (id: string, name: string, extra: Partial<Record<'form' | 'dereg' | 'cause' | 'proc' | 'desc' | 'addr', string>> = {}): string =>
  [`${id}`, '', 'SE-LAND', name, extra.form ?? 'AB-ORGFO', extra.dereg ?? '', extra.cause ?? '', extra.proc ?? '', '2020-01-02', extra.desc ?? 'Konsultverksamhet', extra.addr ?? 'Box 1$$STOCKHOLM$11122$SE-LAND']
    .map((f) => `"${f}"`)
    .join(';');

const SAMPLE = [
  HEADER,
  row(`${A}$ORGNR-IDORG`, 'Exempel AB$FORETAGSNAMN-ORGNAM$2020-01-02|Example$ANNATSPRAK-ORGNAM$2021-01-01', { proc: '|LI-AVOMFO$2026-04-01' }),
  // doubled quotes inside a field
  row(`${B}$ORGNR-IDORG`, 'Bolaget ""Solen"" AB$FORETAGSNAMN-ORGNAM$2020-01-02', { dereg: '2024-05-01', cause: 'KKAV' }),
  // a stray unmatched quote and control characters in the description
  row(`${C}$ORGNR-IDORG`, 'Stray AB$FORETAGSNAMN-ORGNAM$2020-01-02', { desc: 'Vård "och\u0007 omsorg\u0001 av 12" barn', addr: 'Storgatan 1$c/o Berg$UPPSALA$75310$SE-LAND' }),
  // sole trader: 12-digit personnummer becomes the 10-digit org_nr
  row(`${SOLE}$PERSON-IDORG`, 'Kalles Städ$FORETAGSNAMN-ORGNAM$2020-01-02', { form: 'EF-ORGFO' }),
  // unreadable: bad check digit, and a row with too few fields
  row(`5560360794$ORGNR-IDORG`, 'Fel AB$FORETAGSNAMN-ORGNAM$2020-01-02'),
  `"${D}$ORGNR-IDORG";"";"SE-LAND"`,
  // a line break inside a quoted field (joined with the next line)
  row(`${D}$ORGNR-IDORG`, 'Radbrytning AB$FORETAGSNAMN-ORGNAM$2020-01-02', { desc: 'rad ett\nrad två', dereg: '2023-01-01', cause: 'FUAV' }),
].join('\r\n') + '\r\n';

describe('Bolagsverket bulk file', () => {
  it('parses lines tolerantly', () => {
    expect(parseBulkLine('"a";"b ""c"" d";""')).toEqual({ fields: ['a', 'b "c" d', ''], closed: true });
    expect(parseBulkLine('"a "stray";"b"')).toEqual({ fields: ['a "stray', 'b'], closed: true });
    expect(parseBulkLine('"a";"open')).toEqual({ fields: ['a', 'open'], closed: false });
    expect(parseBulkLine('"x\u0000y";"z"').fields).toEqual(['xy', 'z']);
  });

  it('splits every line as a character-by-character reading of the same rules does (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('"', ';', 'a', 'ö', ' ', '\t', '\r', '$', '\u0001'), { maxLength: 40 }), (chars) => {
        const line = chars.join('');
        expect(parseBulkLine(line)).toEqual(referenceBulkLine(line));
      }),
      { numRuns: 3000 },
    );
  });

  it('maps names and postal addresses as a plain split of their subfields does (property)', () => {
    const part = fc.array(fc.constantFrom('$', '|', 'a', 'Ö', ' ', 'FORETAGSNAMN-ORGNAM', 'foretagsnamn-orgnam', 'BIFIRMA-ORGNAM'), { maxLength: 12 }).map((a) => a.join(''));
    fc.assert(
      fc.property(part, part, (names, address) => {
        const v = ['5560360793$ORGNR-IDORG', names, 'AB-ORGFO', '', '', '', address, '', '', '', ''];
        const got = bulkToCompany(v);
        const want = referenceNamesAndAddress(names, address);
        expect({ name: got[1], alt: got[9], street: got[6], co: got[10], city: got[8], postal: got[7], country: got[16] }).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });

  for (const packaging of ['txt', 'zip'] as const) {
    it(`imports companies from the ${packaging} with status, names, address and quarantine`, async () => {
      const dir = tmpDir();
      const file = path.join(dir, `bolagsverket_bulkfil.${packaging}`);
      if (packaging === 'txt') fs.writeFileSync(file, SAMPLE);
      else fs.writeFileSync(file, zipSync({ 'bolagsverket_bulkfil.txt': Buffer.from(SAMPLE) }));
      const db = openDb(path.join(dir, 's.sqlite'));
      const r = await importPath(db, file);
      expect(r.rows.companies).toBe(5);
      expect(r.quarantine.map((q) => [q.line, q.column])).toEqual([
        [6, 'org_nr'],
        [7, null],
      ]);
      const get = (id: string) => db.prepare('SELECT name, alt_names, legal_form, status, deregistered_on, address, co, city, postal_code, address_key, extra FROM companies WHERE org_nr = ?').get(id) as Record<string, string | null>;
      expect(get(A)).toMatchObject({ name: 'Exempel AB', alt_names: '["Example"]', legal_form: 'AB', status: 'liquidation', address: 'Box 1', city: 'STOCKHOLM', postal_code: '11122', address_key: 'BOX 1|11122' });
      expect(get(B)).toMatchObject({ name: 'Bolaget "Solen" AB', status: 'bankruptcy', deregistered_on: '2024-05-01' });
      expect(get(C)).toMatchObject({ name: 'Stray AB', co: 'c/o Berg', city: 'UPPSALA' });
      expect(JSON.parse(get(C).extra!).verksamhetsbeskrivning).toBe('Vård "och omsorg av 12" barn');
      expect(get('8112189876')).toMatchObject({ name: 'Kalles Städ', legal_form: 'EF', status: 'active' });
      expect(get(D)).toMatchObject({ name: 'Radbrytning AB', status: 'deregistered' });
      expect(db.prepare('SELECT src_line FROM companies WHERE org_nr = ?').pluck().get(D)).toBe(8);
      const again = await importPath(db, file);
      expect(again.already_imported).toBe(true);
    });
  }
});

describe('Bolagsverket legal form codes', () => {
  it('strips -ORGFO and maps E (enskild näringsidkare) to the contract form EF', async () => {
    const { legalFormOf } = await import('../../src/import/readers/bolagsverket');
    expect(legalFormOf('AB-ORGFO')).toBe('AB');
    expect(legalFormOf('E-ORGFO')).toBe('EF');
    expect(legalFormOf('HB-ORGFO')).toBe('HB');
    expect(legalFormOf('EF-ORGFO')).toBe('EF');
  });
});

/**
 * The rules of parseBulkLine written as plainly as possible, one character of a quoted field at a
 * time: a quote closes a field when only blanks stand between it and `;` or the end; `""` is a
 * quote unless it is the end of a field followed by the next one (`";"`); any other quote is text.
 */
function referenceBulkLine(line: string): { fields: string[]; closed: boolean } {
  const strip = (s: string): string => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  const blanksThenEnd = (from: number): boolean => /^[ \t\r]*(;|$)/.test(line.slice(from));
  const out: string[] = [];
  let p = 0;
  for (;;) {
    if (line.charAt(p) !== '"') {
      const rest = line.slice(p);
      const semi = rest.indexOf(';');
      out.push(strip((semi < 0 ? rest : rest.slice(0, semi)).trim()));
      if (semi < 0) return { fields: out, closed: true };
      p += semi + 1;
      continue;
    }
    let text = '';
    let q = p + 1;
    let closed = false;
    for (; q < line.length; q++) {
      const c = line.charAt(q);
      if (c !== '"') text += c;
      else if (line.charAt(q + 1) === '"' && !(line.startsWith('";"', q + 1) && blanksThenEnd(q + 2))) {
        text += '"';
        q++;
      } else if (blanksThenEnd(q + 1)) {
        closed = true;
        break;
      } else text += c;
    }
    out.push(strip(text));
    if (!closed) return { fields: out, closed: false };
    p = q + 1 + /^[ \t]*/.exec(line.slice(q + 1))![0].length;
    if (p >= line.length) return { fields: out, closed: true };
    p++;
  }
}

/** Names and address of a bulk record read by splitting every field into arrays (the plain reading). */
function referenceNamesAndAddress(orgNames: string, postAddress: string): Record<string, string> {
  const names = orgNames.split('|').filter(Boolean).map((n) => n.split('$'));
  const primary = names.find((n) => n[1]?.toUpperCase() === 'FORETAGSNAMN-ORGNAM') ?? names[0];
  const alt = names.filter((n) => n !== primary).map((n) => n[0]!.trim()).filter(Boolean);
  const [street = '', co = '', city = '', postal = '', country = ''] = postAddress.split('$');
  const land = country.length >= 5 && country.slice(-5).toUpperCase() === '-LAND' ? country.slice(0, -5) : country;
  return { name: (primary?.[0] ?? '').trim(), alt: alt.join('|'), street, co, city, postal, country: land };
}

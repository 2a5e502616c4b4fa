import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressKey, normalisePostalCode, normaliseStreet, splitCareOf } from '../../src/ids/address';
import { normaliseHolderId } from '../../src/ids/holder';
import { luhnCheckDigit, luhnValid } from '../../src/ids/luhn';
import { isLegalEntityOrgNr, normaliseOrgNr } from '../../src/ids/orgnr';
import { birthDateOf, isCoordinationNumber, normalisePersonId } from '../../src/ids/personnummer';
import { normaliseAmount, normaliseBool, normaliseDate, normaliseInt, normaliseShare, splitList } from '../../src/ids/values';

const TODAY = new Date('2026-11-25T00:00:00Z');
const value = <T>(r: { ok: boolean; value?: T }): T | undefined => (r.ok ? r.value : undefined);

/** A valid 10-digit number: 9 payload digits + Luhn check digit. */
const withCheck = (nine: string): string => nine + luhnCheckDigit(nine);

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const legalEntity = fc
  .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 2, max: 9 }), fc.array(digit, { minLength: 7, maxLength: 7 }))
  .map(([a, b, rest]) => withCheck(`${a}${b}${rest.join('')}`));
const birth = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true });
const serial = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));
/** [12-digit personnummer, 10-digit form with separator] */
const person = fc.tuple(birth, serial, fc.boolean()).map(([d, s, coord]) => {
  const y = d.getUTCFullYear();
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate() + (coord ? 60 : 0)).padStart(2, '0');
  const nine = `${String(y).slice(2)}${mm}${dd}${s}`;
  const ten = withCheck(nine);
  const sep = TODAY.getUTCFullYear() - y >= 100 ? '+' : '-';
  return { twelve: `${String(y).slice(0, 2)}${ten}`, dashed: `${ten.slice(0, 6)}${sep}${ten.slice(6)}`, coord };
});

describe('luhn', () => {
  it('computes the check digit of known numbers', () => {
    expect(luhnValid('5566778899')).toBe(true);
    expect(luhnValid('5566778898')).toBe(false);
    expect(luhnCheckDigit('556036079')).toBe(3);
    expect(luhnValid('5560360793')).toBe(true);
    expect(luhnValid('8112189876')).toBe(true);
  });
  it('any single-digit change breaks the check', () => {
    fc.assert(
      fc.property(legalEntity, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (n, pos, delta) => {
        const changed = n.slice(0, pos) + String((Number(n[pos]) + delta) % 10) + n.slice(pos + 1);
        expect(luhnValid(changed)).toBe(false);
        expect(normaliseOrgNr(changed).ok).toBe(false);
      }),
    );
  });
});

describe('org_nr', () => {
  it('accepts dashed, plain and 16-prefixed forms', () => {
    expect(value(normaliseOrgNr('556036-0793'))).toBe('5560360793');
    expect(value(normaliseOrgNr(' 5560360793 '))).toBe('5560360793');
    expect(value(normaliseOrgNr('165560360793'))).toBe('5560360793');
  });
  it('rejects wrong check digits, lengths and letters with a reason in both languages', () => {
    for (const bad of ['5560360794', '556036079', 'abc', '175560360793', '']) {
      const r = normaliseOrgNr(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.reason).toMatch(/org_nr/);
        expect(r.reasonSv).toMatch(/organisationsnum/);
      }
    }
  });
  it('a sole trader given by 12-digit personnummer becomes the 10-digit org_nr', () => {
    expect(value(normaliseOrgNr('198112189876'))).toBe('8112189876');
    expect(isLegalEntityOrgNr('8112189876')).toBe(false);
    expect(isLegalEntityOrgNr('5560360793')).toBe(true);
  });
  it('round-trips every valid org_nr in every input form', () => {
    fc.assert(
      fc.property(legalEntity, (n) => {
        expect(value(normaliseOrgNr(n))).toBe(n);
        expect(value(normaliseOrgNr(`${n.slice(0, 6)}-${n.slice(6)}`))).toBe(n);
        expect(value(normaliseOrgNr(`16${n}`))).toBe(n);
      }),
    );
  });
});

describe('personnummer', () => {
  it('normalises 10 and 12 digits, with - and +', () => {
    expect(value(normalisePersonId('811218-9876', TODAY))).toBe('198112189876');
    expect(value(normalisePersonId('8112189876', TODAY))).toBe('198112189876');
    expect(value(normalisePersonId('198112189876', TODAY))).toBe('198112189876');
    expect(value(normalisePersonId('19811218-9876', TODAY))).toBe('198112189876');
    expect(value(normalisePersonId('811218+9876', TODAY))).toBe('188112189876');
  });
  it('accepts samordningsnummer (day + 60)', () => {
    const r = normalisePersonId('701063-2391', TODAY);
    expect(r.ok).toBe(true);
    expect(isCoordinationNumber(value(r)!)).toBe(true);
    expect(birthDateOf(value(r)!)).toBe('1970-10-03');
  });
  it('keeps ext: ids opaque', () => {
    expect(value(normalisePersonId(' ext:NO-150278-44871 '))).toBe('ext:NO-150278-44871');
  });
  it('rejects impossible dates and bad check digits', () => {
    expect(normalisePersonId('811318-9876', TODAY).ok).toBe(false);
    expect(normalisePersonId('811218-9877', TODAY).ok).toBe(false);
    expect(normalisePersonId('ext:', TODAY).ok).toBe(false);
  });
  it('round-trips valid numbers (incl. samordningsnummer and 100+) in 10- and 12-digit form', () => {
    fc.assert(
      fc.property(person, (p) => {
        expect(value(normalisePersonId(p.twelve, TODAY))).toBe(p.twelve);
        expect(value(normalisePersonId(p.dashed, TODAY))).toBe(p.twelve);
        expect(isCoordinationNumber(p.twelve)).toBe(p.coord);
      }),
    );
  });
  it('any single-digit change of the last ten digits fails', () => {
    fc.assert(
      fc.property(person, fc.integer({ min: 2, max: 11 }), fc.integer({ min: 1, max: 9 }), (p, pos, delta) => {
        const changed = p.twelve.slice(0, pos) + String((Number(p.twelve[pos]) + delta) % 10) + p.twelve.slice(pos + 1);
        const r = normalisePersonId(changed, TODAY);
        expect(r.ok).toBe(false);
      }),
    );
  });
});

describe('holder_id', () => {
  it('infers person vs company', () => {
    expect(value(normaliseHolderId('556036-0793'))).toEqual({ id: '5560360793', kind: 'company' });
    expect(value(normaliseHolderId('811218-9876'))).toEqual({ id: '198112189876', kind: 'person' });
    expect(value(normaliseHolderId('ext:DK-1'))).toEqual({ id: 'ext:DK-1', kind: 'person' });
  });
  it('honours the kind hint: a sole trader as company keeps its 10-digit org_nr', () => {
    expect(value(normaliseHolderId('8112189876', 'company'))).toEqual({ id: '8112189876', kind: 'company' });
    expect(normaliseHolderId('5560360794').ok).toBe(false);
  });
});

describe('dates, amounts, ints, bools, lists', () => {
  it('dates', () => {
    expect(value(normaliseDate('2024-02-29'))).toBe('2024-02-29');
    expect(value(normaliseDate('20240229'))).toBe('2024-02-29');
    expect(value(normaliseDate(''))).toBe(null);
    expect(normaliseDate('2023-02-29').ok).toBe(false);
    expect(normaliseDate('29/02/2024').ok).toBe(false);
  });
  it('Swedish and English amounts are one number', () => {
    for (const s of ['1234.50', '1 234,50', '1234,50', '1.234,50', '1,234.50', '1\u00a0234,50', '1 234,50 kr']) expect(value(normaliseAmount(s))).toBe(1234.5);
    expect(value(normaliseAmount('1 000 000'))).toBe(1000000);
    expect(value(normaliseAmount('-50'))).toBe(-50);
    expect(normaliseAmount('12a').ok).toBe(false);
  });
  it('shares take a trailing percent sign; SEK amounts do not', () => {
    expect(['25 %', '25%', '25', ' 25\u00a0% ', '25 procent'].map((s) => value(normaliseShare(s)))).toEqual([25, 25, 25, 25, 25]);
    expect(value(normaliseShare('25,5 %'))).toBe(25.5);
    expect(value(normaliseShare(''))).toBeNull();
    expect(normaliseShare('%').ok).toBe(false);
    expect(normaliseShare('många %').ok).toBe(false);
    expect(normaliseAmount('25 %').ok).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 9 }), fc.constantFrom('%', ' %', '\u00a0%', ''), (whole, tenth, suffix) => {
        expect(value(normaliseShare(`${whole},${tenth}${suffix}`))).toBeCloseTo(whole + tenth / 10, 5);
      }),
    );
  });
  it('amount formatting round-trips', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 }), (kr, ore) => {
        const n = kr + ore / 100;
        const sv = `${kr.toLocaleString('sv-SE')},${String(ore).padStart(2, '0')}`;
        expect(value(normaliseAmount(sv))).toBeCloseTo(n, 2);
        expect(value(normaliseAmount(`${kr}.${String(ore).padStart(2, '0')}`))).toBeCloseTo(n, 2);
      }),
    );
  });
  it('a 5 000-digit amount or a huge integer is quarantined with a reason, never stored as Infinity (issue 13)', () => {
    const huge = normaliseAmount('9'.repeat(5000));
    expect(huge).toMatchObject({ ok: false });
    expect(!huge.ok && huge.reasonSv).toMatch(/orimligt stort/);
    expect(normaliseAmount(`-${'1'.repeat(400)},50`).ok).toBe(false);
    expect(normaliseAmount('1e400').ok).toBe(false);
    expect(value(normaliseAmount('999 999 999 999 999'))).toBe(999999999999999);
    expect(normaliseShare('9'.repeat(400)).ok).toBe(false);
    expect(normaliseInt('9'.repeat(400)).ok).toBe(false);
    expect(normaliseInt('9007199254740993').ok).toBe(false);
    fc.assert(fc.property(fc.stringMatching(/^-?\d{1,600}([.,]\d{1,3})?$/), (s) => {
      const r = normaliseAmount(s);
      if (r.ok) expect(Number.isFinite(r.value)).toBe(true);
    }));
  });
  it('ints and bools', () => {
    expect(value(normaliseInt(' 12 '))).toBe(12);
    expect(normaliseInt('1.5').ok).toBe(false);
    expect(value(normaliseBool('Ja'))).toBe(true);
    expect(value(normaliseBool('false'))).toBe(false);
    expect(normaliseBool('kanske').ok).toBe(false);
    expect(splitList(' a | b||c ')).toEqual(['a', 'b', 'c']);
  });
});

describe('address key', () => {
  it('upper-cases, removes c/o, LGH and punctuation, keeps Swedish letters', () => {
    expect(addressKey('Storgatan 12 B, lgh 1102', '111 22')).toBe('STORGATAN 12 B|11122');
    expect(addressKey('c/o Svensson, Storgatan 12B', '11122')).toBe('STORGATAN 12 B|11122');
    expect(addressKey('Ängsvägen 3.', '722 15')).toBe('ÄNGSVÄGEN 3|72215');
    expect(addressKey('', '11122')).toBe(null);
    expect(normalisePostalCode('1234')).toBe('');
    expect(normaliseStreet('  Kungsgatan   44  ')).toBe('KUNGSGATAN 44');
    expect(splitCareOf('c/o Anna Berg, Box 12')).toEqual({ street: 'Box 12', co: 'Anna Berg' });
  });
  it('is idempotent on its own street output', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = normaliseStreet(s);
        expect(normaliseStreet(once)).toBe(once);
      }),
    );
  });
});

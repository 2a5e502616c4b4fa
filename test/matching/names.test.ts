import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { companyTokens, nameSimilarity, personTokens, skeleton, tokenSimilarity } from '../../src/matching/names';
import { canReach, scorePair } from '../../src/matching/score';
import type { MatchRecord } from '../../src/matching/records';

const word = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzåäöéü'.split('')), minLength: 2, maxLength: 10 });

describe('name features', () => {
  it('tokens ignore order, case, punctuation and diacritics', () => {
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
      const a = personTokens(words.join(' '));
      const b = personTokens([...words].reverse().map((w) => w.toUpperCase()).join(', '));
      expect(b).toEqual(a);
    }));
    expect(personTokens('Björn Öberg-Åberg')).toEqual(['aberg', 'bjorn', 'oberg']);
    expect(personTokens('Mohammed al-Hassan')).toEqual(['hassan', 'mohammed']);
    expect(personTokens('Дмитрий Волков')).toEqual(['dmitriy', 'volkov']);
    expect(companyTokens('Nordic Care Holding AB')).toEqual(companyTokens('NORDIC CARE HOLDING A/S'));
    expect(companyTokens('Omsorg i Norr Aktiebolag')).toEqual(['i', 'norr', 'omsorg']);
  });

  it('similarity is symmetric, 1 for the same tokens in any order, within [0, 1]', () => {
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 3 }), fc.array(word, { minLength: 1, maxLength: 3 }), (x, y) => {
      const a = personTokens(x.join(' '));
      const b = personTokens(y.join(' '));
      const ab = nameSimilarity(a, b).score;
      expect(ab).toBeCloseTo(nameSimilarity(b, a).score, 9);
      expect(ab).toBeGreaterThanOrEqual(0);
      expect(ab).toBeLessThanOrEqual(1);
      expect(nameSimilarity(a, [...a].reverse()).score).toBe(1);
    }));
  });

  it('spelling keys join transliteration variants and vowel typos, not different names', () => {
    for (const [a, b] of [['mohammed', 'muhammad'], ['mohamed', 'muhammad'], ['sergei', 'sergey'], ['jurij', 'yuriy'], ['hovland', 'hovlnad'], ['kowalski', 'kovalsky'], ['aleksandr', 'alexander'], ['juergen', 'jurgen']]) {
      expect(skeleton(a!), `${a} / ${b}`).toBe(skeleton(b!));
    }
    for (const [a, b] of [['erik', 'anders'], ['hansson', 'jansson'], ['karin', 'maria']]) expect(skeleton(a!)).not.toBe(skeleton(b!));
  });

  it('an initial matches its name; the order of written names is reported', () => {
    expect(tokenSimilarity('j', 'jan')).toEqual({ score: 0.85, initial: true, variant: false });
    expect(tokenSimilarity('k', 'jan').score).toBe(0);
    const m = nameSimilarity(personTokens('KOWALSKI, Jan'), personTokens('Jan Kowalski'), { a: 'KOWALSKI, Jan', b: 'Jan Kowalski' });
    expect(m).toMatchObject({ score: 1, reordered: true });
    expect(nameSimilarity(personTokens('Anna Maria Svensson'), personTokens('Anna Svensson')).score).toBeCloseTo(0.967, 3);
    // Every name part must match: another family name caps the whole (Johansson / Jakobsson).
    expect(nameSimilarity(personTokens('Amanda Johansson'), personTokens('Amanda Jakobsson')).score).toBeLessThan(0.8);
    expect(nameSimilarity(personTokens('Märta Wikström'), personTokens('Märta Ekström')).score).toBeLessThan(0.8);
    // A repeated name is two name parts, not one.
    expect(nameSimilarity(personTokens('Mohammed Mohammed'), personTokens('Marie Mohammed')).score).toBeLessThan(0.8);
    // A shared spelling key by chance is no variant when the names are far apart or of other length.
    expect(tokenSimilarity('marie', 'mirja').variant).toBe(false);
    expect(tokenSimilarity('ivan', 'ivanna').score).toBeLessThan(0.75);
  });
});

const rec = (o: Partial<MatchRecord>): MatchRecord => ({ id: 'ext:x', kind: 'person', name: '', tokens: personTokens(o.name ?? ''), birthDate: null, country: null, addressKey: null, source: 'persons.csv:2', swedish: false, ...o });

describe('score parts', () => {
  const none = new Map();
  it('explains each part in Swedish with its weight; what speaks against comes last', () => {
    const a = rec({ id: 'ext:a', name: 'Dag Hovland', birthDate: '1978-02-15', country: 'NO', addressKey: 'STORGATAN 1|11122' });
    const b = rec({ id: 'ext:b', name: 'Dag Hovlnad', birthDate: '1978-02-15', country: 'DK', addressKey: 'STORGATAN 1|11122' });
    const s = scorePair(a, b, none, none);
    expect(s.parts.map((p) => p.text)).toEqual(['namn 0,95 (stavningsvariant)', 'samma födelsedatum', 'samma adress', 'olika land (NO / DK)']);
    expect(s.score).toBeCloseTo(0.95 * 0.55 + 0.35 + 0.15 - 0.2, 3);
  });

  it('birth dates: a swapped or mistyped digit is near, another year speaks strongly against', () => {
    const score = (x: string | null, y: string | null) => scorePair(rec({ name: 'Ola Nordmann', birthDate: x }), rec({ id: 'ext:y', name: 'Ola Nordmann', birthDate: y }), none, none);
    expect(score('1980-03-04', '1980-04-03').parts[1]!.text).toBe('nästan samma födelsedatum (1980-03-04 / 1980-04-03)');
    // One slip apart neither speaks for nor against (a mistyped digit, transposed digits).
    expect(score('1980-03-04', '1980-03-05').parts[1]).toMatchObject({ text: 'nästan samma födelsedatum (1980-03-04 / 1980-03-05)', weight: 0 });
    expect(score('1980-03-12', '1980-03-21').parts[1]!.weight).toBe(0);
    expect(score('1975-12-26', '1975-12-02').parts[1]!.text).toBe('olika födelsedatum (1975-12-26 / 1975-12-02)');
    expect(score('1950-03-04', '1982-03-04').score).toBeLessThan(0.1);
    expect(score(null, '1982-03-04').parts[1]!.text).toBe('födelsedatum saknas');
    // The cheap bound never drops a pair the full score would keep, even with every optional part in its favour.
    const dates = fc.constantFrom(null, '1980-03-04', '1980-04-03', '1980-03-05', '1981-03-04', '1950-11-30');
    fc.assert(fc.property(dates, dates, fc.double({ min: 0, max: 1, noNaN: true }), (x, y, min) => {
      const links = new Map([['ext:a', [{ other: 'o1', role: 'chair' }, { other: 'o2', role: 'chair' }]], ['ext:b', [{ other: 'o1', role: 'chair' }, { other: 'o2', role: 'chair' }]]]);
      const best = scorePair(rec({ id: 'ext:a', name: 'Ola Nordmann', birthDate: x, country: 'NO', addressKey: 'A|1' }), rec({ id: 'ext:b', name: 'Ola Nordmann', birthDate: y, country: 'NO', addressKey: 'A|1' }), links, new Map());
      if (!canReach(1, x, y, min)) expect(best.score).toBeLessThan(min);
    }));
  });

  it('shared companies: a shared board when both hold formal roles there', () => {
    const a = rec({ id: 'ext:a', name: 'Ingrid Haugen' });
    const b = rec({ id: 'ext:b', name: 'Ingrid Haugen' });
    const links = new Map([['ext:a', [{ other: '5560000001', role: 'board_member' }]], ['ext:b', [{ other: '5560000001', role: 'chair' }]]]);
    const s = scorePair(a, b, links, new Map([['5560000001', 'Fjord Omsorg AB']]));
    expect(s.parts.map((p) => p.text)).toEqual(['namn 1,00', 'gemensam styrelse (Fjord Omsorg AB)', 'födelsedatum saknas']);
    const employees = new Map([['ext:a', [{ other: '5560000001', role: 'employee' }]], ['ext:b', [{ other: '5560000001', role: 'employee' }]]]);
    expect(scorePair(a, b, employees, new Map()).parts[1]!.text).toBe('gemensamt bolag (5560000001)');
  });
});

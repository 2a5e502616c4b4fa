import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Planter } from './builder';

/**
 * Planted duplicates for entity resolution (issue 15): one human behind two records, written the
 * ways sources differ — a typo, family name first, a missing birth date, other transliterations,
 * an initial, an ext: id beside a samordningsnummer — and near misses that must not be proposed
 * (a father and son, a sibling pair, namesakes born apart, two personnummer). The pairs go to
 * `truth_matches.csv` (a_id, b_id, expected match | no_match, variant, note) beside the tables.
 * Names come from outside the background's name lists, so background namesakes cannot interfere.
 */
export const MATCH_TRUTH_FILE = 'truth_matches.csv';

export interface MatchTruthRow {
  a_id: string;
  b_id: string;
  expected: 'match' | 'no_match';
  variant: string;
  note: string;
}

export function plantDuplicates(p: Planter): MatchTruthRow[] {
  const truth: MatchTruthRow[] = [];
  const pair = (a: string, b: string, expected: MatchTruthRow['expected'], variant: string, note: string) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    truth.push({ a_id: x, b_id: y, expected, variant, note });
  };
  // ext: persons written directly: the planter's person() gives every ext: person a birth date.
  const ext = (id: string, name: string, birth: string | null) => {
    p.w.write('persons', { person_id: id, name, birth_date: birth });
    return id;
  };
  const board = (org: string, holder: string, from: string) => p.role(org, holder, 'board_member', from);

  // Typo (letters transposed), each record on another company's board.
  {
    const a = ext('ext:LT-690312-0001', 'Tomas Petrauskas', '1969-03-12');
    const b = ext('ext:ftm-9c41e0a7', 'Tomas Petraukas', '1969-03-12');
    board(p.plain({ registered: '2015-02-01', trade: 'Bygg' }), a, '2016-01-01');
    board(p.plain({ registered: '2017-02-01', trade: 'Transport' }), b, '2018-01-01');
    pair(a, b, 'match', 'typo', 'a letter dropped in the family name; same birth date');
  }
  // Family name first (as in FtM and many registers), with a comma.
  {
    const a = ext('ext:PL-721130-0002', 'Jan Kowalski', '1972-11-30');
    const b = ext('ext:ftm-1d77b2c9', 'KOWALSKI, Jan', '1972-11-30');
    board(p.plain({ registered: '2014-05-01', trade: 'Städ' }), a, '2014-05-01');
    board(p.plain({ registered: '2019-08-01', trade: 'Städ' }), b, '2019-08-01');
    pair(a, b, 'match', 'swapped_order', 'family name first, upper case; same birth date');
  }
  // Missing birth date: the FtM record has none, but both sit on one company's board.
  {
    const a = ext('ext:NO-810505-0003', 'Ingrid Haugen', '1981-05-05');
    const b = ext('ext:ftm-4b2e9f10', 'Ingrid Haugen', null);
    const shared = p.plain({ registered: '2018-03-01', trade: 'Konsult', filler: false });
    board(shared, a, '2018-03-01');
    p.role(shared, b, 'chair', '2019-01-01');
    pair(a, b, 'match', 'missing_birth_date', 'no birth date in one source; shared board');
  }
  // Transliterations of Russian, Arabic and Ukrainian names, and of German umlauts.
  {
    const variants: [string, string, string, string, string][] = [
      ['ext:EE-660808-0004', 'Sergei Ivanov', 'ext:ftm-a0c3d5e6', 'Sergey Ivanov', '1966-08-08'],
      ['ext:DK-790120-0005', 'Mohammed Al-Hassan', 'ext:ftm-b7e2a9c1', 'Muhammad Hasan', '1979-01-20'],
      ['ext:PL-830707-0006', 'Jurij Kovalenko', 'ext:ftm-c5d1f3b8', 'Yuriy Kovalenko', '1983-07-07'],
      ['ext:DE-580404-0007', 'Jürgen Müller', 'ext:ftm-d9a4c2e7', 'Juergen Mueller', '1958-04-04'],
    ];
    for (const [ida, namea, idb, nameb, birth] of variants) {
      board(p.plain({ registered: '2016-06-01', trade: 'Import' }), ext(ida, namea, birth), '2016-06-01');
      board(p.plain({ registered: '2020-06-01', trade: 'Handel' }), ext(idb, nameb, birth), '2020-06-01');
      pair(ida, idb, 'match', 'transliteration', `${namea} / ${nameb}`);
    }
  }
  // An initial for the given name, no Finnish letters.
  {
    const a = ext('ext:FI-601201-0008', 'Pekka Järvinen', '1960-12-01');
    const b = ext('ext:ftm-e3b8d6a2', 'P. Jarvinen', '1960-12-01');
    board(p.plain({ registered: '2012-01-10', trade: 'Data' }), a, '2012-01-10');
    board(p.plain({ registered: '2013-01-10', trade: 'Media' }), b, '2013-01-10');
    pair(a, b, 'match', 'initial', 'given name as an initial; ä written a');
  }
  // A foreign director who later got a samordningsnummer (a Swedish id, birth date in the number).
  {
    const a = ext('ext:DK-741021-0009', 'Mette Frederiksen', '1974-10-21');
    const b = p.person({ birth: '1974-10-21', coordination: true, name: 'Mette Fredriksen' });
    board(p.plain({ registered: '2011-04-01', trade: 'Redovisning' }), a, '2011-04-01');
    board(p.plain({ registered: '2021-04-01', trade: 'Redovisning' }), b, '2021-04-01');
    pair(a, b, 'match', 'ext_vs_swedish_id', 'ext: id and samordningsnummer; a letter dropped');
  }
  // One officer under two ids, chair of a revoked and board member of a banned company: alone
  // neither id fires revoked-network; once the match is confirmed the joined person does.
  {
    const a = ext('ext:NO-630317-0010', 'Ole Brekke', '1963-03-17');
    const b = ext('ext:ftm-f1e6b4c3', 'Brekke, Ole', '1963-03-17');
    const x = p.licensed({ kind: 'hvb_adults', status: 'revoked', registered: '2017-01-15', granted: '2017-09-01', statusOn: '2024-08-20', capacity: 9, ageMin: 18, ageMax: 64 });
    const y = p.licensed({ kind: 'personal_assistance', status: 'banned', registered: '2019-03-01', granted: '2019-10-01', statusOn: '2025-03-10' });
    p.role(x.org, a, 'chair', '2018-01-01');
    board(y.org, b, '2020-01-01');
    pair(a, b, 'match', 'swapped_order', 'revoked-network once joined (chair of a revoked, board of a banned company)');
    p.notFire('revoked-network', 'person', a, 'one revoked company under this ext: id; the same officer as ext:ftm-f1e6b4c3 (issue 15 planted duplicate) fires only once a person confirms the match');
    p.notFire('revoked-network', 'person', b, 'one banned company under this ext: id (see ext:NO-630317-0010)');
  }

  // Near misses: never to be proposed.
  {
    const father = ext('ext:NO-500202-0011', 'Lars Hovden', '1950-02-02');
    const son = ext('ext:ftm-0a9b8c7d', 'Lars Hovden', '1982-09-09');
    pair(father, son, 'no_match', 'namesake_other_birth_year', 'father and son: same name, born 32 years apart');
    const a = ext('ext:PL-800303-0012', 'Anna Nowak', '1980-03-03');
    const b = ext('ext:ftm-5e4d3c2b', 'Anna Nowak', '1980-11-21');
    pair(a, b, 'no_match', 'namesake_other_birth_date', 'same name and birth year, another date (not a swapped or mistyped digit)');
    const brother = ext('ext:UA-700101-0013', 'Ivan Petrenko', '1970-01-01');
    const sister = ext('ext:ftm-7c6b5a49', 'Ivanna Petrenko', '1970-01-01');
    pair(brother, sister, 'no_match', 'twin_siblings', 'twins: one letter apart in the given name, same birth date (a hard case)');
    const onlyName = ext('ext:ftm-3f2e1d0c', 'Greta Lindholm-Sandvik', null);
    const swede = p.person({ birth: '1977-07-07', name: 'Greta Lindholm-Sandvik' });
    pair(onlyName, swede, 'no_match', 'name_only', 'a name and nothing else to compare: not enough to propose');
    const t1 = p.person({ birth: '1985-05-15', name: 'Oskar Wendt-Malm' });
    const t2 = p.person({ birth: '1985-05-15', name: 'Oskar Wendt-Malm' });
    pair(t1, t2, 'no_match', 'two_swedish_ids', 'two personnummer are never merged, whatever the names');
  }

  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  writeFileSync(join(p.w.dir, MATCH_TRUTH_FILE), ['a_id,b_id,expected,variant,note', ...truth.map((t) => [t.a_id, t.b_id, t.expected, t.variant, t.note].map(esc).join(','))].join('\n') + '\n');
  return truth;
}

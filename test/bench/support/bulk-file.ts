import fs from 'node:fs';
import { withCheckDigit, personnummer, breakCheckDigit } from '../../../src/demo/ids';
import { affinePermutation, Rng } from '../../../src/demo/prng';
import { addDays } from '../../../src/model/dates';

/**
 * Bolagsverket's bulk file of all registered organisations in its published layout (contract §6):
 * every field quoted, `;`-separated, subfields `$`, repeated values `|`; about a third active,
 * sole traders by personnummer, alternative names, ongoing proceedings, and the real file's
 * oddities (doubled quotes, stray quotes, control characters) in descriptions. Deterministic.
 */
export const BULK_HEADER = 'organisationsidentitet;namnskyddslopnummer;registreringsland;organisationsnamn;organisationsform;avregistreringsdatum;avregistreringsorsak;pagandeAvvecklingsEllerOmstruktureringsforfarande;registreringsdatum;verksamhetsbeskrivning;postadress';

const FORMS: [string, string, number][] = [
  ['AB-ORGFO', '55', 55], ['E-ORGFO', '', 25], ['HB-ORGFO', '96', 6], ['KB-ORGFO', '96', 2], ['EK-ORGFO', '76', 3], ['BRF-ORGFO', '76', 5], ['I-ORGFO', '80', 4],
];
const CAUSES: [string, number][] = [['AVAV', 40], ['FUAV', 15], ['KKAV', 20], ['LIAV', 20], ['OV', 5]];
const STREETS = ['Storgatan', 'Kungsgatan', 'Drottninggatan', 'Vasagatan', 'Industrivägen', 'Skolvägen', 'Kyrkogatan', 'Östra Långgatan', 'Åkervägen', 'Björkvägen'];
const CITIES: [string, string][] = [['STOCKHOLM', '11'], ['GÖTEBORG', '41'], ['MALMÖ', '21'], ['UPPSALA', '75'], ['VÄSTERÅS', '72'], ['ÖREBRO', '70'], ['LINKÖPING', '58'], ['UMEÅ', '90']];
const WORDS = ['Bygg', 'Omsorg', 'Vård', 'Konsult', 'Fastighets', 'Transport', 'Städ', 'Hemtjänst', 'Assistans', 'Data', 'Handel', 'Invest', 'Nordic', 'Svea', 'Göta'];
const ACTIVITY = [
  'Verksamhet inom vård och omsorg med boende',
  'Konsultverksamhet avseende företags organisation',
  'Att bedriva byggverksamhet och därmed förenlig verksamhet',
  'Personlig assistans enligt LSS samt hemtjänst',
  'Förvaltning av fastigheter, köp och försäljning av värdepapper',
  'Transporter av gods och personer samt uthyrning av fordon',
];

const q = (s: string): string => `"${s}"`;
const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const date = (rng: Rng, from: number, to: number): string => `${rng.int(from, to)}-${pad(rng.int(1, 12), 2)}-${pad(rng.int(1, 28), 2)}`;

/** One data line of the bulk file for organisation number `i` (0-based). */
export function bulkLine(i: number, seed: number, perm: (i: number) => number): string {
  const rng = Rng.keyed(seed, 'bulk', i);
  const [form, prefix] = rng.weighted(FORMS.map(([f, p, w]) => [[f, p], w] as const));
  const soleTrader = form === 'E-ORGFO';
  // Unique ids: the permuted index picks the number (and for a sole trader the birth day and number).
  const k = perm(i);
  let id = soleTrader ? `${personnummer(addDays('1940-01-01', k % 21_900), Math.floor(k / 21_900) % 1000)}$PERSON-IDORG` : `${withCheckDigit(prefix + pad(k, 7))}$ORGNR-IDORG`;
  if (rng.chance(0.0002)) id = id.replace(/^(\d+)/, (n) => breakCheckDigit(n)); // unreadable: quarantined
  const name = `${rng.pick(WORDS)} ${rng.pick(WORDS)}${soleTrader ? '' : ' AB'} ${i}`;
  const registered = date(rng, 1970, 2025);
  const names = [`${name}$FORETAGSNAMN-ORGNAM$${registered}`];
  if (rng.chance(0.1)) names.push(`${name} Sweden$ANNATSPRAK-ORGNAM$${registered}`);
  if (rng.chance(0.05)) names.push(`${rng.pick(WORDS)} Partner$BIFIRMA-ORGNAM$${date(rng, 2000, 2025)}`);
  const active = rng.chance(0.36);
  const dereg = active ? '' : date(rng, 1990, 2026);
  const cause = active ? '' : rng.weighted(CAUSES);
  const proceeding = active && rng.chance(0.02) ? `|${rng.pick(['LI-AVOMFO', 'KK-AVOMFO'])}$${date(rng, 2024, 2026)}` : '';
  let activity = rng.pick(ACTIVITY);
  if (rng.chance(0.01)) activity += ' inom ""Trygg Hemma""'; // doubled quotes
  if (rng.chance(0.005)) activity += ' av 12" rör'; // a stray quote, kept as text
  if (rng.chance(0.002)) activity += '\u0007'; // a control character, dropped
  const [city, zip] = rng.pick(CITIES);
  const co = rng.chance(0.05) ? `c/o ${rng.pick(WORDS)}` : '';
  const address = `${rng.pick(STREETS)} ${rng.int(1, 120)}$${co}$${city}$${zip}${pad(rng.int(100, 999), 3)}$SE-LAND`;
  return [id, rng.chance(0.2) ? '1' : '', 'SE-LAND', names.join('|'), form, dereg, cause, proceeding, registered, activity, address].map(q).join(';');
}

/** Writes `rows` organisations to `file` (CRLF lines, UTF-8 as published). */
export async function writeBulkFile(file: string, rows: number, seed: number): Promise<void> {
  const perm = affinePermutation(10_000_000, seed);
  const out = fs.createWriteStream(file);
  const write = (s: string): Promise<void> | void => (out.write(s) ? undefined : new Promise((r) => out.once('drain', () => r())));
  let batch = BULK_HEADER + '\r\n';
  for (let i = 0; i < rows; i++) {
    batch += bulkLine(i, seed, perm) + '\r\n';
    if (batch.length > 1 << 20) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  await new Promise<void>((r) => out.end(() => r()));
}

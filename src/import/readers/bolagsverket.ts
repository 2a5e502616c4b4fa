import { MAX_RECORD_CHARS, PREVIEW_CHARS, TOO_LONG } from '../limits';
import type { RowSink } from './sink';

/**
 * Bolagsverket's bulk file (contract §6): every field quoted, `;`-separated, subfields `$`,
 * repeated values `|`. The real file has doubled quotes, stray quotes and control characters,
 * so lines are parsed by a tolerant hand-written parser, row by row.
 */

export const BULK_HEADER_FIRST = 'organisationsidentitet';

export function isBulkHeader(line: string): boolean {
  return line.replace(/^\uFEFF/, '').replace(/^"/, '').trim().toLowerCase().startsWith(BULK_HEADER_FIRST);
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
/** CONTROL without the flag: one test of the whole line spares a replace per field (nearly every line has none). */
const HAS_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/**
 * Split one bulk line into fields. A quote closes a field only when followed by `;` or the end of
 * the line; `""` is a literal quote; any other quote is a stray and kept as text.
 * `closed` is false when the last field's quote never closes (a line break inside a field).
 */
export function parseBulkLine(line: string): { fields: string[]; closed: boolean } {
  const fields: string[] = [];
  const n = line.length;
  const strip = HAS_CONTROL.test(line);
  let i = 0;
  for (;;) {
    if (i < n && line[i] === '"') {
      i++;
      let buf = '';
      let start = i;
      let closed = false;
      while (i < n) {
        // Only quotes matter inside a quoted field: jump to the next one.
        const q = line.indexOf('"', i);
        if (q < 0) {
          i = n;
          break;
        }
        i = q;
        if (line[i + 1] === '"' && !(line[i + 2] === ';' && line[i + 3] === '"' && isFieldEnd(line, i + 1))) {
          buf += line.slice(start, i + 1);
          i += 2;
          start = i;
          continue;
        }
        if (isFieldEnd(line, i)) {
          buf += line.slice(start, i);
          i++;
          closed = true;
          break;
        }
        i++; // stray quote: keep as text
      }
      if (!closed) buf += line.slice(start, i);
      fields.push(strip ? buf.replace(CONTROL, '') : buf);
      if (!closed) return { fields, closed: false };
      while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
      if (i >= n) return { fields, closed: true };
      i++; // the `;`
    } else {
      const end = line.indexOf(';', i);
      const stop = end < 0 ? n : end;
      const field = line.slice(i, stop).trim();
      fields.push(strip ? field.replace(CONTROL, '') : field);
      if (end < 0) return { fields, closed: true };
      i = end + 1;
    }
  }
}

/** True when the quote at `i` is followed (after blanks) by `;` or the end of the line. */
function isFieldEnd(line: string, i: number): boolean {
  let j = i + 1;
  while (j < line.length && (line[j] === ' ' || line[j] === '\t' || line[j] === '\r')) j++;
  return j >= line.length || line[j] === ';';
}

const VIRTUAL_HEADER = ['org_nr', 'name', 'legal_form', 'registered_on', 'deregistered_on', 'status', 'address', 'postal_code', 'city', 'alt_names', 'co', 'namnskyddslopnummer', 'registreringsland', 'avregistreringsorsak', 'pagande_forfarande', 'verksamhetsbeskrivning', 'land'];

const sub = (v: string | undefined): string[] => (v ?? '').split('$');
/** The first `$` subfield: most fields need only that, and a split allocates an array per call. */
const first = (v: string): string => {
  const i = v.indexOf('$');
  return i < 0 ? v : v.slice(0, i);
};

/** The bulk file's columns bulkToCompany reads, in the order of its argument. */
export const BULK_FIELDS = [
  'organisationsidentitet', 'organisationsnamn', 'organisationsform', 'avregistreringsdatum', 'avregistreringsorsak',
  'pagandeavvecklingselleromstruktureringsforfarande', 'postadress', 'registreringsdatum', 'namnskyddslopnummer',
  'registreringsland', 'verksamhetsbeskrivning',
] as const;

/** Map one bulk record (the trimmed values of BULK_FIELDS, in order) to the companies columns of VIRTUAL_HEADER. */
export function bulkToCompany(v: readonly string[]): string[] {
  const [id = '', orgNames = '', form = '', deregOn = '', causeRaw = '', proceedingsRaw = '', postAddress = '', registeredOn = '', protectionNo = '', regCountry = '', activity = ''] = v;
  const idRaw = first(id);
  // Most companies have one name (no `|`): it is the primary one, with no split into arrays.
  const [name, altNames] = orgNames.includes('|') ? namesOf(orgNames) : [first(orgNames).trim(), ''];
  const legalForm = legalFormOf(first(form));
  const cause = causeRaw.toUpperCase();
  // Most companies have no proceedings: no split for an empty field.
  const proceedings = proceedingsRaw ? proceedingsRaw.split('|').filter(Boolean).map(sub) : [];
  let status = 'active';
  if (cause.startsWith('KK')) status = 'bankruptcy';
  else if (cause.startsWith('LI')) status = 'liquidation';
  else if (cause || deregOn) status = 'deregistered';
  else if (proceedings.some((p) => p[0]!.toUpperCase().startsWith('KK'))) status = 'bankruptcy';
  else if (proceedings.some((p) => p[0]!.toUpperCase().startsWith('LI'))) status = 'liquidation';
  const address = subfields(postAddress, ADDRESS_PARTS);
  const street = address[0]!;
  const co = address[1]!;
  const city = address[2]!;
  const postalCode = address[3]!;
  const country = address[4]!;
  return [
    idRaw.trim(),
    name,
    legalForm,
    registeredOn,
    deregOn,
    status,
    street,
    postalCode,
    city,
    altNames,
    co,
    protectionNo,
    withoutLand(first(regCountry)),
    cause,
    proceedingsRaw,
    activity,
    withoutLand(country),
  ];
}

/**
 * The company's name and its other names (`|`-joined) from the names field: `|`-separated
 * entries of `name$type$date`; the primary name is the first of type FORETAGSNAMN-ORGNAM, else
 * the first entry.
 */
function namesOf(orgNames: string): [string, string] {
  const names = orgNames.split('|').filter(Boolean).map(sub);
  const primary = names.find((n) => n[1]?.toUpperCase() === 'FORETAGSNAMN-ORGNAM') ?? names[0];
  const alt = names.filter((n) => n !== primary).map((n) => n[0]!.trim()).filter(Boolean);
  return [(primary?.[0] ?? '').trim(), alt.join('|')];
}

/** postadress: street$co$city$postal code$country. */
const ADDRESS_PARTS = 5;

/**
 * The first `count` `$`-subfields of `v` ('' for those it lacks) in an array reused by every call
 * (read it before the next call): a split allocated an array of all of them per row.
 */
function subfields(v: string, count: number): readonly string[] {
  const out = SUBFIELDS;
  let start = 0;
  for (let k = 0; k < count; k++) {
    if (start < 0) {
      out[k] = '';
      continue;
    }
    const end = v.indexOf('$', start);
    out[k] = end < 0 ? v.slice(start) : v.slice(start, end);
    start = end < 0 ? -1 : end + 1;
  }
  return out;
}
const SUBFIELDS: string[] = [];

/** A country code without Bolagsverket's `-LAND` suffix (`SE-LAND` → `SE`). */
function withoutLand(code: string): string {
  const n = code.length;
  return n >= 5 && code.charCodeAt(n - 5) === 45 /* - */ && code.slice(n - 4).toUpperCase() === 'LAND' ? code.slice(0, n - 5) : code;
}

const MAX_JOIN = 5;

/** Read the bulk file's text into `sink` as companies rows. */
export async function readBulk(chunks: AsyncIterable<string>, sink: RowSink): Promise<void> {
  let header: string[] | null = null;
  /** Where each of BULK_FIELDS is in the header (-1: absent, read as empty). */
  let positions: number[] = [];
  /** The record's values of BULK_FIELDS (one array for every record: bulkToCompany keeps none of it). */
  const picked: string[] = new Array<string>(BULK_FIELDS.length).fill('');
  let lineNo = 0;
  let rest = '';
  let pending: { start: number; text: string; joins: number } | null = null;
  let stop = false;

  const record = (start: number, fields: string[]): void => {
    if (!header) {
      header = fields.map((f) => f.replace(/^\uFEFF/, '').trim().toLowerCase());
      const index = new Map(header.map((h, i) => [h, i]));
      positions = BULK_FIELDS.map((f) => index.get(f) ?? -1);
      // parseBulkLine strips control characters (a superset of the normaliser's).
      sink.header('companies', VIRTUAL_HEADER, { cellsClean: true });
      return;
    }
    if (fields.length !== header.length) {
      sink.bad(start, null, fields.join(';').slice(0, 200), `bulk row has ${fields.length} fields, header has ${header.length}`, `raden har ${fields.length} fält, rubrikraden har ${header.length}`);
      return;
    }
    for (let k = 0; k < positions.length; k++) {
      const i = positions[k]!;
      picked[k] = i < 0 ? '' : (fields[i] ?? '').trim();
    }
    sink.row('companies', start, bulkToCompany(picked));
  };

  const line = (text: string): void => {
    lineNo++;
    if (pending) {
      pending.text += '\n' + text;
      pending.joins++;
    } else {
      if (text.trim() === '') return;
      pending = { start: lineNo, text, joins: 0 };
    }
    const parsed = parseBulkLine(pending.text);
    if (!parsed.closed && pending.joins < MAX_JOIN && (!header || parsed.fields.length < header.length)) return; // a line break inside a field
    const p = pending;
    pending = null;
    if (!parsed.closed) {
      sink.bad(p.start, null, p.text.slice(0, 200), 'a quote is never closed', 'ett citattecken stängs aldrig');
      return;
    }
    record(p.start, parsed.fields);
    if (sink.tick()) stop = true;
  };

  /** A line over the limit (or the record it continues) is one bad row; only its start is kept. */
  const tooLong = (preview: string): void => {
    lineNo++;
    // A record being joined over line breaks started earlier (its lines are counted already).
    const p = pending as { start: number; text: string } | null;
    pending = null;
    sink.bad(p ? p.start : lineNo, null, (p ? `${p.text}\n${preview}` : preview).slice(0, PREVIEW_CHARS), TOO_LONG.reason, TOO_LONG.reasonSv);
    if (sink.tick()) stop = true;
  };
  let skipping = false;
  for await (const chunk of chunks) {
    let text = rest + chunk;
    if (skipping) {
      // The rest of an over-long line: dropped up to its line break.
      const nl = text.indexOf('\n');
      if (nl < 0) continue;
      skipping = false;
      text = text.slice(nl + 1);
    }
    let from = 0;
    for (;;) {
      const nl = text.indexOf('\n', from);
      if (nl < 0) break;
      if (nl - from > MAX_RECORD_CHARS) tooLong(text.slice(from, from + PREVIEW_CHARS));
      else line(text.slice(from, nl > from && text[nl - 1] === '\r' ? nl - 1 : nl));
      from = nl + 1;
      if (stop) return;
    }
    rest = text.slice(from);
    if (rest.length > MAX_RECORD_CHARS) {
      // Reported (and counted) now; the rest of the line is skipped up to its line break.
      tooLong(rest.slice(0, PREVIEW_CHARS));
      if (stop) return;
      rest = '';
      skipping = true;
    }
    const wait = sink.ready?.();
    if (wait) await wait;
  }
  if (rest) line(rest.replace(/\r$/, ''));
  if (pending) {
    const p: { start: number; text: string } = pending;
    sink.bad(p.start, null, p.text.slice(0, 200), 'a quote is never closed', 'ett citattecken stängs aldrig');
  }
  if (!header) sink.header('companies', []);
}

/** Bolagsverket's form code without its `-ORGFO` suffix; `E` (enskild näringsidkare) is the contract's `EF`. */
export function legalFormOf(code: string): string {
  const form = code.replace(/-ORGFO$/i, '');
  return form.toUpperCase() === 'E' ? 'EF' : form;
}

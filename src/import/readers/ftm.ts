import { normaliseOrgNr } from '../../ids/orgnr';
import { normalisePersonId } from '../../ids/personnummer';
import type { TableName } from '../../model/tables';
import { MAX_RECORD_CHARS, PREVIEW_CHARS, TOO_LONG } from '../limits';
import type { RowSink } from './sink';

/**
 * FollowTheMoney JSON lines (contract §6). Two passes over the file: the first maps every
 * entity id to a Swedish org_nr/person_id (or an `ext:` id) and collects Address entities, the
 * second emits rows. Relationship entities refer to others by id, in any order.
 */

interface FtmEntity {
  id?: unknown;
  schema?: unknown;
  properties?: Record<string, unknown>;
}

type Ref = { kind: 'company' | 'person'; id: string };
type AddressParts = { street: string; postal: string; city: string };

const COMPANY_SCHEMAS = new Set(['Company', 'Organization', 'LegalEntity', 'PublicBody']);
const HEADERS: Partial<Record<TableName, string[]>> = {
  companies: ['org_nr', 'name', 'alt_names', 'legal_form', 'registered_on', 'deregistered_on', 'address', 'postal_code', 'city', 'phone', 'email', 'ftm_id', 'ftm_schema'],
  // nationality: kept as an extra attribute; entity resolution compares it (issue 15)
  persons: ['person_id', 'name', 'birth_date', 'address', 'postal_code', 'city', 'deceased_on', 'ftm_id', 'nationality'],
  roles: ['org_nr', 'holder_id', 'role', 'holder_kind', 'share_pct', 'from', 'to', 'ftm_id', 'ftm_role'],
  employments: ['org_nr', 'person_id', 'title', 'from', 'to', 'ftm_id'],
  sanctions: ['subject_id', 'kind', 'from', 'to', 'decision_ref', 'ftm_id', 'program', 'ftm_reason'],
};

function values(e: FtmEntity, prop: string): string[] {
  const v = e.properties?.[prop];
  if (!Array.isArray(v)) return [];
  const out: string[] = [];
  for (const x of v) {
    if (typeof x === 'string') out.push(x);
    else if (typeof x === 'number') out.push(String(x));
    else if (x && typeof x === 'object' && typeof (x as FtmEntity).id === 'string') out.push((x as { id: string }).id);
  }
  return out;
}
const first = (e: FtmEntity, prop: string): string => values(e, prop)[0] ?? '';
const fullDate = (s: string): string => (/^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : '');

/**
 * A company is Swedish when its jurisdiction is `se` (or Sweden) or not given. Only then can its
 * number be a Swedish org_nr: a Norwegian or Finnish registration number may pass the Luhn check
 * by chance and must not become some Swedish company's id (issue 13).
 */
export function swedishJurisdiction(e: FtmEntity): boolean {
  const j = values(e, 'jurisdiction').map((v) => v.trim().toLowerCase()).filter(Boolean);
  return j.length === 0 || j.some((v) => v === 'se' || v === 'swe' || v === 'sweden' || v === 'sverige');
}

function companyId(e: FtmEntity): string {
  if (!swedishJurisdiction(e)) return `ext:${String(e.id)}`;
  for (const p of ['registrationNumber', 'idNumber', 'taxNumber', 'vatCode']) {
    for (const v of values(e, p)) {
      const o = normaliseOrgNr(v.replace(/^SE/i, '').replace(/01$/, (m) => (v.length === 14 ? '' : m)));
      if (o.ok) return o.value;
    }
  }
  return `ext:${String(e.id)}`;
}

function personId(e: FtmEntity): string {
  for (const p of ['idNumber', 'nationalId', 'personalNumber', 'taxNumber', 'registrationNumber']) {
    for (const v of values(e, p)) {
      const n = normalisePersonId(v);
      if (n.ok) return n.value;
    }
  }
  return `ext:${String(e.id)}`;
}

const ROLE_PATTERNS: [RegExp, string][] = [
  [/deputy.*(ceo|director)|vice.*vd|vice verkställande/i, 'deputy_ceo'],
  [/\bceo\b|verkställande direktör|\bvd\b|managing director|chief executive/i, 'ceo'],
  [/chair|ordförande/i, 'chair'],
  [/deputy|suppleant|alternate/i, 'deputy_board_member'],
  [/auditor|revisor/i, 'auditor'],
  [/liquidator|likvidator/i, 'liquidator'],
  [/signator|firmatecknare/i, 'signatory'],
  [/partner|delägare|bolagsman/i, 'partner'],
  [/beneficial|verklig huvudman/i, 'beneficial_owner'],
  [/föreståndare|operations manager/i, 'operations_manager'],
];
export function ftmRole(text: string): string {
  for (const [re, role] of ROLE_PATTERNS) if (re.test(text)) return role;
  return 'board_member';
}

function sanctionKind(text: string): string {
  if (/näringsförbud|trading.?ban|disqualif/i.test(text)) return 'trading_ban';
  if (/convict|dömd|dom\b/i.test(text)) return 'conviction';
  return 'suspicion';
}

/** Lines with their numbers; a line over the limit comes as its first characters, flagged, and is not kept whole. */
async function* lines(chunks: AsyncIterable<string>): AsyncGenerator<[number, string, boolean]> {
  let rest = '';
  let n = 0;
  let skipping = false;
  for await (const chunk of chunks) {
    let text = rest + chunk;
    if (skipping) {
      const nl = text.indexOf('\n');
      if (nl < 0) continue;
      skipping = false;
      text = text.slice(nl + 1);
    }
    let from = 0;
    for (;;) {
      const nl = text.indexOf('\n', from);
      if (nl < 0) break;
      yield nl - from > MAX_RECORD_CHARS ? [++n, text.slice(from, from + PREVIEW_CHARS), true] : [++n, text.slice(from, nl), false];
      from = nl + 1;
    }
    rest = text.slice(from);
    if (rest.length > MAX_RECORD_CHARS) {
      yield [++n, rest.slice(0, PREVIEW_CHARS), true];
      rest = '';
      skipping = true;
    }
  }
  if (rest) yield [++n, rest, false];
}

function parse(text: string): FtmEntity | null {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as FtmEntity) : null;
  } catch {
    return null;
  }
}

/** Pass 1: entity id → normalised id, and Address entities. */
export async function indexFtm(chunks: AsyncIterable<string>): Promise<{ refs: Map<string, Ref>; addresses: Map<string, AddressParts> }> {
  const refs = new Map<string, Ref>();
  const addresses = new Map<string, AddressParts>();
  for await (const [, text, tooLong] of lines(chunks)) {
    if (tooLong || !text.trim()) continue;
    const e = parse(text);
    if (!e || typeof e.id !== 'string') continue;
    if (COMPANY_SCHEMAS.has(String(e.schema))) refs.set(e.id, { kind: 'company', id: companyId(e) });
    else if (e.schema === 'Person') refs.set(e.id, { kind: 'person', id: personId(e) });
    else if (e.schema === 'Address') {
      addresses.set(e.id, { street: first(e, 'street') || first(e, 'full'), postal: first(e, 'postalCode'), city: first(e, 'city') });
    }
  }
  return { refs, addresses };
}

/** Pass 2: emit rows for the entities of the file into `sink`. */
export async function readFtm(chunks: AsyncIterable<string>, index: Awaited<ReturnType<typeof indexFtm>>, sink: RowSink): Promise<void> {
  const started = new Set<TableName>();
  const emit = (table: TableName, line: number, cells: string[]): void => {
    if (!started.has(table)) {
      sink.header(table, HEADERS[table]!, { allowExtOrgNr: true });
      started.add(table);
    }
    sink.row(table, line, cells);
  };
  const address = (e: FtmEntity): AddressParts => {
    const ref = first(e, 'addressEntity');
    const a = ref ? index.addresses.get(ref) : undefined;
    return a ?? { street: first(e, 'address'), postal: '', city: '' };
  };
  const ref = (line: number, e: FtmEntity, prop: string): Ref | null => {
    const id = first(e, prop);
    const r = id ? index.refs.get(id) : undefined;
    if (!r) sink.bad(line, prop, id || null, `${String(e.schema)} refers to an entity not in the file`, `${String(e.schema)} hänvisar till en entitet som inte finns i filen`);
    return r ?? null;
  };
  for await (const [line, text, tooLong] of lines(chunks)) {
    if (tooLong) {
      sink.bad(line, null, text, TOO_LONG.reason, TOO_LONG.reasonSv);
      continue;
    }
    if (!text.trim()) continue;
    const e = parse(text);
    if (!e || typeof e.id !== 'string' || typeof e.schema !== 'string') {
      sink.bad(line, null, text.slice(0, 200), 'not a FollowTheMoney entity (JSON with id and schema)', 'inte en FollowTheMoney-entitet (JSON med id och schema)');
    } else if (COMPANY_SCHEMAS.has(e.schema)) {
      const names = [...values(e, 'name'), ...values(e, 'alias'), ...values(e, 'previousName')];
      const a = address(e);
      emit('companies', line, [index.refs.get(e.id)!.id, names[0] ?? '', names.slice(1).join('|'), first(e, 'legalForm'), fullDate(first(e, 'incorporationDate')), fullDate(first(e, 'dissolutionDate')), a.street, a.postal, a.city, first(e, 'phone'), first(e, 'email'), e.id, e.schema]);
    } else if (e.schema === 'Person') {
      const a = address(e);
      emit('persons', line, [index.refs.get(e.id)!.id, first(e, 'name') || [first(e, 'firstName'), first(e, 'lastName')].filter(Boolean).join(' '), fullDate(first(e, 'birthDate')), a.street, a.postal, a.city, fullDate(first(e, 'deathDate')), e.id, first(e, 'nationality') || first(e, 'citizenship') || first(e, 'country')]);
    } else if (e.schema === 'Directorship' || e.schema === 'Ownership') {
      const isOwner = e.schema === 'Ownership';
      const holder = ref(line, e, isOwner ? 'owner' : 'director');
      if (!holder) continue;
      const org = ref(line, e, isOwner ? 'asset' : 'organization');
      if (!org) continue;
      const roleText = first(e, 'role');
      emit('roles', line, [org.id, holder.id, isOwner ? 'owner' : ftmRole(roleText), holder.kind, isOwner ? first(e, 'percentage') : '', fullDate(first(e, 'startDate')), fullDate(first(e, 'endDate')), e.id, roleText]);
    } else if (e.schema === 'Employment') {
      const person = ref(line, e, 'employee');
      if (!person) continue;
      const org = ref(line, e, 'employer');
      if (!org) continue;
      emit('employments', line, [org.id, person.id, first(e, 'role'), fullDate(first(e, 'startDate')), fullDate(first(e, 'endDate')), e.id]);
    } else if (e.schema === 'Sanction') {
      const subject = ref(line, e, 'entity');
      if (!subject) continue;
      const text2 = [first(e, 'program'), first(e, 'reason'), first(e, 'summary')].join(' ');
      emit('sanctions', line, [subject.id, sanctionKind(text2), fullDate(first(e, 'startDate')) || fullDate(first(e, 'listingDate')), fullDate(first(e, 'endDate')), first(e, 'authorityId') || first(e, 'unscId'), e.id, first(e, 'program'), first(e, 'reason')]);
    } else if (e.schema === 'Address') {
      continue; // referenced by companies and persons; not a row of its own
    } else {
      sink.bad(line, 'schema', e.schema, `FollowTheMoney schema ${e.schema} is not imported`, `FollowTheMoney-schemat ${e.schema} importeras inte`);
    }
    if (sink.tick()) return;
    const wait = sink.ready?.();
    if (wait) await wait;
  }
}

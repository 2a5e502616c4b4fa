import * as E from './enums';

/**
 * The contract's tables (shared/contract.md §2) as data: one source for the importer (header
 * matching, aliases, value parsing), the store (columns, natural keys) and the docs.
 */
export type ColumnType =
  | 'org_nr' // normalised 10 digits
  | 'person_id' // 12 digits or ext:
  | 'holder_id' // org_nr or person_id; kind stored in a sibling `*_kind` column
  | 'id' // any non-empty trimmed string
  | 'text'
  | 'date'
  | 'amount'
  | 'int'
  | 'bool'
  | 'enum'
  | 'list' // `|`-separated, stored as JSON array
  | 'person_id_list';

export interface ColumnSpec {
  /** Contract name (CSV header). */
  name: string;
  /** SQL column name (differs where the contract name is an SQL keyword). */
  sql: string;
  type: ColumnType;
  required?: boolean;
  values?: readonly string[];
  /** Accepted header aliases (lower-case), Swedish and common variants. */
  aliases?: readonly string[];
}

export interface TableSpec {
  name: TableName;
  columns: readonly ColumnSpec[];
  /** Columns whose values identify a row (the natural key used for upserts). */
  key: readonly string[];
  /** Sets of columns of which at least one must be present (e.g. placements: home_id or licence_id). */
  oneOf?: readonly (readonly string[])[];
  /** Columns that hold an address and its postal code, from which `address_key` is derived. */
  address?: { street: string; postal: string };
}

export const TABLE_NAMES = ['companies', 'persons', 'roles', 'licences', 'inspections', 'reviewed_persons', 'foster_homes', 'placements', 'employments', 'legitimations', 'financial_events', 'sanctions', 'relations', 'residences', 'payments'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const c = (name: string, type: ColumnType, opts: Partial<ColumnSpec> = {}): ColumnSpec => ({ name, sql: opts.sql ?? name, type, ...opts });
const from = (required = false) => c('from', 'date', { sql: 'from_date', required, aliases: ['fr_o_m', 'från', 'fran', 'from_date', 'start', 'startdatum', 'fom'] });
const to = () => c('to', 'date', { sql: 'to_date', aliases: ['t_o_m', 'till', 'to_date', 'slut', 'slutdatum', 'tom'] });
const ORG = ['orgnr', 'org_nr', 'organisationsnummer', 'org.nr', 'orgnummer', 'organisationsnr'];
const PERSON = ['personnummer', 'pnr', 'personnr', 'person_nr', 'samordningsnummer'];
const address = (required = false) => [
  c('address', 'text', { required, aliases: ['adress', 'gatuadress', 'utdelningsadress', 'street'] }),
  c('postal_code', 'text', { aliases: ['postnummer', 'postnr', 'zip'] }),
  c('city', 'text', { aliases: ['ort', 'postort', 'stad'] }),
];

export const TABLES: Record<TableName, TableSpec> = {
  companies: {
    name: 'companies', key: ['org_nr'], address: { street: 'address', postal: 'postal_code' },
    columns: [
      c('org_nr', 'org_nr', { required: true, aliases: ORG }),
      c('name', 'text', { required: true, aliases: ['namn', 'företagsnamn', 'foretagsnamn', 'firma', 'bolagsnamn'] }),
      c('legal_form', 'text', { aliases: ['bolagsform', 'juridisk_form', 'organisationsform'] }),
      c('registered_on', 'date', { aliases: ['registreringsdatum', 'registrerad'] }),
      c('deregistered_on', 'date', { aliases: ['avregistreringsdatum', 'avregistrerad'] }),
      c('status', 'enum', { values: E.COMPANY_STATUSES }),
      ...address(),
      c('phone', 'text', { aliases: ['telefon', 'tel', 'telefonnummer'] }),
      c('email', 'text', { aliases: ['e-post', 'epost', 'mail', 'e_post'] }),
      c('sni', 'text', { aliases: ['sni_kod', 'sni-kod'] }),
    ],
  },
  persons: {
    name: 'persons', key: ['person_id'], address: { street: 'address', postal: 'postal_code' },
    columns: [
      c('person_id', 'person_id', { required: true, aliases: PERSON }),
      c('name', 'text', { aliases: ['namn', 'fullständigt namn'] }),
      c('birth_date', 'date', { aliases: ['födelsedatum', 'fodelsedatum'] }),
      ...address(),
      c('deceased_on', 'date', { aliases: ['avliden', 'dödsdatum', 'dodsdatum'] }),
    ],
  },
  roles: {
    name: 'roles', key: ['org_nr', 'holder_id', 'role', 'from'],
    columns: [
      c('org_nr', 'org_nr', { required: true, aliases: ORG }),
      c('holder_id', 'holder_id', { required: true, aliases: ['innehavare', 'holder', ...PERSON] }),
      c('role', 'enum', { required: true, values: E.ROLES, aliases: ['roll', 'befattning'] }),
      c('holder_kind', 'enum', { values: ['person', 'company'] }),
      c('share_pct', 'amount', { aliases: ['andel', 'ägarandel', 'agarandel', 'share'] }),
      from(), to(),
    ],
  },
  licences: {
    name: 'licences', key: ['licence_id'], address: { street: 'address', postal: 'postal_code' },
    columns: [
      c('licence_id', 'id', { required: true, aliases: ['tillstånd_id', 'tillstand_id', 'tillståndsid'] }),
      c('org_nr', 'org_nr', { required: true, aliases: ORG }),
      c('kind', 'enum', { required: true, values: E.LICENCE_KINDS, aliases: ['typ', 'verksamhetstyp'] }),
      c('status', 'enum', { required: true, values: E.LICENCE_STATUSES }),
      c('unit_name', 'text', { aliases: ['enhet', 'enhetsnamn'] }),
      ...address(),
      c('capacity', 'int', { aliases: ['platser', 'kapacitet'] }),
      c('age_min', 'int', { aliases: ['ålder_min', 'alder_min'] }),
      c('age_max', 'int', { aliases: ['ålder_max', 'alder_max'] }),
      c('target_group', 'text', { aliases: ['målgrupp', 'malgrupp'] }),
      c('granted_on', 'date', { aliases: ['beviljat', 'beviljad'] }),
      c('status_on', 'date', { aliases: ['statusdatum'] }),
      c('decision_ref', 'text', { aliases: ['diarienummer', 'dnr', 'beslut'] }),
      c('reason', 'text', { aliases: ['skäl', 'skal', 'motivering'] }),
    ],
  },
  inspections: {
    name: 'inspections', key: ['org_nr', 'licence_id', 'decided_on', 'outcome'],
    columns: [
      c('org_nr', 'org_nr', { required: true, aliases: ORG }),
      c('licence_id', 'id'),
      c('decided_on', 'date', { required: true, aliases: ['beslutsdatum', 'beslutad'] }),
      c('outcome', 'enum', { required: true, values: E.INSPECTION_OUTCOMES, aliases: ['utfall', 'resultat'] }),
      c('findings', 'text', { aliases: ['iakttagelser', 'brister'] }),
      c('tags', 'list', { values: E.INSPECTION_TAGS, aliases: ['taggar'] }),
    ],
  },
  reviewed_persons: {
    name: 'reviewed_persons', key: ['org_nr', 'person_id', 'reviewed_on'],
    columns: [
      c('org_nr', 'org_nr', { required: true, aliases: ORG }),
      c('person_id', 'person_id', { required: true, aliases: PERSON }),
      c('role', 'text', { aliases: ['roll'] }),
      c('reviewed_on', 'date', { required: true, aliases: ['prövad', 'provad', 'prövningsdatum'] }),
      c('outcome', 'enum', { values: E.REVIEW_OUTCOMES, aliases: ['utfall', 'resultat'] }),
    ],
  },
  foster_homes: {
    name: 'foster_homes', key: ['home_id'], address: { street: 'address', postal: 'postal_code' },
    columns: [
      c('home_id', 'id', { required: true, aliases: ['familjehem_id', 'hem_id'] }),
      ...address(true),
      c('municipality', 'text', { aliases: ['kommun'] }),
      c('parent_ids', 'person_id_list', { required: true, aliases: ['familjehemsföräldrar', 'foraldrar'] }),
      c('approved_capacity', 'int', { aliases: ['godkända_platser', 'platser'] }),
      c('approved_on', 'date', { aliases: ['godkänd', 'godkand'] }),
      c('ended_on', 'date', { aliases: ['avslutad'] }),
      c('consultant_org_nr', 'org_nr', { aliases: ['konsulent_orgnr'] }),
    ],
  },
  placements: {
    name: 'placements', key: ['placement_id'], oneOf: [['home_id', 'licence_id']],
    columns: [
      c('placement_id', 'id', { required: true, aliases: ['placering_id'] }),
      from(true), to(),
      c('home_id', 'id', { aliases: ['familjehem_id'] }),
      c('licence_id', 'id', { aliases: ['tillstånd_id', 'tillstand_id'] }),
      c('child_ref', 'id', { aliases: ['barn_ref', 'barn'] }),
      c('child_birth_year', 'int', { aliases: ['födelseår', 'fodelsear'] }),
      c('municipality', 'text', { aliases: ['kommun'] }),
      c('daily_fee_sek', 'amount', { aliases: ['dygnsavgift', 'dygnskostnad'] }),
      c('payee_org_nr', 'org_nr', { aliases: ['mottagare_orgnr'] }),
    ],
  },
  employments: {
    name: 'employments', key: ['org_nr', 'person_id', 'from'],
    columns: [
      c('org_nr', 'org_nr', { required: true, aliases: ORG }),
      c('person_id', 'person_id', { required: true, aliases: PERSON }),
      c('title', 'text', { aliases: ['titel', 'befattning'] }),
      c('profession', 'enum', { values: E.PROFESSIONS, aliases: ['yrke'] }),
      from(true), to(),
      c('record_check_on', 'date', { aliases: ['registerkontroll', 'registerutdrag'] }),
      c('works_with_children', 'bool', { aliases: ['arbetar_med_barn'] }),
      c('workplace', 'text', { aliases: ['arbetsplats'] }),
    ],
  },
  legitimations: {
    name: 'legitimations', key: ['person_id', 'profession', 'granted_on'],
    columns: [
      c('person_id', 'person_id', { required: true, aliases: PERSON }),
      c('profession', 'enum', { required: true, values: E.PROFESSIONS, aliases: ['yrke'] }),
      c('granted_on', 'date', { required: true, aliases: ['utfärdad', 'utfardad', 'beviljad'] }),
      c('revoked_on', 'date', { aliases: ['återkallad', 'aterkallad'] }),
      c('restricted', 'bool', { aliases: ['begränsad', 'begransad'] }),
    ],
  },
  financial_events: {
    name: 'financial_events', key: ['subject_id', 'kind', 'occurred_on', 'amount_sek', 'source'],
    columns: [
      c('subject_id', 'holder_id', { required: true, aliases: [...ORG, ...PERSON] }),
      c('kind', 'enum', { required: true, values: E.FINANCIAL_EVENT_KINDS, aliases: ['typ', 'händelse'] }),
      c('amount_sek', 'amount', { aliases: ['belopp', 'belopp_sek', 'amount'] }),
      c('occurred_on', 'date', { required: true, aliases: ['datum', 'inträffade'] }),
      c('resolved_on', 'date', { aliases: ['reglerad', 'avslutad'] }),
      c('source', 'text', { aliases: ['källa', 'kalla'] }),
    ],
  },
  sanctions: {
    name: 'sanctions', key: ['subject_id', 'kind', 'from', 'offence', 'decision_ref'],
    columns: [
      c('subject_id', 'holder_id', { required: true, aliases: [...ORG, ...PERSON] }),
      c('kind', 'enum', { required: true, values: E.SANCTION_KINDS, aliases: ['typ'] }),
      from(true), to(),
      c('offence', 'enum', { values: E.OFFENCES, aliases: ['brott', 'brottstyp'] }),
      c('decision_ref', 'text', { aliases: ['diarienummer', 'dnr', 'mål', 'malnummer'] }),
    ],
  },
  relations: {
    name: 'relations', key: ['a_id', 'b_id', 'kind', 'from'],
    columns: [
      c('a_id', 'holder_id', { required: true }),
      c('b_id', 'holder_id', { required: true }),
      c('kind', 'enum', { required: true, values: E.RELATION_KINDS, aliases: ['typ', 'relation'] }),
      from(), to(),
    ],
  },
  residences: {
    name: 'residences', key: ['person_id', 'address', 'postal_code', 'from'], address: { street: 'address', postal: 'postal_code' },
    columns: [c('person_id', 'person_id', { required: true, aliases: PERSON }), ...address(true), from(true), to()],
  },
  payments: {
    name: 'payments', key: ['payer', 'payee_org_nr', 'paid_on', 'amount_sek', 'purpose', 'licence_id', 'home_id'],
    columns: [
      c('payer', 'text', { required: true, aliases: ['utbetalare', 'betalare', 'kommun'] }),
      c('payee_org_nr', 'org_nr', { required: true, aliases: ['mottagare_orgnr', 'mottagare', ...ORG] }),
      c('paid_on', 'date', { required: true, aliases: ['utbetald', 'betaldatum', 'datum'] }),
      c('amount_sek', 'amount', { required: true, aliases: ['belopp', 'belopp_sek'] }),
      c('purpose', 'enum', { values: E.PAYMENT_PURPOSES, aliases: ['syfte', 'ändamål'] }),
      c('licence_id', 'id', { aliases: ['tillstånd_id', 'tillstand_id'] }),
      c('home_id', 'id', { aliases: ['familjehem_id'] }),
    ],
  },
};

/**
 * Event tables (natural key of several columns, no id of their own — contract §1 names ids only
 * for entities, licences, foster homes and placements): two identical rows in one file are two
 * events (two payments of the same amount on the same day), not a duplicate.
 */
export const OCCURRENCE_KEYED: ReadonlySet<TableName> = new Set(TABLE_NAMES.filter((t) => TABLES[t].key.length > 1));

import type {
  AUDIT_ACTIONS, COMPANY_STATUSES, FINANCIAL_EVENT_KINDS, HIT_STATUSES, INSPECTION_OUTCOMES, INSPECTION_TAGS, LICENCE_KINDS,
  LICENCE_STATUSES, OFFENCES, PAYMENT_PURPOSES, PROFESSIONS, RELATION_KINDS, REVIEW_OUTCOMES, ROLES, SANCTION_KINDS, SUBJECT_KINDS,
} from './enums';

/**
 * Swedish labels for the contract enums (src/model/enums.ts) — the one source for the core's
 * evidence texts, the API's profile and the renderer. Each table is typed against its enum, so a
 * code added to enums.ts without a label is a compile error.
 *
 * Two shapes: `*_SV` is the in-sentence wording used in evidence texts (lower case), `*_DISPLAY_SV`
 * the standalone wording for tables and badges (capitalised). A display table is derived from the
 * in-sentence one unless the UI has its own wording (licence kinds: shorter UI names).
 */

type Labels<T extends readonly string[]> = Readonly<Record<T[number], string>>;

/** Capitalises the first letter of every label (keeps the enum's key order for option lists). */
function capitalised<K extends string>(table: Readonly<Record<K, string>>): Readonly<Record<K, string>> {
  return Object.fromEntries(Object.entries<string>(table).map(([k, v]) => [k, v.charAt(0).toUpperCase() + v.slice(1)])) as Record<K, string>;
}

/** The label, or the raw code when the table has none (an unknown code stays visible); `ifMissing` for null/empty. */
export function labelSv(table: Readonly<Record<string, string>>, code: string | null | undefined, ifMissing: string): string {
  if (code == null || code === '') return ifMissing;
  return table[code] ?? code;
}

/** A count with its word in the right number: "1 ny nod", "2 nya noder", "1 larm". */
export function countSv(n: number, one: string, many: string): string {
  return `${n.toLocaleString('sv-SE')} ${n === 1 ? one : many}`;
}

/** Items joined as Swedish lists them: "a", "a och b", "a, b och c" (`eller` for alternatives). */
export function listSv(items: readonly string[], last: 'och' | 'eller' = 'och'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

// In-sentence wording (evidence texts).

export const ROLE_SV: Labels<typeof ROLES> = {
  board_member: 'styrelseledamot', deputy_board_member: 'styrelsesuppleant', chair: 'styrelseordförande', ceo: 'VD',
  deputy_ceo: 'vice VD', signatory: 'firmatecknare', auditor: 'revisor', partner: 'bolagsman', owner: 'ägare',
  beneficial_owner: 'verklig huvudman', liquidator: 'likvidator', operations_manager: 'föreståndare',
};
export const LICENCE_KIND_SV: Labels<typeof LICENCE_KINDS> = {
  hvb_children: 'HVB för barn och unga', hvb_adults: 'HVB för vuxna', supported_housing: 'stödboende',
  lss_housing_children: 'LSS-bostad för barn', lss_housing_adults: 'LSS-bostad för vuxna', personal_assistance: 'personlig assistans',
  home_care: 'hemtjänst', relief_service: 'avlösarservice', escort_service: 'ledsagarservice', short_stay: 'korttidsvistelse',
  consultant_support: 'konsulentstödd familjehemsverksamhet', care_provider: 'vårdgivare', aesthetic_clinic: 'estetisk klinik',
  dental_care: 'tandvård', other: 'annan verksamhet',
};
export const LICENCE_STATUS_SV: Labels<typeof LICENCE_STATUSES> = {
  applied: 'ansökt', granted: 'beviljat', rejected: 'avslaget', withdrawn: 'återkallad ansökan', expired: 'upphört',
  revoked: 'återkallat', banned: 'förbud', temporarily_banned: 'tillfälligt förbud',
};
export const FINANCIAL_KIND_SV: Labels<typeof FINANCIAL_EVENT_KINDS> = {
  enforcement_debt: 'skuld hos Kronofogden', payment_order: 'betalningsföreläggande', payment_remark: 'betalningsanmärkning',
  tax_arrears: 'skatteskuld', late_tax_return: 'sen skattedeklaration', unpaid_fee: 'obetald avgift', f_tax_revoked: 'återkallad F-skatt',
  late_annual_report: 'sen årsredovisning', bankruptcy: 'konkurs', liquidation: 'likvidation',
};
export const SANCTION_KIND_SV: Labels<typeof SANCTION_KINDS> = {
  trading_ban: 'näringsförbud', conviction: 'dom', suspicion: 'misstanke', unsuitable: 'bedömd olämplig',
  licence_revoked_personal: 'återkallad legitimation',
};
export const OFFENCE_SV: Labels<typeof OFFENCES> = {
  violence: 'våldsbrott', sexual: 'sexualbrott', narcotics: 'narkotikabrott', weapons: 'vapenbrott', fraud: 'bedrägeri',
  welfare_fraud: 'välfärdsbrott', tax_crime: 'skattebrott', accounting_crime: 'bokföringsbrott', organised_crime: 'organiserad brottslighet',
  other: 'annat brott',
};
export const PROFESSION_SV: Labels<typeof PROFESSIONS> = {
  physician: 'läkare', nurse: 'sjuksköterska', dentist: 'tandläkare', dental_hygienist: 'tandhygienist',
  psychologist: 'psykolog', psychotherapist: 'psykoterapeut', physiotherapist: 'fysioterapeut', midwife: 'barnmorska',
  pharmacist: 'apotekare', counsellor: 'kurator', care_staff: 'vård- och omsorgspersonal',
  personal_assistant: 'personlig assistent', manager: 'chef', other: 'annat yrke',
};

export const SUBJECT_KIND_SV: Labels<typeof SUBJECT_KINDS> = {
  company: 'bolag', person: 'person', licence: 'tillstånd', foster_home: 'familjehem', address: 'adress',
};
export const COMPANY_STATUS_SV: Labels<typeof COMPANY_STATUSES> = {
  active: 'aktivt', liquidation: 'i likvidation', bankruptcy: 'i konkurs', deregistered: 'avregistrerat',
};
/** Edges of the network graph (src/graph/types.ts EdgeKind), as a relation reads in a sentence. */
export const EDGE_KIND_SV: Readonly<Record<string, string>> = {
  role: 'roll', employment: 'anställning', licence: 'tillstånd', placement: 'placering', foster_parent: 'familjehemsförälder',
  consultant: 'konsulentstöd', relation: 'relation', residence: 'folkbokföring', address: 'adress', shared_address: 'samma adress',
};
export const HIT_STATUS_SV: Labels<typeof HIT_STATUSES> = {
  ny: 'ny', under_utredning: 'under utredning', avskriven: 'avskriven', bekraftad: 'bekräftad',
};

// Standalone wording (tables, badges, option lists).

export const SUBJECT_KIND_DISPLAY_SV = capitalised(SUBJECT_KIND_SV);
export const HIT_STATUS_DISPLAY_SV = capitalised(HIT_STATUS_SV);
/** The audit log's actions as the Logg view, the CLI and reports name them. */
export const AUDIT_ACTION_DISPLAY_SV: Labels<typeof AUDIT_ACTIONS> = {
  import: 'Import', analysis_run: 'Analyskörning', status_change: 'Statusändring', export: 'Export', search: 'Sökning',
  open_profile: 'Öppnade profil', case_create: 'Ärende skapat', case_edit: 'Ärende ändrat', case_delete: 'Ärende borttaget',
  case_note: 'Anteckning', case_view: 'Sparad nätverksvy', dossier: 'Prövningsunderlag', config_change: 'Regelinställning ändrad',
  audit_anchor: 'Nyckelad logg påbörjad', analysis_as_known: 'Analys som känt efter datamängd', watch_add: 'Bevakning tillagd',
  watch_remove: 'Bevakning borttagen', match_decision: 'Matchningsbeslut', match_undo: 'Matchningsbeslut ångrat',
};

export const ROLE_DISPLAY_SV = capitalised(ROLE_SV);
export const LICENCE_STATUS_DISPLAY_SV = capitalised(LICENCE_STATUS_SV);
export const FINANCIAL_KIND_DISPLAY_SV = capitalised(FINANCIAL_KIND_SV);
export const SANCTION_KIND_DISPLAY_SV = capitalised(SANCTION_KIND_SV);
export const OFFENCE_DISPLAY_SV = capitalised(OFFENCE_SV);
export const PROFESSION_DISPLAY_SV = capitalised(PROFESSION_SV);

/** The UI's own, shorter names (they fit table cells; "HVB barn och unga" is the agreed wording). */
export const LICENCE_KIND_DISPLAY_SV: Labels<typeof LICENCE_KINDS> = {
  hvb_children: 'HVB barn och unga', hvb_adults: 'HVB vuxna', supported_housing: 'Stödboende', lss_housing_children: 'LSS bostad barn',
  lss_housing_adults: 'LSS bostad vuxna', personal_assistance: 'Personlig assistans', home_care: 'Hemtjänst', relief_service: 'Avlösarservice',
  escort_service: 'Ledsagarservice', short_stay: 'Korttidsvistelse', consultant_support: 'Konsulentstöd', care_provider: 'Vårdgivare',
  aesthetic_clinic: 'Estetisk klinik', dental_care: 'Tandvård', other: 'Övrigt',
};

export const COMPANY_STATUS_DISPLAY_SV: Labels<typeof COMPANY_STATUSES> = {
  active: 'Aktivt', liquidation: 'Likvidation', bankruptcy: 'Konkurs', deregistered: 'Avregistrerat',
};
export const INSPECTION_OUTCOME_DISPLAY_SV: Labels<typeof INSPECTION_OUTCOMES> = {
  no_deficiencies: 'Inga brister', deficiencies: 'Brister', deficiencies_followup: 'Brister, uppföljning', injunction: 'Föreläggande',
  ban: 'Förbud', revocation: 'Återkallelse',
};
export const INSPECTION_TAG_DISPLAY_SV: Labels<typeof INSPECTION_TAGS> = {
  over_capacity: 'Överbeläggning', target_group_outside_licence: 'Målgrupp utanför tillståndet', record_check_missing: 'Registerkontroll saknas',
  staff_competence: 'Personalens kompetens', unlicensed_staff: 'Personal utan legitimation', restraint: 'Tvångsåtgärder', other: 'Övrigt',
  documents_withheld: 'Handlingar undanhölls', access_refused: 'Tillträde vägrades', false_information: 'Felaktiga uppgifter lämnades',
};
export const REVIEW_OUTCOME_DISPLAY_SV: Labels<typeof REVIEW_OUTCOMES> = { approved: 'Godkänd', rejected: 'Avslag', withdrawn: 'Återkallad' };
export const RELATION_KIND_DISPLAY_SV: Labels<typeof RELATION_KINDS> = {
  spouse: 'Make/maka', partner: 'Sambo/partner', parent: 'Förälder', child: 'Barn', sibling: 'Syskon', household: 'Samma hushåll', associate: 'Bekant/affärskontakt',
};
export const PAYMENT_PURPOSE_DISPLAY_SV: Labels<typeof PAYMENT_PURPOSES> = {
  placement: 'Placering', assistance: 'Assistans', care: 'Vård', dental_support: 'Tandvårdsstöd', other: 'Övrigt',
};

/** Enum name (as exported by src/model/enums.ts) → its standalone label table. */
export const DISPLAY_SV_BY_ENUM = {
  ROLES: ROLE_DISPLAY_SV, COMPANY_STATUSES: COMPANY_STATUS_DISPLAY_SV, LICENCE_KINDS: LICENCE_KIND_DISPLAY_SV,
  LICENCE_STATUSES: LICENCE_STATUS_DISPLAY_SV, INSPECTION_OUTCOMES: INSPECTION_OUTCOME_DISPLAY_SV, INSPECTION_TAGS: INSPECTION_TAG_DISPLAY_SV,
  REVIEW_OUTCOMES: REVIEW_OUTCOME_DISPLAY_SV, PROFESSIONS: PROFESSION_DISPLAY_SV, FINANCIAL_EVENT_KINDS: FINANCIAL_KIND_DISPLAY_SV,
  SANCTION_KINDS: SANCTION_KIND_DISPLAY_SV, OFFENCES: OFFENCE_DISPLAY_SV, RELATION_KINDS: RELATION_KIND_DISPLAY_SV,
  PAYMENT_PURPOSES: PAYMENT_PURPOSE_DISPLAY_SV, SUBJECT_KINDS: SUBJECT_KIND_DISPLAY_SV, HIT_STATUSES: HIT_STATUS_DISPLAY_SV,
  AUDIT_ACTIONS: AUDIT_ACTION_DISPLAY_SV,
} as const;

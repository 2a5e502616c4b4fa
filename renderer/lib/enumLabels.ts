// Swedish display labels for the contract enums (src/model/enums.ts). One table per enum so a
// unit test can check that every enum value has a label.
import type { ReactNode } from 'react';
import { createElement } from 'react';

type Labels = Readonly<Record<string, string>>;

export const COMPANY_STATUS_SV: Labels = { active: 'Aktivt', liquidation: 'Likvidation', bankruptcy: 'Konkurs', deregistered: 'Avregistrerat' };

export const LICENCE_STATUS_SV: Labels = {
  applied: 'Ansökt', granted: 'Beviljat', rejected: 'Avslag', withdrawn: 'Återkallad ansökan', expired: 'Upphört',
  revoked: 'Återkallat', banned: 'Förbud', temporarily_banned: 'Tillfälligt förbud',
};

export const LICENCE_KIND_SV: Labels = {
  hvb_children: 'HVB barn och unga', hvb_adults: 'HVB vuxna', supported_housing: 'Stödboende', lss_housing_children: 'LSS bostad barn',
  lss_housing_adults: 'LSS bostad vuxna', personal_assistance: 'Personlig assistans', home_care: 'Hemtjänst', relief_service: 'Avlösarservice',
  escort_service: 'Ledsagarservice', short_stay: 'Korttidsvistelse', consultant_support: 'Konsulentstöd', care_provider: 'Vårdgivare',
  aesthetic_clinic: 'Estetisk klinik', dental_care: 'Tandvård', other: 'Övrigt',
};

export const ROLE_SV: Labels = {
  board_member: 'Styrelseledamot', deputy_board_member: 'Suppleant', chair: 'Ordförande', ceo: 'VD', deputy_ceo: 'Vice VD',
  signatory: 'Firmatecknare', auditor: 'Revisor', partner: 'Delägare', owner: 'Ägare', beneficial_owner: 'Verklig huvudman',
  liquidator: 'Likvidator', operations_manager: 'Föreståndare',
};

export const INSPECTION_OUTCOME_SV: Labels = {
  no_deficiencies: 'Inga brister', deficiencies: 'Brister', deficiencies_followup: 'Brister, uppföljning', injunction: 'Föreläggande',
  ban: 'Förbud', revocation: 'Återkallelse',
};

export const INSPECTION_TAG_SV: Labels = {
  over_capacity: 'Överbeläggning', target_group_outside_licence: 'Målgrupp utanför tillståndet', record_check_missing: 'Registerkontroll saknas',
  staff_competence: 'Personalens kompetens', unlicensed_staff: 'Personal utan legitimation', restraint: 'Tvångsåtgärder', other: 'Övrigt',
};

export const REVIEW_OUTCOME_SV: Labels = { approved: 'Godkänd', rejected: 'Avslag', withdrawn: 'Återkallad' };

export const PROFESSION_SV: Labels = {
  physician: 'Läkare', nurse: 'Sjuksköterska', dentist: 'Tandläkare', dental_hygienist: 'Tandhygienist', psychologist: 'Psykolog',
  psychotherapist: 'Psykoterapeut', physiotherapist: 'Fysioterapeut', midwife: 'Barnmorska', pharmacist: 'Apotekare', counsellor: 'Kurator',
  care_staff: 'Vårdpersonal', personal_assistant: 'Personlig assistent', manager: 'Chef', other: 'Övrigt',
};

export const FINANCIAL_KIND_SV: Labels = {
  enforcement_debt: 'Skuld hos Kronofogden', payment_order: 'Betalningsföreläggande', payment_remark: 'Betalningsanmärkning',
  tax_arrears: 'Skatteskuld', late_tax_return: 'Sen skattedeklaration', unpaid_fee: 'Obetald avgift', f_tax_revoked: 'Återkallad F-skatt',
  late_annual_report: 'Sen årsredovisning', bankruptcy: 'Konkurs', liquidation: 'Likvidation',
};

export const SANCTION_KIND_SV: Labels = {
  trading_ban: 'Näringsförbud', conviction: 'Dom', suspicion: 'Misstanke', unsuitable: 'Bedömd olämplig', licence_revoked_personal: 'Återkallad legitimation',
};

export const OFFENCE_SV: Labels = {
  violence: 'Våldsbrott', sexual: 'Sexualbrott', narcotics: 'Narkotikabrott', weapons: 'Vapenbrott', fraud: 'Bedrägeri',
  welfare_fraud: 'Välfärdsbrott', tax_crime: 'Skattebrott', accounting_crime: 'Bokföringsbrott', organised_crime: 'Organiserad brottslighet', other: 'Annat brott',
};

export const RELATION_KIND_SV: Labels = {
  spouse: 'Make/maka', partner: 'Sambo/partner', parent: 'Förälder', child: 'Barn', sibling: 'Syskon', household: 'Samma hushåll', associate: 'Bekant/affärskontakt',
};

export const PAYMENT_PURPOSE_SV: Labels = { placement: 'Placering', assistance: 'Assistans', care: 'Vård', dental_support: 'Tandvårdsstöd', other: 'Övrigt' };

/** Enum name (as in src/model/enums.ts) → its label table; the unit test walks this. */
export const ENUM_LABELS = {
  ROLES: ROLE_SV, COMPANY_STATUSES: COMPANY_STATUS_SV, LICENCE_KINDS: LICENCE_KIND_SV, LICENCE_STATUSES: LICENCE_STATUS_SV,
  INSPECTION_OUTCOMES: INSPECTION_OUTCOME_SV, INSPECTION_TAGS: INSPECTION_TAG_SV, REVIEW_OUTCOMES: REVIEW_OUTCOME_SV, PROFESSIONS: PROFESSION_SV,
  FINANCIAL_EVENT_KINDS: FINANCIAL_KIND_SV, SANCTION_KINDS: SANCTION_KIND_SV, OFFENCES: OFFENCE_SV, RELATION_KINDS: RELATION_KIND_SV,
  PAYMENT_PURPOSES: PAYMENT_PURPOSE_SV,
} as const;

/** The label, or the raw value when the table has none (an unknown code stays visible rather than vanishing). */
export function labelOf(table: Labels, code: string | null | undefined): string {
  if (code == null || code === '') return '–';
  return table[code] ?? code;
}

/** Label plus the raw code in a muted <code> (also as title) so investigators can match source files. */
export function EnumLabel({ table, code }: { table: Labels; code: string | null | undefined }): ReactNode {
  if (code == null || code === '') return '–';
  const label = table[code];
  if (!label) return createElement('code', { className: 'muted' }, code);
  return createElement('span', { title: code }, label, ' ', createElement('code', { className: 'muted small enum-code' }, code));
}

/** Which table (if any) translates a profile fact's value, given the entity kind. */
export function factTable(entityKind: string, field: string): Labels | null {
  if (field === 'status') return entityKind === 'company' ? COMPANY_STATUS_SV : entityKind === 'licence' ? LICENCE_STATUS_SV : null;
  if (field === 'licence_kind') return LICENCE_KIND_SV;
  return null;
}

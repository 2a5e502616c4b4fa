/** Enumerations of the data contract (shared/contract.md §2, §4). Extend only by adding. */

export const ROLES = ['board_member', 'deputy_board_member', 'chair', 'ceo', 'deputy_ceo', 'signatory', 'auditor', 'partner', 'owner', 'beneficial_owner', 'liquidator', 'operations_manager'] as const;
export type Role = (typeof ROLES)[number];

export const COMPANY_STATUSES = ['active', 'liquidation', 'bankruptcy', 'deregistered'] as const;

export const LICENCE_KINDS = ['hvb_children', 'hvb_adults', 'supported_housing', 'lss_housing_children', 'lss_housing_adults', 'personal_assistance', 'home_care', 'relief_service', 'escort_service', 'short_stay', 'consultant_support', 'care_provider', 'aesthetic_clinic', 'dental_care', 'other'] as const;
export type LicenceKind = (typeof LICENCE_KINDS)[number];

export const LICENCE_STATUSES = ['applied', 'granted', 'rejected', 'withdrawn', 'expired', 'revoked', 'banned', 'temporarily_banned'] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];
/** "Revoked" in every signal: status ∈ {revoked, banned, temporarily_banned}, effective on status_on. */
export const REVOKED_STATUSES: ReadonlySet<string> = new Set(['revoked', 'banned', 'temporarily_banned']);

export const INSPECTION_OUTCOMES = ['no_deficiencies', 'deficiencies', 'deficiencies_followup', 'injunction', 'ban', 'revocation'] as const;
export const INSPECTION_TAGS = ['over_capacity', 'target_group_outside_licence', 'record_check_missing', 'staff_competence', 'unlicensed_staff', 'restraint', 'other', 'documents_withheld', 'access_refused', 'false_information'] as const;
export const REVIEW_OUTCOMES = ['approved', 'rejected', 'withdrawn'] as const;

export const PROFESSIONS = ['physician', 'nurse', 'dentist', 'dental_hygienist', 'psychologist', 'psychotherapist', 'physiotherapist', 'midwife', 'pharmacist', 'counsellor', 'care_staff', 'personal_assistant', 'manager', 'other'] as const;
/** The first nine professions are legitimation professions (protected titles). */
export const LEGITIMATION_PROFESSIONS: ReadonlySet<string> = new Set(PROFESSIONS.slice(0, 9));

export const FINANCIAL_EVENT_KINDS = ['enforcement_debt', 'payment_order', 'payment_remark', 'tax_arrears', 'late_tax_return', 'unpaid_fee', 'f_tax_revoked', 'late_annual_report', 'bankruptcy', 'liquidation'] as const;
export const SANCTION_KINDS = ['trading_ban', 'conviction', 'suspicion', 'unsuitable', 'licence_revoked_personal'] as const;
export const OFFENCES = ['violence', 'sexual', 'narcotics', 'weapons', 'fraud', 'welfare_fraud', 'tax_crime', 'accounting_crime', 'organised_crime', 'other'] as const;
export const RELATION_KINDS = ['spouse', 'partner', 'parent', 'child', 'sibling', 'household', 'associate'] as const;
export const PAYMENT_PURPOSES = ['placement', 'assistance', 'care', 'dental_support', 'other'] as const;

export const SUBJECT_KINDS = ['company', 'person', 'licence', 'foster_home', 'address'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** Kind groups ("a similar kind of service", contract §4). */
export const KIND_GROUPS: Record<string, readonly LicenceKind[]> = {
  children_residential: ['hvb_children', 'lss_housing_children', 'supported_housing', 'short_stay'],
  adult_residential: ['hvb_adults', 'lss_housing_adults'],
  assistance_home: ['personal_assistance', 'home_care', 'relief_service', 'escort_service'],
  foster_support: ['consultant_support'],
  health_care: ['care_provider', 'aesthetic_clinic', 'dental_care'],
};

const GROUP_OF_KIND: ReadonlyMap<string, string> = new Map(Object.entries(KIND_GROUPS).flatMap(([group, kinds]) => kinds.map((k) => [k, group] as const)));

export function kindGroupOf(kind: string): string | undefined {
  return GROUP_OF_KIND.get(kind);
}

/** Licence kinds that fit a payment purpose (contract §4); null = any kind. */
export const PURPOSE_FITS: Record<string, readonly LicenceKind[] | null> = {
  placement: [...KIND_GROUPS.children_residential!, ...KIND_GROUPS.adult_residential!, ...KIND_GROUPS.foster_support!],
  assistance: KIND_GROUPS.assistance_home!,
  care: null,
  dental_support: ['dental_care'],
};

/** Formal roles (contract §7.1): the roles that appear on the register as företrädare. */
export const FORMAL_ROLES: ReadonlySet<string> = new Set(['board_member', 'deputy_board_member', 'chair', 'ceo', 'deputy_ceo', 'signatory']);

export function isFormalRole(role: string): boolean {
  return FORMAL_ROLES.has(role);
}

/** Controlling roles: all except auditor and liquidator; owner only when share ≥ 25 % or unknown. */
export function isControllingRole(role: string, sharePct: number | null | undefined): boolean {
  if (role === 'auditor' || role === 'liquidator') return false;
  if (role === 'owner') return sharePct == null || sharePct >= 25;
  return (ROLES as readonly string[]).includes(role);
}

// Workbench enums (Insyn's own, not in the data contract): triage statuses and audit actions.

/** Triage statuses of a hit (issue 6): ny, under utredning, avskriven, bekräftad. */
export const HIT_STATUSES = ['ny', 'under_utredning', 'avskriven', 'bekraftad'] as const;
export type HitStatus = (typeof HIT_STATUSES)[number];
/** Statuses that require a reason (issue 6.1). */
export const STATUSES_REQUIRING_REASON: ReadonlySet<HitStatus> = new Set(['avskriven', 'bekraftad']);

/** What the audit log records (src/audit/log.ts). */
export const AUDIT_ACTIONS = [
  'import', 'analysis_run', 'status_change', 'export', 'search', 'open_profile', 'case_create', 'case_edit', 'case_delete',
  'case_note', 'case_view', 'dossier', 'config_change',
  // issue 13: the first keyed entry after entries written before keys
  'audit_anchor',
  // issue 11: monitoring across imports
  'analysis_as_known', 'watch_add', 'watch_remove',
  // issue 15: entity resolution
  'match_decision', 'match_undo',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

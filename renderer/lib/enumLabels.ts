// Swedish display labels for the contract enums (src/model/enums.ts), plus the React helpers that show them.
import type { ReactNode } from 'react';
import { createElement } from 'react';
import {
  COMPANY_STATUS_DISPLAY_SV, DISPLAY_SV_BY_ENUM, FINANCIAL_KIND_DISPLAY_SV, INSPECTION_OUTCOME_DISPLAY_SV, INSPECTION_TAG_DISPLAY_SV,
  LICENCE_KIND_DISPLAY_SV, LICENCE_STATUS_DISPLAY_SV, OFFENCE_DISPLAY_SV, PAYMENT_PURPOSE_DISPLAY_SV, PROFESSION_DISPLAY_SV,
  RELATION_KIND_DISPLAY_SV, REVIEW_OUTCOME_DISPLAY_SV, ROLE_DISPLAY_SV, SANCTION_KIND_DISPLAY_SV, labelSv,
} from '../../src/model/labels-sv';

type Labels = Readonly<Record<string, string>>;

// The tables live in the core (src/model/labels-sv.ts); the renderer uses the standalone wording.
export const COMPANY_STATUS_SV: Labels = COMPANY_STATUS_DISPLAY_SV;
export const LICENCE_STATUS_SV: Labels = LICENCE_STATUS_DISPLAY_SV;
export const LICENCE_KIND_SV: Labels = LICENCE_KIND_DISPLAY_SV;
export const ROLE_SV: Labels = ROLE_DISPLAY_SV;
export const INSPECTION_OUTCOME_SV: Labels = INSPECTION_OUTCOME_DISPLAY_SV;
export const INSPECTION_TAG_SV: Labels = INSPECTION_TAG_DISPLAY_SV;
export const PROFESSION_SV: Labels = PROFESSION_DISPLAY_SV;
export const FINANCIAL_KIND_SV: Labels = FINANCIAL_KIND_DISPLAY_SV;
export const SANCTION_KIND_SV: Labels = SANCTION_KIND_DISPLAY_SV;
export const OFFENCE_SV: Labels = OFFENCE_DISPLAY_SV;
export const REVIEW_OUTCOME_SV: Labels = REVIEW_OUTCOME_DISPLAY_SV;
export const RELATION_KIND_SV: Labels = RELATION_KIND_DISPLAY_SV;
export const PAYMENT_PURPOSE_SV: Labels = PAYMENT_PURPOSE_DISPLAY_SV;

/** Enum name (as in src/model/enums.ts) → its label table; the unit test walks this. */
export const ENUM_LABELS = DISPLAY_SV_BY_ENUM;

/** The label, or the raw value when the table has none (an unknown code stays visible rather than vanishing). */
export function labelOf(table: Labels, code: string | null | undefined): string {
  return labelSv(table, code, '–');
}

/**
 * The Swedish label; the raw code is only the tooltip (investigators matching source files hover
 * for it). A code without a label stays visible as code rather than vanishing.
 */
export function EnumLabel({ table, code }: { table: Labels; code: string | null | undefined }): ReactNode {
  if (code == null || code === '') return '–';
  const label = table[code];
  if (!label) return createElement('code', { className: 'muted' }, code);
  return createElement('span', { title: `Kod i källdata: ${code}` }, label);
}

/** Which table (if any) translates a profile fact's value, given the entity kind. */
export function factTable(entityKind: string, field: string): Labels | null {
  if (field === 'status') return entityKind === 'company' ? COMPANY_STATUS_SV : entityKind === 'licence' ? LICENCE_STATUS_SV : null;
  if (field === 'licence_kind') return LICENCE_KIND_SV;
  return null;
}

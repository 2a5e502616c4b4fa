// Swedish display formatting.
import { HIT_STATUS_DISPLAY_SV, SUBJECT_KIND_DISPLAY_SV } from '../../src/model/labels-sv';

const nf = new Intl.NumberFormat('sv-SE');
const sek = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK', maximumFractionDigits: 0 });

export const fmtInt = (n: number | null | undefined): string => (n == null ? '–' : nf.format(n));
export const fmtSek = (n: number | null | undefined): string => (n == null ? '–' : sek.format(n));
export const fmtDate = (d: string | null | undefined): string => (d ? d.slice(0, 10) : '–');
export const fmtScore = (s: number | null | undefined): string => (s == null ? '–' : s.toFixed(2));

// Entity kinds and triage statuses, from the one label table.
export const KIND_SV: Readonly<Record<string, string>> = SUBJECT_KIND_DISPLAY_SV;
export const STATUS_SV: Readonly<Record<string, string>> = HIT_STATUS_DISPLAY_SV;

// Role labels live with the other enum labels.
export { ROLE_SV } from './enumLabels';

export function severityLabel(sev: number): string {
  return ['', 'Mycket låg', 'Låg', 'Medel', 'Hög', 'Mycket hög'][sev] ?? String(sev);
}

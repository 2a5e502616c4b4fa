// Swedish display formatting.

const nf = new Intl.NumberFormat('sv-SE');
const sek = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK', maximumFractionDigits: 0 });

export const fmtInt = (n: number | null | undefined): string => (n == null ? '–' : nf.format(n));
export const fmtSek = (n: number | null | undefined): string => (n == null ? '–' : sek.format(n));
export const fmtDate = (d: string | null | undefined): string => (d ? d.slice(0, 10) : '–');
export const fmtScore = (s: number | null | undefined): string => (s == null ? '–' : s.toFixed(2));

export const KIND_SV: Record<string, string> = {
  company: 'Bolag',
  person: 'Person',
  licence: 'Tillstånd',
  foster_home: 'Familjehem',
  address: 'Adress',
};

export const STATUS_SV: Record<string, string> = {
  ny: 'Ny',
  under_utredning: 'Under utredning',
  avskriven: 'Avskriven',
  bekraftad: 'Bekräftad',
  new: 'Ny',
  investigating: 'Under utredning',
  dismissed: 'Avskriven',
  confirmed: 'Bekräftad',
};

// Role labels live with the other enum labels.
export { ROLE_SV } from './enumLabels';

export function severityLabel(sev: number): string {
  return ['', 'Mycket låg', 'Låg', 'Medel', 'Hög', 'Mycket hög'][sev] ?? String(sev);
}

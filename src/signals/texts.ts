import type { Facts } from '../analysis/facts';
import type { LicenceFact, RoleFact } from '../model/rows';
import { periodText } from '../model/dates';
import { FINANCIAL_KIND_SV, LICENCE_KIND_SV, LICENCE_STATUS_SV, labelSv, listSv, OFFENCE_SV, PROFESSION_SV, ROLE_SV } from '../model/labels-sv';

/**
 * The Swedish wording of facts in evidence texts: one way to name a company, a person, a role,
 * a licence, an amount (periods: periodText in src/model/dates.ts).
 */

export const roleSv = (r: string): string => labelSv(ROLE_SV, r, 'okänd roll');
export const kindSv = (k: string): string => labelSv(LICENCE_KIND_SV, k, 'okänd verksamhet');
export const statusSv = (s: string): string => labelSv(LICENCE_STATUS_SV, s, 'okänd status');
export const financialKindSv = (k: string): string => labelSv(FINANCIAL_KIND_SV, k, 'okänd händelse');
export const offenceSv = (o: string | null): string => labelSv(OFFENCE_SV, o, 'okänt brott');
export const professionSv = (p: string | null): string => labelSv(PROFESSION_SV, p, 'okänt yrke');

/** "Namn AB (5566778899)", or "företaget 5566778899" when the company is not in the store. */
export function companyLabel(facts: Facts, orgNr: string): string {
  const name = facts.companies.get(orgNr)?.name;
  return name ? `${name} (${orgNr})` : `företaget ${orgNr}`;
}

/** "Anna Andersson (198001011234)", or "personen 198001011234" when the person is not in the store. */
export function personLabel(facts: Facts, personId: string): string {
  const name = facts.persons.get(personId)?.name;
  return name ? `${name} (${personId})` : `personen ${personId}`;
}

/** A role holder or subject (person or company). */
export function holderLabel(facts: Facts, id: string, kind?: string): string {
  if (kind === 'company' || (kind == null && facts.companies.has(id))) return companyLabel(facts, id);
  return personLabel(facts, id);
}

/** Swedish amount, e.g. `52 000 kr`. */
export function sek(n: number | null | undefined): string {
  if (n == null) return 'okänt belopp';
  return `${Math.round(n).toLocaleString('sv-SE').replace(/\u00a0/g, ' ')} kr`;
}

/** A role fact: "X VD i Y under 2019-01-01 – 2023-06-30". */
export function roleText(facts: Facts, r: RoleFact): string {
  const share = r.share_pct != null ? ` (${r.share_pct} %)` : r.role === 'owner' ? ' (andel okänd)' : '';
  const sole = r.implicit ? ' (enskild firma: organisationsnumret är ägarens personnummer)' : '';
  return `${holderLabel(facts, r.holder_id, r.holder_kind)} ${roleSv(r.role)}${share} i ${companyLabel(facts, r.org_nr)}${sole} under ${periodText(r.from_date, r.to_date)}`;
}

export function licenceText(facts: Facts, l: LicenceFact): string {
  const unit = l.unit_name ? ` «${l.unit_name}»` : '';
  return `Tillstånd ${l.licence_id}${unit} (${kindSv(l.kind)}) för ${companyLabel(facts, l.org_nr)}`;
}

const NUMBER_WORDS = ['noll', 'ett', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'];

/** A parameter's number as a description writes it: words up to twelve ("tre"), digits above. */
export function numberSv(n: number): string {
  return Number.isInteger(n) && n >= 0 && n < NUMBER_WORDS.length ? NUMBER_WORDS[n]! : n.toLocaleString('sv-SE').replace(/\u00a0/g, ' ');
}

/** Codes of a parameter list in Swedish, as alternatives: "HVB för barn och unga, LSS-bostad för barn eller stödboende". */
export function codesSv(table: Readonly<Record<string, string>>, codes: readonly string[], last: 'och' | 'eller' = 'eller'): string {
  return listSv(codes.map((c) => labelSv(table, c, c)), last);
}

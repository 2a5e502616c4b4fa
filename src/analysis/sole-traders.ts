import { isLegalEntityOrgNr } from '../ids/orgnr';
import { normalisePersonId } from '../ids/personnummer';
import type { TableName } from '../model/index';
import type { FactRowTypes, RoleFact } from '../model/rows';

/**
 * Sole traders (contract §1: "a sole trader's org_nr is the owner's personnummer, 10 digits").
 * The importer stores such a number as a 10-digit org_nr in companies/licences, but as a
 * 12-digit person id where a column takes either (financial events, sanctions, relations). This
 * links the two: the company's owner is that person, and the owner holds an implicit controlling
 * role (owner, 100 %) from the registration date unless roles.csv already records it.
 */
export interface SoleTraders {
  /** Sole trader org_nr → owner person id (12 digits). */
  ownerOf: Map<string, string>;
  /** Owner person id → sole trader org_nr. */
  companyOf: Map<string, string>;
  /** Implicit owner roles (provenance: the companies.csv row, or the licence row when the company is unknown). */
  implicitRoles: RoleFact[];
}

/** An org_nr that is a personnummer (digits 3–4 a month, 01–12). */
export function isSoleTraderOrgNr(orgNr: string): boolean {
  if (isLegalEntityOrgNr(orgNr) || !/^\d{10}$/.test(orgNr)) return false;
  const month = Number(orgNr.slice(2, 4));
  return month >= 1 && month <= 12;
}

type Rows = { [T in TableName]: FactRowTypes[T][] };

export function findSoleTraders(rows: Rows): SoleTraders {
  // Every sole trader org_nr named by the register or by a licence.
  const sources = new Map<string, { prov: RoleFact['prov']; key: string; table: 'companies' | 'licences'; from: string | null; to: string | null }>();
  for (const c of rows.companies) {
    if (isSoleTraderOrgNr(c.org_nr)) sources.set(c.org_nr, { prov: c.prov, key: c.key, table: 'companies', from: c.registered_on, to: c.deregistered_on });
  }
  for (const l of rows.licences) {
    if (!sources.has(l.org_nr) && isSoleTraderOrgNr(l.org_nr)) sources.set(l.org_nr, { prov: l.prov, key: l.key, table: 'licences', from: null, to: null });
  }
  const ownerOf = new Map<string, string>();
  const companyOf = new Map<string, string>();
  const implicitRoles: RoleFact[] = [];
  if (sources.size === 0) return { ownerOf, companyOf, implicitRoles };

  // Prefer the 12-digit id the data itself uses for the owner (its century is known there).
  const seen = (id: string | null | undefined): void => {
    if (id == null || id.length !== 12) return;
    const org = id.slice(2);
    if (sources.has(org) && !ownerOf.has(org) && /^\d{12}$/.test(id)) ownerOf.set(org, id);
  };
  for (const p of rows.persons) seen(p.person_id);
  for (const r of rows.roles) seen(r.holder_id);
  for (const s of rows.sanctions) seen(s.subject_id);
  for (const e of rows.financial_events) seen(e.subject_id);
  for (const r of rows.relations) { seen(r.a_id); seen(r.b_id); }
  for (const e of rows.employments) seen(e.person_id);
  for (const r of rows.reviewed_persons) seen(r.person_id);
  for (const org of sources.keys()) {
    if (ownerOf.has(org)) continue;
    const p = normalisePersonId(org);
    if (p.ok) ownerOf.set(org, p.value);
  }

  const recorded = new Set(rows.roles.filter((r) => r.role === 'owner').map((r) => `${r.org_nr}|${r.holder_id}`));
  for (const [org, person] of ownerOf) {
    companyOf.set(person, org);
    if (recorded.has(`${org}|${person}`)) continue;
    const src = sources.get(org)!;
    implicitRoles.push({
      key: src.key, prov: src.prov, org_nr: org, holder_id: person, holder_kind: 'person', role: 'owner',
      share_pct: 100, from_date: src.from, to_date: src.to, implicit: src.table,
    });
  }
  return { ownerOf, companyOf, implicitRoles };
}

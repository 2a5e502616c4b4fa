import type { Db } from '../store/db';
import { loadFactRows, loadSectorFactRows, presentTables, type SectorScope } from '../store/fact-rows';
import { providedTables } from '../store/facts';
import type { TableName } from '../model/index';
import type { Provenance } from '../signals/types';
import { findSoleTraders, type SoleTraders } from './sole-traders';

/**
 * The facts an analysis reads, loaded once from the store into plain rows with lookup indexes.
 * Signals are pure functions over this snapshot; nothing here writes.
 * Dates are ISO strings (`YYYY-MM-DD`) or null (unknown / open-ended).
 */
interface Fact {
  key: string;
  prov: Provenance;
}

export interface CompanyFact extends Fact {
  org_nr: string; name: string | null; legal_form: string | null; registered_on: string | null;
  deregistered_on: string | null; status: string | null; address: string | null; postal_code: string | null;
  city: string | null; address_key: string | null; phone: string | null; email: string | null;
}
export interface PersonFact extends Fact {
  person_id: string; name: string | null; birth_date: string | null; address: string | null;
  postal_code: string | null; city: string | null; address_key: string | null; deceased_on: string | null;
}
export interface RoleFact extends Fact {
  org_nr: string; holder_id: string; holder_kind: 'person' | 'company'; role: string;
  share_pct: number | null; from_date: string | null; to_date: string | null;
  /** Set on a sole trader's implicit owner role: the table of the row it is derived from (same key). */
  implicit?: 'companies' | 'licences';
}
export interface LicenceFact extends Fact {
  licence_id: string; org_nr: string; kind: string; status: string; unit_name: string | null;
  address: string | null; postal_code: string | null; city: string | null; address_key: string | null;
  capacity: number | null; age_min: number | null; age_max: number | null; target_group: string | null;
  granted_on: string | null; status_on: string | null; decision_ref: string | null; reason: string | null;
}
export interface InspectionFact extends Fact {
  org_nr: string; licence_id: string | null; decided_on: string; outcome: string; findings: string | null; tags: string[];
}
export interface ReviewFact extends Fact {
  org_nr: string; person_id: string; role: string | null; reviewed_on: string; outcome: string | null;
}
export interface FosterHomeFact extends Fact {
  home_id: string; address: string; postal_code: string | null; city: string | null; address_key: string | null;
  municipality: string | null; parent_ids: string[]; approved_capacity: number | null; approved_on: string | null;
  ended_on: string | null; consultant_org_nr: string | null;
}
export interface PlacementFact extends Fact {
  placement_id: string; from_date: string; to_date: string | null; home_id: string | null; licence_id: string | null;
  child_ref: string | null; child_birth_year: number | null; municipality: string | null; daily_fee_sek: number | null;
  payee_org_nr: string | null;
}
export interface EmploymentFact extends Fact {
  org_nr: string; person_id: string; title: string | null; profession: string | null; from_date: string;
  to_date: string | null; record_check_on: string | null; works_with_children: boolean | null; workplace: string | null;
}
export interface LegitimationFact extends Fact {
  person_id: string; profession: string; granted_on: string; revoked_on: string | null; restricted: boolean | null;
}
export interface FinancialEventFact extends Fact {
  subject_id: string; subject_kind: 'person' | 'company'; kind: string; amount_sek: number | null;
  occurred_on: string; resolved_on: string | null; source: string | null;
}
export interface SanctionFact extends Fact {
  subject_id: string; subject_kind: 'person' | 'company'; kind: string; from_date: string; to_date: string | null;
  offence: string | null; decision_ref: string | null;
}
export interface RelationFact extends Fact {
  a_id: string; a_kind: 'person' | 'company'; b_id: string; b_kind: 'person' | 'company'; kind: string;
  from_date: string | null; to_date: string | null;
}
export interface ResidenceFact extends Fact {
  person_id: string; address: string; postal_code: string | null; city: string | null; address_key: string | null;
  from_date: string; to_date: string | null;
}
export interface PaymentFact extends Fact {
  payer: string; payee_org_nr: string; paid_on: string; amount_sek: number; purpose: string | null;
  licence_id: string | null; home_id: string | null;
}

export interface FactRowTypes {
  companies: CompanyFact; persons: PersonFact; roles: RoleFact; licences: LicenceFact; inspections: InspectionFact;
  reviewed_persons: ReviewFact; foster_homes: FosterHomeFact; placements: PlacementFact; employments: EmploymentFact;
  legitimations: LegitimationFact; financial_events: FinancialEventFact; sanctions: SanctionFact;
  relations: RelationFact; residences: ResidenceFact; payments: PaymentFact;
}

export interface Facts {
  /** Tables holding at least one row (drives "not evaluable" coverage). */
  present: ReadonlySet<TableName>;
  companies: Map<string, CompanyFact>;
  persons: Map<string, PersonFact>;
  roles: RoleFact[];
  rolesByOrg: Map<string, RoleFact[]>;
  rolesByHolder: Map<string, RoleFact[]>;
  licences: LicenceFact[];
  licencesById: Map<string, LicenceFact>;
  licencesByOrg: Map<string, LicenceFact[]>;
  inspections: InspectionFact[];
  reviewedPersons: ReviewFact[];
  fosterHomes: Map<string, FosterHomeFact>;
  placements: PlacementFact[];
  employments: EmploymentFact[];
  legitimationsByPerson: Map<string, LegitimationFact[]>;
  financialEvents: FinancialEventFact[];
  sanctions: SanctionFact[];
  sanctionsBySubject: Map<string, SanctionFact[]>;
  relations: RelationFact[];
  /** Sole traders: org_nr ↔ owner person id; their implicit owner roles are in `roles`. */
  soleTraders: SoleTraders;
  residencesByPerson: Map<string, ResidenceFact[]>;
  payments: PaymentFact[];
}

function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string | null | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    if (k == null) continue;
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** Builds the lookup indexes over already-loaded rows (used by the loader and by tests). */
export function indexFacts(rows: { [T in TableName]: FactRowTypes[T][] }, presentInStore?: ReadonlySet<TableName>): Facts {
  const present = new Set<TableName>(presentInStore ?? []);
  if (!presentInStore) for (const [table, list] of Object.entries(rows)) if (list.length > 0) present.add(table as TableName);
  const soleTraders = findSoleTraders(rows);
  const roles = soleTraders.implicitRoles.length ? [...rows.roles, ...soleTraders.implicitRoles] : rows.roles;
  // Implicit sole-trader owner roles join the role data, but do not make roles "present":
  // without a roles table, the other companies' controllers are unknown, so role signals stay
  // not evaluable (contract §1).
  return {
    present,
    companies: new Map(rows.companies.map((r) => [r.org_nr, r])),
    persons: new Map(rows.persons.map((r) => [r.person_id, r])),
    roles,
    rolesByOrg: groupBy(roles, (r) => r.org_nr),
    rolesByHolder: groupBy(roles, (r) => r.holder_id),
    licences: rows.licences,
    licencesById: new Map(rows.licences.map((r) => [r.licence_id, r])),
    licencesByOrg: groupBy(rows.licences, (r) => r.org_nr),
    inspections: rows.inspections,
    reviewedPersons: rows.reviewed_persons,
    fosterHomes: new Map(rows.foster_homes.map((r) => [r.home_id, r])),
    placements: rows.placements,
    employments: rows.employments,
    legitimationsByPerson: groupBy(rows.legitimations, (r) => r.person_id),
    financialEvents: rows.financial_events,
    sanctions: rows.sanctions,
    // A sanction on a sole trader's org_nr is one on its owner.
    sanctionsBySubject: groupBy(rows.sanctions, (r) => soleTraders.ownerOf.get(r.subject_id) ?? r.subject_id),
    relations: rows.relations,
    soleTraders,
    residencesByPerson: groupBy(rows.residences, (r) => r.person_id),
    payments: rows.payments,
  };
}

/**
 * Loads the facts an analysis needs. By default the welfare-sector slice (see
 * loadSectorFactRows: the same hits as the full register, bounded memory at national scale);
 * `{ full: true }` loads every row of every table. Coverage ("present") always reflects the
 * whole store, not the slice.
 */
export function loadFacts(db: Db, opts: { full?: boolean; scope?: SectorScope } = {}): Facts {
  const rows = opts.full ? loadFactRows(db) : loadSectorFactRows(db, opts.scope ?? { minCompaniesAtAddress: 5 });
  // A table provided with 0 rows (header-only file) counts as present: evaluable, no hits.
  const present = presentTables(db);
  for (const t of providedTables(db)) present.add(t);
  return indexFacts(rows, present);
}

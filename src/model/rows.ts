/** Where a fact came from: shown to investigators as `file:line`. */
export interface Provenance {
  file: string;
  line: number;
  datasetId: number;
}

/**
 * One stored fact row as the analysis reads it (contract §3 tables), with its provenance.
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

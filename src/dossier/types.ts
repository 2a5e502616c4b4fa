/** The ägar- och ledningsprövning dossier (issue 6.5); field names follow the API contract. */
export type DossierRequest =
  | { orgNr: string; personkrets: { personId: string; role?: string }[]; asOf?: string }
  | { licenceId: string; asOf?: string };

export interface EntityRef {
  id: string;
  kind: 'company' | 'person' | 'licence' | 'foster_home' | 'address';
  label: string;
}

export interface DossierFinding {
  /** revoked_company, role_during_revocation, bankruptcy, liquidation, deregistered, earlier_company,
   *  financial_event, trading_ban, conviction, unsuitable, suspicion, legitimation_revoked,
   *  revoked_network, hit, involved_in_hit (a hit on another entity naming the person), deceased, licence,
   *  undeclared_controller, corporate_owner, not_in_store, no_personkrets */
  kind: string;
  severity: 1 | 2 | 3 | 4 | 5 | null;
  text: string;
  /** `file:line` of every fact behind the finding. */
  sources: string[];
  related: EntityRef[];
  amountSek?: number | null;
  /** A financial event still open at the as-of date (highlighted). */
  unresolved?: boolean;
}

export interface DossierSection {
  subject: EntityRef;
  declared: boolean;
  role: string | null;
  findings: DossierFinding[];
}

export interface Dossier {
  asOf: string;
  applicant: { orgNr: string; name: string | null; inStore: boolean };
  licenceId: string | null;
  sections: DossierSection[];
  undeclared: (EntityRef & { role: string; source: string })[];
  html: string;
}

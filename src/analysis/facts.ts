import type { Db } from '../store/db';
import { loadFactRows, loadSectorFactRows, presentTables, type SectorScope } from '../store/fact-rows';
import { providedTables } from '../store/facts';
import { withKnownView } from '../store/known';
import type { TableName } from '../model/index';
import type {
  CompanyFact, EmploymentFact, FactRowTypes, FinancialEventFact, FosterHomeFact, InspectionFact, LegitimationFact, LicenceFact,
  PaymentFact, PersonFact, PlacementFact, RelationFact, ResidenceFact, ReviewFact, RoleFact, SanctionFact,
} from '../model/rows';
import { findSoleTraders, type SoleTraders } from './sole-traders';
import { loadCanon } from '../matching/canon';
import { canonicaliseRows, type FactMatches } from '../matching/facts-layer';

/**
 * The facts an analysis reads, loaded once from the store into plain rows (src/model/rows.ts)
 * with lookup indexes. Signals are pure functions over this snapshot; nothing here writes.
 */
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
  /** Confirmed entity-resolution matches applied to the ids above (absent when there are none). */
  matches?: FactMatches;
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
 * whole store, not the slice. Known time (src/store/known.ts): rows a full extract no longer
 * reported are left out; `asKnown` = K loads exactly what the store held right after dataset K.
 */
export function loadFacts(db: Db, opts: { full?: boolean; scope?: SectorScope; asKnown?: number | null; matches?: boolean } = {}): Facts {
  return withKnownView(db, opts.asKnown ?? null, () => {
    const canon = opts.matches === false ? null : loadCanon(db);
    const matchedIds = canon && !canon.empty ? canon.allIds() : undefined;
    const rows = opts.full ? loadFactRows(db) : loadSectorFactRows(db, { ...(opts.scope ?? { minCompaniesAtAddress: 5 }), matchedIds });
    // A table provided with 0 rows (header-only file) counts as present: evaluable, no hits.
    const present = presentTables(db);
    for (const t of providedTables(db)) present.add(t);
    // Confirmed matches: one id per entity for every signal, the score and clusters.
    const matches = canon && !canon.empty ? canonicaliseRows(rows, canon) : undefined;
    const facts = indexFacts(rows, present);
    if (matches) facts.matches = matches;
    return facts;
  });
}

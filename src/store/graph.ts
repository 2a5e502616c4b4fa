import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

/**
 * Neighbour queries for the graph (src/graph/store-source.ts): every query takes a JSON array of
 * ids (`@ids`, expanded with json_each so one statement serves a whole BFS frontier) and an
 * optional `@asOf` (null = no date filter; else only links holding on that day), and is capped
 * at `@cap` rows so one huge neighbourhood (a service address, a large employer) cannot stall
 * an interactive query. All lookups use the indexes of migrations 001, 004 and 005.
 */

const SRC = 'src_file, src_line';
const IDS = 'SELECT value FROM json_each(@ids)';
// Links a full extract no longer reports (ended_by, migration 006) are not current knowledge.
const ACTIVE = (from: string, to: string) => `(ended_by IS NULL AND (@asOf IS NULL OR ((${from} IS NULL OR ${from} <= @asOf) AND (${to} IS NULL OR ${to} >= @asOf))))`;
const STARTED = (from: string) => `(ended_by IS NULL AND (@asOf IS NULL OR ${from} IS NULL OR ${from} <= @asOf))`;

const COMPANY = `key, org_nr, name, legal_form, status, address, postal_code, city, address_key, ${SRC}`;
const PERSON = `key, person_id, name, birth_date, address, postal_code, city, address_key, deceased_on, ${SRC}`;
const LICENCE = `key, licence_id, org_nr, kind, status, unit_name, address, postal_code, city, address_key, capacity, granted_on, status_on, ${SRC}`;
const HOME = `key, home_id, address, postal_code, city, address_key, municipality, parent_ids, approved_capacity, approved_on, ended_on, consultant_org_nr, ${SRC}`;
const ROLE = `key, org_nr, holder_id, holder_kind, role, share_pct, from_date, to_date, ${SRC}`;
const EMPLOYMENT = `key, org_nr, person_id, title, profession, from_date, to_date, works_with_children, workplace, ${SRC}`;
const RELATION = `key, a_id, a_kind, b_id, b_kind, kind, from_date, to_date, ${SRC}`;
const RESIDENCE = `key, person_id, address, postal_code, city, address_key, from_date, to_date, ${SRC}`;
const placementAgg = (col: string) => /* sql */ `
  SELECT payee_org_nr AS payee, licence_id, home_id, count(*) AS placements, count(DISTINCT child_ref) AS children,
         min(from_date) AS from_date, CASE WHEN max(to_date IS NULL) = 1 THEN NULL ELSE max(to_date) END AS to_date,
         min(src_file) AS src_file, min(src_line) AS src_line
  FROM placements WHERE ${col} IN (${IDS}) AND payee_org_nr IS NOT NULL AND ${ACTIVE('from_date', 'to_date')}
  GROUP BY payee_org_nr, licence_id, home_id LIMIT @cap`;

const SQL = {
  companies: `SELECT ${COMPANY} FROM companies WHERE org_nr IN (${IDS}) LIMIT @cap`,
  companiesAt: `SELECT ${COMPANY} FROM companies WHERE address_key IN (${IDS}) LIMIT @cap`,
  persons: `SELECT ${PERSON} FROM persons WHERE person_id IN (${IDS}) LIMIT @cap`,
  personsAt: `SELECT ${PERSON} FROM persons WHERE address_key IN (${IDS}) LIMIT @cap`,
  licences: `SELECT ${LICENCE} FROM licences WHERE licence_id IN (${IDS}) AND ${STARTED('granted_on')} LIMIT @cap`,
  licencesOf: `SELECT ${LICENCE} FROM licences WHERE org_nr IN (${IDS}) AND ${STARTED('granted_on')} LIMIT @cap`,
  licencesAt: `SELECT ${LICENCE} FROM licences WHERE address_key IN (${IDS}) AND ${STARTED('granted_on')} LIMIT @cap`,
  homes: `SELECT ${HOME} FROM foster_homes WHERE home_id IN (${IDS}) LIMIT @cap`,
  homesAt: `SELECT ${HOME} FROM foster_homes WHERE address_key IN (${IDS}) LIMIT @cap`,
  homesOfConsultant: `SELECT ${HOME} FROM foster_homes WHERE consultant_org_nr IN (${IDS}) AND ${ACTIVE('approved_on', 'ended_on')} LIMIT @cap`,
  homeParents: `SELECT home_id, parent_ids FROM foster_homes`,
  rolesIn: `SELECT ${ROLE} FROM roles WHERE org_nr IN (${IDS}) AND ${ACTIVE('from_date', 'to_date')} LIMIT @cap`,
  rolesHeld: `SELECT ${ROLE} FROM roles WHERE holder_id IN (${IDS}) AND ${ACTIVE('from_date', 'to_date')} LIMIT @cap`,
  employmentsAt: `SELECT ${EMPLOYMENT} FROM employments WHERE org_nr IN (${IDS}) AND ${ACTIVE('from_date', 'to_date')} LIMIT @cap`,
  employmentsOf: `SELECT ${EMPLOYMENT} FROM employments WHERE person_id IN (${IDS}) AND ${ACTIVE('from_date', 'to_date')} LIMIT @cap`,
  relations: `SELECT ${RELATION} FROM relations WHERE a_id IN (${IDS}) AND ${ACTIVE('from_date', 'to_date')}
              UNION SELECT ${RELATION} FROM relations WHERE b_id IN (${IDS}) AND ${ACTIVE('from_date', 'to_date')} LIMIT @cap`,
  residencesOf: `SELECT ${RESIDENCE} FROM residences WHERE person_id IN (${IDS}) AND ${ACTIVE('from_date', 'to_date')} LIMIT @cap`,
  residencesAt: `SELECT ${RESIDENCE} FROM residences WHERE address_key IN (${IDS}) AND ${ACTIVE('from_date', 'to_date')} LIMIT @cap`,
  placementsPaidTo: placementAgg('payee_org_nr'),
  placementsAtLicence: placementAgg('licence_id'),
  placementsAtHome: placementAgg('home_id'),
  dataVersion: `SELECT coalesce(max(id), 0) AS v FROM datasets`,
  isCompanyOrPerson: `SELECT 1 FROM companies WHERE org_nr = @id UNION ALL SELECT 1 FROM persons WHERE person_id = @id
                      UNION ALL SELECT 1 FROM roles WHERE holder_id = @id UNION ALL SELECT 1 FROM roles WHERE org_nr = @id LIMIT 1`,
  isLicence: `SELECT 1 FROM licences WHERE licence_id = @id LIMIT 1`,
  isHome: `SELECT 1 FROM foster_homes WHERE home_id = @id LIMIT 1`,
} as const;

export type GraphQuery = Exclude<keyof typeof SQL, 'homeParents' | 'dataVersion' | 'isCompanyOrPerson' | 'isLicence' | 'isHome'>;

/** Which kind of stored entity an id names, for resolving what a user typed or clicked. */
export function storedIdKind(db: Db, id: string): { holder: boolean; licence: boolean; home: boolean } {
  return {
    holder: stmt(db, 'isCompanyOrPerson').get({ id }) != null,
    licence: stmt(db, 'isLicence').get({ id }) != null,
    home: stmt(db, 'isHome').get({ id }) != null,
  };
}
export interface GraphQueryArgs { ids: readonly string[]; asOf: string | null; cap: number }

interface Prepared { stmts: Map<string, Statement>; parents: { version: number; byPerson: Map<string, string[]> } | null }
const cache = new WeakMap<Db, Prepared>();

function prepared(db: Db): Prepared {
  let p = cache.get(db);
  if (!p) {
    p = { stmts: new Map(), parents: null };
    cache.set(db, p);
  }
  return p;
}

function stmt(db: Db, name: keyof typeof SQL): Statement {
  const p = prepared(db);
  let s = p.stmts.get(name);
  if (!s) {
    s = db.prepare(SQL[name]);
    p.stmts.set(name, s);
  }
  return s;
}

/** Runs one neighbour query for a batch of ids; rows carry `src_file`/`src_line` provenance. */
export function graphRows<T = Record<string, unknown>>(db: Db, query: GraphQuery, args: GraphQueryArgs): T[] {
  if (args.ids.length === 0) return [];
  return stmt(db, query).all({ ids: JSON.stringify(args.ids), asOf: args.asOf, cap: args.cap }) as T[];
}

/**
 * Foster homes per parent. parent_ids is a JSON list, which SQLite cannot index, so the map is
 * built once per store and rebuilt when a new dataset has been imported.
 */
export function fosterHomesOfParents(db: Db, personIds: readonly string[]): { home_id: string; person_id: string }[] {
  const p = prepared(db);
  const version = (stmt(db, 'dataVersion').get() as { v: number }).v;
  if (!p.parents || p.parents.version !== version) {
    const byPerson = new Map<string, string[]>();
    for (const r of stmt(db, 'homeParents').iterate() as Iterable<{ home_id: string; parent_ids: string | null }>) {
      for (const id of r.parent_ids ? (JSON.parse(r.parent_ids) as string[]) : []) {
        const list = byPerson.get(id);
        if (list) list.push(r.home_id);
        else byPerson.set(id, [r.home_id]);
      }
    }
    p.parents = { version, byPerson };
  }
  const out: { home_id: string; person_id: string }[] = [];
  for (const id of personIds) for (const home_id of p.parents.byPerson.get(id) ?? []) out.push({ home_id, person_id: id });
  return out;
}

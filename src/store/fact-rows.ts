import type { FactRowTypes } from '../model/rows';
import { TABLES, TABLE_NAMES, type TableName } from '../model/index';
import type { Db } from './db';

/** Columns stored as JSON arrays / 0-1 integers that the analysis wants as arrays / booleans. */
const JSON_COLUMNS = new Set(['tags', 'parent_ids']);

type FactRows = { [T in TableName]: FactRowTypes[T][] };

function columnsOf(db: Db, table: TableName): string[] {
  const existing = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
  const wanted = ['key', ...TABLES[table].columns.map((c) => c.sql), 'address_key', 'holder_kind', 'subject_kind', 'a_kind', 'b_kind', 'dataset_id', 'src_file', 'src_line'];
  return [...new Set(wanted)].filter((c) => existing.has(c));
}

/**
 * Dates, enumerated values and a few other columns repeat across hundreds of thousands of rows: one string per
 * distinct value keeps the loaded snapshot small and spares the garbage collector copying them.
 */
const sharedColumns = new Map<TableName, Set<string>>(TABLE_NAMES.map((t) => [t, new Set([
  ...TABLES[t].columns.filter((c) => c.type === 'date' || c.type === 'enum').map((c) => c.sql),
  'holder_kind', 'subject_kind', 'a_kind', 'b_kind',
  // Free text and ids that name few distinct things (places, payers, titles, the licence or home paid).
  'city', 'postal_code', 'municipality', 'legal_form', 'sni', 'payer', 'source', 'target_group', 'title',
  'licence_id', 'home_id', 'payee_org_nr',
])]));

/** One string per distinct value (per table read; the map is dropped with the reader). */

function internFn(): (v: unknown) => unknown {
  const seen = new Map<string, string>();
  return (v) => {
    if (typeof v !== 'string') return v;
    const s = seen.get(v);
    if (s !== undefined) return s;
    seen.set(v, v);
    return v;
  };
}

/**
 * Reads a table's rows as plain objects of one fixed shape (built by a generated constructor,
 * so V8 keeps them in fast mode: this matters at hundreds of thousands of rows).
 */
function readTable(db: Db, table: TableName, where = ''): any[] {
  const bools = new Set(TABLES[table].columns.filter((c) => c.type === 'bool').map((c) => c.sql));
  const shared = sharedColumns.get(table)!;
  const cols = columnsOf(db, table);
  const fields = cols.filter((c) => c !== 'src_file' && c !== 'src_line' && c !== 'dataset_id');
  const at = (c: string): number => cols.indexOf(c);
  const body = fields.map((c) => {
    const v = `r[${at(c)}]`;
    if (JSON_COLUMNS.has(c)) return `${JSON.stringify(c)}: ${v} ? JSON.parse(${v}) : []`;
    if (bools.has(c)) return `${JSON.stringify(c)}: ${v} == null ? null : ${v} === 1`;
    if (shared.has(c)) return `${JSON.stringify(c)}: intern(${v})`;
    return `${JSON.stringify(c)}: ${v}`;
  });
  body.push(`prov: { file: intern(r[${at('src_file')}]), line: r[${at('src_line')}], datasetId: r[${at('dataset_id')}] }`);
  // The column list comes from PRAGMA table_info, never from data.
  const make = new Function('intern', `return (r) => ({ ${body.join(', ')} });`)(internFn()) as (r: unknown[]) => any;
  const rows: any[] = [];
  // A filtered read of a stored table looks its row ids up first and then reads the rows in
  // row-id order: same rows, same order, without sorting whole rows in a temp b-tree (about a
  // third faster at national scale). Through an as-known view (row ids not unique) it reads as is.
  const filter = where && !isView(db, table) ? `WHERE row_id IN (SELECT row_id FROM ${table} ${where})` : where;
  const stmt = db.prepare(`SELECT ${cols.join(', ')} FROM ${table} ${filter} ORDER BY row_id`).raw(true);
  for (const r of stmt.iterate() as Iterable<unknown[]>) rows.push(make(r));
  return rows;
}

/** Whether `table` currently resolves to a temp view (src/store/known.ts), not the stored table. */
function isView(db: Db, table: TableName): boolean {
  return db.prepare("SELECT 1 FROM sqlite_temp_master WHERE type = 'view' AND name = ?").get(table) !== undefined;
}

/** Reads all rows of every fact table, typed for the analysis, with provenance attached. */
export function loadFactRows(db: Db): FactRows {
  const out = {} as FactRows;
  for (const table of TABLE_NAMES) (out as any)[table] = readTable(db, table);
  return out;
}

/** Tables holding at least one row in the store (drives "not evaluable" coverage). */
export function presentTables(db: Db): Set<TableName> {
  const out = new Set<TableName>();
  for (const t of TABLE_NAMES) if (db.prepare(`SELECT 1 FROM ${t} LIMIT 1`).get()) out.add(t);
  return out;
}

export interface SectorScope {
  /** Companies at addresses shared by at least this many companies are loaded (address-hub). */
  minCompaniesAtAddress: number;
  /**
   * Ids of confirmed entity-resolution matches (src/matching/): each is loaded as a sanctioned
   * holder, debtor and foster parent would be, so a group is complete whenever one member is in
   * scope. Few by nature (each is a person's decision).
   */
  matchedIds?: readonly string[];
}

/**
 * The welfare-sector slice of the store, for national-scale registers (issue 4.1: do not load
 * the whole register blindly). What it reaches:
 * - every licence, inspection, review, foster home, placement, employment, legitimation,
 *   sanction and payment (the sector tables, proportionate in size);
 * - financial events of licence holders/applicants and of anyone holding a role in one;
 * - residences (folkbokföring history) of foster parents;
 * - sector companies: licence holders/applicants, payees, employers, consultant agencies,
 *   companies named in financial events or sanctions or reviews;
 * - all roles in sector companies, plus every role of a sanctioned holder or a foster parent
 *   (trading bans bite in any company; a foster parent may control any company);
 * - the ownership roles (owner, beneficial_owner) of the companies that own sector companies, up
 *   the chain (corporate groups, serial-director: two holders owned through different holding
 *   companies of one owner are one group);
 * - the persons and companies those roles and sector tables name, and every company at an
 *   address shared by ≥ `minCompaniesAtAddress` companies;
 * - relations touching the persons and companies in scope.
 * Every signal of contract §4 reads only facts inside this slice, so its hits are the same as
 * over the full register; the network score spreads only inside it.
 */
export function loadSectorFactRows(db: Db, scope: SectorScope): FactRows {
  return db.transaction(() => {
    db.exec(`
      DROP TABLE IF EXISTS temp.scope_org; DROP TABLE IF EXISTS temp.scope_holder; DROP TABLE IF EXISTS temp.scope_person;
      DROP TABLE IF EXISTS temp.scope_debtor; DROP TABLE IF EXISTS temp.scope_parent;
      CREATE TEMP TABLE scope_org (id TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TEMP TABLE scope_holder (id TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TEMP TABLE scope_person (id TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TEMP TABLE scope_debtor (id TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TEMP TABLE scope_parent (id TEXT PRIMARY KEY) WITHOUT ROWID;
      INSERT OR IGNORE INTO scope_debtor SELECT org_nr FROM licences WHERE org_nr IS NOT NULL;
      INSERT OR IGNORE INTO scope_parent SELECT j.value FROM foster_homes, json_each(foster_homes.parent_ids) j WHERE foster_homes.parent_ids IS NOT NULL;
      INSERT OR IGNORE INTO scope_org SELECT org_nr FROM licences WHERE org_nr IS NOT NULL;
      INSERT OR IGNORE INTO scope_org SELECT payee_org_nr FROM payments WHERE payee_org_nr IS NOT NULL;
      INSERT OR IGNORE INTO scope_org SELECT payee_org_nr FROM placements WHERE payee_org_nr IS NOT NULL;
      INSERT OR IGNORE INTO scope_org SELECT org_nr FROM employments WHERE org_nr IS NOT NULL;
      INSERT OR IGNORE INTO scope_org SELECT consultant_org_nr FROM foster_homes WHERE consultant_org_nr IS NOT NULL;
      INSERT OR IGNORE INTO scope_org SELECT org_nr FROM reviewed_persons WHERE org_nr IS NOT NULL;
      INSERT OR IGNORE INTO scope_org SELECT org_nr FROM inspections WHERE org_nr IS NOT NULL;
      INSERT OR IGNORE INTO scope_holder SELECT subject_id FROM sanctions WHERE subject_id IS NOT NULL;
      INSERT OR IGNORE INTO scope_holder SELECT id FROM scope_parent;
      -- Sole traders: the org_nr is the owner's personnummer, stored as a 12-digit person id in
      -- financial events and sanctions (either century; an id that does not exist matches nothing).
      INSERT OR IGNORE INTO scope_debtor SELECT c || org_nr FROM licences, (SELECT '19' AS c UNION ALL SELECT '20')
        WHERE length(org_nr) = 10 AND substr(org_nr, 3, 2) BETWEEN '01' AND '12';
      INSERT OR IGNORE INTO scope_org SELECT substr(id, 3) FROM scope_holder WHERE length(id) = 12 AND substr(id, 1, 2) IN ('19', '20');
    `);
    if (scope.matchedIds?.length) {
      const ids = JSON.stringify(scope.matchedIds);
      for (const t of ['scope_holder', 'scope_debtor', 'scope_parent']) db.prepare(`INSERT OR IGNORE INTO ${t} SELECT value FROM json_each(?)`).run(ids);
    }
    const roles = readTable(db, 'roles', 'WHERE org_nr IN (SELECT id FROM scope_org) OR holder_id IN (SELECT id FROM scope_holder)');
    // Holders of a role in a licence holder are debtors in scope. scope_org holds every licence
    // org_nr, so their roles are among those just read (cheaper than a second pass over roles).
    const licensed = new Set(db.prepare('SELECT org_nr FROM licences WHERE org_nr IS NOT NULL').pluck().all() as string[]);
    insertIds(db, 'scope_debtor', roles.filter((r) => licensed.has(r.org_nr)).map((r) => r.holder_id));
    roles.push(...ownershipChains(db, roles));
    // One statement per scope table, not one per role (hundreds of thousands at national scale).
    insertIds(db, 'scope_org', roles.flatMap((r) => (r.holder_kind === 'company' ? [r.org_nr, r.holder_id] : [r.org_nr])));
    insertIds(db, 'scope_person', roles.filter((r) => r.holder_kind !== 'company').map((r) => r.holder_id));
    db.exec(`
      INSERT OR IGNORE INTO scope_org SELECT id FROM scope_holder;
      INSERT OR IGNORE INTO scope_person SELECT id FROM scope_holder;
      INSERT OR IGNORE INTO scope_person SELECT person_id FROM employments WHERE person_id IS NOT NULL;
      INSERT OR IGNORE INTO scope_person SELECT person_id FROM reviewed_persons WHERE person_id IS NOT NULL;
      INSERT OR IGNORE INTO scope_person SELECT person_id FROM legitimations WHERE person_id IS NOT NULL;
    `);
    db.prepare(`INSERT OR IGNORE INTO scope_org SELECT org_nr FROM companies WHERE address_key IN
      (SELECT address_key FROM companies WHERE address_key IS NOT NULL GROUP BY address_key HAVING COUNT(*) >= ?)`).run(scope.minCompaniesAtAddress);
    // The owners of sole traders in scope (persons rows, relations).
    db.exec(`INSERT OR IGNORE INTO scope_person SELECT c || id FROM scope_org, (SELECT '19' AS c UNION ALL SELECT '20')
      WHERE length(id) = 10 AND substr(id, 3, 2) BETWEEN '01' AND '12'`);

    const out = {} as FactRows;
    for (const table of TABLE_NAMES) {
      const where =
        table === 'companies' ? 'WHERE org_nr IN (SELECT id FROM scope_org)'
        : table === 'persons' ? 'WHERE person_id IN (SELECT id FROM scope_person)'
        : table === 'residences' ? 'WHERE person_id IN (SELECT id FROM scope_parent)'
        : table === 'financial_events' ? 'WHERE subject_id IN (SELECT id FROM scope_debtor)'
        : table === 'relations' ? 'WHERE a_id IN (SELECT id FROM scope_person) OR b_id IN (SELECT id FROM scope_person) OR a_id IN (SELECT id FROM scope_org) OR b_id IN (SELECT id FROM scope_org)'
        : '';
      (out as any)[table] = table === 'roles' ? roles : readTable(db, table, where);
    }
    db.exec('DROP TABLE temp.scope_org; DROP TABLE temp.scope_holder; DROP TABLE temp.scope_person; DROP TABLE temp.scope_debtor; DROP TABLE temp.scope_parent;');
    return out;
  })();
}

/** Adds ids to a temp scope table in one statement (nulls are skipped, as `IN` would never match them). */
function insertIds(db: Db, table: string, ids: readonly (string | null)[]): void {
  if (ids.length > 0) db.prepare(`INSERT OR IGNORE INTO ${table} SELECT value FROM json_each(?) WHERE value IS NOT NULL`).run(JSON.stringify(ids));
}

/** How many owner levels above a sector company are followed (holding of a holding of …). */
const MAX_OWNER_LEVELS = 6;

/**
 * The owner and beneficial_owner roles of companies that own companies whose roles are loaded,
 * level by level up the ownership chain. Runs inside loadSectorFactRows' transaction, after
 * scope_org holds the sector companies (whose roles are all loaded).
 */
function ownershipChains(db: Db, loaded: readonly { org_nr: string; holder_id: string; holder_kind: string | null; role: string }[]): any[] {
  const isOwnership = (r: { role: string; holder_kind: string | null }) => r.holder_kind === 'company' && (r.role === 'owner' || r.role === 'beneficial_owner');
  const seen = new Set<string>(db.prepare('SELECT id FROM scope_org').pluck().all() as string[]);
  db.exec('DROP TABLE IF EXISTS temp.scope_owner; CREATE TEMP TABLE scope_owner (id TEXT PRIMARY KEY) WITHOUT ROWID;');
  const add = db.prepare('INSERT OR IGNORE INTO scope_owner VALUES (?)');
  const out: any[] = [];
  let level = loaded;
  for (let depth = 0; depth < MAX_OWNER_LEVELS; depth++) {
    db.exec('DELETE FROM scope_owner');
    let any = false;
    for (const r of level) {
      if (!isOwnership(r) || seen.has(r.holder_id)) continue;
      seen.add(r.holder_id);
      add.run(r.holder_id);
      any = true;
    }
    if (!any) break;
    level = readTable(db, 'roles', "WHERE org_nr IN (SELECT id FROM scope_owner) AND role IN ('owner', 'beneficial_owner')");
    out.push(...level);
  }
  db.exec('DROP TABLE temp.scope_owner;');
  return out;
}

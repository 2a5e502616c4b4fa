import type { TableName } from '../model/tables';
import type { Db } from './db';
import { stmt } from './statements';

/**
 * SQL for monitoring across imports (issue 11): the watch list, and which facts name an entity
 * (for the watch feed of `insyn changes`).
 */

export interface WatchRow { entity_id: string; note: string; added_at: string; added_by: string }

export function watchRows(db: Db): WatchRow[] {
  return stmt(db, 'SELECT entity_id, note, added_at, added_by FROM watchlist ORDER BY added_at, entity_id').all() as WatchRow[];
}

export function watchRow(db: Db, entityId: string): WatchRow | undefined {
  return stmt(db, 'SELECT entity_id, note, added_at, added_by FROM watchlist WHERE entity_id = ?').get(entityId) as WatchRow | undefined;
}

/** Adds or re-notes an entity; returns the row it replaced, if any. */
export function upsertWatch(db: Db, row: WatchRow): WatchRow | undefined {
  const before = watchRow(db, row.entity_id);
  stmt(db, 'INSERT INTO watchlist (entity_id, note, added_at, added_by) VALUES (?, ?, ?, ?) ON CONFLICT(entity_id) DO UPDATE SET note = excluded.note')
    .run(row.entity_id, row.note, row.added_at, row.added_by);
  return before;
}

export function deleteWatch(db: Db, entityId: string): boolean {
  return stmt(db, 'DELETE FROM watchlist WHERE entity_id = ?').run(entityId).changes === 1;
}

/** What an id can name, for matching facts (a plain id may be a company or a person). */
export type IdRole = 'holder' | 'licence' | 'foster_home' | 'address';

/**
 * The columns that name an entity, per table: a fact "is about" an entity when one of them holds
 * its id. `json` columns hold a JSON list (foster parents).
 */
const NAMING: readonly { table: TableName; column: string; role: IdRole; json?: true }[] = [
  { table: 'companies', column: 'org_nr', role: 'holder' },
  { table: 'companies', column: 'address_key', role: 'address' },
  { table: 'persons', column: 'person_id', role: 'holder' },
  { table: 'persons', column: 'address_key', role: 'address' },
  { table: 'roles', column: 'org_nr', role: 'holder' },
  { table: 'roles', column: 'holder_id', role: 'holder' },
  { table: 'licences', column: 'org_nr', role: 'holder' },
  { table: 'licences', column: 'licence_id', role: 'licence' },
  { table: 'licences', column: 'address_key', role: 'address' },
  { table: 'inspections', column: 'org_nr', role: 'holder' },
  { table: 'inspections', column: 'licence_id', role: 'licence' },
  { table: 'reviewed_persons', column: 'org_nr', role: 'holder' },
  { table: 'reviewed_persons', column: 'person_id', role: 'holder' },
  { table: 'foster_homes', column: 'home_id', role: 'foster_home' },
  { table: 'foster_homes', column: 'consultant_org_nr', role: 'holder' },
  { table: 'foster_homes', column: 'parent_ids', role: 'holder', json: true },
  { table: 'foster_homes', column: 'address_key', role: 'address' },
  { table: 'placements', column: 'payee_org_nr', role: 'holder' },
  { table: 'placements', column: 'licence_id', role: 'licence' },
  { table: 'placements', column: 'home_id', role: 'foster_home' },
  { table: 'employments', column: 'org_nr', role: 'holder' },
  { table: 'employments', column: 'person_id', role: 'holder' },
  { table: 'employments', column: 'workplace', role: 'licence' },
  { table: 'employments', column: 'workplace', role: 'foster_home' },
  { table: 'legitimations', column: 'person_id', role: 'holder' },
  { table: 'financial_events', column: 'subject_id', role: 'holder' },
  { table: 'sanctions', column: 'subject_id', role: 'holder' },
  { table: 'relations', column: 'a_id', role: 'holder' },
  { table: 'relations', column: 'b_id', role: 'holder' },
  { table: 'residences', column: 'person_id', role: 'holder' },
  { table: 'residences', column: 'address_key', role: 'address' },
  { table: 'payments', column: 'payee_org_nr', role: 'holder' },
  { table: 'payments', column: 'licence_id', role: 'licence' },
  { table: 'payments', column: 'home_id', role: 'foster_home' },
];

export interface NamingFact { table: TableName; key: string; id: string }

/**
 * The facts (table, key) naming any of the ids, each with the id it names: stored rows (ended
 * ones included), and rows whose replaced value named the id when it was replaced after
 * `changedAfter` (a licence moved to another holder still shows up for the old one). The history
 * since `changedAfter` is read in one pass (index on replaced_by_dataset), not once per column.
 */
export function factsNaming(db: Db, ids: ReadonlyMap<IdRole, readonly string[]>, changedAfter: number): NamingFact[] {
  const out: NamingFact[] = [];
  const wanted = new Map<IdRole, Set<string>>([...ids].map(([role, list]) => [role, new Set(list)]));
  const byTable = new Map<string, { column: string; set: Set<string> }[]>();
  for (const n of NAMING) {
    const list = ids.get(n.role);
    if (!list || list.length === 0) continue;
    const json = JSON.stringify(list);
    const rows = n.json
      ? db.prepare(`SELECT t.key AS key, j.value AS id FROM main.${n.table} t, json_each(t.${n.column}) j WHERE t.${n.column} IS NOT NULL AND j.value IN (SELECT value FROM json_each(?))`).all(json)
      : db.prepare(`SELECT key, ${n.column} AS id FROM main.${n.table} WHERE ${n.column} IN (SELECT value FROM json_each(?))`).all(json);
    for (const r of rows as { key: string; id: string }[]) out.push({ table: n.table, key: r.key, id: r.id });
    if (!n.json) byTable.set(n.table, [...(byTable.get(n.table) ?? []), { column: n.column, set: wanted.get(n.role)! }]);
  }
  if (byTable.size === 0) return out;
  for (const h of stmt(db, 'SELECT table_name, key, old_row FROM main.fact_history WHERE replaced_by_dataset > ?').iterate(changedAfter) as Iterable<{ table_name: string; key: string; old_row: string }>) {
    const checks = byTable.get(h.table_name);
    if (!checks) continue;
    const old = JSON.parse(h.old_row) as Record<string, unknown>;
    for (const c of checks) {
      const v = old[c.column];
      if (typeof v === 'string' && c.set.has(v)) out.push({ table: h.table_name as TableName, key: h.key, id: v });
    }
  }
  return out;
}

/** Whether any fact is located at an address key (companies, persons, licences, foster homes, folkbokföring). */
export function addressKnown(db: Db, key: string): boolean {
  return stmt(db, `SELECT 1 FROM companies WHERE address_key = @k UNION ALL SELECT 1 FROM persons WHERE address_key = @k
    UNION ALL SELECT 1 FROM licences WHERE address_key = @k UNION ALL SELECT 1 FROM foster_homes WHERE address_key = @k
    UNION ALL SELECT 1 FROM residences WHERE address_key = @k LIMIT 1`).get({ k: key }) !== undefined;
}

/** The cases each hit key belongs to (case membership survives re-analysis: it is keyed by hit_key). */
export function casesOfHits(db: Db, hitKeys: readonly string[]): { hit_key: string; id: number; name: string }[] {
  if (hitKeys.length === 0) return [];
  return stmt(db, 'SELECT h.hit_key, c.id, c.name FROM case_hits h JOIN cases c ON c.id = h.case_id WHERE h.hit_key IN (SELECT value FROM json_each(?)) ORDER BY c.id')
    .all(JSON.stringify(hitKeys)) as { hit_key: string; id: number; name: string }[];
}

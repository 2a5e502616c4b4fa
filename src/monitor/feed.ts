import type { TableName } from '../model/tables';
import { StoreSource } from '../graph/store-source';
import { ADDRESS_PREFIX, HOME_PREFIX, LICENCE_PREFIX, kindOfNodeId } from '../graph/types';
import type { Db } from '../store/db';
import { factChains } from '../store/known';
import { factsNaming, watchRows, type IdRole } from '../store/monitor';
import { factEvents, type FactEvent } from './events';
import { resolveWatched } from './watch';

/**
 * The watch feed (contract §7.3 `watched`): for each watched entity and each entity one step from
 * it in the graph, the facts that datasets imported after a given one added, changed or ended.
 * A fact naming several of these entities is listed once, under the watched entity if it names
 * it, else under the first neighbour it names.
 */

/** One change of the §7.3 shape (`table … dataset`), plus what kind of change and the old source. */
export interface WatchedChange {
  table: TableName;
  field: string | null;
  before: unknown;
  after: unknown;
  source: string;
  dataset: number;
  change: FactEvent['kind'];
  before_source: string | null;
  key: string;
}

export interface WatchedEntry {
  id: string;
  kind: string;
  changes: WatchedChange[];
  /** Added: 0 for a watched entity, 1 for a neighbour; the watched entity it was reached from. */
  step: 0 | 1;
  watched_id: string;
  /** Added, for watched entities: the investigator's note and whether the store knows the id. */
  note?: string;
  in_store?: boolean;
}

/** Neighbours looked at per watched entity (a service address can neighbour thousands). */
export const NEIGHBOUR_LIMIT = 500;

interface Target { nodeId: string; id: string; kind: string; roles: IdRole[]; step: 0 | 1; watchedId: string; note?: string; inStore?: boolean }

function targetOf(nodeId: string, step: 0 | 1, watchedId: string, kindKnown: boolean): Omit<Target, 'note' | 'inStore'> {
  if (!kindKnown) return { nodeId, id: nodeId, kind: 'unknown', roles: ['holder', 'licence', 'foster_home'], step, watchedId };
  const kind = kindOfNodeId(nodeId);
  const strip = (p: string) => nodeId.slice(p.length);
  switch (kind) {
    case 'licence': return { nodeId, id: strip(LICENCE_PREFIX), kind, roles: ['licence'], step, watchedId };
    case 'foster_home': return { nodeId, id: strip(HOME_PREFIX), kind, roles: ['foster_home'], step, watchedId };
    case 'address': return { nodeId, id: strip(ADDRESS_PREFIX), kind, roles: ['address'], step, watchedId };
    default: return { nodeId, id: nodeId, kind, roles: ['holder'], step, watchedId };
  }
}

/** The watched entities and their one-step neighbours, watched ones first. */
function targets(db: Db): Target[] {
  const out: Target[] = [];
  const seen = new Set<string>();
  const source = new StoreSource(db, NEIGHBOUR_LIMIT * 4);
  const watched = watchRows(db).map((w) => ({ w, r: resolveWatched(db, w.entity_id) }));
  for (const { w, r } of watched) {
    const t = targetOf(r.nodeId, 0, '', r.kind !== 'unknown');
    out.push({ ...t, watchedId: t.id, note: w.note, inStore: r.inStore });
    seen.add(t.nodeId);
  }
  for (const [i, { r }] of watched.entries()) {
    if (!r.inStore) continue;
    const neighbours = new Set<string>();
    for (const e of source.edgesOf([r.nodeId], null)) for (const n of [e.source, e.target]) if (n !== r.nodeId) neighbours.add(n);
    for (const n of [...neighbours].sort().slice(0, NEIGHBOUR_LIMIT)) {
      if (seen.has(n)) continue;
      seen.add(n);
      out.push(targetOf(n, 1, out[i]!.id, true));
    }
  }
  return out;
}

/** The §7.3 `watched` list: changes made by datasets with an id above `sinceDataset`. */
export function watchedChanges(db: Db, sinceDataset: number): WatchedEntry[] {
  const list = targets(db);
  if (list.length === 0) return [];
  const ids = new Map<IdRole, string[]>();
  for (const t of list) for (const r of t.roles) ids.set(r, [...(ids.get(r) ?? []), t.id]);
  const naming = factsNaming(db, ids, sinceDataset);

  // Each fact goes to the first target (watched before neighbours) it names.
  const rank = new Map<string, number>();
  list.forEach((t, i) => { if (!rank.has(t.id)) rank.set(t.id, i); });
  const owner = new Map<string, number>();
  for (const f of naming) {
    const i = rank.get(f.id);
    if (i === undefined) continue;
    const k = `${f.table}\u0000${f.key}`;
    if (owner.get(k) === undefined || i < owner.get(k)!) owner.set(k, i);
  }
  const byTable = new Map<TableName, string[]>();
  for (const k of owner.keys()) {
    const [table, key] = k.split('\u0000') as [TableName, string];
    byTable.set(table, [...(byTable.get(table) ?? []), key]);
  }
  const changes: WatchedChange[][] = list.map(() => []);
  for (const [table, keys] of byTable) {
    for (const chain of factChains(db, table, keys)) {
      const i = owner.get(`${table}\u0000${chain.key}`)!;
      for (const e of factEvents(chain)) {
        if (e.dataset <= sinceDataset) continue;
        changes[i]!.push({ table, field: e.field, before: e.before, after: e.after, source: e.source, dataset: e.dataset, change: e.kind, before_source: e.beforeSource, key: e.key });
      }
    }
  }
  const out: WatchedEntry[] = [];
  // Each watched entity, then the neighbours reached from it.
  const order = list.map((t, i) => i).sort((a, b) => watchedRank(list, a) - watchedRank(list, b) || a - b);
  order.forEach((i) => {
    const t = list[i]!;
    const c = changes[i]!.sort((a, b) => a.dataset - b.dataset || a.table.localeCompare(b.table) || a.key.localeCompare(b.key));
    if (t.step === 1 && c.length === 0) return;
    const entry: WatchedEntry = { id: t.id, kind: t.kind, changes: c, step: t.step, watched_id: t.watchedId };
    if (t.step === 0) {
      entry.note = t.note ?? '';
      entry.in_store = t.inStore ?? false;
    }
    out.push(entry);
  });
  return out;
}

function watchedRank(list: readonly Target[], i: number): number {
  const t = list[i]!;
  return t.step === 0 ? i : list.findIndex((w) => w.step === 0 && w.id === t.watchedId);
}

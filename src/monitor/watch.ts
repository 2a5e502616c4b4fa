import { auditWatchChange } from '../audit/events';
import { defaultActor } from '../audit/log';
import { resolveNodeId } from '../graph/store-source';
import { ADDRESS_PREFIX, HOME_PREFIX, LICENCE_PREFIX, kindOfNodeId } from '../graph/types';
import { normaliseHolderId } from '../ids/holder';
import type { Db } from '../store/db';
import { storedIdKind } from '../store/graph';
import { addressKnown, deleteWatch, upsertWatch, watchRow, watchRows } from '../store/monitor';

/**
 * The watch list (issue 11.4): entities an investigator follows, with a note. An id need not be
 * in the store yet (registers lag): it is kept, with a warning, and followed once it appears.
 * Every change is written to the audit log.
 */

export interface WatchEntry {
  /** Normalised id (org_nr 10 digits, person_id 12 digits, licence_id, home_id, address key). */
  id: string;
  /** company | person | licence | foster_home | address, or 'unknown' while nothing in the store names it. */
  kind: string;
  note: string;
  added_at: string;
  added_by: string;
  in_store: boolean;
}

export class WatchError extends Error {
  override name = 'WatchError';
}

/** The stored form of what a user typed: org_nr/personnummer normalised, anything else trimmed. */
export function watchId(raw: string): string {
  const id = raw.trim();
  if (!id) throw new WatchError('ange ett id att bevaka (organisationsnummer, personnummer, tillstånds-id, familjehems-id eller adressnyckel) / an id is required');
  if (id.startsWith(LICENCE_PREFIX) || id.startsWith(HOME_PREFIX) || id.startsWith(ADDRESS_PREFIX)) return id;
  const holder = normaliseHolderId(id);
  return holder.ok ? holder.value.id : id;
}

/** The entity an id names now: its node id, kind and whether the store holds anything about it. */
export function resolveWatched(db: Db, id: string): { nodeId: string; kind: string; inStore: boolean } {
  const node = resolveNodeId(db, id);
  if (node === null) return { nodeId: id, kind: 'unknown', inStore: false };
  const kind = kindOfNodeId(node);
  const inStore =
    kind === 'licence' ? storedIdKind(db, node.slice(LICENCE_PREFIX.length)).licence
    : kind === 'foster_home' ? storedIdKind(db, node.slice(HOME_PREFIX.length)).home
    : kind === 'address' ? addressKnown(db, node.slice(ADDRESS_PREFIX.length))
    : storedIdKind(db, node).holder;
  return { nodeId: node, kind: inStore || kind === 'company' || kind === 'person' ? kind : 'unknown', inStore };
}

const displayId = (id: string): string => (id.startsWith(LICENCE_PREFIX) ? id.slice(LICENCE_PREFIX.length) : id.startsWith(HOME_PREFIX) ? id.slice(HOME_PREFIX.length) : id.startsWith(ADDRESS_PREFIX) ? id.slice(ADDRESS_PREFIX.length) : id);

function entryOf(db: Db, row: { entity_id: string; note: string; added_at: string; added_by: string }): WatchEntry {
  const r = resolveWatched(db, row.entity_id);
  return { id: displayId(row.entity_id), kind: r.kind, note: row.note, added_at: row.added_at, added_by: row.added_by, in_store: r.inStore };
}

export function listWatch(db: Db): WatchEntry[] {
  return watchRows(db).map((r) => entryOf(db, r));
}

export interface WatchAddResult {
  entry: WatchEntry;
  /** Swedish warning when the store does not know the id yet (it is watched anyway). */
  warning: string | null;
  /** True when the id was already watched (its note was replaced). */
  updated: boolean;
}

export function addWatch(db: Db, raw: string, note?: string | null, actor: string = defaultActor()): WatchAddResult {
  const id = watchId(raw);
  const resolved = resolveWatched(db, id);
  return db.transaction(() => {
    const before = upsertWatch(db, { entity_id: id, note: (note ?? watchRow(db, id)?.note ?? '').trim(), added_at: new Date().toISOString(), added_by: actor });
    const row = watchRow(db, id)!;
    auditWatchChange(db, { action: 'add', id, note: row.note, inStore: resolved.inStore, previousNote: before && before.note !== row.note ? before.note : null }, actor);
    const warning = resolved.inStore ? null : `${displayId(id)} finns inte i databasen ännu; bevakas ändå och följs när en import nämner det / not in the store yet; watched anyway`;
    return { entry: entryOf(db, row), warning, updated: before !== undefined };
  })();
}

/** Removes an entity from the watch list; false when it was not watched. */
export function removeWatch(db: Db, raw: string, actor: string = defaultActor()): boolean {
  const id = watchId(raw);
  return db.transaction(() => {
    const before = watchRow(db, id);
    if (!before || !deleteWatch(db, id)) return false;
    auditWatchChange(db, { action: 'remove', id, note: before.note, inStore: resolveWatched(db, id).inStore }, actor);
    return true;
  })();
}

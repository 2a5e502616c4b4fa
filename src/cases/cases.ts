import type { Db } from '../store/db';
import {
  caseEntityRows, caseHitRows, caseNoteRows, caseRow, caseRows, caseViewRow, caseViewRows, deleteCaseEntity, deleteCaseHit,
  deleteCaseRow, insertCase, insertCaseEntity, insertCaseHit, insertCaseNote, insertCaseView, touchCase,
  updateCaseRow, updateCaseViewRow,
} from '../store/casework';
import { appendAudit, defaultActor } from '../audit/log';
import { InsynError, type FailureCode } from '../model/errors';
import { entityOfNodeId } from '../graph/types';

/**
 * Cases: a named group of entities and hits with notes and saved network views. Views are stored
 * as the JSON the UI hands over and returned verbatim, so a view reopens exactly as saved.
 * Every edit is audit-logged in the same transaction.
 */
export class CaseError extends InsynError {
  constructor(message: string, code: FailureCode = 'invalid_input') {
    super(code, message);
  }
}

export interface CaseSummary {
  id: number; name: string; description: string; createdAt: string; createdBy: string; updatedAt: string;
  entityCount: number; hitCount: number; noteCount: number;
}
export interface CaseNote { id: number; caseId: number; text: string; author: string; at: string }
export interface SavedView<V = unknown> { id: number; caseId: number; name: string; asOf: string | null; view: V; savedAt: string; savedBy: string }
export interface CaseEntity { id: string; kind: string | null; addedAt: string; addedBy: string }
export interface CaseDetail extends Omit<CaseSummary, 'entityCount' | 'hitCount' | 'noteCount'> {
  entities: CaseEntity[];
  hitKeys: string[];
  notes: CaseNote[];
  views: SavedView[];
}

type EntityInput = string | { id: string; kind?: string | null };

function now(): string {
  return new Date().toISOString();
}

function requireName(name: string): string {
  const n = name.trim();
  if (!n) throw new CaseError('Ärendet behöver ett namn');
  return n;
}

function requireCase(db: Db, id: number): void {
  if (!caseRow(db, id)) throw new CaseError(`Ärende ${id} finns inte`, 'not_found');
}

function entityRef(e: EntityInput): { id: string; kind: string | null } {
  return typeof e === 'string' ? { id: e, kind: null } : { id: e.id, kind: e.kind ?? null };
}

export function createCase(
  db: Db,
  input: { name: string; description?: string; entities?: EntityInput[]; hitKeys?: string[] },
  actor: string = defaultActor(),
): number {
  const name = requireName(input.name);
  return db.transaction(() => {
    const at = now();
    const id = insertCase(db, { name, description: input.description ?? '', created_at: at, created_by: actor, updated_at: at });
    for (const e of input.entities ?? []) insertCaseEntity(db, { case_id: id, entity_id: entityRef(e).id, entity_kind: entityRef(e).kind, added_at: at, added_by: actor });
    for (const k of input.hitKeys ?? []) insertCaseHit(db, { case_id: id, hit_key: k, added_at: at, added_by: actor });
    appendAudit(db, { actor, action: 'case_create', details: { caseId: id, name, entities: (input.entities ?? []).map((e) => entityRef(e).id), hitKeys: input.hitKeys ?? [] }, at });
    return id;
  })();
}

/**
 * Replaces a case's name, description and (when given) its entity and hit sets — the shape of the
 * UI's "save case" action.
 */
export function updateCase(
  db: Db,
  id: number,
  input: { name: string; description?: string; entities?: EntityInput[]; hitKeys?: string[] },
  actor: string = defaultActor(),
): void {
  const name = requireName(input.name);
  db.transaction(() => {
    const before = caseRow(db, id);
    if (!before) throw new CaseError(`Ärende ${id} finns inte`, 'not_found');
    const at = now();
    updateCaseRow(db, id, name, input.description ?? before.description, at);
    const details: Record<string, unknown> = { caseId: id, name };
    if (input.entities) {
      const want = new Map(input.entities.map((e) => [entityRef(e).id, entityRef(e)]));
      const have = new Set(caseEntityRows(db, id).map((r) => r.entity_id));
      const removed = [...have].filter((e) => !want.has(e));
      const added = [...want.keys()].filter((e) => !have.has(e));
      for (const e of removed) deleteCaseEntity(db, id, e);
      for (const e of added) insertCaseEntity(db, { case_id: id, entity_id: e, entity_kind: want.get(e)!.kind, added_at: at, added_by: actor });
      details.entitiesAdded = added;
      details.entitiesRemoved = removed;
    }
    if (input.hitKeys) {
      const want = new Set(input.hitKeys);
      const have = new Set(caseHitRows(db, id).map((r) => r.hit_key));
      const removed = [...have].filter((k) => !want.has(k));
      const added = [...want].filter((k) => !have.has(k));
      for (const k of removed) deleteCaseHit(db, id, k);
      for (const k of added) insertCaseHit(db, { case_id: id, hit_key: k, added_at: at, added_by: actor });
      details.hitsAdded = added;
      details.hitsRemoved = removed;
    }
    appendAudit(db, { actor, action: 'case_edit', details, at });
  })();
}

export function deleteCase(db: Db, id: number, actor: string = defaultActor()): void {
  db.transaction(() => {
    const before = caseRow(db, id);
    if (!before) throw new CaseError(`Ärende ${id} finns inte`, 'not_found');
    deleteCaseRow(db, id);
    appendAudit(db, { actor, action: 'case_delete', details: { caseId: id, name: before.name } });
  })();
}

export interface CaseItemsChange {
  addEntities?: EntityInput[];
  removeEntities?: string[];
  addHits?: string[];
  removeHits?: string[];
}

export interface CaseItemsResult {
  entitiesAdded: string[];
  entitiesRemoved: string[];
  hitsAdded: string[];
  hitsRemoved: string[];
}

/**
 * Adds and removes a case's entities and alerts in one transaction and one audit entry: the
 * workbench's "add to case" from the alert list, an alert, a profile or the canvas selection, and
 * its undo. Only real changes are reported (an entity already in the case is not added again).
 */
export function changeCaseItems(db: Db, caseId: number, change: CaseItemsChange, actor: string = defaultActor()): CaseItemsResult {
  return db.transaction(() => {
    requireCase(db, caseId);
    const at = now();
    const haveEntities = new Set(caseEntityRows(db, caseId).map((r) => r.entity_id));
    const haveHits = new Set(caseHitRows(db, caseId).map((r) => r.hit_key));
    const r: CaseItemsResult = { entitiesAdded: [], entitiesRemoved: [], hitsAdded: [], hitsRemoved: [] };
    for (const e of (change.addEntities ?? []).map(entityRef)) {
      if (haveEntities.has(e.id)) continue;
      insertCaseEntity(db, { case_id: caseId, entity_id: e.id, entity_kind: e.kind, added_at: at, added_by: actor });
      haveEntities.add(e.id);
      r.entitiesAdded.push(e.id);
    }
    for (const id of change.removeEntities ?? []) if (deleteCaseEntity(db, caseId, id) > 0) r.entitiesRemoved.push(id);
    for (const k of change.addHits ?? []) {
      if (haveHits.has(k)) continue;
      insertCaseHit(db, { case_id: caseId, hit_key: k, added_at: at, added_by: actor });
      haveHits.add(k);
      r.hitsAdded.push(k);
    }
    for (const k of change.removeHits ?? []) if (deleteCaseHit(db, caseId, k) > 0) r.hitsRemoved.push(k);
    if (r.entitiesAdded.length + r.entitiesRemoved.length + r.hitsAdded.length + r.hitsRemoved.length > 0) {
      touchCase(db, caseId, at);
      appendAudit(db, { actor, action: 'case_edit', details: { caseId, ...r }, at });
    }
    return r;
  })();
}

/** Which of the given entities and alerts each case holds (cases holding none are left out). */
export function caseMemberships(db: Db, entityIds: readonly string[], hitKeys: readonly string[]): { caseId: number; entityIds: string[]; hitKeys: string[] }[] {
  const entities = new Set(entityIds);
  const hits = new Set(hitKeys);
  return caseRows(db)
    .map((c) => ({
      caseId: c.id,
      entityIds: caseEntityRows(db, c.id).map((r) => r.entity_id).filter((id) => entities.has(id)),
      hitKeys: caseHitRows(db, c.id).map((r) => r.hit_key).filter((k) => hits.has(k)),
    }))
    .filter((m) => m.entityIds.length > 0 || m.hitKeys.length > 0);
}

/** The entities a saved network view shows: its node ids as case entities with their kinds. */
export function viewEntities(view: unknown): { id: string; kind: string }[] {
  const ids = (view as { nodeIds?: unknown } | null)?.nodeIds;
  if (!Array.isArray(ids)) return [];
  return ids.filter((id): id is string => typeof id === 'string' && id.length > 0).map(entityOfNodeId);
}

/** Notes are plain text; the UI renders them as text, never as HTML. */
export function addCaseNote(db: Db, caseId: number, text: string, author: string = defaultActor()): CaseNote {
  const body = text.trim();
  if (!body) throw new CaseError('Anteckningen är tom');
  return db.transaction(() => {
    requireCase(db, caseId);
    const at = now();
    const id = insertCaseNote(db, { case_id: caseId, text: body, author, created_at: at });
    touchCase(db, caseId, at);
    appendAudit(db, { actor: author, action: 'case_note', details: { caseId, noteId: id }, at });
    return { id, caseId, text: body, author, at };
  })();
}

/**
 * Saves a network view (positions, filters, as-of date ...) verbatim; `viewId` updates an existing
 * one. The view's nodes join the case's entities, so the case (and its exports) holds what the
 * investigator saw.
 */
export function saveCaseView<V>(
  db: Db,
  caseId: number,
  input: { name: string; view: V; asOf?: string | null; viewId?: number },
  actor: string = defaultActor(),
): number {
  const name = input.name.trim();
  if (!name) throw new CaseError('Vyn behöver ett namn');
  const json = JSON.stringify(input.view);
  if (json === undefined) throw new CaseError('Vyn saknar innehåll');
  const asOf = input.asOf ?? ((input.view as { asOf?: string | null } | null)?.asOf ?? null);
  return db.transaction(() => {
    requireCase(db, caseId);
    const at = now();
    let id: number;
    if (input.viewId != null) {
      const existing = caseViewRow(db, input.viewId);
      if (!existing || existing.case_id !== caseId) throw new CaseError(`Vy ${input.viewId} finns inte i ärende ${caseId}`, 'not_found');
      updateCaseViewRow(db, input.viewId, name, asOf, json, at);
      id = input.viewId;
    } else {
      id = insertCaseView(db, { case_id: caseId, name, as_of: asOf, view_json: json, created_at: at, created_by: actor, updated_at: at });
    }
    const have = new Set(caseEntityRows(db, caseId).map((r) => r.entity_id));
    const joined = viewEntities(input.view).filter((e) => !have.has(e.id) && (have.add(e.id), true));
    for (const e of joined) insertCaseEntity(db, { case_id: caseId, entity_id: e.id, entity_kind: e.kind, added_at: at, added_by: actor });
    touchCase(db, caseId, at);
    appendAudit(db, { actor, action: 'case_view', details: { caseId, viewId: id, name, asOf, entitiesAdded: joined.map((e) => e.id) }, at });
    return id;
  })();
}

export function getCaseView<V = unknown>(db: Db, viewId: number): SavedView<V> | null {
  const r = caseViewRow(db, viewId);
  return r ? toView<V>(r) : null;
}

function toView<V>(r: { id: number; case_id: number; name: string; as_of: string | null; view_json: string; updated_at: string; created_by: string }): SavedView<V> {
  return { id: r.id, caseId: r.case_id, name: r.name, asOf: r.as_of, view: JSON.parse(r.view_json) as V, savedAt: r.updated_at, savedBy: r.created_by };
}

export function listCases(db: Db): CaseSummary[] {
  return caseRows(db).map((r) => ({
    id: r.id, name: r.name, description: r.description, createdAt: r.created_at, createdBy: r.created_by, updatedAt: r.updated_at,
    entityCount: r.entities, hitCount: r.hits, noteCount: r.notes,
  }));
}

export function getCase(db: Db, id: number): CaseDetail | null {
  const r = caseRow(db, id);
  if (!r) return null;
  return {
    id: r.id, name: r.name, description: r.description, createdAt: r.created_at, createdBy: r.created_by, updatedAt: r.updated_at,
    entities: caseEntityRows(db, id).map((e) => ({ id: e.entity_id, kind: e.entity_kind, addedAt: e.added_at, addedBy: e.added_by })),
    hitKeys: caseHitRows(db, id).map((h) => h.hit_key),
    notes: caseNoteRows(db, id).map((n) => ({ id: n.id, caseId: n.case_id, text: n.text, author: n.author, at: n.created_at })),
    views: caseViewRows(db, id).map((v) => toView(v)),
  };
}

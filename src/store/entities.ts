import { splitCareOf } from '../ids/address';
import { isLegalEntityOrgNr, normaliseOrgNr } from '../ids/orgnr';
import { isExtId, normalisePersonId } from '../ids/personnummer';
import type { Db } from './db';

/**
 * The entity profile behind `insyn show` (contract §5) and the workbench's profile view: the
 * entity as stored, its related facts, each with provenance, and its hits from the latest run.
 */

export interface Provenance {
  dataset_id: number;
  file: string;
  line: number;
  imported_at: string;
  /** `file:line`, as evidence cites it. */
  source: string;
  /** Set when a full extract no longer reports the fact: the dataset from which on (issue 11). */
  ended_by?: number;
}

export type Fact = Record<string, unknown> & { provenance: Provenance };

export interface EntityHit {
  signal: string;
  subject_kind: string;
  subject_id: string;
  related_ids: string[];
  severity: number;
  evidence: unknown;
  run_id: number;
  /** 'subject' when the hit is on this entity, 'related' when it names it in related_ids. */
  relation: 'subject' | 'related';
}

export interface EntityProfile {
  kind: 'company' | 'person' | 'licence' | 'foster_home';
  id: string;
  name: string | null;
  provenance: Provenance | null;
  hits: EntityHit[];
  [field: string]: unknown;
}

const JSON_COLUMNS = new Set(['alt_names', 'parent_ids', 'tags', 'extra']);
const RENAME: Record<string, string> = { from_date: 'from', to_date: 'to' };
const HIDDEN = new Set(['row_id', 'key', 'dataset_id', 'src_file', 'src_line', 'imported_at', 'ended_by']);

function toFact(row: Record<string, unknown>): Fact {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (HIDDEN.has(k)) continue;
    out[RENAME[k] ?? k] = JSON_COLUMNS.has(k) && typeof v === 'string' ? safeJson(v) : v;
  }
  const file = String(row.src_file);
  const line = Number(row.src_line);
  out.provenance = { dataset_id: Number(row.dataset_id), file, line, imported_at: String(row.imported_at), source: `${file}:${line}` };
  // Known time (issue 11): a full extract no longer reports the fact from this dataset on.
  if (row.ended_by != null) (out.provenance as Provenance).ended_by = Number(row.ended_by);
  return out as Fact;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

// Table and column names below are fixed literals, never user input.
function rows(db: Db, sql: string, ...params: unknown[]): Fact[] {
  return (db.prepare(sql).all(...params) as Record<string, unknown>[]).map(toFact);
}
function one(db: Db, sql: string, ...params: unknown[]): Fact | null {
  const r = db.prepare(sql).get(...params) as Record<string, unknown> | undefined;
  return r ? toFact(r) : null;
}

function tableExists(db: Db, name: string): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
}

/** Hits on or naming `id` in the latest analysis run (none when no analysis has run). */
export function entityHits(db: Db, id: string): EntityHit[] {
  if (!tableExists(db, 'hits')) return [];
  const hasRuns = tableExists(db, 'analysis_runs');
  const run = hasRuns
    ? (db.prepare('SELECT id FROM analysis_runs WHERE finished_at IS NOT NULL AND as_known IS NULL ORDER BY id DESC LIMIT 1').get() as { id: number } | undefined)
    : (db.prepare('SELECT max(run_id) AS id FROM hits').get() as { id: number | null } | undefined);
  if (!run || run.id === null) return [];
  const raw = db
    .prepare("SELECT signal, subject_kind, subject_id, related_ids, severity, evidence, run_id FROM hits WHERE run_id = ? AND (subject_id = ? OR related_ids LIKE '%' || ? || '%') ORDER BY severity DESC, signal")
    .all(run.id, id, JSON.stringify(id)) as { signal: string; subject_kind: string; subject_id: string; related_ids: string; severity: number; evidence: string; run_id: number }[];
  return raw.map((h) => ({
    signal: h.signal,
    subject_kind: h.subject_kind,
    subject_id: h.subject_id,
    related_ids: (safeJson(h.related_ids) as string[]) ?? [],
    severity: h.severity,
    evidence: safeJson(h.evidence),
    run_id: h.run_id,
    relation: h.subject_id === id ? 'subject' : 'related',
  }));
}

function namesOf(db: Db, ids: string[]): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const company = db.prepare('SELECT name FROM companies WHERE org_nr = ?').pluck();
  const person = db.prepare('SELECT name FROM persons WHERE person_id = ?').pluck();
  for (const id of ids) {
    if (out.has(id)) continue;
    out.set(id, ((company.get(id) ?? person.get(id)) as string | undefined) ?? null);
  }
  return out;
}

function withNames(db: Db, facts: Fact[], idField: string, nameField: string): Fact[] {
  const names = namesOf(db, facts.map((f) => String(f[idField] ?? '')).filter(Boolean));
  return facts.map((f) => ({ ...f, [nameField]: names.get(String(f[idField] ?? '')) ?? null }));
}

function companyProfile(db: Db, orgNr: string): EntityProfile | null {
  const c = one(db, 'SELECT * FROM companies WHERE org_nr = ?', orgNr);
  const roles = withNames(db, rows(db, 'SELECT * FROM roles WHERE org_nr = ? ORDER BY from_date, role', orgNr), 'holder_id', 'holder_name');
  const licences = rows(db, 'SELECT * FROM licences WHERE org_nr = ? ORDER BY granted_on', orgNr);
  const street = (c?.address as string | null) ?? null;
  const split = splitCareOf(street);
  const profile: EntityProfile = {
    kind: 'company',
    id: orgNr,
    name: (c?.name as string | null) ?? null,
    legal_form: c?.legal_form ?? null,
    status: c?.status ?? null,
    registered_on: c?.registered_on ?? null,
    deregistered_on: c?.deregistered_on ?? null,
    alt_names: (c?.alt_names as string[] | null) ?? [],
    address: { street: street ? split.street : null, co: (c?.co as string | null) ?? split.co, postal_code: c?.postal_code ?? null, city: c?.city ?? null },
    address_key: c?.address_key ?? null,
    phone: c?.phone ?? null,
    email: c?.email ?? null,
    sni: c?.sni ?? null,
    extra: c?.extra ?? null,
    provenance: c?.provenance ?? null,
    roles,
    licences,
    roles_held: withNames(db, rows(db, 'SELECT * FROM roles WHERE holder_id = ? ORDER BY from_date', orgNr), 'org_nr', 'company_name'),
    inspections: rows(db, 'SELECT * FROM inspections WHERE org_nr = ? ORDER BY decided_on', orgNr),
    reviewed_persons: withNames(db, rows(db, 'SELECT * FROM reviewed_persons WHERE org_nr = ? ORDER BY reviewed_on', orgNr), 'person_id', 'person_name'),
    employments: withNames(db, rows(db, 'SELECT * FROM employments WHERE org_nr = ? ORDER BY from_date', orgNr), 'person_id', 'person_name'),
    financial_events: rows(db, 'SELECT * FROM financial_events WHERE subject_id = ? ORDER BY occurred_on', orgNr),
    sanctions: rows(db, 'SELECT * FROM sanctions WHERE subject_id = ? ORDER BY from_date', orgNr),
    payments: rows(db, 'SELECT * FROM payments WHERE payee_org_nr = ? ORDER BY paid_on', orgNr),
    history: factHistory(db, 'companies', JSON.stringify([orgNr])),
    hits: entityHits(db, orgNr),
  };
  return c || mentioned(profile) ? profile : null;
}

/** An entity without a row of its own still exists where any fact or hit names it (a payee, an owner company, a debtor). */
function mentioned(profile: EntityProfile): boolean {
  return Object.values(profile).some((v) => Array.isArray(v) && v.length > 0 && v !== profile.alt_names);
}

function personProfile(db: Db, personId: string): EntityProfile | null {
  const p = one(db, 'SELECT * FROM persons WHERE person_id = ?', personId);
  const roles = withNames(db, rows(db, 'SELECT * FROM roles WHERE holder_id = ? ORDER BY from_date, role', personId), 'org_nr', 'company_name');
  const employments = withNames(db, rows(db, 'SELECT * FROM employments WHERE person_id = ? ORDER BY from_date', personId), 'org_nr', 'company_name');
  const sanctions = rows(db, 'SELECT * FROM sanctions WHERE subject_id = ? ORDER BY from_date', personId);
  const split = splitCareOf((p?.address as string | null) ?? null);
  const profile: EntityProfile = {
    kind: 'person',
    id: personId,
    name: (p?.name as string | null) ?? null,
    birth_date: p?.birth_date ?? null,
    deceased_on: p?.deceased_on ?? null,
    address: { street: p?.address ? split.street : null, co: split.co, postal_code: p?.postal_code ?? null, city: p?.city ?? null },
    address_key: p?.address_key ?? null,
    extra: p?.extra ?? null,
    provenance: p?.provenance ?? null,
    roles,
    employments,
    legitimations: rows(db, 'SELECT * FROM legitimations WHERE person_id = ? ORDER BY granted_on', personId),
    sanctions,
    financial_events: rows(db, 'SELECT * FROM financial_events WHERE subject_id = ? ORDER BY occurred_on', personId),
    relations: rows(db, 'SELECT * FROM relations WHERE a_id = ? OR b_id = ? ORDER BY from_date', personId, personId),
    residences: rows(db, 'SELECT * FROM residences WHERE person_id = ? ORDER BY from_date', personId),
    reviews: withNames(db, rows(db, 'SELECT * FROM reviewed_persons WHERE person_id = ? ORDER BY reviewed_on', personId), 'org_nr', 'company_name'),
    foster_homes: rows(db, "SELECT f.* FROM foster_homes f, json_each(f.parent_ids) j WHERE j.value = ?", personId),
    hits: entityHits(db, personId),
  };
  return p || mentioned(profile) ? profile : null;
}

function licenceProfile(db: Db, licenceId: string): EntityProfile | null {
  const l = one(db, 'SELECT * FROM licences WHERE licence_id = ?', licenceId);
  if (!l) return null;
  const holder = one(db, 'SELECT org_nr, name, status FROM companies WHERE org_nr = ?', l.org_nr);
  return {
    ...l,
    kind: 'licence',
    id: licenceId,
    name: (l.unit_name as string | null) ?? null,
    licence_kind: l.kind,
    holder: holder ? { org_nr: holder.org_nr, name: holder.name, status: holder.status } : { org_nr: l.org_nr, name: null, status: null },
    inspections: rows(db, 'SELECT * FROM inspections WHERE licence_id = ? ORDER BY decided_on', licenceId),
    placements: rows(db, 'SELECT * FROM placements WHERE licence_id = ? ORDER BY from_date', licenceId),
    history: factHistory(db, 'licences', JSON.stringify([licenceId])),
    hits: entityHits(db, licenceId),
  };
}

function fosterHomeProfile(db: Db, homeId: string): EntityProfile | null {
  const f = one(db, 'SELECT * FROM foster_homes WHERE home_id = ?', homeId);
  if (!f) return null;
  const parents = ((f.parent_ids as string[] | null) ?? []).map((id) => ({ person_id: id, name: namesOf(db, [id]).get(id) ?? null }));
  return {
    ...f,
    kind: 'foster_home',
    id: homeId,
    name: (f.address as string | null) ?? homeId,
    parents,
    placements: rows(db, 'SELECT * FROM placements WHERE home_id = ? ORDER BY from_date', homeId),
    employments_at_home: withNames(db, rows(db, 'SELECT * FROM employments WHERE workplace = ? ORDER BY from_date', homeId), 'person_id', 'person_name'),
    hits: entityHits(db, homeId),
  };
}

function factHistory(db: Db, table: string, key: string): { replaced_at: string; replaced_by_dataset: number; old: unknown }[] {
  return (db.prepare('SELECT old_row, replaced_by_dataset, replaced_at FROM fact_history WHERE table_name = ? AND key = ? ORDER BY id').all(table, key) as { old_row: string; replaced_by_dataset: number; replaced_at: string }[]).map((h) => ({
    replaced_at: h.replaced_at,
    replaced_by_dataset: h.replaced_by_dataset,
    old: safeJson(h.old_row),
  }));
}

/**
 * The profile of an org_nr, person_id, licence_id or home_id, given in any accepted input form
 * (`556677-8899`, `165566778899`, 10-digit personnummer, ...); null when nothing is stored.
 */
export function getEntity(db: Db, rawId: string): EntityProfile | null {
  const id = rawId.trim();
  if (!id) return null;
  if (isExtId(id)) return personProfile(db, normalisePersonId(id).ok ? (normalisePersonId(id) as { value: string }).value : id);
  const org = normaliseOrgNr(id);
  const person = normalisePersonId(id);
  // 10 digits is the normalised org_nr form: a sole trader's company comes before its owner, who
  // is reached by the 12-digit person_id.
  if (org.ok && (isLegalEntityOrgNr(org.value) || /^\d{10}$/.test(id.replace(/[\s-]/g, '')))) {
    const c = companyProfile(db, org.value);
    if (c) return c;
  }
  if (person.ok) {
    const p = personProfile(db, person.value);
    if (p) return p;
  }
  if (org.ok) {
    const c = companyProfile(db, org.value); // sole trader: the org_nr is the owner's personnummer
    if (c) return c;
  }
  return licenceProfile(db, id) ?? fosterHomeProfile(db, id);
}

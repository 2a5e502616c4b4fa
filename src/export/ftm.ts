import { createHash } from 'node:crypto';
import { HIT_STATUS_SV, LICENCE_STATUS_SV, OFFENCE_SV, ROLE_SV, SANCTION_KIND_SV, labelSv } from '../model/labels-sv';
import { nodeIdOf } from '../graph/types';
import { signalTitle } from '../signals/titles';
import type { ExportBundle, ExportEdge, ExportHit, ExportNode } from './types';
import { describeHead } from '../audit/receipt';

/**
 * FollowTheMoney JSON lines for Aleph: Company, Person, Address, License (with IVO as authority),
 * Directorship / Ownership / Employment / Family / Associate for edges, ContractAward for a licence
 * and its holder (FtM's link from a Contract to its LegalEntity), UnknownLink only for what FtM has
 * no schema for (placements, foster parents, consultants), Sanction for sanctions in scope, and one
 * Note per alert: `entity` = the subject then the related entities, `summary` = the signal's title,
 * `description` = the evidence with sources, `keywords` = signal id, severity and triage status.
 * Ids are derived from Insyn's ids, so the same entity gets the same FtM id in every export
 * (pseudonymised ids give pseudonymised FtM ids).
 */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

const OWNERSHIP_ROLES = new Set(['owner', 'beneficial_owner', 'partner']);
const FAMILY = new Set(['spouse', 'partner', 'parent', 'child', 'sibling', 'household']);
/** FtM has no schema for these links; their role says what they are. */
const OTHER_LINK_SV: Record<string, string> = { placement: 'placering', foster_parent: 'familjehemsförälder', consultant: 'konsulentstöd', relation: 'relation' };
const IVO_ID = 'insyn-authority-ivo';

export function ftmId(kind: string, id: string): string {
  // Letters only: a hex digest could by chance hold a digit run that looks like a personnummer.
  const bytes = createHash('sha256').update(`${kind}\u0000${id}`).digest();
  let s = '';
  for (let i = 0; i < 20; i++) s += String.fromCharCode(97 + (bytes[i]! % 26));
  return `insyn-${kind.replace(/[^a-z_]/g, '')}-${s}`;
}

function str(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : null;
}

function put(props: Record<string, string[]>, key: string, ...values: unknown[]): void {
  for (const v of values) {
    const s = str(v);
    if (s === null) continue;
    const list = (props[key] ??= []);
    if (!list.includes(s)) list.push(s);
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
function date(v: unknown): string | null {
  const s = str(v);
  return s && ISO.test(s) ? s : null;
}

/**
 * A node joined from several records by confirmed entity-resolution matches (src/graph/matched-source.ts)
 * is one FtM entity: the other records' names become aliases, their Swedish ids identifiers, and
 * the join is noted with the decisions behind it.
 */
function mergedRecords(p: Record<string, string[]>, n: ExportNode, idProp: string): void {
  const ids = str(n.attributes.source_ids)?.split('|') ?? [];
  if (ids.length < 2) return;
  for (const name of str(n.attributes.source_names)?.split('|') ?? []) if (name && name !== n.label) put(p, 'alias', name);
  for (const id of ids) if (id !== n.id && !id.startsWith('ext:')) put(p, idProp, id);
  put(p, 'notes', `Sammanslagen av ${ids.length} poster (${ids.join(', ')}): ${str(n.attributes.match) ?? 'bekräftad matchning'}`);
}

function nodeEntity(n: ExportNode): FtmEntity | null {
  const a = n.attributes;
  const p: Record<string, string[]> = {};
  switch (n.kind) {
    case 'company':
      put(p, 'name', n.label || n.id);
      put(p, 'registrationNumber', n.id);
      put(p, 'jurisdiction', 'se');
      put(p, 'country', 'se');
      put(p, 'legalForm', a.legal_form);
      put(p, 'status', a.status);
      put(p, 'incorporationDate', date(a.registered_on));
      put(p, 'dissolutionDate', date(a.deregistered_on));
      put(p, 'phone', a.phone);
      put(p, 'email', a.email);
      put(p, 'address', [a.address, a.postal_code, a.city].filter(Boolean).join(', ') || null);
      mergedRecords(p, n, 'registrationNumber');
      return { id: ftmId('company', n.id), schema: 'Company', properties: p };
    case 'person':
      put(p, 'name', n.label || n.id);
      if (!n.id.startsWith('ext:')) {
        put(p, 'idNumber', n.id);
        put(p, 'nationality', 'se');
      }
      put(p, 'birthDate', date(a.birth_date));
      put(p, 'deathDate', date(a.deceased_on));
      mergedRecords(p, n, 'idNumber');
      return { id: ftmId('person', n.id), schema: 'Person', properties: p };
    case 'address':
    case 'foster_home':
      put(p, 'full', n.label || n.id);
      put(p, 'postalCode', a.postal_code ?? (n.id.includes('|') ? n.id.split('|')[1] : null));
      put(p, 'city', a.city);
      put(p, 'country', 'se');
      if (n.kind === 'foster_home') put(p, 'remarks', `Familjehem ${n.id}`);
      return { id: ftmId(n.kind, n.id), schema: 'Address', properties: p };
    case 'licence':
      put(p, 'name', n.label || n.id);
      put(p, 'authority', IVO_ID);
      put(p, 'type', a.licence_kind ?? a.kind);
      put(p, 'status', a.status);
      put(p, 'contractDate', date(a.granted_on));
      put(p, 'procedureNumber', str(a.licence_id) ?? n.id.replace(/^lic:/, ''));
      put(p, 'address', a.address);
      return { id: ftmId('licence', n.id), schema: 'License', properties: p };
    default:
      return null;
  }
}

function edgeEntity(e: ExportEdge, kinds: Map<string, string>, ids: Map<string, string>): FtmEntity | null {
  const s = ids.get(e.source);
  const t = ids.get(e.target);
  if (!s || !t) return null;
  const sk = kinds.get(e.source)!;
  const tk = kinds.get(e.target)!;
  const p: Record<string, string[]> = {};
  put(p, 'startDate', date(e.from));
  put(p, 'endDate', date(e.to));
  const role = str(e.attributes.role) ?? e.kind;
  const id = ftmId('link', e.id);
  // Which end is the organisation: the company end; for company→company roles the target.
  const orgIsTarget = tk === 'company';
  const [holder, org, holderKind] = orgIsTarget ? [s, t, sk] : [t, s, tk];
  if (e.kind === 'licence' && (sk === 'licence' || tk === 'licence') && (sk === 'company' || tk === 'company')) {
    put(p, 'contract', sk === 'licence' ? s : t);
    put(p, 'supplier', sk === 'company' ? s : t);
    put(p, 'role', 'tillståndshavare');
    put(p, 'status', labelSv(LICENCE_STATUS_SV, str(e.attributes.status), ''));
    return { id, schema: 'ContractAward', properties: p };
  }
  if ((sk === 'company' || tk === 'company') && (holderKind === 'person' || holderKind === 'company') && role in ROLE_SV) {
    if (OWNERSHIP_ROLES.has(role)) {
      put(p, 'owner', holder);
      put(p, 'asset', org);
      put(p, 'role', labelSv(ROLE_SV, role, ''));
      put(p, 'percentage', e.attributes.share_pct);
      return { id, schema: 'Ownership', properties: p };
    }
    put(p, 'director', holder);
    put(p, 'organization', org);
    put(p, 'role', labelSv(ROLE_SV, role, ''));
    return { id, schema: 'Directorship', properties: p };
  }
  if (e.kind === 'employment' && (sk === 'company' || tk === 'company') && (sk === 'person' || tk === 'person')) {
    put(p, 'employer', sk === 'company' ? s : t);
    put(p, 'employee', sk === 'person' ? s : t);
    put(p, 'role', e.attributes.title ?? e.attributes.profession);
    return { id, schema: 'Employment', properties: p };
  }
  if (sk === 'person' && tk === 'person') {
    const rel = str(e.attributes.relation) ?? str(e.attributes.kind) ?? e.kind;
    if (FAMILY.has(rel)) {
      put(p, 'person', s);
      put(p, 'relative', t);
      put(p, 'relationship', rel);
      return { id, schema: 'Family', properties: p };
    }
    put(p, 'person', s);
    put(p, 'associate', t);
    put(p, 'relationship', rel);
    return { id, schema: 'Associate', properties: p };
  }
  // Addresses are attached to their entity as addressEntity, not as links.
  if (sk === 'address' || tk === 'address') return null;
  put(p, 'subject', s);
  put(p, 'object', t);
  put(p, 'role', OTHER_LINK_SV[e.kind] ?? e.kind);
  return { id, schema: 'UnknownLink', properties: p };
}

export function ftmEntities(bundle: ExportBundle): FtmEntity[] {
  const out: FtmEntity[] = [];
  const ids = new Map<string, string>();
  const kinds = new Map<string, string>();
  const byId = new Map<string, FtmEntity>();
  for (const n of bundle.graph.nodes) {
    if (ids.has(n.id)) continue;
    const ent = nodeEntity(n);
    if (!ent) continue;
    ids.set(n.id, ent.id);
    kinds.set(n.id, n.kind);
    byId.set(n.id, ent);
    out.push(ent);
  }
  const head = auditHeadNote(bundle);
  if (head) out.unshift(head);
  if (out.some((e) => e.schema === 'License')) {
    out.unshift({ id: IVO_ID, schema: 'PublicBody', properties: { name: ['Inspektionen för vård och omsorg'], country: ['se'] } });
  }
  for (const e of bundle.graph.edges) {
    const sk = kinds.get(e.source);
    const tk = kinds.get(e.target);
    if (sk === 'address' || tk === 'address') {
      const [entityNode, addrNode] = sk === 'address' ? [e.target, e.source] : [e.source, e.target];
      const ent = byId.get(entityNode);
      if (ent && ent.schema !== 'Address' && ent.schema !== 'License') put(ent.properties, 'addressEntity', ids.get(addrNode));
      continue;
    }
    const link = edgeEntity(e, kinds, ids);
    if (link) out.push(link);
  }
  // Every record of a joined node resolves to its one entity (sanctions on either record).
  for (const n of bundle.graph.nodes) for (const src of str(n.attributes.source_ids)?.split('|') ?? []) if (!ids.has(src) && ids.has(n.id)) ids.set(src, ids.get(n.id)!);
  for (const s of bundle.sanctions ?? []) {
    const target = ids.get(s.subject_id);
    if (!target) continue;
    const p: Record<string, string[]> = {};
    put(p, 'entity', target);
    put(p, 'authority', 'Sverige');
    put(p, 'program', labelSv(SANCTION_KIND_SV, s.kind, ''));
    put(p, 'reason', s.offence ? labelSv(OFFENCE_SV, s.offence, '') : null);
    put(p, 'startDate', date(s.from));
    put(p, 'endDate', date(s.to));
    put(p, 'programId', s.decision_ref);
    out.push({ id: ftmId('sanction', `${s.subject_id}|${s.kind}|${s.from}|${s.source}`), schema: 'Sanction', properties: p });
  }
  for (const h of bundle.hits) {
    const note = alertNote(h, ids);
    if (note) out.push(note);
  }
  return out;
}

/** An alert as a Note on its subject (and related entities in scope), with its evidence. */
function alertNote(h: ExportHit, ids: Map<string, string>): FtmEntity | null {
  const subject = ids.get(nodeIdOf(h.subject_kind, h.subject_id)) ?? ids.get(h.subject_id);
  if (!subject) return null;
  const p: Record<string, string[]> = {};
  const title = signalTitle(h.signal);
  put(p, 'name', `Larm: ${title}`);
  put(p, 'summary', title);
  put(p, 'description', h.evidence.map((e) => `${e.text} (källa ${e.source})`).join('\n'));
  put(p, 'entity', subject, ...h.related_ids.map((r) => ids.get(r)).filter(Boolean));
  put(p, 'keywords', h.signal, `allvarlighet ${h.severity}`, `status: ${labelSv(HIT_STATUS_SV, h.status, h.status)}`);
  if (h.status_reason) put(p, 'notes', h.status_reason);
  put(p, 'publisher', 'Insyn');
  return { id: ftmId('alert', h.hit_key), schema: 'Note', properties: p };
}

export function writeFtm(bundle: ExportBundle): string {
  return ftmEntities(bundle).map((e) => JSON.stringify(e)).join('\n') + '\n';
}

/** issue 13: a Note stating the audit log's head when the export was made (FtM has no file header). */
function auditHeadNote(bundle: ExportBundle): FtmEntity | null {
  if (bundle.auditHead === undefined) return null;
  const h = bundle.auditHead;
  const p: Record<string, string[]> = {};
  put(p, 'name', 'Insyn-export: granskningsloggens huvud');
  put(p, 'description', `${bundle.title}. Exporten gjordes ${bundle.generatedAt} när granskningsloggen stod vid ${describeHead(h)}.`);
  put(p, 'publisher', 'Insyn');
  return { id: ftmId('export', `${bundle.generatedAt}|${h?.hash ?? ''}`), schema: 'Note', properties: p };
}

import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../store/db';
import { getMeta, setMetaIfAbsent } from '../store/casework';
import { normalisePersonId } from '../ids/personnummer';
import type { ExportBundle, ExportGraph } from './types';

/**
 * Pseudonymised exports: personnummer, ext: ids and person names become keyed hashes
 * (HMAC-SHA256), and so do home addresses (an address where a person is or was registered, or a
 * foster home's address): the address node keeps its place in the network under a pseudonym, its
 * street and postal code are gone from nodes, edges and evidence text. The key is made once per installation and kept in the store's meta table; it is
 * never written to an export, so pseudonyms cannot be reversed by whoever receives the files,
 * while the same person gets the same pseudonym across all files of an export (and across exports
 * from this installation, so analysts can correlate deliveries).
 */
const KEY_META = 'pseudonym_key';
export const PSEUDONYM_PREFIX = 'ext:ps-';

export function pseudonymKey(db: Db): Buffer {
  setMetaIfAbsent(db, KEY_META, randomBytes(32).toString('hex'));
  return Buffer.from(getMeta(db, KEY_META)!, 'hex');
}

/** Letters only, so a pseudonym can never contain a digit run that reads as a personnummer. */
function letters(digest: Buffer, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(97 + (digest[i]! % 26));
  return s;
}

// 10 or 12 digits, optionally with - or + before the last four: every form a personnummer is written in.
const PNR_IN_TEXT = /(?<![0-9])(?:[0-9]{6}|[0-9]{8})[-+]?[0-9]{4}(?![0-9])/g;
const EXT_IN_TEXT = /ext:(?!ps-)[\p{L}\p{N}_.:\-/]+/gu;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A personnummer/samordningsnummer (any accepted form) in normalised form, or null. */
export function asPersonId(raw: string): string | null {
  if (raw.startsWith('ext:')) return raw;
  const r = normalisePersonId(raw);
  return r.ok ? r.value : null;
}

export class Pseudonymiser {
  /** Lower-cased text (person names, home streets) → its replacement in free text. */
  private readonly names = new Map<string, string>();
  /** Home address node id and address key → pseudonymous node id. */
  private readonly homes = new Map<string, string>();
  private namePattern: RegExp | null = null;
  private readonly nameById = new Map<string, string>();

  constructor(private readonly key: Buffer) {}

  private mac(label: string, value: string): Buffer {
    return createHmac('sha256', this.key).update(`${label}\u0000${value}`).digest();
  }

  /** The pseudonymous id of a person (input: any accepted personnummer form or an ext: id). */
  personId(raw: string): string {
    const id = asPersonId(raw) ?? raw;
    return PSEUDONYM_PREFIX + letters(this.mac('id', id), 12);
  }

  /** The pseudonymous display name of a person, derived from the id (one person, one name). */
  personName(raw: string): string {
    const id = asPersonId(raw) ?? raw;
    return `Person ${letters(this.mac('name', id), 6).toUpperCase()}`;
  }

  /** Registers a person's real name so it is replaced wherever it occurs in text. */
  addPerson(id: string, name: string | null | undefined): void {
    const pid = asPersonId(id) ?? id;
    if (!name || name.trim().length < 2) return;
    const clean = name.trim();
    if (!this.names.has(clean.toLowerCase())) this.names.set(clean.toLowerCase(), this.personName(pid));
    this.nameById.set(pid, clean);
    this.namePattern = null;
  }

  /** The pseudonymous label of a home address. */
  homeLabel(nodeId: string): string {
    return `Bostadsadress ${letters(this.mac('addr-label', nodeId.replace(/^addr:/, '')), 6).toUpperCase()}`;
  }

  /** Registers a home address (node id `addr:<key>`, label as shown) so its id and wording are replaced everywhere. */
  addHomeAddress(nodeId: string, label: string): string {
    const key = nodeId.replace(/^addr:/, '');
    const pid = `addr:ps-${letters(this.mac('addr', key), 12)}`;
    this.homes.set(nodeId, pid);
    this.homes.set(key, pid);
    const replacement = this.homeLabel(nodeId);
    for (const text of [label, key.split('|')[0] ?? '', key.replace('|', ', ')]) {
      if (text.trim().length >= 4) this.names.set(text.trim().toLowerCase(), replacement);
    }
    this.namePattern = null;
    return pid;
  }

  isHome(id: string): boolean {
    return this.homes.has(id);
  }

  /** An opaque, stable id for an element whose id spells out private data (a residence edge's key). */
  opaqueId(prefix: string, raw: string): string {
    return `${prefix}:ps-${letters(this.mac('opaque', raw), 12)}`;
  }

  /** Replaces an id when it is a person's or a home address; other ids (org_nr, licence ids) pass through text scrubbing. */
  id(raw: string): string {
    if (raw.startsWith(PSEUDONYM_PREFIX)) return raw;
    const home = this.homes.get(raw);
    if (home) return home;
    return asPersonId(raw) ? this.personId(raw) : this.text(raw);
  }

  text(s: string): string {
    let out = s.replace(EXT_IN_TEXT, (m) => {
      // Sentence punctuation after an id is not part of it.
      const id = m.replace(/[.:\-/]+$/, '');
      return this.personId(id) + m.slice(id.length);
    });
    out = out.replace(PNR_IN_TEXT, (m) => (asPersonId(m) ? this.personId(m) : m));
    if (this.names.size > 0) {
      if (!this.namePattern) {
        const alts = [...this.names.keys()].sort((a, b) => b.length - a.length).map(escapeRegex);
        this.namePattern = new RegExp(`(?<![\\p{L}])(?:${alts.join('|')})(?![\\p{L}])`, 'giu');
      }
      out = out.replace(this.namePattern, (m) => this.names.get(m.toLowerCase()) ?? m);
    }
    return out;
  }

  /** Deep copy with every string scrubbed. */
  value<T>(v: T): T {
    if (typeof v === 'string') return this.text(v) as T;
    if (Array.isArray(v)) return v.map((x) => this.value(x)) as T;
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = this.value(x);
      return out as T;
    }
    return v;
  }
}

/** Attributes that identify a person beyond name and id; left out of pseudonymised exports. */
// source_ids/source_names: the records a confirmed match joined (issue 15) name other personnummer and names.
const PERSON_DROP = new Set(['birth_date', 'name', 'alt_names', 'person_id', 'address', 'source_ids', 'source_names']);
/** Address attributes, left out wherever they name a home (a foster home, a sole trader at home, a residence edge). */
const ADDRESS_DROP = new Set(['address', 'postal_code', 'city', 'address_key', 'co']);

/** Address nodes that are someone's home: a person is or was registered there, or it is a person's or a foster home's address. */
export function homeAddressIds(graph: ExportGraph): Set<string> {
  const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  const homes = new Set<string>();
  for (const e of graph.edges) {
    const home = e.kind === 'residence' || (e.kind === 'address' && (kinds.get(e.source) === 'person' || kinds.get(e.source) === 'foster_home'));
    if (!home) continue;
    for (const end of [e.source, e.target]) if (kinds.get(end) === 'address' || end.startsWith('addr:')) homes.add(end);
  }
  return homes;
}

function without(attributes: Record<string, unknown>, drop: ReadonlySet<string>, ps: Pseudonymiser): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attributes)) if (!drop.has(k)) out[k] = ps.value(v);
  return out;
}

export function pseudonymiseBundle(bundle: ExportBundle, ps: Pseudonymiser): ExportBundle {
  for (const n of bundle.graph.nodes) if (n.kind === 'person') ps.addPerson(n.id, n.label);
  const homes = homeAddressIds(bundle.graph);
  const labels = new Map(bundle.graph.nodes.map((n) => [n.id, n.label]));
  for (const id of homes) ps.addHomeAddress(id, labels.get(id) ?? id.replace(/^addr:/, '').replace('|', ', '));
  // Companies and licences registered at a home (a sole trader's) lose the address text too.
  const atHome = new Set(bundle.graph.edges.filter((e) => e.kind === 'address' && homes.has(e.target)).map((e) => e.source));
  const nodes = bundle.graph.nodes.map((n) => {
    if (n.kind === 'person') return { ...n, id: ps.personId(n.id), label: ps.personName(n.id), attributes: without(n.attributes, PERSON_DROP, ps) };
    if (homes.has(n.id)) return { ...n, id: ps.id(n.id), label: ps.homeLabel(n.id), attributes: {} };
    if (n.kind === 'foster_home' || atHome.has(n.id)) return { ...n, id: ps.id(n.id), label: ps.text(n.label), attributes: without(n.attributes, ADDRESS_DROP, ps) };
    return { ...n, id: ps.id(n.id), label: ps.text(n.label), attributes: ps.value(n.attributes) };
  });
  const edges = bundle.graph.edges.map((e) => {
    const home = homes.has(e.source) || homes.has(e.target);
    return {
      ...e,
      id: home ? ps.opaqueId(e.kind, e.id) : ps.text(e.id),
      source: ps.id(e.source),
      target: ps.id(e.target),
      attributes: home ? without(e.attributes, ADDRESS_DROP, ps) : ps.value(e.attributes),
    };
  });
  const hits = bundle.hits.map((h) => ({
    ...h,
    hit_key: ps.text(h.hit_key),
    subject_id: ps.id(h.subject_id),
    related_ids: h.related_ids.map((r) => ps.id(r)),
    status_reason: h.status_reason === null ? null : ps.text(h.status_reason),
    evidence: h.evidence.map((e) => ({ text: ps.text(e.text), source: ps.text(e.source) })),
  }));
  return {
    ...bundle,
    title: ps.text(bundle.title),
    scopeLabel: ps.text(bundle.scopeLabel),
    graph: { nodes, edges },
    hits,
    caseInfo: bundle.caseInfo ? ps.value(bundle.caseInfo) : null,
    audit: bundle.audit.map((a) => ({ ...a, actor: a.actor, summary: ps.text(a.summary) })),
    sanctions: bundle.sanctions?.map((s) => ({ ...s, subject_id: ps.id(s.subject_id), decision_ref: s.decision_ref && ps.text(s.decision_ref) })),
    pseudonymised: true,
  };
}

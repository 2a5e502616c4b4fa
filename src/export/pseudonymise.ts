import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../store/db';
import { getMeta, setMetaIfAbsent } from '../store/casework';
import { normalisePersonId } from '../ids/personnummer';
import type { ExportBundle } from './types';

/**
 * Pseudonymised exports: personnummer, ext: ids and person names become keyed hashes
 * (HMAC-SHA256). The key is made once per installation and kept in the store's meta table; it is
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
  private readonly names = new Map<string, string>();
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

  /** Replaces an id when it is a person's; other ids (org_nr, licence ids, addresses) pass through text scrubbing. */
  id(raw: string): string {
    if (raw.startsWith(PSEUDONYM_PREFIX)) return raw;
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
const PERSON_DROP = new Set(['birth_date', 'name', 'alt_names', 'person_id', 'address', 'source_names']);

export function pseudonymiseBundle(bundle: ExportBundle, ps: Pseudonymiser): ExportBundle {
  for (const n of bundle.graph.nodes) if (n.kind === 'person') ps.addPerson(n.id, n.label);
  const nodes = bundle.graph.nodes.map((n) => {
    if (n.kind !== 'person') return { ...n, id: ps.id(n.id), label: ps.text(n.label), attributes: ps.value(n.attributes) };
    const attributes: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n.attributes)) if (!PERSON_DROP.has(k)) attributes[k] = ps.value(v);
    return { ...n, id: ps.personId(n.id), label: ps.personName(n.id), attributes };
  });
  const edges = bundle.graph.edges.map((e) => ({
    ...e, id: ps.text(e.id), source: ps.id(e.source), target: ps.id(e.target), attributes: ps.value(e.attributes),
  }));
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

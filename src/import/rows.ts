import { addressKey, splitCareOf } from '../ids/address';
import { normaliseHolderId, type HolderKind } from '../ids/holder';
import { normaliseOrgNr } from '../ids/orgnr';
import { isExtId, normalisePersonId } from '../ids/personnummer';
import type { Normalised } from '../ids/result';
import { normaliseAmount, normaliseBool, normaliseDate, normaliseInt, normaliseShare, splitList } from '../ids/values';
import type { ColumnSpec, TableName, TableSpec } from '../model/tables';
import { OCCURRENCE_KEYED, TABLES } from '../model/tables';
import { factColumns, KIND_COLUMN } from '../store/facts';
import { KeyHasher } from './unchanged';

/** Header matching and row normalisation for one table (contract §1–§2). */

export interface HeaderMapping {
  table: TableName;
  /** For each spec column: index of its header cell, or -1. */
  index: number[];
  /** Columns the importer accepts directly besides the spec (companies: alt_names, co). */
  altNamesIdx: number;
  coIdx: number;
  /** Unknown header cells, kept in `extra`. */
  extra: { idx: number; name: string }[];
  missingRequired: string[];
  unknown: string[];
}

export const headerKey = (h: string): string => h.replace(/^\uFEFF/, '').trim().toLowerCase();
// Abbreviations end in a dot (`fr.o.m.`, `Org.nr.`): separators at either end carry nothing.
const loose = (h: string): string => h.replace(/[\s\-.]+/g, '_').replace(/^_+|_+$/g, '');

function namesOf(c: ColumnSpec): string[] {
  return [c.name, c.sql, ...(c.aliases ?? [])].map((n) => n.toLowerCase());
}

export function mapHeader(table: TableName, headers: readonly string[]): HeaderMapping {
  const spec = TABLES[table];
  const keys = headers.map(headerKey);
  const looseKeys = keys.map(loose);
  const used = new Set<number>();
  const find = (names: string[]): number => {
    for (let i = 0; i < keys.length; i++) if (!used.has(i) && names.includes(keys[i]!)) return i;
    for (let i = 0; i < keys.length; i++) if (!used.has(i) && names.includes(looseKeys[i]!)) return i;
    return -1;
  };
  // Exact contract names first, so an alias shared by two columns never steals one's own header.
  const index = spec.columns.map(() => -1);
  spec.columns.forEach((c, ci) => {
    const i = find([c.name, c.sql]);
    if (i >= 0) {
      index[ci] = i;
      used.add(i);
    }
  });
  spec.columns.forEach((c, ci) => {
    if (index[ci]! >= 0) return;
    const i = find(namesOf(c));
    if (i >= 0) {
      index[ci] = i;
      used.add(i);
    }
  });
  let altNamesIdx = -1;
  let coIdx = -1;
  if (table === 'companies') {
    altNamesIdx = find(['alt_names', 'alternativa_namn', 'övriga_namn']);
    if (altNamesIdx >= 0) used.add(altNamesIdx);
    coIdx = find(['co', 'c/o', 'c_o', 'careof']);
    if (coIdx >= 0) used.add(coIdx);
  }
  const missingRequired = spec.columns.filter((c, ci) => c.required && index[ci]! < 0).map((c) => c.name);
  for (const group of spec.oneOf ?? []) {
    if (group.every((name) => index[spec.columns.findIndex((c) => c.name === name)]! < 0)) missingRequired.push(group.join('|'));
  }
  const extra: { idx: number; name: string }[] = [];
  const seen = new Map<string, number>();
  keys.forEach((k, i) => {
    if (used.has(i) || k === '') return;
    const base = headers[i]!.trim();
    // Repeated header names get a suffix (_2, _3, ...) so no value is lost in `extra`.
    let n = seen.get(base) ?? 0;
    let name = n ? `${base}_${n + 1}` : base;
    while (n && seen.has(name)) name = `${base}_${++n + 1}`;
    seen.set(base, n + 1);
    if (name !== base) seen.set(name, 1);
    extra.push({ idx: i, name });
  });
  return { table, index, altNamesIdx, coIdx, extra, missingRequired, unknown: extra.map((e) => e.name) };
}

export type RowOutcome =
  /** keyHash: unchanged.ts keyHash(table, key) for an event table (OCCURRENCE_KEYED), else 0. */
  | { ok: true; key: string; values: unknown[]; keyHash: number }
  | { ok: false; column: string | null; value: string | null; reason: string; reasonSv: string };

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/** A trimmed string without control characters (CONTROL's). */
const cleanTrimmed = (t: string): string => {
  CONTROL.lastIndex = 0;
  return CONTROL.test(t) ? t.replace(CONTROL, '') : t;
};
/** A property name JavaScript orders before all others in an object: an array index. */
const ARRAY_INDEX = /^(?:0|[1-9]\d{0,9})$/;
const enumKey = (s: string): string => s.trim().toLowerCase().replace(/[\s-]+/g, '_');

const CARE_OF = /c\s*\/\s*o/i;

const REQUIRED = { reason: 'required value missing', reasonSv: 'obligatoriskt värde saknas' };
// Shared results of value() for a blank cell (read, never changed): one object per cell was garbage.
const REQUIRED_MISSING: Normalised<unknown> = Object.freeze({ ok: false as const, ...REQUIRED });
const NO_VALUE: Normalised<unknown> = Object.freeze({ ok: true as const, value: null });

export interface NormaliserOptions {
  /** ext-… ids are read as org_nr (FollowTheMoney). */
  allowExtOrgNr?: boolean;
  /** The reader has stripped every control character CONTROL strips (the bulk file's): only trim. */
  cellsClean?: boolean;
}

/** Normalises raw cells into the storage layout of factColumns(table). */
export class RowNormaliser {
  private readonly spec: TableSpec;
  private readonly columns: readonly string[];
  private readonly pos: Map<string, number>;
  private readonly keyPos: number[];
  private readonly enumSets: (Set<string> | null)[];
  private readonly holderKindCol: number;
  // Resolved once per file, not per row: storage position of each spec column (and of its kind
  // column for holder ids), the oneOf groups and the address columns by position.
  private readonly colPos: number[];
  private readonly kindPos: number[];
  private readonly oneOfPos: { group: readonly string[]; pos: number[] }[];
  private readonly addressPos: { key: number; street: number; postal: number } | null;
  private readonly companyPos: { altNames: number; co: number; address: number } | null;
  /** The key columns, for quarantine entries of duplicates. */
  readonly keyColumns: string;
  /**
   * `"name":` of each unknown column, to write `extra` without an object; null when an object's
   * key order would differ from the header's (an array-index name such as `7` goes first) or names repeat.
   */
  private readonly extraNames: string[] | null;
  /** The key's hash, computed as the key is written (event tables only). */
  private readonly hasher: KeyHasher | null;
  /** A row of nulls to copy (a copy of a packed array is cheaper than a new one filled). */
  private readonly nulls: null[];

  constructor(
    readonly mapping: HeaderMapping,
    private readonly opts: NormaliserOptions = {},
  ) {
    this.spec = TABLES[mapping.table];
    this.columns = factColumns(mapping.table);
    this.pos = new Map(this.columns.map((c, i) => [c, i]));
    this.keyPos = this.spec.key.map((k) => this.pos.get(this.spec.columns.find((c) => c.name === k)!.sql)!);
    this.enumSets = this.spec.columns.map((c) => (c.values ? new Set(c.values) : null));
    this.holderKindCol = this.spec.columns.findIndex((c) => c.name === 'holder_kind');
    this.keyColumns = this.spec.key.join('+');
    const at = (sqlName: string): number => this.pos.get(sqlName)!;
    const sqlOf = (name: string): string => this.spec.columns.find((c) => c.name === name)!.sql;
    this.colPos = this.spec.columns.map((c) => at(c.sql));
    this.kindPos = this.spec.columns.map((c) => (c.type === 'holder_id' ? at(KIND_COLUMN[c.sql]!) : -1));
    this.oneOfPos = (this.spec.oneOf ?? []).map((group) => ({ group, pos: group.map((name) => at(sqlOf(name))) }));
    this.addressPos = this.spec.address ? { key: at('address_key'), street: at(this.spec.address.street), postal: at(this.spec.address.postal) } : null;
    this.companyPos = mapping.table === 'companies' ? { altNames: at('alt_names'), co: at('co'), address: at('address') } : null;
    this.nulls = this.columns.map(() => null);
    this.hasher = OCCURRENCE_KEYED.has(mapping.table) ? new KeyHasher(mapping.table) : null;
    const names = mapping.extra.map((e) => e.name);
    const plain = new Set(names).size === names.length && !names.some((n) => ARRAY_INDEX.test(n));
    this.extraNames = plain ? names.map((n) => `${JSON.stringify(n)}:`) : null;
  }

  /** A cell trimmed and without control characters (see cellsClean). */
  private clean(s: string): string {
    return this.cleanTrimmed(s.trim());
  }

  /** A trimmed cell without control characters: as it is when the reader has cleaned it (cellsClean). */
  private cleanTrimmed(t: string): string {
    return this.opts.cellsClean ? t : cleanTrimmed(t);
  }

  /** The raw cells of the key columns as written in the file (a duplicate's quarantine value). */
  rawKey(cells: readonly string[]): string {
    return this.spec.key.map((k) => cellAt(cells, this.mapping.index[this.spec.columns.findIndex((c) => c.name === k)]!).trim()).join('|');
  }

  normalise(cells: readonly string[]): RowOutcome {
    const { spec, mapping } = this;
    const out: unknown[] = this.nulls.slice();
    // holder_kind, when given, is a hint for holder_id.
    let hint: HolderKind | undefined;
    if (this.holderKindCol >= 0) {
      const raw = cellAt(cells, mapping.index[this.holderKindCol]!);
      if (raw.trim()) {
        const k = enumKey(raw);
        if (k !== 'person' && k !== 'company') return { ok: false, column: 'holder_kind', value: raw, reason: 'holder_kind must be person or company', reasonSv: 'holder_kind måste vara person eller company' };
        hint = k;
      }
    }
    const columns = spec.columns;
    for (let ci = 0; ci < columns.length; ci++) {
      const col = columns[ci]!;
      const raw = cellAt(cells, mapping.index[ci]!);
      if (col.type === 'text' || col.type === 'id') {
        // Most columns: the cell as written, cleaned; value() would wrap each in a result object.
        const t = raw.trim();
        if (t === '') {
          if (col.required) return { ok: false, column: col.name, value: raw, ...REQUIRED };
          continue;
        }
        const v = this.cleanTrimmed(t);
        if (v !== '') out[this.colPos[ci]!] = v;
        continue;
      }
      const r = this.value(col, ci, raw, hint);
      if (!r.ok) return { ok: false, column: col.name, value: raw, reason: r.reason, reasonSv: r.reasonSv };
      const p = this.colPos[ci]!;
      if (col.type === 'holder_id') {
        const h = r.value as { id: string; kind: HolderKind } | null;
        out[p] = h?.id ?? null;
        out[this.kindPos[ci]!] = h?.kind ?? null;
      } else if (!(ci === this.holderKindCol && out[p] !== null)) {
        out[p] = r.value;
      }
    }
    for (const { group, pos } of this.oneOfPos) {
      if (pos.every((p) => out[p] === null)) {
        return { ok: false, column: group.join('|'), value: null, reason: `one of ${group.join(', ')} is required`, reasonSv: `en av ${group.join(', ')} krävs` };
      }
    }
    const a = this.addressPos;
    if (a) out[a.key] = addressKey(out[a.street] as string | null, out[a.postal] as string | null);
    const c = this.companyPos;
    if (c) {
      const alt = cellAt(cells, mapping.altNamesIdx);
      const names = alt ? splitList(alt).map((v) => this.clean(v)).filter(Boolean) : [];
      out[c.altNames] = names.length ? JSON.stringify([...new Set(names)].sort()) : null;
      const address = out[c.address] as string | null;
      // Only an address that mentions c/o can hold one (splitCareOf splits and scans every part).
      const co = this.clean(cellAt(cells, mapping.coIdx)) || (address && CARE_OF.test(address) ? splitCareOf(address).co : null);
      out[c.co] = co || null;
    }
    if (mapping.extra.length) out[out.length - 1] = this.extraJson(cells);
    const hasher = this.hasher;
    const key = keyJson(out, this.keyPos, hasher ?? undefined);
    return { ok: true, key, values: out, keyHash: hasher ? hasher.value() : 0 };
  }

  /** The unknown columns' non-blank values as a JSON object in header order, or null. */
  private extraJson(cells: readonly string[]): string | null {
    const names = this.extraNames;
    if (!names) {
      let extra: Record<string, string> | null = null;
      for (const e of this.mapping.extra) {
        const v = cells[e.idx];
        if (v !== undefined && v.trim() !== '') (extra ??= {})[e.name] = this.clean(v);
      }
      return extra ? JSON.stringify(extra) : null;
    }
    // Written directly (an object per row, then its JSON, was the bulk file's largest single cost).
    let json = '';
    const extra = this.mapping.extra;
    for (let i = 0; i < extra.length; i++) {
      const v = cells[extra[i]!.idx];
      if (v !== undefined && v.trim() !== '') json += (json ? ',' : '{') + names[i]! + jsonString(this.clean(v));
    }
    return json ? json + '}' : null;
  }

  private value(col: ColumnSpec, ci: number, raw: string, hint: HolderKind | undefined): Normalised<unknown> {
    const s = raw.trim();
    if (s === '') return col.required ? REQUIRED_MISSING : NO_VALUE;
    switch (col.type) {
      case 'org_nr':
        if (this.opts.allowExtOrgNr && isExtId(s)) return normalisePersonId(s);
        return normaliseOrgNr(s);
      case 'person_id':
        return normalisePersonId(s);
      case 'holder_id':
        return normaliseHolderId(s, hint);
      case 'id':
      case 'text':
        throw new TypeError('normalise reads text columns itself, without a result object');
      case 'date':
        return normaliseDate(s);
      case 'amount':
        return col.name === 'share_pct' ? normaliseShare(s) : normaliseAmount(s);
      case 'int':
        return normaliseInt(s);
      case 'bool': {
        const b = normaliseBool(s);
        return b.ok ? { ok: true, value: b.value === null ? null : b.value ? 1 : 0 } : b;
      }
      case 'enum': {
        const k = enumKey(s);
        if (this.enumSets[ci]!.has(k)) return { ok: true, value: k };
        return { ok: false, reason: `unknown ${col.name} value (expected one of ${col.values!.join(', ')})`, reasonSv: `okänt värde för ${col.name} (förväntat ett av ${col.values!.join(', ')})` };
      }
      case 'list': {
        const items = splitList(s).map((v) => (this.enumSets[ci] ? enumKey(v) : this.clean(v)));
        const set = this.enumSets[ci];
        const bad = set ? items.find((v) => !set.has(v)) : undefined;
        if (bad !== undefined) return { ok: false, reason: `unknown ${col.name} value "${bad}"`, reasonSv: `okänt värde "${bad}" i ${col.name}` };
        return { ok: true, value: items.length ? JSON.stringify(items) : null };
      }
      case 'person_id_list': {
        const ids: string[] = [];
        for (const v of splitList(s)) {
          const p = normalisePersonId(v);
          if (!p.ok) return { ok: false, reason: `${p.reason}: ${v}`, reasonSv: `${p.reasonSv}: ${v}` };
          ids.push(p.value);
        }
        if (col.required && ids.length === 0) return { ok: false, ...REQUIRED };
        return { ok: true, value: ids.length ? JSON.stringify(ids) : null };
      }
    }
  }
}

/** A string JSON writes as it is between quotes: no quote, backslash, control character or surrogate. */
const JSON_PLAIN = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** JSON.stringify of a string, without its call for a plain one (nearly all). */
const jsonString = (v: string): string => (JSON_PLAIN.test(v) ? `"${v}"` : JSON.stringify(v));

/**
 * The record key: JSON.stringify of the key columns' values as an array, written without the
 * array and, for plain strings (nearly all), without JSON.stringify (the roles key cost ~3 s of a
 * national import's reading).
 */
export function keyJson(values: readonly unknown[], positions: readonly number[], hasher?: KeyHasher): string {
  let key = '[';
  hasher?.reset();
  hasher?.add('[');
  for (let i = 0; i < positions.length; i++) {
    const v = values[positions[i]!] ?? null;
    if (i > 0) {
      key += ',';
      hasher?.add(',');
    }
    if (typeof v === 'string' && JSON_PLAIN.test(v)) {
      key += `"${v}"`;
      if (hasher) {
        hasher.add('"');
        hasher.add(v);
        hasher.add('"');
      }
    } else {
      const json = JSON.stringify(v);
      key += json;
      hasher?.add(json);
    }
  }
  hasher?.add(']');
  return key + ']';
}

function cellAt(cells: readonly string[], idx: number): string {
  return idx >= 0 ? (cells[idx] ?? '') : '';
}

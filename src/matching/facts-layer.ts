import { TABLES, TABLE_NAMES, type TableName } from '../model/index';
import type { FactRowTypes, PersonFact, CompanyFact } from '../model/rows';
import type { Evidence, Hit } from '../signals/types';
import type { IdCanon, MatchGroup } from './canon';

/**
 * Confirmed matches applied to the facts an analysis reads: every id column (org_nr, person_id,
 * holder_id and id lists) is rewritten to its group's canonical id, so the graph, the network
 * score, clusters and every signal see one entity. The rewritten rows are remembered, so a hit
 * whose evidence rests on one can say that it rests on a confirmed match, by whom and when.
 */
export interface FactMatches {
  canon: IdCanon;
  /** `table|key` of each rewritten row → the ids it named before canonicalisation. */
  rewritten: Map<string, string[]>;
}

type FactRows = { [T in TableName]: FactRowTypes[T][] };

const ID_TYPES = new Set(['org_nr', 'person_id', 'holder_id']);

/** The id columns of each table (from the contract's table specs). */
const ID_COLUMNS: Record<TableName, { single: string[]; lists: string[] }> = Object.fromEntries(TABLE_NAMES.map((t) => [t, {
  single: TABLES[t].columns.filter((c) => ID_TYPES.has(c.type)).map((c) => c.sql),
  lists: TABLES[t].columns.filter((c) => c.type === 'person_id_list').map((c) => c.sql),
}])) as Record<TableName, { single: string[]; lists: string[] }>;

/** Rewrites the rows in place (they are a fresh snapshot) and returns what was rewritten. */
export function canonicaliseRows(rows: FactRows, canon: IdCanon): FactMatches {
  const rewritten = new Map<string, string[]>();
  for (const table of TABLE_NAMES) {
    const { single, lists } = ID_COLUMNS[table];
    for (const row of rows[table] as unknown as Record<string, unknown>[]) {
      let aliases: string[] | null = null;
      for (const col of single) {
        const v = row[col];
        if (typeof v !== 'string') continue;
        const c = canon.canonical(v);
        if (c !== v) { row[col] = c; (aliases ??= []).push(v); }
      }
      for (const col of lists) {
        const v = row[col];
        if (!Array.isArray(v)) continue;
        const mapped = v.map((id: string) => canon.canonical(id));
        if (mapped.some((id, i) => id !== v[i])) { (aliases ??= []).push(...v.filter((id: string, i: number) => mapped[i] !== id)); row[col] = [...new Set(mapped)]; }
      }
      if (aliases) rewritten.set(`${table}|${row.key as string}`, aliases);
    }
  }
  // A relation between two records of one entity says nothing once they are one.
  rows.relations = rows.relations.filter((r) => r.a_id !== r.b_id);
  rows.persons = mergeEntityRows(rows.persons, 'person_id', canon, (r) => rewritten.has(`persons|${r.key}`));
  rows.companies = mergeEntityRows(rows.companies, 'org_nr', canon, (r) => rewritten.has(`companies|${r.key}`));
  return { canon, rewritten };
}

/**
 * One row per entity: the canonical record's own row when it has one, its empty fields filled
 * from the other records of the group (a birth date or date of death one source lacks).
 */
function mergeEntityRows<R extends PersonFact | CompanyFact>(rows: R[], idCol: 'person_id' | 'org_nr', canon: IdCanon, wasRewritten: (r: R) => boolean): R[] {
  const byId = new Map<string, R[]>();
  for (const r of rows) {
    const id = (r as unknown as Record<string, string>)[idCol]!;
    if (canon.group(id)) byId.set(id, [...(byId.get(id) ?? []), r]);
  }
  if (byId.size === 0) return rows;
  const merged = new Map<string, R>();
  for (const [id, list] of byId) {
    if (list.length === 1) { merged.set(id, list[0]!); continue; }
    // The row that was not rewritten (the canonical's own) leads; the rest fill its gaps.
    const lead = list.find((r) => !wasRewritten(r)) ?? list[0]!;
    const out = { ...lead } as Record<string, unknown>;
    for (const other of list) for (const [k, v] of Object.entries(other)) if (out[k] == null && v != null) out[k] = v;
    merged.set(id, out as unknown as R);
  }
  const emitted = new Set<string>();
  const out: R[] = [];
  for (const r of rows) {
    const id = (r as unknown as Record<string, string>)[idCol]!;
    const m = merged.get(id);
    if (!m) { out.push(r); continue; }
    if (emitted.has(id)) continue;
    emitted.add(id);
    out.push(m);
  }
  return out;
}

/** Evidence saying that a hit rests on confirmed matches (one line per group involved). */
export function matchEvidence(hit: Hit, matches: FactMatches): Evidence[] {
  const groups = new Map<MatchGroup, Evidence>();
  for (const e of hit.evidence) {
    if (!e.fact) continue;
    const aliases = matches.rewritten.get(`${e.fact.table}|${e.fact.key}`);
    if (!aliases) continue;
    for (const alias of aliases) {
      const g = matches.canon.group(alias);
      if (!g || groups.has(g)) continue;
      groups.set(g, { text: matchText(g), source: e.source });
    }
  }
  return [...groups.values()];
}

function matchText(g: MatchGroup): string {
  const what = g.kind === 'person' ? 'samma person' : 'samma bolag';
  const links = g.links.map((l) => `${l.a} och ${l.b} enligt bekräftad matchning av ${l.actor} ${l.at.slice(0, 10)}${l.explanation ? ` (${l.explanation})` : ''}${l.note ? `; anteckning: ${l.note}` : ''}`);
  return `${g.members.join(', ')} räknas som ${what} (${g.canonical}): ${links.join('; ')}.`;
}

/** Adds the match evidence to every hit resting on a rewritten fact (in place). */
export function annotateHits<H extends Hit>(hits: H[], matches: FactMatches | undefined): void {
  if (!matches || matches.rewritten.size === 0) return;
  for (const h of hits) {
    const extra = matchEvidence(h, matches);
    if (extra.length > 0) h.evidence = [...h.evidence, ...extra];
  }
}

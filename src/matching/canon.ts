import type { Db } from '../store/db';
import { currentDecisions, decisionsVersion, type DecisionRow, type MatchKind } from '../store/matches';
import { isSwedishId } from './ids';

/**
 * Confirmed matches as id groups: every record confirmed to be the same person (or company) is
 * one entity for the analysis, the graph and exports. A group's canonical id is its Swedish id
 * (personnummer / org_nr) when it has one, else its smallest id, so results stay stable.
 */
export interface MatchLink {
  decisionId: number;
  a: string;
  b: string;
  actor: string;
  at: string;
  note: string;
  score: number | null;
  /** The candidate's explanation when confirmed ("samma födelsedatum, namn 0,93"). */
  explanation: string;
}

export interface MatchGroup {
  canonical: string;
  kind: MatchKind;
  /** All ids of the group, canonical first. */
  members: string[];
  links: MatchLink[];
}

export class IdCanon {
  private readonly groupOf = new Map<string, MatchGroup>();

  constructor(readonly groups: readonly MatchGroup[]) {
    for (const g of groups) for (const m of g.members) this.groupOf.set(m, g);
  }

  get empty(): boolean {
    return this.groups.length === 0;
  }

  /** The id the analysis uses for `id` (itself unless confirmed into a group). */
  canonical(id: string): string {
    return this.groupOf.get(id)?.canonical ?? id;
  }

  group(id: string): MatchGroup | undefined {
    return this.groupOf.get(id);
  }

  /** Every id that stands for the same entity as `id` (itself included). */
  members(id: string): readonly string[] {
    return this.groupOf.get(id)?.members ?? [id];
  }

  /** Every id in some group (the analysis slice must load all of them). */
  allIds(): string[] {
    return [...this.groupOf.keys()];
  }
}

export const EMPTY_CANON = new IdCanon([]);

/** Groups from confirmed decisions (union-find over the confirmed pairs). */
export function groupsFrom(confirmed: readonly DecisionRow[]): MatchGroup[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r)!;
    for (let y = x; y !== r; ) { const next = parent.get(y)!; parent.set(y, r); y = next; }
    return r;
  };
  for (const d of confirmed) {
    for (const id of [d.a_id, d.b_id]) if (!parent.has(id)) parent.set(id, id);
    const ra = find(d.a_id);
    const rb = find(d.b_id);
    if (ra !== rb) parent.set(ra, rb);
  }
  const byRoot = new Map<string, { members: Set<string>; links: MatchLink[]; kind: MatchKind }>();
  for (const d of confirmed) {
    const root = find(d.a_id);
    const g = byRoot.get(root) ?? { members: new Set<string>(), links: [], kind: d.kind };
    g.members.add(d.a_id).add(d.b_id);
    g.links.push({ decisionId: d.id, a: d.a_id, b: d.b_id, actor: d.actor, at: d.decided_at, note: d.note, score: d.score, explanation: explanationOf(d.parts) });
    byRoot.set(root, g);
  }
  return [...byRoot.values()].map((g) => {
    const sorted = [...g.members].sort();
    const canonical = sorted.find((id) => isSwedishId(id)) ?? sorted[0]!;
    return { canonical, kind: g.kind, members: [canonical, ...sorted.filter((m) => m !== canonical)], links: g.links };
  });
}

function explanationOf(parts: string): string {
  try {
    const list = JSON.parse(parts) as { text?: unknown }[];
    return list.map((p) => String(p.text ?? '')).filter(Boolean).join(', ');
  } catch {
    return '';
  }
}

const cache = new WeakMap<Db, { version: string; canon: IdCanon }>();

/** The confirmed groups of the store, cached until a decision is made or undone. */
export function loadCanon(db: Db): IdCanon {
  let version: string;
  try {
    version = decisionsVersion(db);
  } catch (err) {
    // A store opened read-only before migration 009 has no decisions: nothing is merged.
    if (/no such table/.test((err as Error).message)) return EMPTY_CANON;
    throw err;
  }
  const hit = cache.get(db);
  if (hit && hit.version === version) return hit.canon;
  const canon = version === '0:0' ? EMPTY_CANON : new IdCanon(groupsFrom(currentDecisions(db).filter((d) => d.decision === 'confirmed')));
  cache.set(db, { version, canon });
  return canon;
}

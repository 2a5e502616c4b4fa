import { nodeIdOf } from '../graph/types';
import type { Db } from '../store/db';
import { factKnownFrom, scoresOf } from '../store/node-risk';
import type { NodeRisk } from './contract';
import type { HitEntry, HitTable } from './hit-table';

/** Graph node ids carry a kind prefix for licences, foster homes and addresses; hits name the bare id. */
const MAX_RELATED = 50;

const bareId = (nodeId: string): string => nodeId.replace(/^(lic|home|addr):/, '');

/**
 * Risk per graph node from the latest analysis run (issue 14), sent with every node the canvas
 * gets: the stored direct and network score, and each hit naming the node (as subject or
 * related) with `since`, the day from which every fact its evidence cites was known. The canvas
 * recomputes the direct score as of its date slider from the subject hits that had begun by then.
 */
export class NodeRisks {
  private indexedFrom: readonly HitEntry[] | null = null;
  private bySubject = new Map<string, HitEntry[]>();
  private byRelated = new Map<string, HitEntry[]>();
  private since = new Map<string, string | null>();

  constructor(
    private readonly db: Db,
    private readonly hits: HitTable,
  ) {}

  /** Risk for each node id that has any (nodes without hits or scores are left out). */
  of(nodeIds: readonly string[]): Map<string, NodeRisk> {
    const { runId, asOf } = this.hits.current();
    const out = new Map<string, NodeRisk>();
    if (runId === null || asOf === null || nodeIds.length === 0) return out;
    this.index();
    const scores = new Map(scoresOf(this.db, runId, nodeIds.map(bareId)).map((s) => [nodeIdOf(s.subject_kind, s.subject_id), s]));
    for (const id of nodeIds) {
      const subject = this.bySubject.get(id) ?? [];
      // Related hits only name signals for the filter; a hub address may be related to hundreds.
      const related = (this.byRelated.get(bareId(id)) ?? []).filter((e) => !subject.includes(e)).slice(0, MAX_RELATED);
      const stored = scores.get(id);
      if (subject.length === 0 && related.length === 0 && !stored) continue;
      out.set(id, {
        score: stored?.score ?? 0,
        network: stored?.network_score ?? 0,
        asOf,
        hits: [
          ...subject.map((e) => ({ hitKey: e.row.hitKey, signal: e.row.signal, severity: e.row.severity, subject: true, since: this.sinceOf(e) })),
          ...related.map((e) => ({ hitKey: e.row.hitKey, signal: e.row.signal, severity: e.row.severity, subject: false, since: this.sinceOf(e) })),
        ],
      });
    }
    return out;
  }

  /** Rebuilt whenever the alert table reloads (a new run or new facts). */
  private index(): void {
    const all = this.hits.all();
    if (all === this.indexedFrom) return;
    this.indexedFrom = all;
    this.bySubject = new Map();
    this.byRelated = new Map();
    this.since = new Map();
    const push = (m: Map<string, HitEntry[]>, k: string, e: HitEntry) => {
      const list = m.get(k);
      if (list) list.push(e);
      else m.set(k, [e]);
    };
    for (const e of all) {
      push(this.bySubject, nodeIdOf(e.row.subjectKind, e.row.subjectId), e);
      for (const r of new Set(e.row.relatedIds)) push(this.byRelated, r, e);
    }
  }

  /** The latest known-from date over the facts the hit's evidence cites (null: none dated). */
  private sinceOf(e: HitEntry): string | null {
    if (this.since.has(e.row.hitKey)) return this.since.get(e.row.hitKey)!;
    let latest: string | null = null;
    for (const ev of e.evidence) {
      if (!ev.fact) continue;
      const d = factKnownFrom(this.db, ev.fact.table, ev.fact.key);
      if (d !== null && (latest === null || d > latest)) latest = d;
    }
    this.since.set(e.row.hitKey, latest);
    return latest;
  }
}

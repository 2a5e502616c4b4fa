import { hitIdentityRows, hitRowsById, latestRunRow, previousRunRow, runRow, type HitIdentityRow, type RunRow } from '../store/analysis';
import type { Db } from '../store/db';
import { watchedChanges, type WatchedEntry } from './feed';

/**
 * `insyn changes` (contract §7.3): new, gone and changed hits between two runs, and what later
 * imports added, changed or ended around the watched entities. A hit's identity is
 * (signal, subject_kind, subject_id); "changed" = the same hit with different evidence.
 */

export interface ChangeEvidence { text: string; source: string }

export interface ChangeHit {
  signal: string;
  subject_kind: string;
  subject_id: string;
  related_ids: string[];
  severity: number;
  evidence: ChangeEvidence[];
}

export interface ChangedHit {
  hit: ChangeHit;
  evidence_added: ChangeEvidence[];
  evidence_removed: ChangeEvidence[];
  /** Added: what else changed with it (null when the same). */
  severity_before: number | null;
  related_ids_before: string[] | null;
}

export interface RunRef { run: number; as_of: string; started_at: string; dataset_max: number; as_known: number | null }

/** Why two runs are not strictly comparable (different parameters, as-of date or knowledge). */
export type RunDifference =
  | { what: 'params'; signal: string; param: string; from: unknown; to: unknown }
  | { what: 'as_of'; from: string; to: string }
  | { what: 'as_known'; from: number | null; to: number | null };

export interface ChangesReport {
  from_run: number;
  to_run: number;
  new: ChangeHit[];
  gone: ChangeHit[];
  changed: ChangedHit[];
  watched: WatchedEntry[];
  // Added to the contract's shape:
  from: RunRef;
  to: RunRef;
  /** True when the runs used different rule parameters (the comparison is allowed, but flagged). */
  params_differ: boolean;
  differences: RunDifference[];
  /** The watch feed covers datasets with an id above this one (imported after from_run). */
  since_dataset: number;
  /** hit_key(s) of each new/changed hit in to_run and of each gone hit in from_run, by identity (for triage links). */
  hit_keys: Record<string, string[]>;
  /** For changed hits: their hit_key(s) in from_run (a hit key includes the related ids, which may have changed). */
  hit_keys_before: Record<string, string[]>;
}

export class ChangesError extends Error {
  override name = 'ChangesError';
}

export const identityOf = (h: { signal: string; subject_kind: string; subject_id: string }): string => `${h.signal}|${h.subject_kind}|${h.subject_id}`;

/** The two runs a changes request compares: `to` defaults to the latest run, `since` to the one before it. */
export function resolveRuns(db: Db, opts: { since?: number; to?: number }): { from: RunRow; to: RunRow } {
  const to = opts.to !== undefined ? runRow(db, opts.to) : latestRunRow(db);
  if (!to) {
    throw new ChangesError(opts.to !== undefined
      ? `körning ${opts.to} finns inte / run ${opts.to} does not exist`
      : 'ingen analys har körts ännu; kör `insyn analyze` efter varje import / no analysis run yet');
  }
  if (opts.since !== undefined) {
    const from = runRow(db, opts.since);
    if (!from) throw new ChangesError(`körning ${opts.since} finns inte (senaste är ${latestRunRow(db)?.id ?? '–'}) / run ${opts.since} does not exist`);
    return { from, to };
  }
  const from = previousRunRow(db, to.id);
  if (!from) throw new ChangesError(`det finns ingen körning före körning ${to.id} att jämföra med; ange --since eller kör analysen igen efter nästa import / no run before run ${to.id}`);
  return { from, to };
}

interface Group { rows: HitIdentityRow[]; hash: string; related: string[]; severity: number }

function groups(rows: readonly HitIdentityRow[]): Map<string, Group> {
  const out = new Map<string, Group>();
  for (const r of rows) {
    const id = identityOf(r);
    const g = out.get(id) ?? { rows: [], hash: '', related: [], severity: 0 };
    g.rows.push(r);
    out.set(id, g);
  }
  for (const g of out.values()) {
    g.hash = g.rows.map((r) => r.evidence_hash).sort().join(',');
    g.related = [...new Set(g.rows.flatMap((r) => JSON.parse(r.related_ids) as string[]))].sort();
    g.severity = Math.max(...g.rows.map((r) => r.severity));
  }
  return out;
}

/** One contract hit per identity (a signal that gave it several hits: evidence and related ids joined). */
function hitsOf(db: Db, wanted: readonly Group[]): Map<string, ChangeHit> {
  const full = hitRowsById(db, wanted.flatMap((g) => g.rows.map((r) => r.id)));
  const out = new Map<string, ChangeHit>();
  for (const r of full) {
    const id = identityOf(r);
    const evidence = (JSON.parse(r.evidence) as ChangeEvidence[]).map((e) => ({ text: e.text, source: e.source }));
    const h = out.get(id);
    if (!h) {
      out.set(id, { signal: r.signal, subject_kind: r.subject_kind, subject_id: r.subject_id, related_ids: JSON.parse(r.related_ids) as string[], severity: r.severity, evidence });
      continue;
    }
    h.related_ids = [...new Set([...h.related_ids, ...(JSON.parse(r.related_ids) as string[])])].sort();
    h.severity = Math.max(h.severity, r.severity);
    const seen = new Set(h.evidence.map(evidenceKey));
    for (const e of evidence) if (!seen.has(evidenceKey(e))) h.evidence.push(e);
  }
  return out;
}

const evidenceKey = (e: ChangeEvidence): string => `${e.text}\u0000${e.source}`;
const order = (a: ChangeHit, b: ChangeHit): number => b.severity - a.severity || a.signal.localeCompare(b.signal) || a.subject_id.localeCompare(b.subject_id);

function runRef(r: RunRow): RunRef {
  return { run: r.id, as_of: r.as_of, started_at: r.started_at, dataset_max: r.dataset_max ?? 0, as_known: r.as_known ?? null };
}

/** Parameters, as-of date and knowledge that differ between two runs. */
export function runDifferences(from: RunRow, to: RunRow): RunDifference[] {
  const out: RunDifference[] = [];
  const a = JSON.parse(from.params) as Record<string, Record<string, unknown>>;
  const b = JSON.parse(to.params) as Record<string, Record<string, unknown>>;
  for (const signal of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const pa = a[signal] ?? {};
    const pb = b[signal] ?? {};
    for (const param of [...new Set([...Object.keys(pa), ...Object.keys(pb)])].sort()) {
      if (JSON.stringify(pa[param]) !== JSON.stringify(pb[param])) out.push({ what: 'params', signal, param, from: pa[param] ?? null, to: pb[param] ?? null });
    }
  }
  if (from.as_of !== to.as_of) out.push({ what: 'as_of', from: from.as_of, to: to.as_of });
  if ((from.as_known ?? null) !== (to.as_known ?? null)) out.push({ what: 'as_known', from: from.as_known ?? null, to: to.as_known ?? null });
  return out;
}

/** The §7.3 report between run `since` (default: the run before `to`) and run `to` (default: the latest). */
export function changesBetween(db: Db, opts: { since?: number; to?: number } = {}): ChangesReport {
  const { from, to } = resolveRuns(db, opts);
  const before = groups(hitIdentityRows(db, from.id));
  const after = groups(hitIdentityRows(db, to.id));
  const added = [...after].filter(([id]) => !before.has(id));
  const removed = [...before].filter(([id]) => !after.has(id));
  const differing = [...after].filter(([id, g]) => {
    const b = before.get(id);
    return b !== undefined && (b.hash !== g.hash || b.related.join() !== g.related.join());
  });
  const toHits = hitsOf(db, [...added, ...differing].map(([, g]) => g));
  const fromHits = hitsOf(db, [...removed, ...differing].map(([id]) => before.get(id)!));

  const changed: ChangedHit[] = [];
  for (const [id] of differing) {
    const now = toHits.get(id)!;
    const was = fromHits.get(id)!;
    const wasKeys = new Set(was.evidence.map(evidenceKey));
    const nowKeys = new Set(now.evidence.map(evidenceKey));
    const entry: ChangedHit = {
      hit: now,
      evidence_added: now.evidence.filter((e) => !wasKeys.has(evidenceKey(e))),
      evidence_removed: was.evidence.filter((e) => !nowKeys.has(evidenceKey(e))),
      severity_before: was.severity !== now.severity ? was.severity : null,
      related_ids_before: was.related_ids.join() !== now.related_ids.join() ? was.related_ids : null,
    };
    // Evidence merely reordered is the same hit.
    if (entry.evidence_added.length || entry.evidence_removed.length || entry.severity_before !== null || entry.related_ids_before !== null) changed.push(entry);
  }
  const hitKeys: Record<string, string[]> = {};
  for (const [id, g] of [...added, ...differing]) hitKeys[id] = g.rows.map((r) => r.hit_key);
  for (const [id, g] of removed) hitKeys[id] = g.rows.map((r) => r.hit_key);
  const hitKeysBefore: Record<string, string[]> = {};
  for (const [id] of differing) hitKeysBefore[id] = before.get(id)!.rows.map((r) => r.hit_key);

  const differences = runDifferences(from, to);
  const sinceDataset = from.dataset_max ?? 0;
  return {
    from_run: from.id,
    to_run: to.id,
    new: added.map(([id]) => toHits.get(id)!).sort(order),
    gone: removed.map(([id]) => fromHits.get(id)!).sort(order),
    changed: changed.sort((a, b) => order(a.hit, b.hit)),
    watched: watchedChanges(db, sinceDataset),
    from: runRef(from),
    to: runRef(to),
    params_differ: differences.some((d) => d.what === 'params'),
    differences,
    since_dataset: sinceDataset,
    hit_keys: hitKeys,
    hit_keys_before: hitKeysBefore,
  };
}

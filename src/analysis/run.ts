import type { Db } from '../store/db';
import { dataVersion, ensureAnalysisIndexes, insertRun, updateRunTimings } from '../store/analysis';
import { maxDatasetId, withKnownView } from '../store/known';
import { SIGNALS } from '../signals/index';
import type { Coverage, Hit } from '../signals/types';
import { scoreHits, type Cluster, type EntityScore } from '../scoring/index';
import { coverageOf } from './coverage';
import { loadFacts, type Facts } from './facts';
import { evidenceHash, hitKey } from './hit-key';
import { resolveParams, type ResolvedParams } from './params';
import { isIsoDate, todayIso } from '../model/dates';
import { withWriteLock, writerActive } from '../store/write-lock';
import { annotateHits } from '../matching/facts-layer';

/**
 * One analysis run: facts snapshot → coverage → every evaluable signal → scores and clusters →
 * persisted run. Returns the contract §5 `analyze --json` object plus run id, clusters and timings.
 */
export interface AnalysisHit extends Hit {
  hit_key: string;
  evidence_hash: string;
}

export interface AnalysisResult {
  as_of: string;
  coverage: Record<string, Coverage>;
  hits: AnalysisHit[];
  scores: EntityScore[];
  run_id: number;
  clusters: Cluster[];
  params: ResolvedParams;
  data_version: string;
  timings: Timings;
  /** The datasets the run saw: every id up to this one (ids grow in import order). */
  dataset_max: number;
  /** The dataset an as-known run was limited to; null for a run over everything imported. */
  as_known: number | null;
  /** What the run saw when other writers were busy (issue 13.4): never a silent old snapshot. */
  snapshot: SnapshotInfo;
}

export interface SnapshotInfo {
  /** Another connection was writing (an import in progress) when the run read its data. */
  writer_active: boolean;
  /** Another connection committed (an import finished) while the run was computing. */
  changed_during_run: boolean;
  /** A Swedish sentence for the user when either is true. */
  note_sv: string | null;
}

export function snapshotNote(writerActive: boolean, changed: boolean): string | null {
  if (changed) return 'Obs: databasen ändrades medan analysen kördes (en import blev klar). Analysen bygger på uppgifterna från när den startade; kör analysen igen för att ta med de nya.';
  if (writerActive) return 'Obs: en import (eller annan skrivning) pågick när analysen startade. Analysen bygger på databasen som den var innan importen blev klar; kör analysen igen när importen är klar.';
  return null;
}

export interface Timings {
  load_ms: number;
  signals_ms: Record<string, number>;
  scoring_ms: number;
  persist_ms: number;
  total_ms: number;
}

export interface AnalysisOptions {
  /** ISO date; defaults to today's local date. */
  asOf?: string;
  /** Per-run parameter overrides `{ "<signal-id>": { param: value } }` (validated; throws ParamsError). */
  params?: Record<string, unknown>;
  onProgress?: (p: { step: string; done: number; total: number }) => void;
  /** Reuse an already-loaded snapshot (benchmarks, repeated as-of runs). */
  facts?: Facts;
  /** Skip persisting (evaluation harness); run_id is then 0. */
  persist?: boolean;
  /** Runs in the transaction that stores the run (the audit entry: issue 13); throwing stores nothing. */
  onPersist?: (run: { run_id: number; as_of: string; params: ResolvedParams; data_version: string; hits: readonly AnalysisHit[]; dataset_max: number; as_known: number | null }) => void;
  /**
   * Known time: analyse exactly what the store held right after this dataset was imported
   * (throws UnknownDatasetError for an id that does not exist).
   */
  asKnown?: number;
}

export function runAnalysis(db: Db, opts: AnalysisOptions = {}): AnalysisResult {
  const started = new Date();
  const t0 = performance.now();
  const asOf = opts.asOf ?? todayIso();
  if (!isIsoDate(asOf)) throw new RangeError(`ogiltigt datum för --as-of: ${asOf} (förväntade ÅÅÅÅ-MM-DD)`);
  ensureAnalysisIndexes(db);
  const params = resolveParams(db, opts.params);
  const total = SIGNALS.length + 3;
  const progress = (step: string, done: number): void => opts.onProgress?.({ step, done, total });

  progress('load', 0);
  const hubMin = Number(params['address-hub']?.minCompanies ?? 5);
  const asKnown = opts.asKnown ?? null;
  // One read transaction: the facts, their data version and the datasets seen come from the same
  // snapshot, even while an import writes; whether one was writing (or commits later) is reported.
  const writing = opts.facts ? false : writerActive(db);
  const versionAtLoad = db.pragma('data_version', { simple: true }) as number;
  const { facts, version, datasetMax } = readSnapshot(db, () => ({
    datasetMax: asKnown ?? maxDatasetId(db),
    version: withKnownView(db, asKnown, () => dataVersion(db)),
    facts: opts.facts ?? loadFacts(db, { scope: { minCompaniesAtAddress: hubMin }, asKnown }),
  }));
  const loadMs = performance.now() - t0;

  const coverage: Record<string, Coverage> = {};
  const hits: AnalysisHit[] = [];
  const signalsMs: Record<string, number> = {};
  SIGNALS.forEach((signal, i) => {
    progress(signal.id, i + 1);
    const cov = coverageOf(signal, facts.present);
    coverage[signal.id] = cov;
    if (!cov.evaluable) return;
    const ts = performance.now();
    let found: Hit[];
    try {
      found = signal.evaluate({ facts, asOf, params: params[signal.id] });
    } catch (err) {
      // One failing signal must not take the others down; it is reported, never silently empty.
      const msg = err instanceof Error ? err.message : String(err);
      coverage[signal.id] = { evaluable: false, reason: `Signalen kunde inte utvärderas (internt fel: ${msg}). / Signal failed: ${msg}` };
      return;
    } finally {
      signalsMs[signal.id] = round(performance.now() - ts);
    }
    const kept = dedupe(found);
    // A hit resting on a confirmed entity-resolution match says so, by whom and when.
    annotateHits(kept, facts.matches);
    for (const h of kept) hits.push({ ...h, related_ids: [...h.related_ids].sort(), hit_key: hitKey(h), evidence_hash: evidenceHash(h) });
  });

  progress('scoring', SIGNALS.length + 1);
  const ts = performance.now();
  const { scores, clusters } = scoreHits(facts, hits, { asOf });
  const scoringMs = performance.now() - ts;

  progress('persist', SIGNALS.length + 2);
  const tp = performance.now();
  const changed = (db.pragma('data_version', { simple: true }) as number) !== versionAtLoad;
  const snapshot: SnapshotInfo = { writer_active: writing, changed_during_run: changed, note_sv: snapshotNote(writing, changed) };
  const timings: Timings = { load_ms: round(loadMs), signals_ms: signalsMs, scoring_ms: round(scoringMs), persist_ms: 0, total_ms: 0 };
  let runId = 0;
  if (opts.persist !== false) {
    runId = withWriteLock(db, () => {
      const id = insertRun(
        db,
        { started_at: started.toISOString(), finished_at: new Date().toISOString(), as_of: asOf, params, data_version: version, coverage, timings, dataset_max: datasetMax, as_known: asKnown },
        hits,
        scores,
        clusters.map((c) => ({ rank: c.rank, size: c.size, score: c.score, members: JSON.stringify(c.members), signals: JSON.stringify(c.signals) })),
      );
      opts.onPersist?.({ run_id: id, as_of: asOf, params, data_version: version, hits, dataset_max: datasetMax, as_known: asKnown });
      return id;
    }, { onWait: () => progress('wait', SIGNALS.length + 2) });
  }
  timings.persist_ms = round(performance.now() - tp);
  timings.total_ms = round(performance.now() - t0);
  if (runId) withWriteLock(db, () => updateRunTimings(db, runId, timings));
  progress('done', total);
  return { as_of: asOf, coverage, hits, scores, run_id: runId, clusters, params, data_version: version, timings, snapshot, dataset_max: datasetMax, as_known: asKnown };
}

function readSnapshot<T>(db: Db, read: () => T): T {
  if (db.inTransaction) return read();
  db.exec('BEGIN');
  try {
    return read();
  } finally {
    db.exec('COMMIT');
  }
}

/** A signal must not report the same hit twice; keep the first (its evidence is complete). */
function dedupe(hits: readonly Hit[]): Hit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const k = hitKey(h);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

export interface ContractScore { subject_kind: string; subject_id: string; score: number; direct_score: number; network_score: number }

/**
 * The contract §5 `analyze --json` object (these four keys, hit fields as specified) plus §7.3's
 * `run` (the stored run's id).
 * A score entry's `score` is the ranking score, max(direct, network): the network score never
 * exceeds the direct evidence it spreads from, so an entity reached only through the network
 * ranks below its source. `direct_score` and `network_score` are added alongside (the contract
 * is extended only by adding). Entities with only a network score are included.
 */
export function contractJson(r: AnalysisResult): { as_of: string; coverage: Record<string, Coverage>; hits: Hit[]; scores: ContractScore[]; run: number } {
  return {
    as_of: r.as_of,
    coverage: r.coverage,
    hits: r.hits.map((h) => ({
      signal: h.signal,
      subject_kind: h.subject_kind,
      subject_id: h.subject_id,
      related_ids: h.related_ids,
      severity: h.severity,
      evidence: h.evidence.map((e) => ({ text: e.text, source: e.source })),
    })),
    scores: contractScores(r.scores),
    // Contract §7.3: every run is kept; its id lets `insyn changes --since` name it.
    run: r.run_id,
  };
}

export function contractScores(scores: readonly EntityScore[]): ContractScore[] {
  return scores
    .map((s) => ({ subject_kind: s.subject_kind, subject_id: s.subject_id, score: Math.max(s.score, s.network_score), direct_score: s.score, network_score: s.network_score }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || b.direct_score - a.direct_score || a.subject_id.localeCompare(b.subject_id));
}

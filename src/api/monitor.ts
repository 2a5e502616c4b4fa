import { changesBetween, ChangesError, identityOf, type ChangeHit as CoreHit, type ChangesReport } from '../monitor/changes';
import { entityFactHistory } from '../monitor/history';
import { addWatch, listWatch, removeWatch, WatchError, type WatchEntry as CoreWatch } from '../monitor/watch';
import { runRows, type RunRow } from '../store/analysis';
import { hitStatusRows } from '../store/casework';
import type { Db } from '../store/db';
import { datasetInfos } from '../store/known';
import { casesOfHits } from '../store/monitor';
import type { ChangeHit, ParsedReq, Res, RunInfo, SubjectKind, WatchEntry } from './contract';
import { InsynError } from '../model/errors';
import type { Labels } from './labels';
import { signalTitle } from './overview';

/**
 * The workbench side of monitoring across imports (issue 11): runs, changes between runs with
 * triage status and case membership, the watch list and a fact's known-time history.
 */

export function runInfo(r: RunRow): RunInfo {
  return { runId: r.id, asOf: r.as_of, startedAt: r.started_at, hitCount: r.hit_count, datasetMax: r.dataset_max ?? 0, asKnown: r.as_known ?? null };
}

export function runsList(db: Db): Res<'runsList'> {
  return { items: runRows(db).map(runInfo) };
}

const SUBJECT_KINDS = new Set(['company', 'person', 'licence', 'foster_home', 'address']);
const subjectKind = (k: string): SubjectKind => (SUBJECT_KINDS.has(k) ? (k as SubjectKind) : 'company');
const severity = (n: number): 1 | 2 | 3 | 4 | 5 => Math.min(5, Math.max(1, Math.round(n))) as 1 | 2 | 3 | 4 | 5;

export function changesGet(db: Db, labels: Labels, req: ParsedReq<'changesGet'>): Res<'changesGet'> {
  let r: ChangesReport;
  try {
    r = changesBetween(db, { since: req.since, to: req.to });
  } catch (err) {
    if (err instanceof ChangesError) throw new InsynError('not_found', err.message.split(' / ')[0]!);
    throw err;
  }
  const keys = [...Object.values(r.hit_keys), ...Object.values(r.hit_keys_before)].flat();
  const status = new Map(hitStatusRows(db, keys).map((s) => [s.hit_key, s.status]));
  const cases = new Map<string, { id: number; name: string }[]>();
  for (const c of casesOfHits(db, keys)) cases.set(c.hit_key, [...(cases.get(c.hit_key) ?? []), { id: c.id, name: c.name }]);
  const view = (h: CoreHit): ChangeHit => {
    const identity = identityOf(h);
    const hitKeys = r.hit_keys[identity] ?? [];
    // A changed hit whose related ids changed has a new hit key: its casework is under the old one.
    const allKeys = [...hitKeys, ...(r.hit_keys_before[identity] ?? [])];
    const kind = subjectKind(h.subject_kind);
    const statuses = allKeys.map((k) => status.get(k)).filter((s): s is string => !!s);
    const seen = new Set<number>();
    return {
      identity,
      hitKeys,
      signal: h.signal,
      signalTitle: signalTitle(h.signal),
      subjectKind: kind,
      subjectId: h.subject_id,
      subjectLabel: labels.label(h.subject_id, kind),
      relatedIds: h.related_ids,
      relatedLabels: h.related_ids.map((id) => labels.label(id)),
      severity: severity(h.severity),
      evidence: h.evidence,
      status: (statuses[0] ?? null) as ChangeHit['status'],
      cases: allKeys.flatMap((k) => cases.get(k) ?? []).filter((c) => !seen.has(c.id) && (seen.add(c.id), true)),
    };
  };
  const datasets = datasetInfos(db);
  const ref = (id: number) => ({ id, name: datasets.get(id)?.name ?? `#${id}`, importedAt: datasets.get(id)?.imported_at ?? '' });
  const run = (x: ChangesReport['from']): RunInfo => ({ runId: x.run, asOf: x.as_of, startedAt: x.started_at, hitCount: 0, datasetMax: x.dataset_max, asKnown: x.as_known });
  const counts = new Map(runRows(db).map((x) => [x.id, x.hit_count]));
  return {
    fromRun: { ...run(r.from), hitCount: counts.get(r.from_run) ?? 0 },
    toRun: { ...run(r.to), hitCount: counts.get(r.to_run) ?? 0 },
    paramsDiffer: r.params_differ,
    differences: r.differences.map((d) => ({ what: d.what, signal: d.what === 'params' ? d.signal : null, param: d.what === 'params' ? d.param : null, from: d.from, to: d.to })),
    sinceDataset: r.since_dataset,
    new: r.new.map(view),
    changed: r.changed.map((c) => ({
      ...view(c.hit),
      evidenceAdded: c.evidence_added,
      evidenceRemoved: c.evidence_removed,
      severityBefore: c.severity_before === null ? null : severity(c.severity_before),
      relatedIdsBefore: c.related_ids_before,
    })),
    gone: r.gone.map(view),
    watched: r.watched.map((w) => ({
      id: w.id,
      kind: w.kind,
      label: w.kind === 'unknown' ? w.id : labels.label(w.id, w.kind),
      step: w.step,
      watchedId: w.watched_id,
      note: w.note ?? null,
      inStore: w.in_store ?? null,
      changes: w.changes.map((c) => ({ table: c.table, field: c.field, before: c.before, after: c.after, source: c.source, beforeSource: c.before_source, change: c.change, dataset: ref(c.dataset), key: c.key })),
    })),
  };
}

function watchEntry(labels: Labels, w: CoreWatch): WatchEntry {
  return { id: w.id, kind: w.kind, label: w.kind === 'unknown' || !w.in_store ? w.id : labels.label(w.id, w.kind), note: w.note, addedAt: w.added_at, addedBy: w.added_by, inStore: w.in_store };
}

export function watchList(db: Db, labels: Labels): Res<'watchList'> {
  return { items: listWatch(db).map((w) => watchEntry(labels, w)) };
}

export function watchAdd(db: Db, labels: Labels, req: ParsedReq<'watchAdd'>, actor: string): Res<'watchAdd'> {
  try {
    const r = addWatch(db, req.id, req.note, actor);
    return { entry: watchEntry(labels, r.entry), warning: r.warning ? r.warning.split(' / ')[0]! : null, updated: r.updated };
  } catch (err) {
    if (err instanceof WatchError) throw new InsynError('invalid_input', err.message.split(' / ')[0]!);
    throw err;
  }
}

export function watchRemove(db: Db, req: ParsedReq<'watchRemove'>, actor: string): Res<'watchRemove'> {
  return { removed: removeWatch(db, req.id, actor) };
}

export function factHistory(db: Db, req: ParsedReq<'factHistory'>): Res<'factHistory'> {
  return { items: entityFactHistory(db, req.id) };
}

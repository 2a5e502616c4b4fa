import { latestRunRow } from '../store/analysis';
import type { Db } from '../store/db';
import { hitTableRows } from '../store/workbench';
import type { Evidence, HitRow, HitStatus, ParsedReq } from './contract';
import { foldText } from '../search/normalise';
import type { Labels } from './labels';

/**
 * The alert queue: every hit of the latest run with label, municipality, score and triage
 * status, held in memory so filtering and sorting tens of thousands of hits takes milliseconds.
 * Reloaded when a new run appears; statuses are patched in place after a change.
 */

export interface HitEntry {
  row: HitRow;
  evidence: Evidence[];
  evidenceHash: string;
  /** Folded text the free-text filter searches. */
  haystack: string;
}

const STATUS_ORDER: Record<HitStatus, number> = { ny: 0, under_utredning: 1, bekraftad: 2, avskriven: 3 };

export class HitTable {
  private runId: number | null = null;
  private stale = true;
  private entries: HitEntry[] = [];
  private byKey = new Map<string, HitEntry>();
  /** Entries pre-sorted per sort field and direction (built on first use; sorting 50 k rows with a collator is slow). */
  private sorted = new Map<string, HitEntry[]>();

  constructor(
    private readonly db: Db,
    private readonly labels: Labels,
    private readonly signalTitle: (id: string) => string,
  ) {}

  /** The latest run id (null before any analysis), reloading the table when it changed. */
  current(): { runId: number | null; asOf: string | null } {
    const run = latestRunRow(this.db);
    const runId = run?.id ?? null;
    if (this.stale || runId !== this.runId) this.load(runId);
    return { runId, asOf: run?.as_of ?? null };
  }

  invalidate(): void {
    this.stale = true;
  }

  private load(runId: number | null): void {
    this.runId = runId;
    this.stale = false;
    this.entries = runId === null ? [] : hitTableRows(this.db, runId).map((r) => this.entry(r));
    this.byKey = new Map(this.entries.map((e) => [e.row.hitKey, e]));
    this.sorted.clear();
  }

  private sortedBy(by: ParsedReq<'hitsList'>['sort']['by'], dir: 'asc' | 'desc'): HitEntry[] {
    let list = this.sorted.get(`${by}:${dir}`);
    if (!list) {
      const primary = comparator(by);
      const cmp = dir === 'asc' ? primary : (a: HitRow, b: HitRow) => primary(b, a);
      // Ties: most severe, then highest score, then a stable key, whichever direction is asked for.
      list = [...this.entries].sort((a, b) => cmp(a.row, b.row) || b.row.severity - a.row.severity || (b.row.score ?? 0) - (a.row.score ?? 0) || (a.row.hitKey < b.row.hitKey ? -1 : 1));
      this.sorted.set(`${by}:${dir}`, list);
    }
    return list;
  }

  private entry(r: ReturnType<typeof hitTableRows>[number]): HitEntry {
    const related = safeArray<string>(r.related_ids);
    const evidence = safeArray<Record<string, unknown>>(r.evidence).map((e) => ({
      text: String(e.text ?? ''),
      source: String(e.source ?? ''),
      fact: e.fact && typeof e.fact === 'object' ? (e.fact as { table: string; key: string }) : null,
    }));
    // Names and cities come with the rows (one query); addresses and unknown ids use the lookups.
    const label = r.subject_kind === 'address' ? this.labels.label(r.subject_id, 'address') : (r.subject_label ?? this.labels.label(r.subject_id, r.subject_kind));
    const relatedLabels = related.map((id) => this.labels.label(id));
    const status = (r.status ?? 'ny') as HitStatus;
    const row: HitRow = {
      hitKey: r.hit_key,
      signal: r.signal,
      signalTitle: this.signalTitle(r.signal),
      subjectKind: this.labels.kindOf(r.subject_id, r.subject_kind),
      subjectId: r.subject_id,
      subjectLabel: label,
      relatedIds: related,
      relatedLabels,
      severity: Math.min(5, Math.max(1, r.severity)),
      status,
      changed: r.status_hash !== null && r.status_hash !== r.evidence_hash,
      municipality: r.subject_kind === 'address' || r.subject_label === null ? this.labels.municipality(r.subject_id, r.subject_kind) : r.subject_city,
      score: r.score,
      evidenceCount: evidence.length,
    };
    const haystack = foldText([r.subject_id, label, ...related, ...relatedLabels, r.signal, row.signalTitle, ...evidence.map((e) => e.text)].join('\n'));
    return { row, evidence, evidenceHash: r.evidence_hash, haystack };
  }

  get(hitKey: string): HitEntry | null {
    this.current();
    return this.byKey.get(hitKey) ?? null;
  }

  all(): readonly HitEntry[] {
    this.current();
    return this.entries;
  }

  /** After a status change: the new status, and whether the evidence differs from when it was set. */
  patchStatus(hitKeys: readonly string[], status: HitStatus): void {
    for (const k of hitKeys) {
      const e = this.byKey.get(k);
      if (e) e.row = { ...e.row, status, changed: false };
    }
    this.sorted.delete('status:asc');
    this.sorted.delete('status:desc');
  }

  list(q: ParsedReq<'hitsList'>): { total: number; items: HitRow[] } {
    this.current();
    const text = q.text?.trim() ? foldText(q.text.trim()) : null;
    const muni = q.municipality?.trim() ? foldText(q.municipality.trim()) : null;
    const rows = this.sortedBy(q.sort.by, q.sort.dir).filter((e) => {
      const r = e.row;
      if (q.signal && r.signal !== q.signal) return false;
      if (q.severity !== undefined && r.severity !== q.severity) return false;
      if (q.subjectKind && r.subjectKind !== q.subjectKind) return false;
      if (q.status && r.status !== q.status) return false;
      if (muni && foldText(r.municipality ?? '') !== muni) return false;
      if (text && !e.haystack.includes(text)) return false;
      return true;
    });
    return { total: rows.length, items: rows.slice(q.offset, q.offset + q.limit).map((e) => e.row) };
  }
}

const collator = new Intl.Collator('sv');

function comparator(by: ParsedReq<'hitsList'>['sort']['by']): (a: HitRow, b: HitRow) => number {
  switch (by) {
    case 'severity':
      return (a, b) => a.severity - b.severity;
    case 'score':
      return (a, b) => (a.score ?? -1) - (b.score ?? -1);
    case 'signal':
      return (a, b) => collator.compare(a.signalTitle, b.signalTitle);
    case 'subject':
      return (a, b) => collator.compare(a.subjectLabel, b.subjectLabel);
    case 'status':
      return (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    case 'municipality':
      return (a, b) => collator.compare(a.municipality ?? '', b.municipality ?? '');
  }
}

function safeArray<T>(json: string): T[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

import type { Db } from '../store/db';
import { InsynError } from '../model/errors';
import { HIT_STATUSES, STATUSES_REQUIRING_REASON, type HitStatus } from '../model/enums';
import { hitRowByKey, latestRunRow } from '../store/analysis';
import { hitStatusHistoryRows, hitStatusRows, upsertHitStatus } from '../store/casework';
import { appendAudit, defaultActor } from '../audit/log';

/**
 * Triage of hits. Statuses are keyed by the hit's stable `hit_key` (signal + subject + related ids),
 * not by run, so they survive re-import and re-analysis. The evidence hash at the time of the
 * decision is kept: when the latest run's hash differs, the hit is shown as changed.
 */
export { HIT_STATUSES, STATUSES_REQUIRING_REASON, type HitStatus } from '../model/enums';

export class TriageError extends InsynError {
  constructor(message: string) {
    super('invalid_input', message);
  }
}

export interface HitStatusInfo {
  hitKey: string;
  status: HitStatus;
  reason: string | null;
  actor: string | null;
  updatedAt: string | null;
  /** The evidence changed since the status was set. */
  changed: boolean;
}

export interface StatusChange {
  status: HitStatus;
  reason: string;
  actor: string;
  at: string;
  evidenceHash: string | null;
}

export function isHitStatus(s: string): s is HitStatus {
  return (HIT_STATUSES as readonly string[]).includes(s);
}

/** Current evidence hash of a hit in the latest run, or null when the hit is not in it. */
function currentEvidenceHash(db: Db, hitKey: string, runId: number | null): string | null {
  if (runId == null) return null;
  return hitRowByKey(db, hitKey, runId)?.evidence_hash ?? null;
}

/**
 * Sets one status on many hits (one audit entry for the batch). A reason is mandatory when
 * dismissing or confirming. Returns the number of hits updated.
 */
export function setHitStatus(db: Db, hitKeys: readonly string[], status: HitStatus, reason: string | null | undefined, actor: string = defaultActor()): number {
  if (!isHitStatus(status)) throw new TriageError(`Okänd status: ${String(status)}`);
  const why = (reason ?? '').trim();
  if (STATUSES_REQUIRING_REASON.has(status) && why.length === 0) {
    throw new TriageError('Ett skäl krävs när ett larm avskrivs eller bekräftas');
  }
  const keys = [...new Set(hitKeys.filter((k) => k.trim().length > 0))];
  if (keys.length === 0) throw new TriageError('Välj minst ett larm');
  const at = new Date().toISOString();
  return db.transaction(() => {
    const runId = latestRunRow(db)?.id ?? null;
    const previous = new Map(hitStatusRows(db, keys).map((r) => [r.hit_key, r.status]));
    for (const hitKey of keys) {
      upsertHitStatus(db, { hit_key: hitKey, status, reason: why || null, actor, evidence_hash: currentEvidenceHash(db, hitKey, runId), updated_at: at });
    }
    appendAudit(db, {
      actor,
      action: 'status_change',
      details: { hitKeys: keys, status, reason: why, previous: keys.map((k) => previous.get(k) ?? 'ny') },
      at,
    });
    return keys.length;
  })();
}

/**
 * Statuses for the given hits ('ny' when never triaged). `current` may pass the evidence hashes
 * the caller already has (hit_key → evidence_hash); otherwise the latest run is consulted.
 */
export function getHitStatuses(db: Db, hitKeys: readonly string[], current?: ReadonlyMap<string, string>): Map<string, HitStatusInfo> {
  const runId = current ? null : (latestRunRow(db)?.id ?? null);
  const stored = new Map(hitStatusRows(db, hitKeys).map((r) => [r.hit_key, r]));
  const out = new Map<string, HitStatusInfo>();
  for (const hitKey of hitKeys) {
    const r = stored.get(hitKey);
    if (!r) {
      out.set(hitKey, { hitKey, status: 'ny', reason: null, actor: null, updatedAt: null, changed: false });
      continue;
    }
    const now = current ? (current.get(hitKey) ?? null) : currentEvidenceHash(db, hitKey, runId);
    out.set(hitKey, {
      hitKey,
      status: isHitStatus(r.status) ? r.status : 'ny',
      reason: r.reason,
      actor: r.actor,
      updatedAt: r.updated_at,
      // A hit absent from the latest run has no new evidence to compare; it is not "changed".
      changed: r.evidence_hash != null && now != null && now !== r.evidence_hash,
    });
  }
  return out;
}

/** All status changes of one hit, oldest first. */
export function hitStatusHistory(db: Db, hitKey: string): StatusChange[] {
  return hitStatusHistoryRows(db, hitKey).map((r) => ({
    status: isHitStatus(r.status) ? r.status : 'ny',
    reason: r.reason ?? '',
    actor: r.actor,
    at: r.at,
    evidenceHash: r.evidence_hash,
  }));
}

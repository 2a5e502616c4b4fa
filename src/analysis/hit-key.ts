import { createHash } from 'node:crypto';
import type { Hit } from '../signals/types';

/**
 * A hit's identity across runs: signal | subject_kind | subject_id | sorted related ids.
 * Triage status is keyed by it, so it must not depend on severity or evidence wording.
 */
export function hitKey(h: Pick<Hit, 'signal' | 'subject_kind' | 'subject_id' | 'related_ids'>): string {
  return [h.signal, h.subject_kind, h.subject_id, [...h.related_ids].sort().join(',')].join('|');
}

/** Hash of what the hit says (severity + evidence); a changed hash marks a changed hit. */
export function evidenceHash(h: Pick<Hit, 'severity' | 'evidence'>): string {
  const body = JSON.stringify([h.severity, h.evidence.map((e) => [e.text, e.source])]);
  return createHash('sha256').update(body).digest('hex').slice(0, 16);
}

import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db';
import { importPath } from '../../src/import/importer';
import { runAnalysis } from '../../src/analysis/run';
import { listHits } from '../../src/analysis/queries';
import { getHitStatuses, hitStatusHistory, setHitStatus, TriageError } from '../../src/cases/triage';
import { listAudit, verifyAudit } from '../../src/audit/log';
import { tmpDir, writeDataset } from '../support/fixtures';
import { P1, revokedWorld } from './world';

const AS_OF = '2025-06-01';

async function store() {
  const db = openDb(':memory:');
  await importPath(db, writeDataset(tmpDir(), revokedWorld()));
  runAnalysis(db, { asOf: AS_OF });
  const hit = listHits(db, { signal: 'revoked-network', subjectId: P1 }).items[0];
  if (!hit) throw new Error('fixture: revoked-network did not fire');
  return { db, hit };
}

describe('triage', () => {
  it('defaults to ny and requires a reason to dismiss or confirm', async () => {
    const { db, hit } = await store();
    expect(getHitStatuses(db, [hit.hit_key]).get(hit.hit_key)).toMatchObject({ status: 'ny', changed: false });
    expect(() => setHitStatus(db, [hit.hit_key], 'avskriven', '  ', 'utredare')).toThrow(TriageError);
    expect(() => setHitStatus(db, [hit.hit_key], 'bekraftad', '', 'utredare')).toThrow(/skäl/);
    expect(setHitStatus(db, [hit.hit_key], 'under_utredning', '', 'utredare')).toBe(1);
    expect(setHitStatus(db, [hit.hit_key], 'bekraftad', 'Styrkt av protokoll', 'granskare')).toBe(1);
    const s = getHitStatuses(db, [hit.hit_key]).get(hit.hit_key)!;
    expect(s).toMatchObject({ status: 'bekraftad', reason: 'Styrkt av protokoll', actor: 'granskare', changed: false });
    expect(hitStatusHistory(db, hit.hit_key).map((h) => h.status)).toEqual(['under_utredning', 'bekraftad']);
    const audit = listAudit(db).entries.filter((e) => e.action === 'status_change');
    expect(audit).toHaveLength(2);
    expect(audit[1]!.details).toMatchObject({ status: 'bekraftad', previous: ['under_utredning'] });
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('survives re-import of the same data and re-analysis', async () => {
    const { db, hit } = await store();
    setHitStatus(db, [hit.hit_key], 'avskriven', 'Känd och utredd 2024', 'utredare');
    await importPath(db, writeDataset(tmpDir(), revokedWorld()));
    runAnalysis(db, { asOf: AS_OF });
    const again = listHits(db, { signal: 'revoked-network', subjectId: P1 }).items[0]!;
    expect(again.hit_key).toBe(hit.hit_key);
    expect(getHitStatuses(db, [hit.hit_key]).get(hit.hit_key)).toMatchObject({ status: 'avskriven', changed: false });
  });

  it('marks the hit as changed when a newer extract changes its evidence', async () => {
    const { db, hit } = await store();
    setHitStatus(db, [hit.hit_key], 'avskriven', 'Bedömd som ofarlig', 'utredare');
    // Newer extract: the CEO role ended later, so the evidence text changes.
    await importPath(db, writeDataset(tmpDir(), revokedWorld('2024-12-31')));
    runAnalysis(db, { asOf: AS_OF });
    const again = listHits(db, { signal: 'revoked-network', subjectId: P1 }).items[0]!;
    expect(again.hit_key).toBe(hit.hit_key);
    expect(again.evidence_hash).not.toBe(hit.evidence_hash);
    const s = getHitStatuses(db, [hit.hit_key]).get(hit.hit_key)!;
    expect(s.status).toBe('avskriven');
    expect(s.changed).toBe(true);
    // Re-deciding on the new evidence clears the mark.
    setHitStatus(db, [hit.hit_key], 'avskriven', 'Bedömd igen', 'utredare');
    expect(getHitStatuses(db, [hit.hit_key]).get(hit.hit_key)!.changed).toBe(false);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analysis/run';
import { listAudit } from '../../src/audit/log';
import { decideMatch, MatchError, undoMatch } from '../../src/matching/decisions';
import { findCandidates } from '../../src/matching/candidates';
import { listMatches } from '../../src/matching/queue';
import { openDb, type Db } from '../../src/store/db';
import { seedStore } from '../analysis/store-world';
import { A, B, DAG_FTM, DAG_NO, SWEDE, SWEDE_TWIN, twoRecordsWorld } from './world';

let db: Db;
beforeEach(() => { db = openDb(':memory:'); seedStore(db, twoRecordsWorld); });
afterEach(() => db.close());

const revokedNetwork = () => runAnalysis(db, { asOf: '2026-11-01' }).hits.filter((h) => h.signal === 'revoked-network');

describe('entity resolution: candidates', () => {
  it('proposes the two ext: records of one person with the score explained, never two personnummer', () => {
    const { candidates } = findCandidates(db);
    expect(candidates.map((c) => [c.a.id, c.b.id])).toEqual([[DAG_NO, DAG_FTM]]); // stored order: a < b
    const c = candidates[0]!;
    expect(c.explanation).toBe('namn 1,00 (omvänd ordning), samma födelsedatum');
    expect(c.score).toBeCloseTo(0.9, 5);
    // Two Swedish ids with the same name and birth date are never a candidate.
    expect(candidates.some((x) => x.a.id === SWEDE || x.b.id === SWEDE_TWIN)).toBe(false);
  });

  it('refuses to merge two Swedish ids, and a record with itself', () => {
    expect(() => decideMatch(db, { a: SWEDE, b: SWEDE_TWIN, decision: 'confirmed', note: 'samma?' })).toThrow(MatchError);
    expect(() => decideMatch(db, { a: DAG_NO, b: DAG_NO, decision: 'confirmed', note: 'x' })).toThrow(/sig själv/);
    expect(() => decideMatch(db, { a: DAG_NO, b: 'ext:nobody', decision: 'confirmed', note: 'x' })).toThrow(/Finns inte/);
  });

  it('never joins two Swedish ids through a third record, also not by undoing', () => {
    seedStore(db, { persons: [{ person_id: 'ext:SE-x', name: 'Erik Lindqvist', birth_date: '1975-06-14' }] }, 'ftm');
    decideMatch(db, { a: 'ext:SE-x', b: SWEDE, decision: 'confirmed', note: 'samma' });
    expect(() => decideMatch(db, { a: 'ext:SE-x', b: SWEDE_TWIN, decision: 'confirmed', note: 'samma?' })).toThrow(/två olika svenska id/);
    // Rejecting the second pair is fine; and it is no longer proposed.
    decideMatch(db, { a: 'ext:SE-x', b: SWEDE_TWIN, decision: 'rejected', note: 'tvilling' });
    expect(findCandidates(db).candidates.some((c) => c.b.id === 'ext:SE-x' && c.a.id === SWEDE_TWIN)).toBe(false);
    // Overrule the first confirmation by a rejection, confirm the twin instead: undoing the
    // rejection would bring the first confirmation back and bind both personnummer, so it is refused.
    decideMatch(db, { a: 'ext:SE-x', b: SWEDE, decision: 'rejected', note: 'fel person' });
    undoMatch(db, 'ext:SE-x', SWEDE_TWIN); // the rejection of the twin
    decideMatch(db, { a: 'ext:SE-x', b: SWEDE_TWIN, decision: 'confirmed', note: 'nej, tvillingen' });
    expect(() => undoMatch(db, 'ext:SE-x', SWEDE)).toThrow(/kan inte återställas/);
    expect(listMatches(db, { status: 'rejected' }).items.map((i) => [i.a.id, i.b.id])).toEqual([[SWEDE, 'ext:SE-x']]);
  });

  it('needs a note to confirm or reject', () => {
    expect(() => decideMatch(db, { a: DAG_NO, b: DAG_FTM, decision: 'confirmed', note: ' ' })).toThrow(/anteckning/);
    expect(decideMatch(db, { a: DAG_NO, b: DAG_FTM, decision: 'unsure' }).decision).toBe('unsure');
  });
});

describe('entity resolution: effect of a confirmed match', () => {
  it('joins the two records so revoked-network fires, with evidence naming the match, who and when', () => {
    expect(revokedNetwork()).toHaveLength(0);
    decideMatch(db, { a: DAG_NO, b: DAG_FTM, decision: 'confirmed', note: 'Samma pass i båda källorna', actor: 'anna.k' });
    const hits = revokedNetwork();
    expect(hits).toHaveLength(1);
    // The group's canonical id: no Swedish id in it, so the smallest.
    expect(hits[0]).toMatchObject({ subject_kind: 'person', subject_id: DAG_NO, related_ids: [A, B].sort() });
    const ev = hits[0]!.evidence.find((e) => e.text.includes('bekräftad matchning'));
    expect(ev?.text).toContain('anna.k');
    expect(ev?.text).toContain(DAG_FTM);
    expect(ev?.text).toContain(new Date().toISOString().slice(0, 10));
    expect(ev?.text).toContain('Samma pass i båda källorna');
    expect(ev?.source).toMatch(/^roles\.csv:\d+$/);
  });

  it('scores and clusters know one person: the canonical id, never the other record', () => {
    decideMatch(db, { a: DAG_NO, b: DAG_FTM, decision: 'confirmed', note: 'ok' });
    const r = runAnalysis(db, { asOf: '2026-11-01' });
    const scored = r.scores.map((s) => s.subject_id);
    expect(scored).toContain(DAG_NO);
    expect(scored).not.toContain(DAG_FTM);
    const members = r.clusters.flatMap((c) => c.members.map((m) => m.id));
    expect(members).toEqual(expect.arrayContaining([DAG_NO, A, B]));
    expect(members).not.toContain(DAG_FTM);
  });

  it('is audited and reversible: undo removes the effect and restores the queue', () => {
    decideMatch(db, { a: DAG_NO, b: DAG_FTM, decision: 'confirmed', note: 'ok', actor: 'anna.k' });
    expect(listMatches(db).items).toHaveLength(0);
    expect(listMatches(db, { status: 'confirmed' }).items.map((i) => i.decision?.actor)).toEqual(['anna.k']);
    const { undone, restored } = undoMatch(db, DAG_FTM, DAG_NO, 'anna.k');
    expect(undone.decision).toBe('confirmed');
    expect(restored).toBeNull();
    expect(revokedNetwork()).toHaveLength(0);
    expect(listMatches(db).items.map((i) => i.status)).toEqual(['proposed']);
    const actions = listAudit(db).entries.map((e) => e.action);
    expect(actions.filter((a) => a === 'match_decision')).toHaveLength(1);
    expect(actions.filter((a) => a === 'match_undo')).toHaveLength(1);
  });

  it('a rejected pair is not proposed again for the same data, but is when the data changes', () => {
    decideMatch(db, { a: DAG_NO, b: DAG_FTM, decision: 'rejected', note: 'olika personer enligt passkontroll' });
    expect(listMatches(db).items).toHaveLength(0);
    expect(listMatches(db, { status: 'rejected' }).items).toHaveLength(1);
    // A new extract gives them a shared company: new data, proposed again with the earlier rejection shown.
    seedStore(db, { roles: [{ org_nr: A, holder_id: DAG_FTM, role: 'board_member', from_date: '2020-01-01', to_date: null }] }, 'newer');
    const again = listMatches(db).items;
    expect(again).toHaveLength(1);
    expect(again[0]!.previous?.decision).toBe('rejected');
    expect(again[0]!.explanation).toContain('gemensam styrelse (Alfa Omsorg AB)');
  });
});

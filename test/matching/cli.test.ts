import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';
import { tmpDir, writeDataset, type FixtureTables } from '../support/fixtures';
import { A, B, DAG_FTM, DAG_NO } from './world';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  return { out, err, json: () => JSON.parse(out.join('')) };
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string; json: () => any }> {
  const io = capture();
  const code = await main(args);
  vi.restoreAllMocks();
  process.exitCode = undefined;
  return { code, out: io.out.join(''), err: io.err.join(''), json: io.json };
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

const extract: FixtureTables = {
  companies: [{ org_nr: A, name: 'Alfa Omsorg AB' }, { org_nr: B, name: 'Beta Vård AB' }],
  persons: [
    { person_id: DAG_NO, name: 'Dag Hovland', birth_date: '1978-02-15' },
    { person_id: DAG_FTM, name: 'HOVLAND, Dag', birth_date: '1978-02-15' },
    { person_id: 'ext:ftm-77aa', name: 'Dag Hovland', birth_date: '1951-09-02' },
  ],
  roles: [
    { org_nr: A, holder_id: DAG_NO, role: 'chair', from: '2019-01-01', to: '2023-06-30' },
    { org_nr: B, holder_id: DAG_FTM, role: 'board_member', from: '2020-03-01' },
  ],
  licences: [
    { licence_id: 'LA', org_nr: A, kind: 'hvb_children', status: 'revoked', granted_on: '2017-01-01', status_on: '2023-05-15' },
    { licence_id: 'LB', org_nr: B, kind: 'supported_housing', status: 'banned', granted_on: '2019-01-01', status_on: '2025-09-30' },
  ],
};

describe('insyn matches', () => {
  it('list → confirm → analyze fires on the joined person; the decision survives a newer extract; undo reverses', async () => {
    const dir = tmpDir();
    const db = path.join(dir, 'store.sqlite');
    expect((await run('import', writeDataset(path.join(dir, 'v1'), extract), '--db', db)).code).toBe(0);

    const listed = await run('matches', 'list', '--db', db, '--json');
    expect(listed.code).toBe(0);
    const matches = listed.json().matches;
    // The namesake born 1951 is a different person: not proposed.
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ kind: 'person', a: { id: DAG_NO }, b: { id: DAG_FTM }, status: 'proposed', explanation: 'namn 1,00 (omvänd ordning), samma födelsedatum' });
    expect(matches[0].a.source).toMatch(/^persons\.csv:\d+$/);

    const confirmed = await run('matches', 'confirm', DAG_FTM, DAG_NO, '--note', 'Samma passnummer', '--actor', 'anna.k', '--db', db, '--json');
    expect(confirmed.code).toBe(0);
    expect(confirmed.json()).toMatchObject({ decision: 'confirmed', a: DAG_NO, b: DAG_FTM, actor: 'anna.k', note: 'Samma passnummer' });

    const analysed = await run('analyze', '--db', db, '--as-of', '2026-11-01', '--json');
    const hit = analysed.json().hits.find((h: any) => h.signal === 'revoked-network');
    expect(hit).toMatchObject({ subject_id: DAG_NO, related_ids: [B, A] });
    expect(hit.evidence.some((e: any) => e.text.includes('bekräftad matchning av anna.k'))).toBe(true);

    // A newer extract (the FtM person's name now spelled differently) does not touch the decision.
    const v2 = { ...extract, persons: extract.persons!.map((p) => (p.person_id === DAG_FTM ? { ...p, name: 'Hovland, Dag Ove' } : p)) };
    expect((await run('import', writeDataset(path.join(dir, 'v2'), v2), '--db', db)).code).toBe(0);
    expect((await run('matches', 'list', '--db', db, '--status', 'confirmed', '--json')).json().matches.map((m: any) => m.decision.actor)).toEqual(['anna.k']);
    const again = (await run('analyze', '--db', db, '--as-of', '2026-11-01', '--json')).json();
    expect(again.hits.filter((h: any) => h.signal === 'revoked-network').map((h: any) => h.subject_id)).toEqual([DAG_NO]);

    const undone = await run('matches', 'undo', DAG_NO, DAG_FTM, '--db', db, '--json');
    expect(undone.json()).toMatchObject({ undone: { decision: 'confirmed' }, restored: null });
    const after = (await run('analyze', '--db', db, '--as-of', '2026-11-01', '--json')).json();
    expect(after.hits.filter((h: any) => h.signal === 'revoked-network')).toEqual([]);

    const log = (await run('audit', 'list', '--db', db, '--json')).json().entries.map((e: any) => e.action);
    expect(log).toEqual(expect.arrayContaining(['match_decision', 'match_undo']));
  });

  it('reject hides the pair; refusals and bad input exit 2 with a Swedish reason', async () => {
    const dir = tmpDir();
    const db = path.join(dir, 'store.sqlite');
    await run('import', writeDataset(path.join(dir, 'v1'), extract), '--db', db);
    const rejected = await run('matches', 'reject', DAG_NO, DAG_FTM, '--note', 'olika personer', '--db', db);
    expect(rejected.code).toBe(0);
    expect(rejected.out).toContain('avvisad');
    expect((await run('matches', 'list', '--db', db, '--json')).json().matches).toEqual([]);
    expect((await run('matches', 'list', '--db', db, '--status', 'rejected', '--json')).json().matches).toHaveLength(1);

    const noNote = await run('matches', 'confirm', DAG_NO, DAG_FTM, '--db', db);
    expect(noNote.code).toBe(2);
    expect(noNote.err).toContain('anteckning');
    expect((await run('matches', 'list', '--status', 'nope', '--db', db)).code).toBe(2);
    expect((await run('matches', 'undo', DAG_NO, 'ext:ftm-77aa', '--db', db)).err).toContain('inget beslut');
    expect(fs.existsSync(db)).toBe(true);
  });
});

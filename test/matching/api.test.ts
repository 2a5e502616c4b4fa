import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type ApiClient, unwrap } from '../../src/api/client';
import { createApiHandler } from '../../src/api/handler';
import { createWorkbench } from '../../src/api/service';
import { openDb, type Db } from '../../src/store/db';
import { seedStore } from '../analysis/store-world';
import { DAG_FTM, DAG_NO, twoRecordsWorld } from './world';

let db: Db;
let api: ApiClient;
beforeEach(() => {
  db = openDb(':memory:');
  seedStore(db, twoRecordsWorld);
  const wb = createWorkbench({ db, dbPath: ':memory:', actor: 'testare' });
  const handle = createApiHandler(wb.service, (m, e) => console.error(m, e));
  api = createClient((method, req) => handle(method, req));
});
afterEach(() => db.close());

describe('matches API', () => {
  it('lists the queue with the score parts, decides with a note, undoes', async () => {
    const q = unwrap(await api.matchesList({}));
    expect(q.total).toBe(1);
    expect(q.stats?.records).toBe(2);
    const item = q.items[0]!;
    expect(item).toMatchObject({ status: 'proposed', a: { id: DAG_NO, label: 'Dag Hovland', birthDate: '1978-02-15', swedishId: false }, b: { id: DAG_FTM } });
    expect(item.parts.map((p) => p.code)).toEqual(['name', 'birth_date']);

    const noNote = await api.matchesDecide({ a: DAG_NO, b: DAG_FTM, decision: 'confirmed' });
    expect(noNote.ok).toBe(false);
    if (!noNote.ok) expect(noNote.error.message).toContain('anteckning');

    const d = unwrap(await api.matchesDecide({ a: DAG_NO, b: DAG_FTM, decision: 'unsure', note: 'kolla passet' }));
    expect(d.decision).toMatchObject({ decision: 'unsure', actor: 'testare', note: 'kolla passet' });
    // Unsure pairs stay in the queue, with the decision shown.
    expect(unwrap(await api.matchesList({})).items.map((i) => [i.status, i.decision?.note])).toEqual([['unsure', 'kolla passet']]);

    unwrap(await api.matchesDecide({ a: DAG_FTM, b: DAG_NO, decision: 'confirmed', note: 'samma pass' }));
    expect(unwrap(await api.matchesList({})).total).toBe(0);
    const forEntity = unwrap(await api.matchesList({ status: 'all', entityId: DAG_FTM }));
    expect(forEntity.items.map((i) => i.status)).toEqual(['confirmed']);
    // The network already shows one person.
    const g = unwrap(await api.graphEgo({ id: DAG_FTM, hops: 1 }));
    expect(g.nodes.filter((n) => n.kind === 'person').map((n) => n.id)).toEqual([DAG_NO]);

    const u = unwrap(await api.matchesUndo({ a: DAG_NO, b: DAG_FTM }));
    expect(u.undone.decision).toBe('confirmed');
    expect(u.restored?.decision).toBe('unsure');
    const refused = await api.matchesUndo({ a: DAG_NO, b: 'ext:other' });
    expect(refused.ok ? null : refused.error.code).toBe('invalid_request');
  });
});

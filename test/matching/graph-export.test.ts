import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { egoNetwork } from '../../src/graph/ego';
import { shortestPath } from '../../src/graph/path';
import { decideMatch } from '../../src/matching/decisions';
import { resolveScope } from '../../src/export/scope';
import { ftmEntities } from '../../src/export/ftm';
import { writeGexf } from '../../src/export/gexf';
import { writeGraphml } from '../../src/export/graphml';
import { pseudonymiseForExport } from '../../src/export/index';
import { openDb, type Db } from '../../src/store/db';
import { seedStore } from '../analysis/store-world';
import { A, B, DAG_FTM, DAG_NO, twoRecordsWorld } from './world';

let db: Db;
beforeEach(() => {
  db = openDb(':memory:');
  seedStore(db, { ...twoRecordsWorld, sanctions: [{ subject_id: DAG_FTM, kind: 'trading_ban', from_date: '2024-01-01', to_date: '2030-01-01' }] });
});
afterEach(() => db.close());

const confirm = () => decideMatch(db, { a: DAG_FTM, b: DAG_NO, decision: 'confirmed', note: 'samma pass', actor: 'anna.k' });

describe('confirmed matches in the graph', () => {
  it('before: two person nodes, no path between the two companies through one person', () => {
    const g = egoNetwork(db, DAG_NO, { hops: 2 });
    expect(g.nodes.map((n) => n.id).sort()).toEqual([A, DAG_NO, 'lic:LA'].sort());
    expect(shortestPath(db, A, B)).toBeNull();
  });

  it('after: one node for both records, reached from either id, linking both companies', () => {
    confirm();
    for (const start of [DAG_NO, DAG_FTM]) {
      const g = egoNetwork(db, start, { hops: 1 });
      expect(g.nodes.filter((n) => n.kind === 'person').map((n) => n.id)).toEqual([DAG_NO]);
      expect(g.nodes.map((n) => n.id).sort()).toEqual([A, B, DAG_NO].sort());
      const person = g.nodes.find((n) => n.id === DAG_NO)!;
      expect(person.attributes.source_ids).toBe(`${DAG_NO}|${DAG_FTM}`);
      expect(person.attributes.match).toContain('anna.k');
      // Each role edge keeps its own provenance.
      expect(g.edges.map((e) => e.attributes.source_ref).sort()).toEqual(['roles.csv:2', 'roles.csv:3']);
    }
    const path = shortestPath(db, A, B)!;
    expect(path.nodes.map((n) => n.id)).toEqual([A, DAG_NO, B]);
  });

  it('exports one node carrying both source ids (GEXF, GraphML) and one FtM person with the sanction of either record', () => {
    confirm();
    const bundle = resolveScope(db, { subject: DAG_FTM, hops: 1 });
    const gexf = writeGexf(bundle);
    expect(gexf.match(/<node /g)).toHaveLength(3);
    expect(gexf).toContain(`${DAG_NO}|${DAG_FTM}`);
    expect(writeGraphml(bundle)).toContain(`${DAG_NO}|${DAG_FTM}`);
    const ftm = ftmEntities(bundle);
    const persons = ftm.filter((e) => e.schema === 'Person');
    expect(persons).toHaveLength(1);
    expect(persons[0]!.properties.alias).toEqual(['HOVLAND, Dag']);
    expect(persons[0]!.properties.notes?.[0]).toContain(DAG_FTM);
    const directors = ftm.filter((e) => e.schema === 'Directorship').map((e) => e.properties.director?.[0]);
    expect(directors).toEqual([persons[0]!.id, persons[0]!.id]);
    const sanction = ftm.find((e) => e.schema === 'Sanction');
    expect(sanction?.properties.entity).toEqual([persons[0]!.id]);
  });

  it('a pseudonymised export leaks neither record\'s name nor id', () => {
    confirm();
    const bundle = pseudonymiseForExport(db, resolveScope(db, { subject: DAG_NO, hops: 1 }));
    const text = writeGexf(bundle) + JSON.stringify(ftmEntities(bundle));
    for (const secret of [DAG_NO, DAG_FTM, 'Hovland', 'HOVLAND']) expect(text).not.toContain(secret);
  });
});

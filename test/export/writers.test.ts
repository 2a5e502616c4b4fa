import Graph from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { Model, defaultModel } from '@alephdata/followthemoney';
import { flattenEdges, flattenNodes } from '../../src/export/attributes';
import { writeGexf } from '../../src/export/gexf';
import { fromGraphmlId, graphmlId, writeGraphml } from '../../src/export/graphml';
import { csvCell, writeCsv } from '../../src/export/csv';
import { ftmEntities, writeFtm } from '../../src/export/ftm';
import { writeHtmlReport } from '../../src/export/report';
import { EVIL, PNR_A, sampleBundle } from './bundle';

function expectSameGraph(g: Graph, bundle = sampleBundle()): void {
  const nodes = flattenNodes(bundle.graph.nodes);
  const edges = flattenEdges(bundle.graph.edges);
  expect(g.order).toBe(bundle.graph.nodes.length);
  expect(g.size).toBe(bundle.graph.edges.length);
  for (const n of bundle.graph.nodes) {
    expect(g.hasNode(n.id)).toBe(true);
    expect(g.getNodeAttributes(n.id)).toMatchObject(nodes.values.get(n.id)!);
  }
  for (const e of bundle.graph.edges) {
    expect(g.hasEdge(e.id)).toBe(true);
    expect(g.source(e.id)).toBe(e.source);
    expect(g.target(e.id)).toBe(e.target);
    expect(g.getEdgeAttributes(e.id)).toMatchObject(edges.values.get(e.id)!);
  }
}

describe('GEXF', () => {
  it('round-trips nodes, edges and attributes through graphology-gexf', () => {
    const xml = writeGexf(sampleBundle());
    const g = gexf.parse(Graph, xml, { allowUndeclaredAttributes: true } as never);
    expectSameGraph(g);
    expect(g.getNodeAttribute('5592142102', 'label')).toBe(EVIL);
    expect(g.getNodeAttribute('5598047925', 'capacity')).toBe(8);
    expect(g.getNodeAttribute('5592142102', 'capacity')).toBe(2.5);
  });

  it('is GEXF 1.3 in dynamic mode with edge periods as start/end', () => {
    const xml = writeGexf(sampleBundle());
    expect(xml).toContain('version="1.3"');
    expect(xml).toMatch(/<graph mode="dynamic" timeformat="date" /);
    expect(xml).toMatch(/<edge id="role:5598047925:\d{12}:board_member" start="2019-01-01" end="2023-06-30"/);
    expect(xml).toMatch(/<edge id="role:5592142102:\d{12}:ceo" start="2020-03-01" source=/);
    // Parallel edges stay apart in Gephi: the GEXF edge kind carries role and start.
    expect(xml).toMatch(/kind="role:board_member@2019-01-01"/);
    expect(xml).not.toContain('<script>');
  });
});

/** A GraphML graph re-keyed by the original ids the writer keeps in `insyn_id`. */
function byInsynId(g: Graph): Graph {
  const out = new Graph({ multi: true, type: 'directed' });
  g.forEachNode((n, a) => {
    const { insyn_id: id, ...rest } = a;
    expect(fromGraphmlId(n)).toBe(id);
    out.addNode(id as string, rest);
  });
  g.forEachEdge((e, a, s, t) => {
    const { insyn_id: id, ...rest } = a;
    expect(fromGraphmlId(e)).toBe(id);
    out.addEdgeWithKey(id as string, fromGraphmlId(s), fromGraphmlId(t), rest);
  });
  return out;
}

// XML Schema NMTOKEN: one or more NameChar (letters, digits, . - _ : and the Unicode ranges of XML 1.0).
const NMTOKEN = /^[A-Za-z0-9._:\-\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD]+$/u;

describe('GraphML', () => {
  it('round-trips nodes, edges and attributes through graphology-graphml', () => {
    const xml = writeGraphml(sampleBundle());
    const g = byInsynId(graphml.parse(Graph, xml));
    expectSameGraph(g);
    expect(g.getNodeAttribute('5592142102', 'label')).toBe(EVIL);
    expect(g.getEdgeAttribute(g.edges().find((e) => g.getEdgeAttribute(e, 'role') === 'owner')!, 'share_pct')).toBe(60);
    expect(xml).not.toContain('<script>');
  });

  it('keeps control characters from breaking the XML', () => {
    const b = sampleBundle();
    b.graph.nodes[0]!.label = 'Bad\u0001Name\nrad två';
    const g = graphml.parse(Graph, writeGraphml(b));
    expect(g.getNodeAttribute('5598047925', 'label')).toBe('Bad\uFFFDName\nrad två');
  });

  it('writes every node, edge, source and target id as an NMTOKEN, one to one with the original id', () => {
    const b = sampleBundle();
    b.graph.nodes.push({ id: 'addr:POLSTJÄRNEGATAN 25|21413', kind: 'address', label: 'Polstjärnegatan 25', attributes: {} });
    b.graph.edges.push({ id: 'residence:["197506141634","POLSTJÄRNEGATAN 25|21413","2019-01-01"]', source: b.graph.nodes[2]!.id, target: 'addr:POLSTJÄRNEGATAN 25|21413', kind: 'residence', from: '2019-01-01', to: null, attributes: {} });
    const xml = writeGraphml(b);
    const ids = [...xml.matchAll(/<(?:node|edge) id="([^"]*)"|(?:source|target)="([^"]*)"/g)].map((m) => (m[1] ?? m[2])!);
    expect(ids.length).toBeGreaterThan(b.graph.nodes.length);
    for (const id of ids) expect(id, id).toMatch(NMTOKEN);
    expect(xml).toContain('<node id="addr:POLSTJÄRNEGATAN_20_25_7c_21413">');
    for (const raw of ['a_b', '_5f_', 'x y|z', '"[]"', '']) expect(fromGraphmlId(graphmlId(raw))).toBe(raw);
    expectSameGraph(byInsynId(graphml.parse(Graph, xml)), b);
  });
});

describe('CSV', () => {
  it('writes nodes, edges and hits with formula cells neutralised', () => {
    const files = writeCsv(sampleBundle(), 'x-', 'standard');
    expect(files.map((f) => f.name)).toEqual(['x-nodes.csv', 'x-edges.csv', 'x-hits.csv']);
    const nodes = files[0]!.content;
    expect(nodes.startsWith('\uFEFFid,kind,label,')).toBe(true);
    expect(nodes).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(files[2]!.content).toContain("'+46 ringde");
    for (const c of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(c).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('Söder')).toBe('Söder');
  });

  it('for Swedish Excel (the default): semicolons, decimal comma, digit ids as text, formulas still neutralised', () => {
    const files = writeCsv(sampleBundle(), 'x-');
    const nodes = files[0]!.content;
    expect(nodes.startsWith('\uFEFFid;kind;label;')).toBe(true);
    // An org_nr keeps all ten digits and a personnummer does not turn into 1,97506E+11.
    expect(nodes).toContain('"=""5598047925""";company;Solgläntan HVB AB');
    expect(files[1]!.content).toMatch(/"=""\d{12}""";"=""5598047925""";role/);
    expect(nodes).toContain(';2,5;');
    expect(nodes).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('a;b', 'excel')).toBe('"a;b"');
    expect(csvCell('a,b', 'excel')).toBe('a,b');
    expect(csvCell('=1+1', 'excel')).toBe("'=1+1");
    expect(csvCell('0701234567', 'excel')).toBe('"=""0701234567"""');
    expect(csvCell('2024', 'excel')).toBe('2024');
    expect(csvCell(-1.5, 'excel')).toBe('-1,5');
  });
});

describe('FollowTheMoney', () => {
  it('writes entities that validate against the FtM model, with links to existing entities', () => {
    const model = new Model(defaultModel);
    const lines = writeFtm(sampleBundle()).trim().split('\n');
    const ids = new Set<string>();
    const entities = lines.map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> });
    for (const e of entities) {
      expect(ids.has(e.id)).toBe(false);
      ids.add(e.id);
    }
    const bySchema = new Map(entities.map((e) => [e.id, e.schema]));
    const schemas = new Set<string>();
    for (const raw of entities) {
      const entity = model.getEntity(raw);
      const schema = entity.schema;
      schemas.add(schema.name);
      expect(schema.abstract, schema.name).toBeFalsy();
      for (const req of schema.required) expect(raw.properties[req]?.length, `${schema.name}.${req}`).toBeGreaterThan(0);
      for (const [prop, values] of Object.entries(raw.properties)) {
        expect(schema.hasProperty(prop), `${schema.name}.${prop}`).toBe(true);
        const p = schema.getProperty(prop);
        for (const v of values) {
          expect(typeof v).toBe('string');
          if (p.type.name === 'entity') {
            expect(ids.has(v), `${schema.name}.${prop} → ${v}`).toBe(true);
            // The referenced entity must be of the schema the property ranges over.
            if (p.hasRange) expect(model.getSchema(bySchema.get(v)).isA(p.getRange()), `${schema.name}.${prop} range`).toBe(true);
          }
          if (p.type.name === 'date') expect(v).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }
    }
    expect([...schemas].sort()).toEqual(['Address', 'Company', 'ContractAward', 'Directorship', 'Employment', 'Family', 'License', 'Note', 'Ownership', 'Person', 'PublicBody', 'Sanction']);
  });

  it('links a licence to its holder with ContractAward and carries each alert as a Note with its evidence', () => {
    const entities = ftmEntities(sampleBundle());
    const byId = new Map(entities.map((e) => [e.id, e]));
    const award = entities.find((e) => e.schema === 'ContractAward')!;
    expect(byId.get(award.properties.contract![0]!)!.schema).toBe('License');
    expect(byId.get(award.properties.supplier![0]!)!.properties.registrationNumber).toEqual(['5598047925']);
    expect(entities.some((e) => e.schema === 'UnknownLink')).toBe(false);
    const note = entities.find((e) => e.schema === 'Note')!;
    expect(note.properties.summary).toEqual(['Återkommande aktör bakom återkallade verksamheter']);
    expect(byId.get(note.properties.entity![0]!)!.properties.idNumber).toEqual([PNR_A]);
    expect(note.properties.entity).toHaveLength(3);
    expect(note.properties.description![0]).toContain('(källa roles.csv:2)');
    expect(note.properties.keywords).toEqual(['revoked-network', 'allvarlighet 4', 'status: bekräftad']);
  });

  it('gives the same entity the same id in every export', () => {
    const a = ftmEntities(sampleBundle()).map((e) => e.id);
    const b = ftmEntities(sampleBundle()).map((e) => e.id);
    expect(a).toEqual(b);
  });
});

describe('HTML report', () => {
  const html = writeHtmlReport(sampleBundle());

  it('escapes every injected value', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('references no external resource', () => {
    for (const m of html.matchAll(/\b(?:src|href)\s*=\s*["']?([^"'\s>]*)/gi)) {
      expect(m[1]).not.toMatch(/^(https?:)?\/\//i);
    }
    expect(html).not.toMatch(/<(script|link|iframe|object|embed|img)\b/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain('@media print');
  });

  it('holds the case, hits with sources, the network picture, the run parameters and the audit excerpt', () => {
    expect(html).toContain('Ärende &lt;Norr&gt;');
    expect(html).toContain('roles.csv:2');
    expect(html).toContain('<svg viewBox=');
    expect(html).toContain('abcdef0123456789');
    expect(html).toContain('months_before');
    expect(html).toContain('Öppnade profil');
  });
});

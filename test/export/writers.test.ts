import Graph from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { Model, defaultModel } from '@alephdata/followthemoney';
import { flattenEdges, flattenNodes } from '../../src/export/attributes';
import { writeGexf } from '../../src/export/gexf';
import { writeGraphml } from '../../src/export/graphml';
import { csvCell, writeCsv } from '../../src/export/csv';
import { ftmEntities, writeFtm } from '../../src/export/ftm';
import { writeHtmlReport } from '../../src/export/report';
import { EVIL, sampleBundle } from './bundle';

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

describe('GraphML', () => {
  it('round-trips nodes, edges and attributes through graphology-graphml', () => {
    const xml = writeGraphml(sampleBundle());
    const g = graphml.parse(Graph, xml);
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
});

describe('CSV', () => {
  it('writes nodes, edges and hits with formula cells neutralised', () => {
    const files = writeCsv(sampleBundle(), 'x-');
    expect(files.map((f) => f.name)).toEqual(['x-nodes.csv', 'x-edges.csv', 'x-hits.csv']);
    const nodes = files[0]!.content;
    expect(nodes.startsWith('\uFEFFid,kind,label,')).toBe(true);
    expect(nodes).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(files[2]!.content).toContain("'+46 ringde");
    for (const c of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(c).replace(/^"/, '').startsWith("'")).toBe(true);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('Söder')).toBe('Söder');
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
    expect([...schemas].sort()).toEqual(['Address', 'Company', 'Directorship', 'Employment', 'Family', 'License', 'Ownership', 'Person', 'PublicBody', 'Sanction', 'UnknownLink']);
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

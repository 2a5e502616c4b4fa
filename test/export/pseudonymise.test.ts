import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { personnummerIn } from './scan';
import { pseudonymiseBundle, Pseudonymiser, pseudonymKey } from '../../src/export/pseudonymise';
import { renderExport } from '../../src/export/render';
import { openDb } from '../../src/store/db';
import { EXT, PNR_A, PNR_B, sampleBundle } from './bundle';

const FORMATS = ['gexf', 'graphml', 'csv', 'ftm', 'html'] as const;

describe('pseudonymisation', () => {
  it('the scanner finds the personnummer of an ordinary export (so the next test can fail)', () => {
    const all = FORMATS.flatMap((f) => renderExport(sampleBundle(), f, 'x')).map((f) => f.content).join('\n');
    expect(personnummerIn(all)).toContain(PNR_A);
    expect(all).toContain('Erik Lindqvist');
  });

  it('leaves no personnummer, ext id or person name in any file, and one pseudonym per person across files', () => {
    const ps = new Pseudonymiser(randomBytes(32));
    const bundle = pseudonymiseBundle(sampleBundle(), ps);
    const files = FORMATS.flatMap((f) => renderExport(bundle, f, 'x'));
    const idA = ps.personId(PNR_A);
    const nameA = ps.personName(PNR_A);
    for (const f of files) {
      expect(personnummerIn(f.content), f.name).toEqual([]);
      for (const secret of ['Erik Lindqvist', 'Anna Bergström', 'Dag Hovland', EXT, '1975-06-14', '1982-11-02']) expect(f.content, `${f.name}: ${secret}`).not.toContain(secret);
      if (!f.name.endsWith('hits.csv') && !f.name.endsWith('.ftm.json')) expect(f.content, f.name).toContain(idA);
    }
    const html = files.find((f) => f.name.endsWith('.html'))!.content;
    expect(html).toContain(nameA);
    expect(html).toContain('Pseudonymiserad');
    // The 10-digit form in evidence text maps to the same pseudonym as the node id.
    expect(bundle.hits[0]!.evidence[0]!.text).toContain(idA);
    expect(bundle.hits[0]!.subject_id).toBe(idA);
    expect(bundle.hits[0]!.evidence[2]!.text).toBe(`Ordförande är ${ps.personName(EXT)}, ${ps.personId(EXT)}.`);
    // Different persons, different pseudonyms; companies keep their org_nr.
    expect(ps.personId(PNR_B)).not.toBe(idA);
    expect(ps.personId(EXT)).not.toBe(idA);
    expect(bundle.graph.nodes.map((n) => n.id)).toContain('5598047925');
    const gexfNodeIds = [...files[0]!.content.matchAll(/<node id="([^"]+)"/g)].map((m) => m[1]);
    expect(gexfNodeIds.filter((id) => id === idA)).toHaveLength(1);
  });

  it('pseudonymises home addresses (residences, a person’s or foster home’s address) in every format, keeping business addresses', () => {
    const b = sampleBundle();
    const HOME = 'addr:POLSTJÄRNEGATAN 25|21413';
    const FOSTER = 'addr:ÄNGSVÄGEN 3|72460';
    b.graph.nodes.push(
      { id: HOME, kind: 'address', label: 'POLSTJÄRNEGATAN 25, 21413', attributes: { address_key: 'POLSTJÄRNEGATAN 25|21413' } },
      { id: FOSTER, kind: 'address', label: 'ÄNGSVÄGEN 3, 72460', attributes: { address_key: 'ÄNGSVÄGEN 3|72460' } },
      { id: 'home:FH-7', kind: 'foster_home', label: 'Familjehem FH-7', attributes: { home_id: 'FH-7', address: 'Ängsvägen 3, 72460 Västerås' } },
    );
    b.graph.edges.push(
      { id: `residence:["${PNR_A}","POLSTJÄRNEGATAN 25|21413","2019-01-01"]`, source: PNR_A, target: HOME, kind: 'residence', from: '2019-01-01', to: null, attributes: { address: 'Polstjärnegatan 25, 21413 Malmö' } },
      { id: 'address:home:FH-7', source: 'home:FH-7', target: FOSTER, kind: 'address', from: null, to: null, attributes: {} },
    );
    b.hits[0]!.evidence.push({ text: 'Erik Lindqvist är folkbokförd på Polstjärnegatan 25 sedan 2019.', source: 'residences.csv:4' });
    const ps = new Pseudonymiser(randomBytes(32));
    const out = pseudonymiseBundle(b, ps);
    const files = FORMATS.flatMap((f) => renderExport(out, f, 'x'));
    for (const f of files) {
      for (const secret of ['POLSTJÄRNEGATAN', 'Polstjärnegatan', 'ÄNGSVÄGEN', 'Ängsvägen', '21413', '72460']) expect(f.content, `${f.name}: ${secret}`).not.toContain(secret);
    }
    // The home keeps its place in the network under a pseudonym; the business address is left as it is.
    const home = out.graph.nodes.find((n) => n.id === ps.id(HOME))!;
    expect(home).toMatchObject({ kind: 'address', label: ps.homeLabel(HOME), attributes: {} });
    expect(home.id).toMatch(/^addr:ps-[a-z]{12}$/);
    expect(out.graph.edges.find((e) => e.kind === 'residence')).toMatchObject({ source: ps.personId(PNR_A), target: home.id, attributes: {} });
    expect(out.graph.nodes.find((n) => n.kind === 'foster_home')!.attributes).toEqual({ home_id: 'FH-7' });
    expect(out.graph.nodes.find((n) => n.id === 'SKOLGATAN 4|72215')!.label).toBe('Skolgatan 4, 722 15');
    expect(out.hits[0]!.evidence.at(-1)!.text).toBe(`${ps.personName(PNR_A)} är folkbokförd på ${ps.homeLabel(HOME)} sedan 2019.`);
  });

  it('keeps one key per installation, stored in the database and stable', () => {
    const db = openDb(':memory:');
    const k1 = pseudonymKey(db);
    const k2 = pseudonymKey(db);
    expect(k1.equals(k2)).toBe(true);
    expect(k1.length).toBe(32);
    expect(new Pseudonymiser(k1).personId(PNR_A)).toBe(new Pseudonymiser(k2).personId(PNR_A));
    expect(new Pseudonymiser(randomBytes(32)).personId(PNR_A)).not.toBe(new Pseudonymiser(k1).personId(PNR_A));
  });
});

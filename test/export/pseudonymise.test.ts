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

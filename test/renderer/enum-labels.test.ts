import { describe, expect, it } from 'vitest';
import * as enums from '../../src/model/enums';
import { ENUM_LABELS, factTable, labelOf, COMPANY_STATUS_SV, LICENCE_STATUS_SV, LICENCE_KIND_SV, ROLE_SV } from '../../renderer/lib/enumLabels';
import { exportOutcome } from '../../renderer/lib/exportText';

// Every exported value array of enums.ts except the subject kinds (labelled by KIND_SV) needs a label table.
const enumArrays = Object.entries(enums).filter(([name, v]) => Array.isArray(v) && name !== 'SUBJECT_KINDS') as [string, readonly string[]][];

describe('Swedish enum labels', () => {
  it('has a label table for every enum in src/model/enums.ts', () => {
    expect(enumArrays.length).toBeGreaterThanOrEqual(13);
    for (const [name] of enumArrays) expect(ENUM_LABELS, `label table for ${name}`).toHaveProperty(name);
  });

  it.each(enumArrays)('%s: every value has a non-empty label different from the code', (name, values) => {
    const table = (ENUM_LABELS as Record<string, Record<string, string>>)[name]!;
    for (const v of values) {
      expect(table[v], `${name}.${v}`).toBeTruthy();
      expect(table[v]).not.toBe(v);
    }
    // No stale labels for codes the contract does not have.
    expect(Object.keys(table).sort()).toEqual([...values].sort());
  });

  it('uses the agreed wording', () => {
    expect(COMPANY_STATUS_SV['bankruptcy']).toBe('Konkurs');
    expect(LICENCE_STATUS_SV['withdrawn']).toBe('Återkallad ansökan');
    expect(LICENCE_STATUS_SV['temporarily_banned']).toBe('Tillfälligt förbud');
    expect(LICENCE_KIND_SV['hvb_children']).toBe('HVB barn och unga');
    expect(ROLE_SV['beneficial_owner']).toBe('Verklig huvudman');
    expect(ROLE_SV['ceo']).toBe('VD');
  });

  it('keeps unknown codes visible and picks the table by entity kind', () => {
    expect(labelOf(COMPANY_STATUS_SV, 'weird')).toBe('weird');
    expect(labelOf(COMPANY_STATUS_SV, null)).toBe('–');
    expect(factTable('company', 'status')).toBe(COMPANY_STATUS_SV);
    expect(factTable('licence', 'status')).toBe(LICENCE_STATUS_SV);
    expect(factTable('person', 'status')).toBeNull();
    expect(factTable('licence', 'licence_kind')).toBe(LICENCE_KIND_SV);
  });
});

describe('export outcome text', () => {
  it('reports written files and suggests the overwrite box for existing ones', () => {
    expect(exportOutcome({ dir: '/x', files: [{ path: '/x/a.html', bytes: 10 }], existing: [] })).toEqual({ kind: 'ok', text: '1 fil skrevs till /x.' });
    const ex = exportOutcome({ dir: '/x', files: [], existing: ['/x/a.gexf', '/x/b.gexf'] });
    expect(ex.kind).toBe('exists');
    expect(ex.text).toContain('Skriv över befintliga filer');
    expect(ex.text).toContain('2 filer finns');
  });
});

import { describe, expect, it } from 'vitest';
import * as enums from '../../src/model/enums';
import * as L from '../../src/model/labels-sv';

describe('Swedish enum labels (src/model/labels-sv.ts)', () => {
  it('the in-sentence tables cover exactly their enum', () => {
    const pairs: [readonly string[], Readonly<Record<string, string>>][] = [
      [enums.ROLES, L.ROLE_SV], [enums.LICENCE_KINDS, L.LICENCE_KIND_SV], [enums.LICENCE_STATUSES, L.LICENCE_STATUS_SV],
      [enums.FINANCIAL_EVENT_KINDS, L.FINANCIAL_KIND_SV], [enums.SANCTION_KINDS, L.SANCTION_KIND_SV], [enums.OFFENCES, L.OFFENCE_SV],
      [enums.PROFESSIONS, L.PROFESSION_SV],
    ];
    for (const [values, table] of pairs) expect(Object.keys(table).sort()).toEqual([...values].sort());
  });

  it('derives the standalone wording by capitalising, keeping the enum order', () => {
    expect(L.ROLE_DISPLAY_SV.chair).toBe('Styrelseordförande');
    expect(L.ROLE_DISPLAY_SV.ceo).toBe('VD');
    expect(L.PROFESSION_DISPLAY_SV.care_staff).toBe('Vård- och omsorgspersonal');
    expect(Object.keys(L.ROLE_DISPLAY_SV)).toEqual([...enums.ROLES]);
    // Licence kinds keep the UI's own shorter names.
    expect(L.LICENCE_KIND_DISPLAY_SV.hvb_children).toBe('HVB barn och unga');
    expect(L.LICENCE_KIND_SV.hvb_children).toBe('HVB för barn och unga');
  });

  it('labelSv keeps unknown codes visible and names missing ones', () => {
    expect(L.labelSv(L.ROLE_SV, 'chair', 'okänt')).toBe('styrelseordförande');
    expect(L.labelSv(L.ROLE_SV, 'weird', 'okänt')).toBe('weird');
    expect(L.labelSv(L.ROLE_SV, null, 'okänt')).toBe('okänt');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db';
import { loadFacts } from '../../src/analysis/facts';
import { runAnalysis } from '../../src/analysis/run';
import { seedStore } from './store-world';

let db: Db;
beforeEach(() => { db = openDb(':memory:'); });
afterEach(() => db.close());

const HUB = 'STORGATAN 1|11122';
const ORGS = ['5598047925', '5592142102', '5595375667', '5595933515', '5592263486', '5593135956', '5565619912'];

describe('welfare-sector slice', () => {
  it('gives the same hits as loading the whole register, and leaves unrelated companies out', () => {
    seedStore(db, {
      companies: [
        { org_nr: ORGS[0], name: 'Licens AB' },
        { org_nr: ORGS[1], name: 'Utanför sektorn AB' },
        { org_nr: ORGS[6], name: 'Helt orelaterat AB' },
        ...ORGS.slice(1, 6).map((o) => ({ org_nr: o, name: `Hub ${o}`, address: 'Storgatan 1', postal_code: '11122', address_key: HUB })),
      ],
      persons: [{ person_id: '197506141634', name: 'Bannad' }, { person_id: '198211026987', name: 'Orelaterad' }],
      licences: [{ licence_id: 'L1', org_nr: ORGS[0], kind: 'home_care', status: 'granted', granted_on: '2020-01-01' }],
      roles: [
        { org_nr: ORGS[1], holder_id: '197506141634', role: 'board_member', from_date: '2023-01-01' },
        { org_nr: ORGS[6], holder_id: '198211026987', role: 'ceo', from_date: '2023-01-01' },
      ],
      sanctions: [{ subject_id: '197506141634', kind: 'trading_ban', from_date: '2022-01-01' }],
    });
    const sector = loadFacts(db);
    expect(sector.companies.has(ORGS[6]!)).toBe(false);
    expect(sector.persons.has('198211026987')).toBe(false);
    expect(sector.rolesByOrg.get(ORGS[1]!)).toHaveLength(1);
    expect(sector.present.has('roles')).toBe(true);
    const full = runAnalysis(db, { asOf: '2026-11-01', facts: loadFacts(db, { full: true }), persist: false });
    const slice = runAnalysis(db, { asOf: '2026-11-01', persist: false });
    const keys = (r: typeof full) => r.hits.map((h) => `${h.hit_key}#${h.evidence_hash}`).sort();
    expect(keys(slice)).toEqual(keys(full));
    expect(slice.hits.map((h) => h.signal).sort()).toEqual(['address-hub', 'trading-ban-officer']);
  });

  it('follows ownership up the chain, so corporate groups through holding companies outside the sector are the same as in a full load', () => {
    const holders = ['5591000017', '5591000025', '5591000033', '5591000041'];
    const [h1, h2, top] = ['5592000016', '5592000024', '5592000032'];
    const director = '198211026987';
    seedStore(db, {
      companies: [...holders, h1!, h2!, top!].map((o) => ({ org_nr: o, name: `Bolag ${o}` })),
      persons: [{ person_id: director, name: 'Styrelseproffs' }],
      licences: holders.map((o, i) => ({ licence_id: `L${i}`, org_nr: o, kind: 'home_care', status: 'granted', granted_on: '2015-01-01' })),
      roles: [
        ...holders.map((o, i) => ({ org_nr: o, holder_id: director, role: 'board_member', from_date: `2025-0${i + 1}-01` })),
        // Two holders under holding h1, two under h2; both holdings owned by `top`: one group.
        ...holders.map((o, i) => ({ org_nr: o, holder_id: i < 2 ? h1! : h2!, holder_kind: 'company', role: 'owner', share_pct: 100, from_date: '2010-01-01' })),
        { org_nr: h1!, holder_id: top!, holder_kind: 'company', role: 'owner', share_pct: 100, from_date: '2010-01-01' },
        { org_nr: h2!, holder_id: top!, holder_kind: 'company', role: 'owner', share_pct: 100, from_date: '2010-01-01' },
      ],
    });
    const sector = loadFacts(db);
    expect(sector.rolesByOrg.get(h1!)?.map((r) => r.holder_id)).toEqual([top]);
    const full = runAnalysis(db, { asOf: '2026-11-01', facts: loadFacts(db, { full: true }), persist: false });
    const slice = runAnalysis(db, { asOf: '2026-11-01', persist: false });
    expect(slice.hits.filter((h) => h.signal === 'serial-director')).toEqual([]);
    expect(slice.hits.map((h) => h.hit_key).sort()).toEqual(full.hits.map((h) => h.hit_key).sort());
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyse, hitFor, hitsOf, org, pid } from '../review/support';
import { openDb, type Db } from '../../src/store/db';
import { loadFacts } from '../../src/analysis/facts';
import { runAnalysis } from '../../src/analysis/run';
import { isSoleTraderOrgNr } from '../../src/analysis/sole-traders';
import { seedStore } from './store-world';

/** A sole trader (enskild firma): its org_nr is the owner's personnummer, 10 digits. */
const OWNER = pid('19800101', '234');
const EF = OWNER.slice(2);
const efCompany = { org_nr: EF, name: 'Omsorg Karlsson EF', legal_form: 'EF', registered_on: '2015-03-01', status: 'active' };
/** roles.csv is provided, but has no row for the sole trader's owner. */
const unrelatedRole = { org_nr: org(7), holder_id: pid('19700101', '345'), role: 'ceo', from: '2010-01-01' };
const homeCare = { licence_id: 'HT1', org_nr: EF, kind: 'home_care', status: 'granted', granted_on: '2016-01-01' };

describe('sole traders: the company and its owner are linked', () => {
  it('recognises a personnummer-shaped org_nr', () => {
    expect(isSoleTraderOrgNr(EF)).toBe(true);
    expect(isSoleTraderOrgNr('5566778899')).toBe(false);
  });

  it('financial-mismanagement: an EF licence holder with 60 000 kr enforcement debt on its 10-digit number is a hit on the company', async () => {
    const out = await analyse({
      companies: [efCompany], licences: [homeCare],
      financial_events: [{ subject_id: EF, kind: 'enforcement_debt', amount_sek: 60000, occurred_on: '2024-03-01' }],
    }, '2025-01-01');
    expect(out.coverage['financial-mismanagement']).toEqual({ evaluable: true });
    const hits = hitsOf(out, 'financial-mismanagement');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ subject_kind: 'company', subject_id: EF, related_ids: [] });
  });

  it('financial-mismanagement: debts on the 10- and the 12-digit number add up once, on one debtor', async () => {
    const out = await analyse({
      companies: [efCompany], licences: [homeCare],
      financial_events: [
        { subject_id: EF, kind: 'enforcement_debt', amount_sek: 30000, occurred_on: '2024-03-01' },
        { subject_id: OWNER, kind: 'tax_arrears', amount_sek: 25000, occurred_on: '2024-04-01' },
      ],
    }, '2025-01-01');
    const hits = hitsOf(out, 'financial-mismanagement');
    expect(hits.map((h) => h.subject_id)).toEqual([EF]);
    expect(hits[0]!.evidence.map((e) => e.text).join(' ')).toContain('55 000 kr');
  });

  it('conviction-in-control: a conviction on the owner\'s personnummer, with no roles.csv row for the owner, hits via the implicit owner role', async () => {
    const out = await analyse({
      companies: [efCompany], licences: [homeCare], roles: [unrelatedRole],
      sanctions: [{ subject_id: OWNER, kind: 'conviction', from: '2022-05-01', offence: 'fraud' }],
    }, '2025-01-01');
    expect(out.coverage['conviction-in-control']).toEqual({ evaluable: true });
    const h = hitFor(out, 'conviction-in-control', OWNER);
    expect(h).toMatchObject({ subject_kind: 'person', related_ids: [EF] });
    // The owner role's evidence points at the companies.csv row it is derived from.
    expect(h!.evidence.some((e) => e.source === 'companies.csv:2' && /enskild firma/.test(e.text))).toBe(true);
  });

  it('no implicit role before the registration date', async () => {
    const out = await analyse({
      companies: [{ ...efCompany, registered_on: '2025-06-01' }], licences: [{ ...homeCare, granted_on: '2024-01-01' }],
      sanctions: [{ subject_id: OWNER, kind: 'conviction', from: '2022-05-01', offence: 'fraud' }],
    }, '2025-01-01');
    expect(hitsOf(out, 'conviction-in-control')).toEqual([]);
  });
});

describe('sole traders in the welfare-sector slice', () => {
  let db: Db;
  beforeEach(() => { db = openDb(':memory:'); });
  afterEach(() => db.close());

  it('loads the owner\'s financial events and the owner\'s sole trader company for a sanctioned owner', () => {
    const OTHER = pid('19751212', '345');
    seedStore(db, {
      companies: [{ org_nr: EF, name: 'Omsorg Karlsson EF', registered_on: '2015-03-01' }, { org_nr: OTHER.slice(2), name: 'Bygg EF', registered_on: '2018-01-01' }],
      persons: [{ person_id: OWNER, name: 'Karl Karlsson' }],
      licences: [{ licence_id: 'HT1', org_nr: EF, kind: 'home_care', status: 'granted', granted_on: '2016-01-01' }],
      financial_events: [{ subject_id: OWNER, kind: 'enforcement_debt', amount_sek: 60000, occurred_on: '2024-03-01' }],
      sanctions: [{ subject_id: OTHER, kind: 'trading_ban', from_date: '2023-01-01' }],
      // roles.csv provided (without the owners): the implicit owner roles then count.
      roles: [{ org_nr: org(7), holder_id: pid('19700101', '345'), holder_kind: 'person', role: 'ceo', from_date: '2010-01-01' }],
    });
    const sector = loadFacts(db);
    expect(sector.financialEvents.map((e) => e.subject_id)).toEqual([OWNER]);
    expect(sector.companies.has(OTHER.slice(2))).toBe(true);
    expect(sector.persons.has(OWNER)).toBe(true);
    const full = runAnalysis(db, { asOf: '2025-01-01', facts: loadFacts(db, { full: true }), persist: false });
    const slice = runAnalysis(db, { asOf: '2025-01-01', persist: false });
    const keys = (r: typeof full) => r.hits.map((h) => `${h.hit_key}#${h.evidence_hash}`).sort();
    expect(keys(slice)).toEqual(keys(full));
    expect(slice.hits.map((h) => `${h.signal}:${h.subject_id}`).sort()).toEqual([`financial-mismanagement:${EF}`, `trading-ban-officer:${OTHER}`]);
  });
});

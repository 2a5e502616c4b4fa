import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/import/importer';
import { contractJson, runAnalysis } from '../../src/analysis/run';
import { openDb } from '../../src/store/db';
import { analyse, companies, hitFor, org, pid, subjectsOf } from './support';
import { EXAMPLE_REVOKED_NETWORK } from '../support/samples';

const S = 'revoked-network';
const A = org(11), B = org(12), C = org(13), HOLD = org(14);
const P = pid('19750614', '163');
const lic = (id: string, o: string, status: string, status_on: string | null, kind = 'hvb_children') =>
  ({ licence_id: id, org_nr: o, kind, status, granted_on: '2015-01-01', status_on });

describe('revoked-network (independent review)', () => {
  it('the shared example: every must_fire fires, no must_not_fire fires, nothing quarantined', async () => {
    const dir = EXAMPLE_REVOKED_NETWORK;
    const expected = JSON.parse(fs.readFileSync(`${dir}/expected.json`, 'utf8'));
    const db = openDb(':memory:');
    const imp = await importPath(db, dir);
    expect(imp.quarantined).toBe(expected.quarantined);
    const out = contractJson(runAnalysis(db, { asOf: expected.as_of, persist: false }));
    db.close();
    const key = (h: { signal: string; subject_kind: string; subject_id: string }) => `${h.signal}|${h.subject_kind}|${h.subject_id}`;
    const got = new Set(out.hits.map(key));
    for (const m of expected.must_fire) expect(got, m.why).toContain(key(m));
    for (const m of expected.must_not_fire) expect(got, m.why).not.toContain(key(m));
  });

  it('fires on a person with two revoked companies; related_ids are the companies, ids normalised', async () => {
    const out = await analyse({
      companies: companies(A, B),
      // 10-digit personnummer with dash and an org_nr with dash: outputs must be normalised.
      roles: [
        { org_nr: A.slice(0, 6) + '-' + A.slice(6), holder_id: '750614-1634'.replace('1634', P.slice(8)), role: 'board_member', from: '2018-01-01', to: '2022-06-30' },
        { org_nr: B, holder_id: P, role: 'ceo', from: '2019-01-01' },
      ],
      licences: [lic('LA', A, 'revoked', '2023-05-15'), lic('LB', B, 'banned', '2025-01-10', 'home_care')],
    }, '2026-01-01');
    const h = hitFor(out, S, P);
    expect(h?.subject_kind).toBe('person');
    expect(h?.related_ids).toEqual([A, B].sort());
    expect(h!.severity).toBeGreaterThanOrEqual(1);
    expect(h!.severity).toBeLessThanOrEqual(5);
    expect(h!.evidence.length).toBeGreaterThan(0);
    for (const e of h!.evidence) expect(e.source).toMatch(/^(roles|licences)\.csv:\d+$/);
  });

  it('24-month window: role ended 23 months before the revocation counts, 25 months does not', async () => {
    const base = {
      companies: companies(A, B),
      licences: [lic('LA', A, 'revoked', '2024-06-15'), lic('LB', B, 'revoked', '2024-06-15')],
    };
    const near = await analyse({ ...base, roles: [
      { org_nr: A, holder_id: P, role: 'chair', from: '2015-01-01', to: '2022-07-20' },
      { org_nr: B, holder_id: P, role: 'chair', from: '2015-01-01', to: '2024-01-01' },
    ] }, '2026-01-01');
    expect(subjectsOf(near, S)).toEqual([P]);
    const far = await analyse({ ...base, roles: [
      { org_nr: A, holder_id: P, role: 'chair', from: '2015-01-01', to: '2022-05-10' },
      { org_nr: B, holder_id: P, role: 'chair', from: '2015-01-01', to: '2024-01-01' },
    ] }, '2026-01-01');
    expect(subjectsOf(far, S)).toEqual([]);
  });

  it('as of: a revocation dated after the as-of date does not exist yet', async () => {
    const tables = {
      companies: companies(A, B),
      roles: [{ org_nr: A, holder_id: P, role: 'ceo', from: '2018-01-01' }, { org_nr: B, holder_id: P, role: 'ceo', from: '2018-01-01' }],
      licences: [lic('LA', A, 'revoked', '2022-03-01'), lic('LB', B, 'temporarily_banned', '2025-09-01')],
    };
    expect(subjectsOf(await analyse(tables, '2025-08-31'), S)).toEqual([]);
    expect(subjectsOf(await analyse(tables, '2025-09-01'), S)).toEqual([P]);
  });

  it('as of: a role that begins after the as-of date does not exist yet', async () => {
    const tables = {
      companies: companies(A, B),
      roles: [{ org_nr: A, holder_id: P, role: 'ceo', from: '2018-01-01' }, { org_nr: B, holder_id: P, role: 'ceo', from: '2023-06-01' }],
      licences: [lic('LA', A, 'revoked', '2022-03-01'), lic('LB', B, 'revoked', '2024-01-01')],
    };
    expect(subjectsOf(await analyse(tables, '2024-06-01'), S)).toEqual([P]);
  });

  it('controlling-role rule: owner with unknown share and exactly 25 % count; 24 %, auditor, liquidator do not', async () => {
    const X = pid('19800101', '234'), Y = pid('19810202', '345'), Z = pid('19820303', '456');
    const out = await analyse({
      companies: companies(A, B, HOLD),
      roles: [
        { org_nr: A, holder_id: HOLD, role: 'owner', share_pct: '', from: '2016-01-01' },
        { org_nr: B, holder_id: HOLD, role: 'owner', share_pct: '25', from: '2016-01-01' },
        { org_nr: A, holder_id: X, role: 'owner', share_pct: '24', from: '2016-01-01' },
        { org_nr: B, holder_id: X, role: 'owner', share_pct: '24,9', from: '2016-01-01' },
        { org_nr: A, holder_id: Y, role: 'auditor', from: '2016-01-01' },
        { org_nr: B, holder_id: Y, role: 'auditor', from: '2016-01-01' },
        { org_nr: A, holder_id: Z, role: 'liquidator', from: '2021-01-01' },
        { org_nr: B, holder_id: Z, role: 'liquidator', from: '2021-01-01' },
      ],
      licences: [lic('LA', A, 'revoked', '2022-03-01'), lic('LB', B, 'revoked', '2023-03-01')],
    }, '2026-01-01');
    expect(subjectsOf(out, S)).toEqual([HOLD]);
    expect(hitFor(out, S, HOLD)?.subject_kind).toBe('company');
  });

  it('every other listed role is controlling (deputy board member, deputy CEO, signatory, partner, beneficial owner, föreståndare)', async () => {
    const roles = ['deputy_board_member', 'deputy_ceo', 'signatory', 'partner', 'beneficial_owner', 'operations_manager'];
    const people = roles.map((_, i) => pid(`1970010${i + 1}`, '111'));
    const out = await analyse({
      companies: companies(A, B),
      roles: roles.flatMap((role, i) => [
        { org_nr: A, holder_id: people[i], role, from: '2019-01-01' },
        { org_nr: B, holder_id: people[i], role, from: '2019-01-01' },
      ]),
      licences: [lic('LA', A, 'revoked', '2022-03-01'), lic('LB', B, 'revoked', '2023-03-01')],
    }, '2026-01-01');
    expect(subjectsOf(out, S)).toEqual([...people].sort());
  });

  it('expired / withdrawn / rejected are not revocations; two revoked licences of one company are one company', async () => {
    const out = await analyse({
      companies: companies(A, B, C),
      roles: [A, B, C].map((o) => ({ org_nr: o, holder_id: P, role: 'board_member', from: '2016-01-01' })),
      licences: [
        lic('LA1', A, 'revoked', '2022-03-01'), lic('LA2', A, 'banned', '2023-03-01', 'supported_housing'),
        lic('LB', B, 'expired', '2023-01-01'), lic('LC', C, 'withdrawn', '2023-01-01'),
      ],
    }, '2026-01-01');
    expect(subjectsOf(out, S)).toEqual([]);
  });

  it('an ext: officer keeps its id as given; open-ended roles count', async () => {
    const EXT = 'ext:DK-010170-1234';
    const out = await analyse({
      companies: companies(A, B),
      roles: [{ org_nr: A, holder_id: EXT, role: 'chair' }, { org_nr: B, holder_id: EXT, role: 'board_member', from: '2020-01-01' }],
      licences: [lic('LA', A, 'revoked', '2022-03-01'), lic('LB', B, 'revoked', '2023-03-01')],
    }, '2026-01-01');
    expect(hitFor(out, S, EXT)?.subject_kind).toBe('person');
  });

  it('three revoked companies: one hit for the person, three related companies', async () => {
    const out = await analyse({
      companies: companies(A, B, C),
      roles: [A, B, C].map((o) => ({ org_nr: o, holder_id: P, role: 'ceo', from: '2016-01-01' })),
      licences: [lic('LA', A, 'revoked', '2021-03-01'), lic('LB', B, 'revoked', '2022-03-01'), lic('LC', C, 'banned', '2023-03-01')],
    }, '2026-01-01');
    const hits = out.hits.filter((h) => h.signal === S);
    expect(hits).toHaveLength(1);
    expect(hits[0]!.related_ids).toEqual([A, B, C].sort());
  });
  it('samordningsnummer and 100+ (+) personnummer holders are one person each, output as 12 digits', async () => {
    const SAM = pid('19750674', '163');
    const OLD = pid('19120101', '234');
    const out = await analyse({
      companies: companies(A, B),
      licences: [lic('LA', A, 'revoked', '2023-01-01'), lic('LB', B, 'revoked', '2024-01-01')],
      roles: [
        { org_nr: A, holder_id: `${SAM.slice(2, 8)}-${SAM.slice(8)}`, role: 'ceo' }, { org_nr: B, holder_id: SAM, role: 'ceo' },
        { org_nr: A, holder_id: `${OLD.slice(2, 8)}+${OLD.slice(8)}`, role: 'chair' }, { org_nr: B, holder_id: OLD, role: 'chair' },
      ],
    }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([SAM, OLD].sort());
  });
});

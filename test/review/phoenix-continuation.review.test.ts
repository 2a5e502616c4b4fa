import { describe, expect, it } from 'vitest';
import { analyse, hitFor, org, pid, subjectsOf } from './support';

const S = 'phoenix-continuation';
const OLD = org(21), NEW = org(22), OTHER = org(23);
const P = pid('19700707', '321');
const co = (o: string, registered_on: string, extra: Record<string, string> = {}) => ({ org_nr: o, name: `Bolag ${o}`, registered_on, status: 'active', ...extra });
const revokedOld = { licence_id: 'OLD-1', org_nr: OLD, kind: 'hvb_children', status: 'revoked', granted_on: '2015-01-01', status_on: '2023-03-01', address: 'Storgatan 12 B', postal_code: '111 22' };

describe('phoenix-continuation (independent review)', () => {
  it('new company registered 5 months after the revocation, same CEO, granted licence of the same kind group → hit on the new company, old company related', async () => {
    const out = await analyse({
      companies: [co(OLD, '2012-01-01'), co(NEW, '2023-08-01')],
      roles: [{ org_nr: OLD, holder_id: P, role: 'ceo', from: '2015-01-01', to: '2023-03-01' }, { org_nr: NEW, holder_id: P, role: 'board_member', from: '2023-08-01' }],
      licences: [revokedOld, { licence_id: 'NEW-1', org_nr: NEW, kind: 'supported_housing', status: 'granted', granted_on: '2024-01-10', status_on: '2024-01-10' }],
    }, '2025-01-01');
    const h = hitFor(out, S, NEW);
    expect(h?.subject_kind).toBe('company');
    expect(h?.related_ids).toEqual([OLD]);
    expect(subjectsOf(out, S)).toEqual([NEW]);
  });

  it('shared unit address (written differently) is a link on its own; a pending application counts as seeking a licence', async () => {
    const out = await analyse({
      companies: [co(OLD, '2012-01-01'), co(NEW, '2024-02-01')],
      roles: [{ org_nr: NEW, holder_id: pid('19800808', '222'), role: 'ceo', from: '2024-02-01' }],
      licences: [revokedOld, { licence_id: 'NEW-1', org_nr: NEW, kind: 'short_stay', status: 'applied', status_on: '2024-03-01', address: 'STORGATAN 12B', postal_code: '11122' }],
    }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([NEW]);
  });

  it('shared phone number is a link', async () => {
    const out = await analyse({
      companies: [co(OLD, '2012-01-01', { phone: '08-123 456 78' }), co(NEW, '2024-02-01', { phone: '0812345678' })],
      roles: [{ org_nr: NEW, holder_id: pid('19800808', '222'), role: 'ceo', from: '2024-02-01' }],
      licences: [revokedOld, { licence_id: 'NEW-1', org_nr: NEW, kind: 'hvb_children', status: 'granted', granted_on: '2024-06-01' }],
    }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([NEW]);
  });

  it('36-month window: registration and application 37 months after the revocation do not fire; 35 months do', async () => {
    const tables = (reg: string) => ({
      companies: [co(OLD, '2012-01-01'), co(NEW, reg)],
      roles: [{ org_nr: OLD, holder_id: P, role: 'chair', from: '2015-01-01' }, { org_nr: NEW, holder_id: P, role: 'chair', from: reg }],
      licences: [revokedOld, { licence_id: 'NEW-1', org_nr: NEW, kind: 'hvb_children', status: 'applied', status_on: reg }],
    });
    expect(subjectsOf(await analyse(tables('2026-04-02'), '2027-01-01'), S)).toEqual([]);
    expect(subjectsOf(await analyse(tables('2026-02-01'), '2027-01-01'), S)).toEqual([NEW]);
  });

  it('company registered before the revocation but applying for a licence after it fires (the application date counts)', async () => {
    const out = await analyse({
      companies: [co(OLD, '2012-01-01'), co(NEW, '2019-01-01')],
      roles: [{ org_nr: OLD, holder_id: P, role: 'ceo', from: '2015-01-01' }, { org_nr: NEW, holder_id: P, role: 'ceo', from: '2019-01-01' }],
      licences: [revokedOld, { licence_id: 'NEW-1', org_nr: NEW, kind: 'hvb_children', status: 'applied', status_on: '2024-05-01' }],
    }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([NEW]);
  });

  it('near misses: different kind group, auditor-only link, rejected application, company and licence from before the revocation', async () => {
    const A2 = pid('19660606', '333');
    const out = await analyse({
      companies: [co(OLD, '2012-01-01'), co(NEW, '2023-06-01'), co(OTHER, '2023-06-01'), co(org(24), '2023-06-01'), co(org(25), '2014-01-01')],
      roles: [
        { org_nr: OLD, holder_id: P, role: 'ceo', from: '2015-01-01' },
        { org_nr: NEW, holder_id: P, role: 'ceo', from: '2023-06-01' },
        { org_nr: OLD, holder_id: A2, role: 'auditor', from: '2015-01-01' },
        { org_nr: OTHER, holder_id: A2, role: 'auditor', from: '2023-06-01' },
        { org_nr: org(24), holder_id: P, role: 'board_member', from: '2023-06-01' },
        { org_nr: org(25), holder_id: P, role: 'board_member', from: '2014-01-01' },
      ],
      licences: [
        revokedOld,
        { licence_id: 'NEW-1', org_nr: NEW, kind: 'home_care', status: 'granted', granted_on: '2023-09-01' },
        { licence_id: 'OTH-1', org_nr: OTHER, kind: 'hvb_children', status: 'granted', granted_on: '2023-09-01' },
        { licence_id: 'R-1', org_nr: org(24), kind: 'hvb_children', status: 'rejected', status_on: '2023-12-01' },
        { licence_id: 'E-1', org_nr: org(25), kind: 'hvb_children', status: 'granted', granted_on: '2016-01-01' },
      ],
    }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([]);
  });

  it('as of: before the revocation nothing fires; a registration after as-of does not exist', async () => {
    const tables = {
      companies: [co(OLD, '2012-01-01'), co(NEW, '2023-08-01')],
      roles: [{ org_nr: OLD, holder_id: P, role: 'ceo', from: '2015-01-01' }, { org_nr: NEW, holder_id: P, role: 'ceo', from: '2023-08-01' }],
      licences: [revokedOld, { licence_id: 'NEW-1', org_nr: NEW, kind: 'hvb_children', status: 'granted', granted_on: '2023-10-01' }],
    };
    expect(subjectsOf(await analyse(tables, '2023-02-28'), S)).toEqual([]);
    expect(subjectsOf(await analyse(tables, '2023-07-31'), S)).toEqual([]);
    expect(subjectsOf(await analyse(tables, '2023-10-01'), S)).toEqual([NEW]);
  });

  it('a holding company shared as owner (share unknown) is a controlling link', async () => {
    const H = org(26);
    const out = await analyse({
      companies: [co(OLD, '2012-01-01'), co(NEW, '2024-01-01'), co(H, '2010-01-01')],
      roles: [{ org_nr: OLD, holder_id: H, role: 'owner', from: '2015-01-01' }, { org_nr: NEW, holder_id: H, role: 'owner', share_pct: '60', from: '2024-01-01' }],
      licences: [revokedOld, { licence_id: 'NEW-1', org_nr: NEW, kind: 'lss_housing_children', status: 'granted', granted_on: '2024-04-01' }],
    }, '2025-01-01');
    expect(subjectsOf(out, S)).toEqual([NEW]);
  });

  it('company registered long before, licence granted within the window (granted_on counts as the start); shared e-mail (case-insensitive) is a link', async () => {
    const out = await analyse({
      companies: [co(OLD, '2012-01-01', { email: 'info@omsorg.se' }), co(NEW, '2014-01-01', { email: ' INFO@Omsorg.se ' })],
      roles: [{ org_nr: NEW, holder_id: pid('19800808', '222'), role: 'ceo', from: '2014-01-01' }],
      licences: [revokedOld, { licence_id: 'NEW-1', org_nr: NEW, kind: 'hvb_children', status: 'granted', granted_on: '2025-12-01' }],
    }, '2026-01-01');
    expect(subjectsOf(out, S)).toEqual([NEW]);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { orgNr, personId, writeDataset, type FixtureRow, type FixtureTables } from '../support/fixtures';

/**
 * A small monthly series for monitoring tests: persons with controlling roles in companies whose
 * licences get revoked (revoked-network), a licence holder with debts (financial-mismanagement).
 * Month 2: Gamma's licence is revoked (Anna gets a hit: Gamma and Delta), Erik's CEO role at Beta
 * ends later (his hit's evidence changes) and Erik joins Gamma's board. Month 3 (full): Anna's
 * Delta role is no longer reported (her hit goes) and Delta gets a debt.
 */
export const ORG = { alfa: orgNr('556200001'), beta: orgNr('556200002'), gamma: orgNr('556200003'), delta: orgNr('556200004') };
export const PERSON = { erik: personId('19750614', '163'), anna: personId('19821102', '698'), nils: personId('19900101', '222') };

const company = (org: string, name: string): FixtureRow => ({ org_nr: org, name, legal_form: 'AB', status: 'active', address: 'Storgatan 1', postal_code: '11122', city: 'Stockholm' });
const role = (org: string, holder: string, r: string, from: string, to = ''): FixtureRow => ({ org_nr: org, holder_id: holder, role: r, from, to });
const licence = (id: string, org: string, status: string, statusOn = ''): FixtureRow => ({ licence_id: id, org_nr: org, kind: 'hvb_children', status, granted_on: '2018-01-01', status_on: statusOn });

export function monthTables(n: 1 | 2 | 3): FixtureTables {
  const companies = [company(ORG.alfa, 'Alfa HVB AB'), company(ORG.beta, 'Beta Omsorg AB'), company(ORG.gamma, 'Gamma Vård AB'), company(ORG.delta, 'Delta Stöd AB')];
  const persons = [{ person_id: PERSON.erik, name: 'Erik Lindqvist' }, { person_id: PERSON.anna, name: 'Anna Berg' }, { person_id: PERSON.nils, name: 'Nils Holm' }];
  const roles = [
    role(ORG.alfa, PERSON.erik, 'board_member', '2019-01-01', '2023-06-30'),
    role(ORG.beta, PERSON.erik, 'ceo', '2020-03-01', n >= 2 ? '2024-08-31' : '2024-05-31'),
    role(ORG.gamma, PERSON.anna, 'chair', '2021-01-01'),
    ...(n >= 3 ? [] : [role(ORG.delta, PERSON.anna, 'board_member', '2021-06-01')]),
    role(ORG.gamma, PERSON.nils, 'board_member', '2022-01-01'),
    ...(n >= 2 ? [role(ORG.gamma, PERSON.erik, 'board_member', '2026-01-10')] : []),
  ];
  const licences = [
    licence('IVO-A', ORG.alfa, 'revoked', '2023-05-15'),
    licence('IVO-B', ORG.beta, 'revoked', '2025-09-30'),
    licence('IVO-G', ORG.gamma, n >= 2 ? 'revoked' : 'granted', n >= 2 ? '2025-11-01' : ''),
    licence('IVO-D', ORG.delta, 'revoked', '2025-03-01'),
  ];
  const financial_events = n >= 3
    ? [{ subject_id: ORG.delta, kind: 'enforcement_debt', amount_sek: 80000, occurred_on: '2025-12-01', source: 'KFM' }]
    : [];
  return { companies, persons, roles, licences, financial_events };
}

/** Writes month n into `root/mN` (financial_events header-only when empty) with a full-extract manifest. */
export function writeMonth(root: string, n: 1 | 2 | 3, opts: { full?: boolean } = {}): string {
  const tables = monthTables(n);
  const dir = writeDataset(path.join(root, `m${n}`), Object.fromEntries(Object.entries(tables).filter(([, rows]) => rows!.length > 0)));
  if (!tables.financial_events!.length) fs.writeFileSync(path.join(dir, 'financial_events.csv'), 'subject_id,kind,amount_sek,occurred_on,resolved_on,source\n');
  if (opts.full ?? true) fs.writeFileSync(path.join(dir, 'insyn-dataset.json'), JSON.stringify({ full: true }));
  return dir;
}

export const AS_OF = '2026-02-01';

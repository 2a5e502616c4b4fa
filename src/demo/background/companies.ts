import { addDays } from '../../model/dates';
import { Rng } from '../prng';
import { COMPANY_TRADES } from '../swedish';
import type { TableWriter } from '../table-writer';
import type { Consultant } from './foster-homes';
import type { Layout } from './layout';
import { writeLicensed } from './licensed';
import { boardRoles, companyName, contact, writeRoles, type RoleRow } from './officers';
import { between } from './persons';

/** Sequential state of the company pass (everything else is a pure function of the index). */
export interface CompanyPass {
  consultants: Consultant[];
  employeeCursor: number;
  exclusiveCursor: number;
  licences: number;
  placement: number;
}

/** Companies with their roles; licensed ones also with licences, inspections, reviews, staff, placements and payments. */
export async function writeCompanies(w: TableWriter, L: Layout, pass: CompanyPass, onRow: (done: number) => void, bad: (i: number) => void): Promise<void> {
  const n = L.p.companies;
  for (let i = 0; i < n; i++) {
    if (L.isLicensed(i)) writeLicensed(w, L, pass, i);
    else writeOrdinary(w, L, i);
    bad(i);
    if ((i & 1023) === 1023) {
      onRow(i + 1);
      await w.drain();
    }
  }
  onRow(n);
}

function writeOrdinary(w: TableWriter, L: Layout, i: number): void {
  const r = Rng.keyed(L.seed, 'company', i);
  const form = L.legalForm(i);
  const org = L.orgNr(i);
  const special = L.isHolding(i) || L.isAuditFirm(i);
  const registered = between(r, form === 'EF' ? '1995-01-01' : '1985-01-01', '2026-09-30');
  const status = special ? 'active' : r.weighted([['active', 86], ['liquidation', 4], ['bankruptcy', 3], ['deregistered', 7]] as const);
  const dereg = (status === 'deregistered' || (status === 'bankruptcy' && r.chance(0.5))) && registered < '2026-01-01' ? between(r, addDays(registered, 200), '2026-09-30') : null;
  let addrIndex = L.addrBase.company + i;
  if (form === 'EF') addrIndex = L.personAddressIndex(L.soleTraderOwner(i));
  else if (Rng.keyed(L.seed, 'addrgroup', i >> 2).chance(0.03)) addrIndex = L.addrBase.company + (i & ~3);
  const addr = L.address(addrIndex);
  const trade = L.isHolding(i) ? 'Holding' : L.isAuditFirm(i) ? 'Revision' : r.pick(COMPANY_TRADES);
  const name = form === 'EF' ? `${L.personName(L.soleTraderOwner(i))} ${trade}` : companyName(r, form, trade);
  const { phone, email } = contact(r, i, addr.city, name);
  w.write('companies', {
    org_nr: org, name, legal_form: form, registered_on: registered, deregistered_on: dereg, status,
    address: addr.street, postal_code: addr.postal, city: addr.city, phone, email, sni: L.isAuditFirm(i) ? '69201' : L.isHolding(i) ? '64202' : String(r.int(10, 96)) + String(r.int(100, 999)),
  });
  const roles: RoleRow[] = [];
  if (form === 'EF') roles.push({ holder: L.personId(L.soleTraderOwner(i)), kind: 'person', role: 'owner', from: registered, to: dereg, share: 100 });
  else boardRoles(r, L, roles, form, registered, dereg, () => L.personId(L.randomOfficer(r)), false);
  if (status === 'liquidation' || status === 'bankruptcy') roles.push({ holder: L.personId(L.randomOfficer(r)), kind: 'person', role: 'liquidator', from: between(r, registered, '2026-09-30'), to: null, share: null });
  writeRoles(w, r, org, roles);
  if (!special && form !== 'EF' && r.chance(0.07)) writeDebts(w, r, org, registered);
}

function writeDebts(w: TableWriter, r: Rng, org: string, registered: string): void {
  const events = r.int(1, 3);
  const seen = new Set<string>();
  for (let k = 0; k < events; k++) {
    const kind = r.weighted([['payment_remark', 25], ['payment_order', 20], ['enforcement_debt', 20], ['tax_arrears', 12], ['late_tax_return', 8], ['unpaid_fee', 6], ['late_annual_report', 6], ['f_tax_revoked', 3]] as const);
    const occurred = between(r, registered > '2010-01-01' ? registered : '2010-01-01', '2026-09-30');
    if (seen.has(kind + occurred)) continue;
    seen.add(kind + occurred);
    w.write('financial_events', {
      subject_id: org, kind, amount_sek: ['late_tax_return', 'late_annual_report', 'f_tax_revoked'].includes(kind) ? null : r.int(1_000, 900_000) + r.int(0, 99) / 100,
      occurred_on: occurred, resolved_on: r.chance(0.35) ? between(r, occurred, '2026-10-15') : null, source: kind.includes('tax') ? 'Skatteverket' : kind === 'late_annual_report' ? 'Bolagsverket' : 'Kronofogden',
    });
  }
}

import { addDays, fromDays, toDays } from '../../model/dates';
import { Rng } from '../prng';
import type { TableWriter } from '../table-writer';
import type { Layout } from './layout';
import { homeAttributes } from './foster-homes';

const OFFENCES = [['violence', 30], ['narcotics', 25], ['fraud', 12], ['tax_crime', 6], ['accounting_crime', 4], ['weapons', 5], ['sexual', 3], ['welfare_fraud', 4], ['organised_crime', 2], ['other', 9]] as const;
const EVENT_KINDS = [['payment_remark', 30], ['payment_order', 20], ['enforcement_debt', 20], ['tax_arrears', 10], ['late_tax_return', 8], ['unpaid_fee', 8], ['f_tax_revoked', 2], ['bankruptcy', 2]] as const;

/** Random date in [from, to]. */
export function between(r: Rng, from: string, to: string): string {
  return fromDays(r.int(toDays(from), toDays(to)));
}

/**
 * Persons with their folkbokföring history, household relations and, for `plain` persons only
 * (no roles, no jobs), sanctions and debts: realistic noise that no signal can pick up.
 */
export async function writePersons(w: TableWriter, L: Layout, onRow: (done: number) => void): Promise<void> {
  const n = L.p.persons;
  for (let j = 0; j < n; j++) {
    const r = Rng.keyed(L.seed, 'person', j);
    const id = L.personId(j);
    const ext = id.startsWith('ext:');
    const birth = L.birthDate(j);
    const addr = L.address(L.personAddressIndex(j));
    const plain = L.isIn('plain', j);
    const deceased = plain && r.chance(0.005) ? between(r, '2020-01-01', '2026-09-30') : null;
    w.write('persons', { person_id: id, name: L.personName(j), birth_date: birth, address: ext ? null : addr.street, postal_code: ext ? null : addr.postal, city: ext ? null : addr.city, deceased_on: deceased });
    if (!ext) writeResidences(w, L, r, j, id, birth, addr);
    writeRelations(w, L, r, j, id);
    if (plain) writePlainRecords(w, r, id, birth);
    if ((j & 1023) === 1023) {
      onRow(j + 1);
      await w.drain();
    }
  }
  onRow(n);
}

function writeResidences(w: TableWriter, L: Layout, r: Rng, j: number, id: string, birth: string, addr: { street: string; postal: string; city: string }): void {
  const adult = addDays(birth, 18 * 366);
  if (L.isIn('foster_parent', j)) {
    // Foster parents live at the home from before it was approved, and stay.
    const approved = homeAttributes(L, Math.floor((j - L.seg.foster_parent.start) / 2)).approved;
    w.write('residences', { person_id: id, address: addr.street, postal_code: addr.postal, city: addr.city, from: addDays(approved, -r.int(400, 3000)) });
    return;
  }
  const movedIn = between(r, adult < '2000-01-01' ? '2000-01-01' : adult, '2025-06-30');
  if (r.chance(0.4)) {
    const prev = L.address(L.addrBase.previous + j);
    const prevFrom = adult < movedIn ? between(r, adult, movedIn) : movedIn;
    if (prevFrom < movedIn) w.write('residences', { person_id: id, address: prev.street, postal_code: prev.postal, city: prev.city, from: prevFrom, to: addDays(movedIn, -1) });
  }
  w.write('residences', { person_id: id, address: addr.street, postal_code: addr.postal, city: addr.city, from: movedIn });
}

function writeRelations(w: TableWriter, L: Layout, r: Rng, j: number, id: string): void {
  if (j % 2 === 0 && j + 1 < L.p.persons && L.isHousehold(j)) {
    const other = L.personId(j + 1);
    w.write('relations', { a_id: id, b_id: other, kind: L.isIn('foster_parent', j) ? 'spouse' : r.weighted([['spouse', 60], ['partner', 30], ['household', 10]] as const), from: between(r, '1995-01-01', '2020-12-31') });
  }
  if (r.chance(0.03) && j + 2 < L.p.persons) w.write('relations', { a_id: id, b_id: L.personId(j + 2), kind: r.pick(['sibling', 'parent', 'associate'] as const) });
}

function writePlainRecords(w: TableWriter, r: Rng, id: string, birth: string): void {
  const adult = addDays(birth, 18 * 366);
  const earliest = adult > '2005-01-01' ? adult : '2005-01-01';
  if (earliest < '2026-06-01' && r.chance(0.025)) {
    const kind = r.weighted([['conviction', 70], ['suspicion', 15], ['trading_ban', 8], ['unsuitable', 4], ['licence_revoked_personal', 3]] as const);
    const from = between(r, earliest, '2026-09-30');
    const to = kind === 'trading_ban' ? addDays(from, r.int(3, 10) * 365) : null;
    w.write('sanctions', { subject_id: id, kind, from, to, offence: kind === 'conviction' || kind === 'suspicion' ? r.weighted(OFFENCES) : null, decision_ref: `B ${r.int(100, 99999)}-${from.slice(2, 4)}` });
  }
  if (earliest < '2026-06-01' && r.chance(0.04)) {
    const events = r.int(1, 4);
    const seen = new Set<string>();
    for (let k = 0; k < events; k++) {
      const kind = r.weighted(EVENT_KINDS);
      const occurred = between(r, earliest, '2026-09-30');
      // (subject, kind, date, amount, source) is the natural key; amounts may be empty.
      if (seen.has(kind + occurred)) continue;
      seen.add(kind + occurred);
      w.write('financial_events', {
        subject_id: id, kind, amount_sek: kind === 'late_tax_return' || kind === 'f_tax_revoked' ? null : r.int(500, 250_000) + r.int(0, 99) / 100,
        occurred_on: occurred, resolved_on: r.chance(0.4) ? between(r, occurred, '2026-10-15') : null, source: kind.includes('tax') ? 'Skatteverket' : 'Kronofogden',
      });
    }
  }
}

import { AS_OF } from '../planted/builder';
import { addDays, toDays } from '../../model/dates';
import { Rng } from '../prng';
import type { TableWriter } from '../table-writer';
import type { Layout } from './layout';
import { between } from './persons';

export interface Consultant {
  org: string;
  granted: string;
}

/** Pure attributes of background foster home h (persons and homes are written by different loops). */
export function homeAttributes(L: Layout, h: number): { id: string; approved: string; capacity: number | null; ended: string | null } {
  const r = Rng.keyed(L.seed, 'home', h);
  const approved = between(r, '2012-01-01', '2024-06-30');
  const capacity = r.weighted([[1, 20], [2, 45], [3, 25], [null, 10]] as const);
  const ended = r.chance(0.1) ? between(r, addDays(approved, 400), '2026-06-30') : null;
  return { id: `FH-${String(10_000 + h)}`, approved, capacity, ended };
}

/**
 * Background foster homes: both parents live at the home throughout, at most as many children
 * at once as approved (never more than three when unknown), no staff, and the paid consultant
 * company is one the parents have no role in (parents hold no roles at all).
 */
export async function writeFosterHomes(w: TableWriter, L: Layout, consultants: readonly Consultant[], counters: { placement: number }): Promise<void> {
  for (let h = 0; h < L.p.fosterHomes; h++) {
    const r = Rng.keyed(L.seed, 'home-placements', h);
    const home = homeAttributes(L, h);
    const addr = L.address(L.addrBase.home + h);
    const parents = [L.personId(L.seg.foster_parent.start + 2 * h), L.personId(L.seg.foster_parent.start + 2 * h + 1)];
    const consultant = consultants.length > 0 && r.chance(0.6) ? r.pick(consultants) : null;
    w.write('foster_homes', {
      home_id: home.id, address: addr.street, postal_code: addr.postal, city: addr.city, municipality: addr.municipality, parent_ids: parents.join('|'),
      approved_capacity: home.capacity, approved_on: home.approved, ended_on: home.ended, consultant_org_nr: consultant?.org ?? null,
    });
    const slots = r.int(1, Math.min(home.capacity ?? 3, 3));
    const paidKeys = new Set<string>();
    let start = home.approved > '2019-01-01' ? home.approved : '2019-01-01';
    if (consultant && consultant.granted >= start) start = addDays(consultant.granted, 30);
    const last = home.ended ?? addDays(AS_OF, -10);
    for (let s = 0; s < slots; s++) {
      let from = addDays(start, r.int(0, 200));
      while (from < last) {
        let to: string | null = addDays(from, r.int(200, 900));
        if (to >= last) to = home.ended ? addDays(home.ended, -1) : r.chance(0.6) ? null : last;
        if (to !== null && to <= from) break;
        const id = `PL-${String(++counters.placement).padStart(7, '0')}`;
        w.write('placements', {
          placement_id: id, from, to, home_id: home.id, child_ref: `barn-${(id.length * 7919 + counters.placement * 104729).toString(36)}`,
          child_birth_year: Number(from.slice(0, 4)) - r.int(2, 15), municipality: addr.municipality, daily_fee_sek: r.int(900, 2200), payee_org_nr: consultant?.org ?? null,
        });
        const paid = to && (addDays(to, 10) < AS_OF ? addDays(to, 10) : to);
        const amount = to ? (toDays(to) - toDays(from)) * 1650 : 0;
        // The payment's natural key includes date and amount: equal placements in two slots are paid once.
        if (consultant && paid && !paidKeys.has(`${paid}|${amount}`)) {
          paidKeys.add(`${paid}|${amount}`);
          w.write('payments', { payer: `${addr.municipality} kommun`, payee_org_nr: consultant.org, paid_on: paid, amount_sek: amount, purpose: 'placement', home_id: home.id });
        }
        if (to === null) break;
        from = addDays(to, r.int(14, 120));
      }
    }
    if ((h & 255) === 255) await w.drain();
  }
}

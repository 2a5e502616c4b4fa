import type { Addr, Planter } from './builder';

const S = 'foster-home-as-hvb';

interface HomeOpts {
  capacity: number | null;
  consultant: string;
  /** Where the parents are folkbokförda; default: at the home from 2012 on. */
  parentsAt?: (home: Addr, parents: string[]) => void;
  parents?: string[];
  approved?: string;
  ended?: string;
}

/** A foster home with two parents; by default both live there (persons row and residence). */
function home(p: Planter, o: HomeOpts): { id: string; addr: Addr; parents: string[] } {
  const addr = p.addr();
  let parents = o.parents;
  if (!parents) {
    if (o.parentsAt) {
      parents = [p.person({ residence: false }), p.person({ residence: false })];
      o.parentsAt(addr, parents);
    } else {
      parents = [p.person({ addr, residence: false }), p.person({ addr, residence: false })];
      for (const pid of parents) p.residence(pid, addr, '2012-03-01');
    }
  }
  const id = p.home({ addr, parents, capacity: o.capacity, approved: o.approved ?? '2018-05-01', ended: o.ended, consultant: o.consultant });
  return { id, addr, parents };
}

/**
 * The four triggers (over approved capacity, staff employed at the home, no parent folkbokförd
 * there during a placement, a parent controls a company paid for the placements) and near misses.
 */
export function plantFosterHomes(p: Planter): void {
  const consultant = p.licensed({ kind: 'consultant_support', registered: '2011-02-01', granted: '2012-01-15' }).org;
  const place = (h: { id: string }, from: string, to: string | null, payee: string | null = consultant) =>
    p.placement({ home: h.id, from, to, birthYear: 2012, payee, fee: 1650 });

  // (a) three children at once, two approved.
  {
    const h = home(p, { capacity: 2, consultant });
    place(h, '2025-03-01', '2025-09-30');
    place(h, '2025-04-01', '2025-12-31');
    place(h, '2025-05-15', null);
    p.fire(S, 'foster_home', h.id, 'three children placed at once from 2025-05-15, approved for 2');
  }
  // (a) capacity unknown: five at once (> 4).
  {
    const h = home(p, { capacity: null, consultant });
    for (let i = 0; i < 5; i++) place(h, `2025-0${i + 1}-10`, null);
    p.fire(S, 'foster_home', h.id, 'approved capacity unknown and five children placed at once (> 4)');
  }
  // (a) near misses: four at once with capacity unknown; sequential placements; exactly at capacity.
  {
    const h = home(p, { capacity: null, consultant });
    for (let i = 0; i < 4; i++) place(h, `2025-0${i + 1}-10`, null);
    p.notFire(S, 'foster_home', h.id, 'capacity unknown and exactly four children at once (not > 4)');
  }
  {
    const h = home(p, { capacity: 2, consultant });
    place(h, '2024-01-01', '2024-06-30');
    place(h, '2024-03-01', '2024-12-31');
    place(h, '2024-08-01', null);
    p.notFire(S, 'foster_home', h.id, 'three placements over time but never more than two at once (approved 2)');
  }
  {
    const h = home(p, { capacity: 3, consultant });
    for (let i = 0; i < 3; i++) place(h, `2025-0${i + 2}-01`, null);
    p.notFire(S, 'foster_home', h.id, 'three children at once, approved for 3');
  }
  // (b) care staff employed with the home as workplace.
  {
    const h = home(p, { capacity: 3, consultant });
    place(h, '2025-01-15', null);
    const agency = p.plain({ registered: '2019-09-01', trade: 'Bemanning' });
    const staff = p.person();
    p.employment({ org: agency, pid: staff, profession: 'care_staff', from: '2025-02-01', check: '2025-01-20', children: true, workplace: h.id });
    p.fire(S, 'foster_home', h.id, 'a behandlingsassistent is employed with the foster home as workplace');
  }
  // (c) no parent folkbokförd at the home: parents registered elsewhere all along.
  {
    const h = home(p, {
      capacity: 2, consultant,
      parentsAt: (_home, parents) => {
        const elsewhere = p.addr();
        for (const pid of parents) p.residence(pid, elsewhere, '2010-01-01');
        rewritePersonAddress(p, parents, elsewhere);
      },
    });
    place(h, '2025-02-01', null);
    p.fire(S, 'foster_home', h.id, 'neither foster parent is folkbokförd at the home address (they live elsewhere)');
  }
  // (c) parents moved out before the placement continued.
  {
    const h = home(p, {
      capacity: 2, consultant,
      parentsAt: (homeAddr, parents) => {
        const moved = p.addr();
        for (const pid of parents) {
          p.residence(pid, homeAddr, '2012-01-01', '2024-12-31');
          p.residence(pid, moved, '2025-01-01');
        }
        rewritePersonAddress(p, parents, moved);
      },
    });
    place(h, '2024-06-01', null);
    p.fire(S, 'foster_home', h.id, 'both parents moved out 2025-01-01 while a child placed 2024-06-01 stays');
  }
  // (c) near misses: one parent lives there; parents moved out after the placement ended; address written differently.
  {
    const h = home(p, {
      capacity: 2, consultant,
      parentsAt: (homeAddr, parents) => {
        p.residence(parents[0]!, homeAddr, '2012-01-01');
        const other = p.addr();
        p.residence(parents[1]!, other, '2012-01-01');
        rewritePersonAddress(p, [parents[0]!], homeAddr);
        rewritePersonAddress(p, [parents[1]!], other);
      },
    });
    place(h, '2025-02-01', null);
    p.notFire(S, 'foster_home', h.id, 'one of the two foster parents is folkbokförd at the home');
  }
  {
    const h = home(p, {
      capacity: 2, consultant, ended: '2025-06-30',
      parentsAt: (homeAddr, parents) => {
        const moved = p.addr();
        for (const pid of parents) {
          p.residence(pid, homeAddr, '2012-01-01', '2025-06-30');
          p.residence(pid, moved, '2025-07-01');
        }
        rewritePersonAddress(p, parents, moved);
      },
    });
    place(h, '2024-01-15', '2025-05-31');
    p.notFire(S, 'foster_home', h.id, 'parents moved out 2025-07-01, after the only placement ended 2025-05-31 (current address differs; history matters)');
  }
  {
    const h = home(p, {
      capacity: 2, consultant,
      parentsAt: (homeAddr, parents) => {
        const written = { ...homeAddr, street: `${homeAddr.street.toUpperCase()}, lgh 1102`, postal: `${homeAddr.postal.slice(0, 3)} ${homeAddr.postal.slice(3)}` };
        for (const pid of parents) p.residence(pid, written, '2012-01-01');
        rewritePersonAddress(p, parents, written);
      },
    });
    place(h, '2025-02-01', null);
    p.notFire(S, 'foster_home', h.id, 'parents folkbokförda at the home, address written with apartment number and spaced postal code');
  }
  // (d) a parent sits on the board of the consultant company paid for the placements.
  {
    const h = home(p, { capacity: 2, consultant });
    const k = p.licensed({ kind: 'consultant_support', registered: '2015-01-01', granted: '2016-01-01' });
    p.role(k.org, h.parents[0]!, 'board_member', '2017-01-01');
    place(h, '2025-01-10', null, k.org);
    p.monthly({ payee: k.org, from: '2025-02-28', months: 6, amount: 49_500, purpose: 'placement', home: h.id });
    p.fire(S, 'foster_home', h.id, "a foster parent is a board member of the consultant company that is paid for the home's placements");
    p.notFire(S, 'foster_home', home(p, { capacity: 2, consultant }).id, 'an ordinary foster home: parents live there, within capacity, no staff');
  }
  // (d) near misses: parent is the paid company's auditor; parent owns 10 %; parent controls an unpaid company.
  for (const [role, share, note] of [['auditor', null, 'a foster parent is only the auditor of the paid consultant company'], ['owner', 10, 'a foster parent owns 10 % of the paid consultant company (not controlling)']] as const) {
    const h = home(p, { capacity: 2, consultant });
    const k = p.licensed({ kind: 'consultant_support', registered: '2015-01-01', granted: '2016-01-01' });
    p.role(k.org, h.parents[0]!, role, '2017-01-01', null, share);
    place(h, '2025-01-10', null, k.org);
    p.monthly({ payee: k.org, from: '2025-02-28', months: 3, amount: 49_500, purpose: 'placement', home: h.id });
    p.notFire(S, 'foster_home', h.id, note);
  }
  {
    const h = home(p, { capacity: 2, consultant });
    const other = p.plain({ registered: '2014-01-01', trade: 'Bygg', filler: false });
    p.role(other, h.parents[1]!, 'board_member', '2014-01-01');
    place(h, '2025-01-10', null);
    p.notFire(S, 'foster_home', h.id, 'a foster parent controls a company that is not paid for any placement');
  }
}

/** Persons rows were written with a fresh address; this writes the current folkbokföring address again. */
function rewritePersonAddress(p: Planter, pids: string[], a: Addr): void {
  for (const pid of pids) p.currentAddress.set(pid, a);
}

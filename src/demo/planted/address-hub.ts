import type { Addr, Planter } from './builder';

const S = 'address-hub';

/** ≥ 5 companies, ≥ 3 licence units, or a foster home and a licence holder's unit at one address. */
export function plantAddressHubs(p: Planter): void {
  const consultant = p.licensed({ kind: 'consultant_support', registered: '2012-01-01', granted: '2012-06-01' }).org;
  const fosterHome = (a: Addr) => {
    const parents = [p.person({ addr: a }), p.person({ addr: a })];
    return p.home({ addr: a, parents, capacity: 2, approved: '2019-01-01', consultant });
  };
  {
    const a = p.fixedAddr('Gjuterigatan 7', '17148', 'Solna');
    const written = ['Gjuterigatan 7', 'GJUTERIGATAN 7', 'Gjuterigatan 7, c/o Ekonomibyrån Norr', 'Gjuterigatan  7', 'c/o Redovisningshuset, Gjuterigatan 7'];
    written.forEach((street, i) => p.plain({ registered: `201${i + 3}-02-01`, trade: 'Konsult', addr: { ...a, postal: i % 2 ? '171 48' : '17148' }, street }));
    p.fire(S, 'address', p.key(a), 'five companies registered at one address (written five ways)');
  }
  {
    const a = p.fixedAddr('Kanalvägen 12', '41301', 'Göteborg');
    for (const kind of ['home_care', 'personal_assistance', 'relief_service']) p.licensed({ kind, registered: '2016-01-01', granted: '2017-01-01', unitAddr: a });
    p.fire(S, 'address', p.key(a), 'three licence units of three companies at one address');
  }
  {
    const a = p.fixedAddr('Sjöbodsvägen 14', '63220', 'Eskilstuna');
    p.licensed({ kind: 'hvb_children', registered: '2016-01-01', granted: '2017-01-01', capacity: 6, ageMin: 13, ageMax: 17, unitAddr: a });
    const h = fosterHome(a);
    p.fire(S, 'address', p.key(a), `foster home ${h} at the address of a licensed HVB unit`);
    p.notFire('foster-home-as-hvb', 'foster_home', h, 'shares an address with an HVB, but none of the four foster-home triggers holds');
  }
  {
    const a = p.fixedAddr('Hamnmagasinet 4', '21119', 'Malmö');
    for (let i = 0; i < 4; i++) p.plain({ registered: `201${i}-05-01`, addr: a });
    p.notFire(S, 'address', p.key(a), 'four companies at one address (fewer than five)');
  }
  {
    const a = p.fixedAddr('Mältargatan 2', '75320', 'Uppsala');
    for (const kind of ['home_care', 'escort_service']) p.licensed({ kind, registered: '2016-01-01', granted: '2017-01-01', unitAddr: a });
    p.notFire(S, 'address', p.key(a), 'two licence units at one address (fewer than three)');
  }
  {
    const a = p.fixedAddr('Repslagargatan 8', '60221', 'Norrköping');
    p.licensed({ kind: 'hvb_children', status: 'revoked', registered: '2015-01-01', granted: '2015-06-01', statusOn: '2023-11-01', capacity: 6, ageMin: 13, ageMax: 17, unitAddr: a });
    fosterHome(a);
    p.notFire(S, 'address', p.key(a), "a foster home at the unit address of a revoked licence (not a licence holder's unit)");
  }
  {
    const a3 = p.fixedAddr('Tullhusgatan 3', '85230', 'Sundsvall');
    const a3a = p.fixedAddr('Tullhusgatan 3 A', '85230', 'Sundsvall');
    for (let i = 0; i < 3; i++) p.plain({ registered: `201${i}-05-01`, addr: a3 });
    for (let i = 0; i < 2; i++) p.plain({ registered: `201${i}-05-01`, addr: a3a });
    p.notFire(S, 'address', p.key(a3), 'three companies at number 3 and two at 3 A: different entrances, different keys');
    p.notFire(S, 'address', p.key(a3a), 'two companies at 3 A');
  }
  {
    const a = p.fixedAddr('Slussgatan 9', '90326', 'Umeå');
    for (let i = 0; i < 4; i++) p.plain({ registered: `201${i}-05-01`, addr: a });
    const late = p.company({ registered: '2026-12-01', trade: 'Konsult', addr: a });
    p.role(late, p.person(), 'board_member', '2026-12-01');
    p.notFire(S, 'address', p.key(a), 'four companies plus a fifth registered 2026-12-01, after the as-of date');
  }
}

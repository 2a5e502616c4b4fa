import { addDays } from '../../model/dates';
import type { Rng } from '../prng';
import { COMPANY_WORDS, SURNAMES } from '../swedish';
import type { TableWriter } from '../table-writer';
import type { Layout } from './layout';
import { between } from './persons';

/** Company identity (name, phone, e-mail) and its officers: board, CEO, owners, auditors. */
export interface RoleRow { holder: string; kind: 'person' | 'company'; role: string; from: string; to: string | null; share: number | null }

const LAST_ROLE_START = '2026-03-01';
const AREA: Record<string, string> = { Stockholm: '08', Solna: '08', Botkyrka: '08', Södertälje: '08', Göteborg: '031', Malmö: '040', Uppsala: '018', Västerås: '021', Örebro: '019', Linköping: '013' };

export function companyName(r: Rng, form: string, trade: string): string {
  switch (form) {
    case 'HB': return `${r.pick(SURNAMES)} & ${r.pick(SURNAMES)} ${trade} HB`;
    case 'KB': return `${r.pick(SURNAMES)}s ${trade} KB`;
    case 'EK': return `${r.pick(COMPANY_WORDS)} ${trade} ekonomisk förening`;
    case 'IDEELL': return `Föreningen ${r.pick(COMPANY_WORDS)} ${trade}`;
    case 'STI': return `Stiftelsen ${r.pick(COMPANY_WORDS)}`;
    default: return `${r.pick(COMPANY_WORDS)} ${trade} AB`;
  }
}

export function contact(r: Rng, i: number, city: string, name: string): { phone: string | null; email: string | null } {
  const area = AREA[city] ?? `0${r.int(120, 980)}`;
  const digits = String(1_000_000 + ((i * 7_919) % 9_000_000)).padStart(7, '0');
  const phone = r.chance(0.65) ? `${area}-${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}` : null;
  const slug = name.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '').slice(0, 16) || 'foretag';
  const email = r.chance(0.55) ? `info@${slug}${i.toString(36)}.se` : null;
  return { phone, email };
}

/** Board, officers and owners for a company; `person()` draws the next officer. */
export function boardRoles(r: Rng, L: Layout, roles: RoleRow[], form: string, registered: string, until: string | null, person: () => string, licensed: boolean, allowCompanyOwner = true): void {
  const seat = (role: string, holder: string, share: number | null = null, kind: 'person' | 'company' = 'person') => {
    // Some seats changed hands: the earlier holder's role ended when the current one's began.
    const latest = until && until < LAST_ROLE_START ? until : LAST_ROLE_START;
    if (registered < latest && r.chance(licensed ? 0.15 : 0.05)) {
      const change = between(r, registered, latest);
      roles.push({ holder: person(), kind: 'person', role, from: registered, to: addDays(change, -1), share });
      roles.push({ holder, kind, role, from: change, to: until, share });
    } else roles.push({ holder, kind, role, from: registered, to: until, share });
  };
  if (form === 'HB' || form === 'KB') {
    const partners = r.int(2, 3);
    for (let k = 0; k < partners; k++) seat('partner', person());
    return;
  }
  const boardSize = form === 'AB' ? r.weighted([[1, 72], [2, 12], [3, 12], [4, 3], [5, 1]] as const) : r.int(3, 5);
  const board: string[] = [];
  for (let k = 0; k < boardSize; k++) {
    const pid = person();
    if (board.includes(pid)) continue;
    board.push(pid);
    seat('board_member', pid);
  }
  if (boardSize < 3 && (licensed || r.chance(0.6))) seat('deputy_board_member', person());
  if (board.length >= 3) roles.push({ holder: board[0]!, kind: 'person', role: 'chair', from: registered, to: until, share: null });
  if (r.chance(licensed ? 0.7 : 0.2)) seat('ceo', r.chance(0.6) ? person() : board[0]!);
  if (licensed && r.chance(0.6)) seat('operations_manager', person());
  if (r.chance(licensed ? 0.25 : 0.08)) roles.push({ holder: board[0]!, kind: 'person', role: 'signatory', from: registered, to: until, share: null });
  if (r.chance(licensed ? 0.7 : 0.12)) {
    const firm = r.chance(0.8) ? L.randomAuditFirm(r) : null;
    if (firm !== null) roles.push({ holder: L.orgNr(firm), kind: 'company', role: 'auditor', from: registered, to: until, share: null });
    else roles.push({ holder: L.personId(L.randomOfficer(r)), kind: 'person', role: 'auditor', from: registered, to: until, share: null });
  }
  if (form !== 'AB') return;
  const ownership = r.next();
  const owned = licensed ? 1 : 0.4;
  if (allowCompanyOwner && ownership < 0.12 * owned) roles.push({ holder: L.orgNr(L.randomHolding(r)), kind: 'company', role: 'owner', from: registered, to: until, share: r.pick([100, 100, 51, 70]) });
  else if (ownership < 0.4 * owned) roles.push({ holder: board[0]!, kind: 'person', role: 'owner', from: registered, to: until, share: 100 });
  else if (ownership < 0.5 * owned && board.length > 1) for (const pid of board.slice(0, 2)) roles.push({ holder: pid, kind: 'person', role: 'owner', from: registered, to: until, share: 50 });
  if (r.chance(licensed ? 0.3 : 0.08)) roles.push({ holder: board[0]!, kind: 'person', role: 'beneficial_owner', from: registered, to: until, share: null });
}

export function writeRoles(w: TableWriter, r: Rng, org: string, roles: readonly RoleRow[]): void {
  // (org, holder, role, from) is the natural key: a person drawn twice for one seat is one role.
  const seen = new Set<string>();
  for (const x of roles) {
    const key = `${x.holder}|${x.role}|${x.from}`;
    if (seen.has(key)) continue;
    seen.add(key);
    w.write('roles', { org_nr: org, holder_id: x.holder, role: x.role, holder_kind: r.chance(0.8) ? x.kind : null, share_pct: x.share, from: x.from, to: x.to });
  }
}

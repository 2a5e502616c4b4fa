import type { RoleFact } from '../model/rows';
import { isControllingRole } from '../model/index';
import { activeAt, periodAsOf } from './periods';

/** Roles as they stood at the as-of date: a role starting later does not exist, a later end is still open. */

/** A role as it stood at as-of, or null when it began later. */
export function roleAsOf(role: RoleFact, asOf: string): RoleFact | null {
  const p = periodAsOf(role.from_date, role.to_date, asOf);
  return p ? { ...role, from_date: p.from, to_date: p.to } : null;
}

export function isControlling(role: RoleFact): boolean {
  return isControllingRole(role.role, role.share_pct);
}

/** Role rows that exist at as-of (started on or before it), with future end dates opened. */
export function rolesAsOf(roles: readonly RoleFact[] | undefined, asOf: string): RoleFact[] {
  const out: RoleFact[] = [];
  for (const r of roles ?? []) {
    const a = roleAsOf(r, asOf);
    if (a) out.push(a);
  }
  return out;
}

/** Controlling roles that exist at as-of. */
export function controllingRolesAsOf(roles: readonly RoleFact[] | undefined, asOf: string): RoleFact[] {
  return rolesAsOf(roles, asOf).filter(isControlling);
}

/** A role (as seen at as-of) that covers the as-of date itself. */
export function roleActiveAt(r: RoleFact, asOf: string): boolean {
  return activeAt(r.from_date, r.to_date, asOf);
}

/** Sole traders' org_nr is the owner's personnummer without century: compare on the last 10 digits. */
export function sameHolder(orgNr: string, personId: string): boolean {
  return personId.length === 12 && /^\d+$/.test(personId) && personId.slice(2) === orgNr;
}

import type { Facts } from '../analysis/facts';
import type { LicenceFact } from '../model/rows';
import { REVOKED_STATUSES } from '../model/index';
import type { Span } from './periods';

/**
 * A licence as it stood at the as-of date (contract §4). The stored status took effect on
 * `status_on`; before that a licence with `granted_on` ≤ as-of was granted, and one without was
 * (at most) applied for.
 */

/** The date a licence's revocation took effect, when it is revoked as of the as-of date. */
export function revocationDate(l: LicenceFact, asOf: string): string | null {
  if (!REVOKED_STATUSES.has(l.status) || l.status_on == null || l.status_on > asOf) return null;
  return l.status_on;
}

/** The licence's status at `asOf`; 'none' when nothing about the licence exists yet at as-of. */
export function licenceStatusAsOf(l: LicenceFact, asOf: string): string {
  if (l.status_on == null || l.status_on <= asOf) {
    if (l.status === 'granted' && l.granted_on != null && l.granted_on > asOf) return 'none';
    return l.status;
  }
  // The stored status lies in the future. A later revocation, ban or expiry implies the licence
  // was granted before it (even when granted_on is missing); when an application was made is
  // not recorded.
  if (l.granted_on != null) return l.granted_on <= asOf ? 'granted' : 'none';
  return REVOKED_STATUSES.has(l.status) || l.status === 'expired' ? 'granted' : 'none';
}

export function isGrantedAsOf(l: LicenceFact, asOf: string): boolean {
  return licenceStatusAsOf(l, asOf) === 'granted';
}

/** Licence holder (contract §4): a company with a licence whose status is `granted` at as-of. */
export function isLicenceHolder(facts: Facts, orgNr: string, asOf: string): boolean {
  return (facts.licencesByOrg.get(orgNr) ?? []).some((l) => isGrantedAsOf(l, asOf));
}

export function grantedLicences(facts: Facts, orgNr: string, asOf: string): LicenceFact[] {
  return (facts.licencesByOrg.get(orgNr) ?? []).filter((l) => isGrantedAsOf(l, asOf));
}

/**
 * The days a licence was granted, as known at as-of, or null when it never was. Consistent with
 * licenceStatusAsOf at the as-of day itself.
 * - Start: `granted_on`; when it is empty, a `granted` licence is granted from its `status_on`
 *   (the status decision is the grant), and a revoked / banned / expired one from an unknown
 *   start (its end implies it was granted before). Unknown = since before anything we compare
 *   with. A grant after as-of does not exist yet.
 * - End: a revocation / ban / expiry / withdrawal takes effect on `status_on`; the licence is
 *   counted as still held on that day itself (lenient: a placement ending or a payment made on
 *   the day of the decision is not flagged). A status change after as-of has not happened yet.
 * - `applied` / `rejected` without a `granted_on` were never granted.
 */
export function grantedSpan(l: LicenceFact, asOf: string): Span | null {
  const endedStatus = REVOKED_STATUSES.has(l.status) || l.status === 'expired';
  let from = l.granted_on;
  if (from == null && l.status === 'granted') from = l.status_on;
  if (from != null && from > asOf) return null;
  const changed = l.status_on == null || l.status_on <= asOf;
  if (l.status === 'granted') return { from, to: null };
  if (!changed) {
    // The ending decision lies after as-of: still held at as-of, from granted_on or, for an
    // ended licence without one, from an unknown start.
    if (from == null && !endedStatus) return null; // applied etc., nothing granted yet
    return { from, to: null };
  }
  // Without granted_on, a withdrawn licence is a withdrawn application: nothing was ever held.
  if (l.status === 'applied' || l.status === 'rejected' || l.status === 'withdrawn') return from != null ? { from, to: l.status_on } : null;
  // revoked, banned, temporarily_banned, expired (and a withdrawn grant): held until the decision day.
  return { from, to: l.status_on };
}

/** Statuses that make a company a licence holder or applicant (contract §7.1). */
const HOLDER_OR_APPLICANT: ReadonlySet<string> = new Set(['granted', 'applied']);

/**
 * The company's licence that makes it a licence holder or applicant (contract §7.1) on `day` —
 * status `granted` or `applied` then, as known at `day` — preferring a granted one; null when none.
 */
export function holderOrApplicantLicence(facts: Facts, orgNr: string, day: string): LicenceFact | null {
  let applied: LicenceFact | null = null;
  for (const l of facts.licencesByOrg.get(orgNr) ?? []) {
    const s = licenceStatusAsOf(l, day);
    if (s === 'granted') return l;
    if (applied == null && HOLDER_OR_APPLICANT.has(s)) applied = l;
  }
  return applied;
}

/** "tillståndshavare" or "sökande av tillstånd", for a licence returned by holderOrApplicantLicence. */
export function holderOrApplicantSv(l: LicenceFact, day: string): string {
  return licenceStatusAsOf(l, day) === 'granted' ? 'tillståndshavare' : 'sökande av tillstånd';
}

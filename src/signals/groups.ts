import type { Facts } from '../analysis/facts';
import type { RoleFact } from '../model/rows';

/**
 * Corporate groups (contract §7.2 serial-director): two companies are in one group when one owns
 * ≥ 50 % of the other, or one owner (person or company) holds ≥ 50 % of both. The relation is
 * closed transitively (a parent, its subsidiaries and their subsidiaries are one group; so are
 * two companies joined through a chain of such links), as a koncern is.
 *
 * Ownership is an `owner` or `beneficial_owner` role with a known share ≥ the threshold that
 * exists at as-of (started on or before it), whenever it held: a role's dates do not split a
 * group. A role with unknown share ties nothing.
 */
export interface CompanyGroups {
  /** A stable id of the company's group (the company itself when it is in none). */
  groupOf(orgNr: string): string;
  /** The ownership roles (≥ threshold) naming the company as owned or as owner. */
  ownershipOf(orgNr: string): readonly RoleFact[];
}

const OWNERSHIP_ROLES: ReadonlySet<string> = new Set(['owner', 'beneficial_owner']);

export function companyGroups(facts: Facts, asOf: string, minSharePct = 50): CompanyGroups {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    for (let p = parent.get(root); p != null && p !== root; p = parent.get(root)) root = p;
    // Path compression keeps later look-ups near O(1).
    for (let cur = x; cur !== root; ) {
      const next = parent.get(cur)!;
      parent.set(cur, root);
      cur = next;
    }
    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // The smaller id becomes the root, so group ids do not depend on the order of the rows.
    if (ra < rb) parent.set(rb, ra);
    else parent.set(ra, rb);
  };
  const byCompany = new Map<string, RoleFact[]>();
  const note = (id: string, r: RoleFact): void => {
    const list = byCompany.get(id);
    if (list) list.push(r);
    else byCompany.set(id, [r]);
  };
  for (const r of facts.roles) {
    if (!OWNERSHIP_ROLES.has(r.role) || r.share_pct == null || r.share_pct < minSharePct) continue;
    if (r.from_date != null && r.from_date > asOf) continue;
    if (!parent.has(r.holder_id)) parent.set(r.holder_id, r.holder_id);
    if (!parent.has(r.org_nr)) parent.set(r.org_nr, r.org_nr);
    // Owner and owned are one node set: a company owner joins its subsidiary directly, a person
    // owner joins every company they hold ≥ the threshold of.
    union(r.holder_id, r.org_nr);
    note(r.org_nr, r);
    if (r.holder_kind === 'company') note(r.holder_id, r);
  }
  return {
    groupOf: (orgNr) => (parent.has(orgNr) ? find(orgNr) : orgNr),
    ownershipOf: (orgNr) => byCompany.get(orgNr) ?? [],
  };
}

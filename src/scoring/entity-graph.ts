import type { Facts } from '../analysis/facts';
import { periodAsOf } from '../signals/periods';
import { isControlling } from '../signals/roles';
import { nodeKey } from './direct';

/**
 * The links risk spreads along (contract §4 "network score"): controlling roles, relations,
 * shared addresses, plus the structural links licence→company and foster home→parents.
 * Neighbours are computed on demand from the fact indexes, so only the part of a national
 * register near flagged entities is ever touched.
 */
export interface EntityGraph {
  neighbours(node: string): string[];
}

export interface EntityGraphOptions {
  asOf: string;
  /** Addresses shared by more entities than this are not followed (registration agents, large buildings). */
  maxAddressDegree: number;
}

export function buildEntityGraph(facts: Facts, opts: EntityGraphOptions): EntityGraph {
  const { asOf } = opts;
  const byAddress = new Map<string, string[]>();
  const addAddr = (addr: string | null, node: string): void => {
    if (!addr) return;
    const list = byAddress.get(addr);
    if (list) list.push(node);
    else byAddress.set(addr, [node]);
  };
  for (const c of facts.companies.values()) if (c.registered_on == null || c.registered_on <= asOf) addAddr(c.address_key, nodeKey('company', c.org_nr));
  for (const p of facts.persons.values()) addAddr(p.address_key, nodeKey('person', p.person_id));
  for (const l of facts.licences) addAddr(l.address_key, nodeKey('licence', l.licence_id));
  for (const h of facts.fosterHomes.values()) if (h.approved_on == null || h.approved_on <= asOf) addAddr(h.address_key, nodeKey('foster_home', h.home_id));

  const relations = new Map<string, string[]>();
  for (const r of facts.relations) {
    if (!periodAsOf(r.from_date, r.to_date, asOf)) continue;
    const a = nodeKey(r.a_kind ?? 'person', r.a_id);
    const b = nodeKey(r.b_kind ?? 'person', r.b_id);
    (relations.get(a) ?? relations.set(a, []).get(a)!).push(b);
    (relations.get(b) ?? relations.set(b, []).get(b)!).push(a);
  }

  const addressOf = (kind: string, id: string): string | null => {
    if (kind === 'company') return facts.companies.get(id)?.address_key ?? null;
    if (kind === 'person') return facts.persons.get(id)?.address_key ?? null;
    if (kind === 'licence') return facts.licencesById.get(id)?.address_key ?? null;
    if (kind === 'foster_home') return facts.fosterHomes.get(id)?.address_key ?? null;
    return null;
  };

  let parentIndex: Map<string, string[]> | null = null;
  const controlling = (list: typeof facts.roles | undefined) =>
    (list ?? []).filter((r) => isControlling(r) && periodAsOf(r.from_date, r.to_date, asOf) != null);

  return {
    neighbours(node) {
      const i = node.indexOf(':');
      const kind = node.slice(0, i);
      const id = node.slice(i + 1);
      const out: string[] = [];
      if (kind === 'address') {
        const list = byAddress.get(id) ?? [];
        if (list.length <= opts.maxAddressDegree) out.push(...list);
        return out;
      }
      const addr = addressOf(kind, id);
      if (addr && (byAddress.get(addr)?.length ?? 0) <= opts.maxAddressDegree) out.push(nodeKey('address', addr));
      out.push(...(relations.get(node) ?? []));
      if (kind === 'company') {
        for (const r of controlling(facts.rolesByOrg.get(id))) out.push(nodeKey(r.holder_kind, r.holder_id));
        for (const l of facts.licencesByOrg.get(id) ?? []) out.push(nodeKey('licence', l.licence_id));
      }
      if (kind === 'company' || kind === 'person') {
        for (const r of controlling(facts.rolesByHolder.get(id))) out.push(nodeKey('company', r.org_nr));
      }
      if (kind === 'licence') {
        const l = facts.licencesById.get(id);
        if (l) out.push(nodeKey('company', l.org_nr));
      }
      if (kind === 'foster_home') {
        for (const p of facts.fosterHomes.get(id)?.parent_ids ?? []) out.push(nodeKey('person', p));
      }
      if (kind === 'person') {
        for (const h of fosterHomesOf(id)) out.push(nodeKey('foster_home', h));
      }
      return out;
    },
  };

  function fosterHomesOf(personId: string): string[] {
    if (!parentIndex) {
      parentIndex = new Map();
      for (const h of facts.fosterHomes.values()) for (const p of h.parent_ids) (parentIndex.get(p) ?? parentIndex.set(p, []).get(p)!).push(h.home_id);
    }
    return parentIndex.get(personId) ?? [];
  }
}

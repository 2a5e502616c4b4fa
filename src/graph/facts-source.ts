import type { Facts } from '../analysis/facts';
import type { FosterHomeFact } from '../model/rows';
import * as El from './elements';
import type { NeighbourSource } from './source';
import { ADDRESS_PREFIX, HOME_PREFIX, LICENCE_PREFIX, edgeActiveOn, homeNode, kindOfNodeId, licenceNode, type GraphEdge, type GraphNode } from './types';

const src = (f: { prov: { file: string; line: number } }) => `${f.prov.file}:${f.prov.line}`;

function group<T>(rows: Iterable<T>, keysOf: (r: T) => (string | null | undefined)[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    for (const k of keysOf(r)) {
      if (k == null) continue;
      const list = m.get(k);
      if (list) list.push(r);
      else m.set(k, [r]);
    }
  }
  return m;
}

/** Placements aggregated per (payee, licence or home), as the store's GROUP BY does. */
function aggregatePlacements(facts: Facts): El.PlacementAggregate[] {
  const by = new Map<string, El.PlacementAggregate & { refs: Set<string> }>();
  for (const p of facts.placements) {
    if (p.payee_org_nr == null || (p.licence_id == null && p.home_id == null)) continue;
    const k = JSON.stringify([p.payee_org_nr, p.licence_id, p.home_id]);
    let a = by.get(k);
    if (!a) {
      a = { payee: p.payee_org_nr, licence_id: p.licence_id, home_id: p.licence_id == null ? p.home_id : null, placements: 0, children: 0, from_date: p.from_date, to_date: p.to_date, source: src(p), refs: new Set() };
      by.set(k, a);
    } else {
      if (p.from_date < (a.from_date ?? p.from_date)) a.from_date = p.from_date;
      a.to_date = a.to_date == null || p.to_date == null ? null : p.to_date > a.to_date ? p.to_date : a.to_date;
    }
    a.placements++;
    if (p.child_ref != null) a.refs.add(p.child_ref);
    a.children = a.refs.size;
  }
  return [...by.values()].map(({ refs: _refs, ...a }) => a);
}

/** A loaded Facts snapshot as a neighbour source (indexes built on first use). */
export class FactsSource implements NeighbourSource {
  private idx: ReturnType<FactsSource['buildIndexes']> | null = null;

  constructor(private readonly facts: Facts) {}

  private buildIndexes() {
    const f = this.facts;
    const homes = [...f.fosterHomes.values()];
    const placements = aggregatePlacements(f);
    return {
      employmentsByOrg: group(f.employments, (e) => [e.org_nr]),
      employmentsByPerson: group(f.employments, (e) => [e.person_id]),
      relationsById: group(f.relations, (r) => [r.a_id, r.b_id]),
      residencesByAddress: group([...f.residencesByPerson.values()].flat(), (r) => [r.address_key]),
      companiesByAddress: group(f.companies.values(), (c) => [c.address_key]),
      personsByAddress: group(f.persons.values(), (p) => [p.address_key]),
      licencesByAddress: group(f.licences, (l) => [l.address_key]),
      homesByAddress: group(homes, (h) => [h.address_key]),
      homesByConsultant: group(homes, (h) => [h.consultant_org_nr]),
      homesByParent: group(homes, (h) => h.parent_ids),
      placementsByPayee: group(placements, (a) => [a.payee]),
      placementsByTarget: group(placements, (a) => [a.licence_id != null ? licenceNode(a.licence_id) : homeNode(a.home_id!)]),
    };
  }

  private get i() {
    return (this.idx ??= this.buildIndexes());
  }

  edgesOf(ids: readonly string[], asOf: string | null): GraphEdge[] {
    const f = this.facts;
    const out: GraphEdge[] = [];
    const add = (e: GraphEdge | null) => { if (e && (asOf == null || edgeActiveOn(e, asOf))) out.push(e); };
    const homeEdges = (h: FosterHomeFact) => {
      for (const e of El.fosterParentEdges(h, src(h))) add(e);
      add(El.consultantEdge(h, src(h)));
      add(El.addressEdge(homeNode(h.home_id), h.address_key, src(h)));
    };
    for (const id of ids) {
      switch (kindOfNodeId(id)) {
        case 'company':
        case 'person': {
          for (const r of f.rolesByOrg.get(id) ?? []) add(El.roleEdge(r, src(r)));
          for (const r of f.rolesByHolder.get(id) ?? []) add(El.roleEdge(r, src(r)));
          for (const e of this.i.employmentsByOrg.get(id) ?? []) add(El.employmentEdge(e, src(e)));
          for (const e of this.i.employmentsByPerson.get(id) ?? []) add(El.employmentEdge(e, src(e)));
          for (const r of this.i.relationsById.get(id) ?? []) add(El.relationEdge(r, src(r)));
          for (const r of f.residencesByPerson.get(id) ?? []) add(El.residenceEdge(r, src(r)));
          const c = f.companies.get(id);
          if (c) add(El.addressEdge(id, c.address_key, src(c)));
          const p = f.persons.get(id);
          if (p) add(El.addressEdge(id, p.address_key, src(p)));
          for (const l of f.licencesByOrg.get(id) ?? []) add(El.licenceEdge(l, src(l)));
          for (const a of this.i.placementsByPayee.get(id) ?? []) add(El.placementEdge(a));
          for (const h of this.i.homesByConsultant.get(id) ?? []) add(El.consultantEdge(h, src(h)));
          for (const h of this.i.homesByParent.get(id) ?? []) add(El.fosterParentEdges(h, src(h)).find((e) => e.source === id) ?? null);
          break;
        }
        case 'licence': {
          const l = f.licencesById.get(id.slice(LICENCE_PREFIX.length));
          if (l) {
            add(El.licenceEdge(l, src(l)));
            add(El.addressEdge(id, l.address_key, src(l)));
          }
          for (const a of this.i.placementsByTarget.get(id) ?? []) add(El.placementEdge(a));
          break;
        }
        case 'foster_home': {
          const h = f.fosterHomes.get(id.slice(HOME_PREFIX.length));
          if (h) homeEdges(h);
          for (const a of this.i.placementsByTarget.get(id) ?? []) add(El.placementEdge(a));
          break;
        }
        case 'address': {
          const key = id.slice(ADDRESS_PREFIX.length);
          for (const c of this.i.companiesByAddress.get(key) ?? []) add(El.addressEdge(c.org_nr, key, src(c)));
          for (const p of this.i.personsByAddress.get(key) ?? []) add(El.addressEdge(p.person_id, key, src(p)));
          for (const l of this.i.licencesByAddress.get(key) ?? []) add(El.addressEdge(licenceNode(l.licence_id), key, src(l)));
          for (const h of this.i.homesByAddress.get(key) ?? []) add(El.addressEdge(homeNode(h.home_id), key, src(h)));
          for (const r of this.i.residencesByAddress.get(key) ?? []) add(El.residenceEdge(r, src(r)));
          break;
        }
      }
    }
    return out;
  }

  nodes(ids: readonly string[]): GraphNode[] {
    const f = this.facts;
    return ids.map((id) => {
      const kind = kindOfNodeId(id);
      if (kind === 'licence') { const l = f.licencesById.get(id.slice(LICENCE_PREFIX.length)); return l ? El.licenceNodeOf(l) : El.bareNode(id, kind); }
      if (kind === 'foster_home') { const h = f.fosterHomes.get(id.slice(HOME_PREFIX.length)); return h ? El.homeNodeOf(h) : El.bareNode(id, kind); }
      if (kind === 'address') return El.addressNodeOf(id.slice(ADDRESS_PREFIX.length));
      const c = f.companies.get(id);
      if (c) return El.companyNode(c);
      const p = f.persons.get(id);
      if (p) return El.personNode(p);
      return El.bareNode(id, kind);
    });
  }
}

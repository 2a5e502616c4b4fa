import type { Db } from '../store/db';
import { fosterHomesOfParents, graphRows, storedIdKind, type GraphQuery } from '../store/graph';
import { normaliseHolderId } from '../ids/holder';
import * as El from './elements';
import type { NeighbourSource } from './source';
import { ADDRESS_PREFIX, HOME_PREFIX, LICENCE_PREFIX, addressNode, edgeActiveOn, homeNode, kindOfNodeId, licenceNode, type GraphEdge, type GraphNode } from './types';

type Src = { src_file: string; src_line: number };
const src = (r: Src) => `${r.src_file}:${r.src_line}`;
const parseHome = (r: Record<string, unknown>): El.HomeRow & Src => ({ ...(r as unknown as El.HomeRow & Src), parent_ids: r.parent_ids ? JSON.parse(String(r.parent_ids)) : [] });

/**
 * The store as a neighbour source: one batched, indexed query per link type and BFS level, so a
 * neighbourhood costs the same dozen statements whether the frontier holds one node or a thousand.
 * `cap` bounds the rows any one statement returns.
 */
export class StoreSource implements NeighbourSource {
  private readonly known = new Map<string, GraphNode>();

  constructor(private readonly db: Db, private readonly cap = 20_000) {}

  edgesOf(ids: readonly string[], asOf: string | null): GraphEdge[] {
    const by = { company: [] as string[], person: [] as string[], licence: [] as string[], foster_home: [] as string[], address: [] as string[] };
    for (const id of ids) by[kindOfNodeId(id)].push(id);
    const holders = [...by.company, ...by.person];
    const licenceIds = by.licence.map((id) => id.slice(LICENCE_PREFIX.length));
    const homeIds = by.foster_home.map((id) => id.slice(HOME_PREFIX.length));
    const keys = by.address.map((id) => id.slice(ADDRESS_PREFIX.length));
    const q = <T>(query: GraphQuery, list: readonly string[]) => graphRows<T & Src>(this.db, query, { ids: list, asOf, cap: this.cap });
    const out: GraphEdge[] = [];
    const add = (e: GraphEdge | null) => { if (e && (asOf == null || edgeActiveOn(e, asOf))) out.push(e); };

    // Companies and persons (a plain id is tried as both: a sole trader is both).
    for (const r of q<El.RoleRow>('rolesIn', by.company)) add(El.roleEdge(r, src(r)));
    for (const r of q<El.RoleRow>('rolesHeld', holders)) add(El.roleEdge(r, src(r)));
    for (const r of q<El.EmploymentRow>('employmentsAt', by.company)) add(El.employmentEdge(r, src(r)));
    for (const r of q<El.EmploymentRow>('employmentsOf', by.person)) add(El.employmentEdge(r, src(r)));
    for (const r of q<El.RelationRow>('relations', holders)) add(El.relationEdge(r, src(r)));
    for (const r of q<El.ResidenceRow>('residencesOf', by.person)) add(El.residenceEdge(r, src(r)));
    for (const r of q<El.CompanyRow>('companies', by.company)) { this.remember(El.companyNode(r)); add(El.addressEdge(r.org_nr, r.address_key, src(r))); }
    for (const r of q<El.PersonRow>('persons', by.person)) { this.remember(El.personNode(r)); add(El.addressEdge(r.person_id, r.address_key, src(r))); }
    for (const r of q<El.LicenceRow>('licencesOf', by.company)) { this.remember(El.licenceNodeOf(r)); add(El.licenceEdge(r, src(r))); }
    for (const r of q<El.PlacementAggregate>('placementsPaidTo', by.company)) add(El.placementEdge({ ...r, source: src(r) }));
    for (const r of q<Record<string, unknown>>('homesOfConsultant', by.company)) { const h = parseHome(r); this.remember(El.homeNodeOf(h)); add(El.consultantEdge(h, src(h))); }
    if (by.person.length > 0) {
      const parentOf = fosterHomesOfParents(this.db, by.person);
      const homes = new Map(q<Record<string, unknown>>('homes', [...new Set(parentOf.map((p) => p.home_id))]).map((r) => [String(r.home_id), parseHome(r)]));
      for (const { home_id, person_id } of parentOf) {
        const h = homes.get(home_id);
        if (!h) continue;
        this.remember(El.homeNodeOf(h));
        add(El.fosterParentEdges(h, src(h)).find((e) => e.source === person_id) ?? null);
      }
    }

    // Licences and foster homes: their own row links them to holder, parents and address.
    for (const r of q<El.LicenceRow>('licences', licenceIds)) {
      this.remember(El.licenceNodeOf(r));
      add(El.licenceEdge(r, src(r)));
      add(El.addressEdge(licenceNode(r.licence_id), r.address_key, src(r)));
    }
    for (const r of q<El.PlacementAggregate>('placementsAtLicence', licenceIds)) add(El.placementEdge({ ...r, source: src(r) }));
    for (const r of q<Record<string, unknown>>('homes', homeIds)) {
      const h = parseHome(r);
      this.remember(El.homeNodeOf(h));
      for (const e of El.fosterParentEdges(h, src(h))) add(e);
      add(El.consultantEdge(h, src(h)));
      add(El.addressEdge(homeNode(h.home_id), h.address_key, src(h)));
    }
    for (const r of q<El.PlacementAggregate>('placementsAtHome', homeIds)) add(El.placementEdge({ ...r, source: src(r) }));

    // Addresses: everything located there now, and everyone folkbokförd there in the period.
    for (const r of q<El.CompanyRow>('companiesAt', keys)) { this.remember(El.companyNode(r)); add(El.addressEdge(r.org_nr, r.address_key, src(r))); }
    for (const r of q<El.PersonRow>('personsAt', keys)) { this.remember(El.personNode(r)); add(El.addressEdge(r.person_id, r.address_key, src(r))); }
    for (const r of q<El.LicenceRow>('licencesAt', keys)) { this.remember(El.licenceNodeOf(r)); add(El.addressEdge(licenceNode(r.licence_id), r.address_key, src(r))); }
    for (const r of q<Record<string, unknown>>('homesAt', keys)) { const h = parseHome(r); this.remember(El.homeNodeOf(h)); add(El.addressEdge(homeNode(h.home_id), h.address_key, src(h))); }
    for (const r of q<El.ResidenceRow>('residencesAt', keys)) add(El.residenceEdge(r, src(r)));
    return out;
  }

  nodes(ids: readonly string[]): GraphNode[] {
    const missing = ids.filter((id) => !this.known.has(id));
    const by = { company: [] as string[], person: [] as string[], licence: [] as string[], foster_home: [] as string[], address: [] as string[] };
    for (const id of missing) by[kindOfNodeId(id)].push(id);
    const q = <T>(query: GraphQuery, list: readonly string[]) => graphRows<T>(this.db, query, { ids: list, asOf: null, cap: list.length + 1 });
    for (const r of q<El.CompanyRow>('companies', by.company)) this.remember(El.companyNode(r));
    for (const r of q<El.PersonRow>('persons', by.person)) this.remember(El.personNode(r));
    for (const r of q<El.LicenceRow>('licences', by.licence.map((id) => id.slice(LICENCE_PREFIX.length)))) this.remember(El.licenceNodeOf(r));
    for (const r of q<Record<string, unknown>>('homes', by.foster_home.map((id) => id.slice(HOME_PREFIX.length)))) this.remember(El.homeNodeOf(parseHome(r)));
    for (const id of by.address) this.remember(El.addressNodeOf(id.slice(ADDRESS_PREFIX.length)));
    return ids.map((id) => this.known.get(id) ?? El.bareNode(id, kindOfNodeId(id)));
  }

  private remember(n: GraphNode): void {
    // The first row wins, as the companies/persons tables hold one row per id.
    if (!this.known.has(n.id)) this.known.set(n.id, n);
  }
}

/**
 * The node id for what a user typed or clicked: a node id as returned by the graph, an org_nr or
 * personnummer in any accepted form, a licence_id, a home_id or an address key. Null when the id
 * names nothing the store knows and is not a valid org_nr / personnummer.
 */
export function resolveNodeId(db: Db, raw: string): string | null {
  const id = raw.trim();
  if (!id) return null;
  if (id.startsWith(LICENCE_PREFIX) || id.startsWith(HOME_PREFIX) || id.startsWith(ADDRESS_PREFIX)) return id;
  const holder = normaliseHolderId(id);
  const normalised = holder.ok ? holder.value.id : id;
  const stored = storedIdKind(db, normalised);
  if (stored.holder) return normalised;
  const asIs = normalised === id ? stored : storedIdKind(db, id);
  if (asIs.licence) return licenceNode(id);
  if (asIs.home) return homeNode(id);
  if (id.includes('|')) return addressNode(id);
  return holder.ok ? normalised : null;
}

import type { GraphEdge, GraphNode } from './types';
import { addressNode, homeNode, licenceNode } from './types';

/**
 * Node and edge constructors from fact rows. The in-memory builder (Facts) and the store-backed
 * queries (SQL rows) both go through these, so a company or a role looks the same whichever path
 * produced it. `source` is the fact's `file:line`.
 */

const ENDED = new Set(['revoked', 'banned', 'temporarily_banned', 'expired', 'withdrawn', 'rejected']);

export interface CompanyRow { org_nr: string; name: string | null; legal_form?: string | null; status?: string | null; address?: string | null; postal_code?: string | null; city?: string | null; address_key?: string | null }
export interface PersonRow { person_id: string; name: string | null; birth_date?: string | null; address?: string | null; postal_code?: string | null; city?: string | null; address_key?: string | null; deceased_on?: string | null }
export interface LicenceRow { licence_id: string; org_nr: string; kind: string; status: string; unit_name: string | null; address?: string | null; postal_code?: string | null; city?: string | null; address_key?: string | null; capacity?: number | null; granted_on: string | null; status_on: string | null }
export interface HomeRow { home_id: string; address: string; postal_code?: string | null; city?: string | null; address_key?: string | null; municipality?: string | null; parent_ids: string[]; approved_capacity?: number | null; approved_on: string | null; ended_on: string | null; consultant_org_nr: string | null }
export interface RoleRow { key: string; org_nr: string; holder_id: string; holder_kind: string; role: string; share_pct: number | null; from_date: string | null; to_date: string | null }
export interface EmploymentRow { key: string; org_nr: string; person_id: string; title: string | null; profession: string | null; from_date: string; to_date: string | null; works_with_children: boolean | number | null; workplace?: string | null }
export interface RelationRow { key: string; a_id: string; a_kind: string; b_id: string; b_kind: string; kind: string; from_date: string | null; to_date: string | null }
export interface ResidenceRow { key: string; person_id: string; address: string; postal_code?: string | null; city?: string | null; address_key: string | null; from_date: string; to_date: string | null }
export interface PlacementAggregate { payee: string; licence_id: string | null; home_id: string | null; placements: number; children: number; from_date: string | null; to_date: string | null; source: string }

const clean = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v != null));
const addressText = (street: string | null | undefined, postal: string | null | undefined, city: string | null | undefined) =>
  [street, [postal, city].filter(Boolean).join(' ')].filter(Boolean).join(', ');

export function companyNode(c: CompanyRow): GraphNode {
  return { id: c.org_nr, kind: 'company', label: c.name ?? c.org_nr, attributes: clean({ org_nr: c.org_nr, legal_form: c.legal_form, status: c.status, address: addressText(c.address, c.postal_code, c.city) || null }) };
}

export function personNode(p: PersonRow): GraphNode {
  return { id: p.person_id, kind: 'person', label: p.name ?? p.person_id, attributes: clean({ person_id: p.person_id, birth_date: p.birth_date, deceased_on: p.deceased_on, address: addressText(p.address, p.postal_code, p.city) || null }) };
}

export function licenceNodeOf(l: LicenceRow): GraphNode {
  return {
    id: licenceNode(l.licence_id), kind: 'licence', label: l.unit_name ?? l.licence_id,
    attributes: clean({ licence_id: l.licence_id, org_nr: l.org_nr, licence_kind: l.kind, status: l.status, status_on: l.status_on, granted_on: l.granted_on, capacity: l.capacity, address: addressText(l.address, l.postal_code, l.city) || null }),
  };
}

export function homeNodeOf(h: HomeRow): GraphNode {
  return {
    id: homeNode(h.home_id), kind: 'foster_home', label: `Familjehem ${h.home_id}`,
    attributes: clean({ home_id: h.home_id, municipality: h.municipality, approved_capacity: h.approved_capacity, approved_on: h.approved_on, ended_on: h.ended_on, address: addressText(h.address, h.postal_code, h.city) }),
  };
}

export function addressNodeOf(key: string): GraphNode {
  const [street, postal] = key.split('|');
  return { id: addressNode(key), kind: 'address', label: [street, postal].filter(Boolean).join(', '), attributes: { address_key: key } };
}

/** A placeholder for an id referenced by a fact but not present in its own table. */
export function bareNode(id: string, kind: GraphNode['kind']): GraphNode {
  return { id, kind, label: id.replace(/^(lic|home|addr):/, ''), attributes: { in_store: false } };
}

export function roleEdge(r: RoleRow, source: string): GraphEdge {
  return { id: `role:${r.key}`, source: r.holder_id, target: r.org_nr, kind: 'role', from: r.from_date ?? null, to: r.to_date ?? null, attributes: clean({ role: r.role, share_pct: r.share_pct, holder_kind: r.holder_kind, source_ref: source }) };
}

export function employmentEdge(e: EmploymentRow, source: string): GraphEdge {
  const wwc = e.works_with_children == null ? null : e.works_with_children === true || e.works_with_children === 1;
  return { id: `employment:${e.key}`, source: e.person_id, target: e.org_nr, kind: 'employment', from: e.from_date ?? null, to: e.to_date ?? null, attributes: clean({ profession: e.profession, title: e.title, works_with_children: wwc, workplace: e.workplace, source_ref: source }) };
}

export function licenceEdge(l: LicenceRow, source: string): GraphEdge {
  return {
    id: `licence:${l.licence_id}`, source: l.org_nr, target: licenceNode(l.licence_id), kind: 'licence',
    from: l.granted_on ?? null, to: ENDED.has(l.status) ? l.status_on ?? null : null, attributes: clean({ status: l.status, licence_kind: l.kind, source_ref: source }),
  };
}

export function placementEdge(a: PlacementAggregate): GraphEdge {
  const target = a.licence_id != null ? licenceNode(a.licence_id) : homeNode(a.home_id!);
  return { id: `placement:${a.payee}>${target}`, source: a.payee, target, kind: 'placement', from: a.from_date ?? null, to: a.to_date ?? null, attributes: { placements: a.placements, children: a.children, source_ref: a.source } };
}

export function fosterParentEdges(h: HomeRow, source: string): GraphEdge[] {
  return h.parent_ids.map((p) => ({ id: `foster_parent:${h.home_id}:${p}`, source: p, target: homeNode(h.home_id), kind: 'foster_parent' as const, from: h.approved_on ?? null, to: h.ended_on ?? null, attributes: { source_ref: source } }));
}

export function consultantEdge(h: HomeRow, source: string): GraphEdge | null {
  if (h.consultant_org_nr == null) return null;
  return { id: `consultant:${h.home_id}`, source: h.consultant_org_nr, target: homeNode(h.home_id), kind: 'consultant', from: h.approved_on ?? null, to: h.ended_on ?? null, attributes: { source_ref: source } };
}

export function relationEdge(r: RelationRow, source: string): GraphEdge {
  return { id: `relation:${r.key}`, source: r.a_id, target: r.b_id, kind: 'relation', from: r.from_date ?? null, to: r.to_date ?? null, attributes: { relation: r.kind, source_ref: source } };
}

export function residenceEdge(r: ResidenceRow, source: string): GraphEdge | null {
  if (r.address_key == null) return null;
  return { id: `residence:${r.key}`, source: r.person_id, target: addressNode(r.address_key), kind: 'residence', from: r.from_date ?? null, to: r.to_date ?? null, attributes: { address: addressText(r.address, r.postal_code, r.city), source_ref: source } };
}

/** "Located at": an entity's current address. */
export function addressEdge(nodeId: string, addressKey: string | null | undefined, source: string): GraphEdge | null {
  if (addressKey == null) return null;
  return { id: `address:${nodeId}`, source: nodeId, target: addressNode(addressKey), kind: 'address', from: null, to: null, attributes: { source_ref: source } };
}

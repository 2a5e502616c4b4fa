/**
 * The graph's shape, shared by the in-memory builder (graphology), the store-backed ego and
 * path queries and the API (src/api/contract.ts GraphPayload).
 *
 * Node ids: a company is its org_nr, a person its person_id (12 digits or `ext:…`), a licence
 * `lic:<licence_id>`, a foster home `home:<home_id>`, an address `addr:<address key>`. Licence
 * and home ids are free text in the contract, so they carry a prefix to never collide with an
 * org_nr or each other; `nodeIdOf(subject_kind, subject_id)` maps a hit's subject to its node.
 */
export type NodeKind = 'company' | 'person' | 'licence' | 'foster_home' | 'address';

/**
 * Edge kinds and direction (source → target):
 * role: holder → company · employment: person → employer · licence: company → licence ·
 * placement: payee company → licence / foster home (children's placements aggregated) ·
 * foster_parent: person → foster home · consultant: consultant company → foster home ·
 * relation: a → b · residence: person → address (folkbokföring history) ·
 * address: company / licence / foster home / person → its current address ("located at").
 */
export type EdgeKind = 'role' | 'employment' | 'licence' | 'placement' | 'foster_parent' | 'consultant' | 'relation' | 'residence' | 'address';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  attributes: Record<string, unknown>;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  kind: EdgeKind;
  /** The period the link held (ISO dates); null = unknown start / still holds. */
  from: string | null;
  to: string | null;
  attributes: Record<string, unknown>;
}

export interface GraphPayload {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True when a node limit cut the neighbourhood short. */
  truncated?: boolean;
}

export const LICENCE_PREFIX = 'lic:';
export const HOME_PREFIX = 'home:';
export const ADDRESS_PREFIX = 'addr:';

export const licenceNode = (licenceId: string): string => LICENCE_PREFIX + licenceId;
export const homeNode = (homeId: string): string => HOME_PREFIX + homeId;
export const addressNode = (key: string): string => ADDRESS_PREFIX + key;

/** The node id of a hit's subject (contract subject_kind + normalised subject_id). */
export function nodeIdOf(kind: string, id: string): string {
  if (kind === 'licence') return licenceNode(id);
  if (kind === 'foster_home') return homeNode(id);
  if (kind === 'address') return addressNode(id);
  return id;
}

/** The kind a node id names by its form alone; plain ids may be a company or a person. */
export function kindOfNodeId(id: string): NodeKind {
  if (id.startsWith(LICENCE_PREFIX)) return 'licence';
  if (id.startsWith(HOME_PREFIX)) return 'foster_home';
  if (id.startsWith(ADDRESS_PREFIX)) return 'address';
  return /^\d{12}$/.test(id) || id.startsWith('ext:') ? 'person' : 'company';
}

/** The inverse of nodeIdOf: a node id as the entity id the rest of the workbench uses (cases, profiles) and its kind. */
export function entityOfNodeId(nodeId: string): { id: string; kind: NodeKind } {
  const kind = kindOfNodeId(nodeId);
  const prefix = kind === 'licence' ? LICENCE_PREFIX : kind === 'foster_home' ? HOME_PREFIX : kind === 'address' ? ADDRESS_PREFIX : '';
  return { id: nodeId.slice(prefix.length), kind };
}

/**
 * Whether an edge holds on `date`: started on or before it (or unknown) and not ended before it.
 * Licence ownership and current-address links are records rather than periods of control, so a
 * revoked licence stays attached to its holder; they only need to exist by then.
 */
export function edgeActiveOn(e: { kind: string; from: string | null; to: string | null }, date: string): boolean {
  if (e.from != null && e.from > date) return false;
  if (e.kind === 'licence' || e.kind === 'address') return true;
  return e.to == null || e.to >= date;
}

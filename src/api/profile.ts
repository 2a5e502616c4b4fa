import { isControllingRole } from '../model/enums';
import { RELATION_KIND_DISPLAY_SV, ROLE_DISPLAY_SV } from '../model/labels-sv';
import { SEVERITY_WEIGHT, SCORING_DEFAULTS } from '../scoring/index';
import { scoreRows } from '../store/analysis';
import type { Db } from '../store/db';
import type { EntityProfile, EntityRef, Fact, HitRow, RoleSpan, SubjectKind } from './contract';
import type { HitTable } from './hit-table';
import type { Labels } from './labels';

/**
 * Turns the stored profile (src/store/entities.ts getEntity, the `insyn show` object) into the
 * workbench's profile: labelled facts with provenance, roles as timeline spans, licences with
 * their inspections, financial events, sanctions, related entities, hits and the score split.
 */

type Raw = Record<string, unknown>;
type Prov = { dataset_id?: unknown; file?: unknown; line?: unknown; imported_at?: unknown } | null | undefined;

const FIELD_SV: Record<string, string> = {
  legal_form: 'Bolagsform', status: 'Status', registered_on: 'Registrerat', deregistered_on: 'Avregistrerat',
  alt_names: 'Andra namn', address: 'Adress', phone: 'Telefon', email: 'E-post', sni: 'SNI-kod',
  birth_date: 'Födelsedatum', deceased_on: 'Avliden', licence_kind: 'Tillståndsslag', unit_name: 'Enhetens namn',
  capacity: 'Platser', age_min: 'Lägsta ålder', age_max: 'Högsta ålder', target_group: 'Målgrupp', granted_on: 'Beviljat',
  status_on: 'Statusdatum', decision_ref: 'Beslut', reason: 'Skäl', municipality: 'Kommun', approved_capacity: 'Godkänt antal barn',
  approved_on: 'Godkänt', ended_on: 'Avslutat', consultant_org_nr: 'Konsulentverksamhet', org_nr: 'Organisationsnummer',
  holder: 'Tillståndshavare', parents: 'Familjehemsföräldrar', city: 'Ort', postal_code: 'Postnummer',
};

/** Role and relation names in the profile (src/model/labels-sv.ts). */
export const ROLE_SV: Readonly<Record<string, string>> = ROLE_DISPLAY_SV;
const RELATION_SV: Readonly<Record<string, string>> = RELATION_KIND_DISPLAY_SV;

const str = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
const num = (v: unknown): number | null => (typeof v === 'number' ? v : v === null || v === undefined || v === '' ? null : Number.isFinite(Number(v)) ? Number(v) : null);
const arr = (v: unknown): Raw[] => (Array.isArray(v) ? (v as Raw[]) : []);

function display(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (Array.isArray(v)) return v.length ? v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ') : null;
  if (typeof v === 'object') {
    const a = v as Raw;
    if ('street' in a || 'postal_code' in a) return [a.co ? `c/o ${a.co}` : null, a.street, [a.postal_code, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null;
    if ('org_nr' in a) return [a.name, a.org_nr].filter(Boolean).join(' ');
    return JSON.stringify(v);
  }
  return String(v);
}

function facts(raw: Raw, labels: Labels): Fact[] {
  const source = labels.source(raw.provenance as Prov);
  const out: Fact[] = [];
  const skip = new Set(['kind', 'id', 'name', 'provenance', 'hits', 'extra', 'address_key', 'key', 'history', 'row_id', 'src_file', 'src_line', 'dataset_id', 'imported_at', 'parent_ids', 'licence_id', 'home_id']);
  for (const [field, v] of Object.entries(raw)) {
    if (skip.has(field)) continue;
    if (Array.isArray(v) && v.length > 0 && typeof v[0] === 'object' && field !== 'parents') continue; // related lists have their own sections
    if (field === 'kind' && raw.kind === 'licence') continue;
    if (field === 'parents') {
      out.push({ field, label: FIELD_SV[field]!, value: arr(v).map((p) => [p.name, p.person_id].filter(Boolean).join(' ')).join(', ') || null, source });
      continue;
    }
    if (Array.isArray(v) && v.length === 0 && field !== 'alt_names') continue;
    out.push({ field, label: FIELD_SV[field] ?? field, value: display(v), source });
  }
  const extra = raw.extra;
  if (extra && typeof extra === 'object' && !Array.isArray(extra)) {
    for (const [k, v] of Object.entries(extra as Raw)) out.push({ field: k, label: k, value: display(v), source });
  }
  return out;
}

function roleSpans(list: Raw[], labels: Labels): RoleSpan[] {
  return list.map((r) => {
    const role = String(r.role ?? '');
    const orgNr = String(r.org_nr ?? '');
    const holderId = String(r.holder_id ?? '');
    return {
      orgNr,
      orgName: str(r.company_name) ?? labels.lookup(orgNr)?.label ?? null,
      holderId,
      holderKind: r.holder_kind === 'company' ? 'company' : 'person',
      holderName: str(r.holder_name) ?? labels.lookup(holderId)?.label ?? null,
      role,
      roleLabel: ROLE_SV[role] ?? role,
      sharePct: num(r.share_pct),
      controlling: isControllingRole(role, num(r.share_pct)),
      from: str(r.from),
      to: str(r.to),
      source: labels.source(r.provenance as Prov),
    };
  });
}

function licenceInfos(list: Raw[], inspections: Raw[], labels: Labels): EntityProfile['licences'] {
  return list.map((l) => {
    const id = String(l.licence_id ?? l.id ?? '');
    const orgNr = String(l.org_nr ?? '');
    return {
      licenceId: id,
      orgNr,
      orgName: labels.lookup(orgNr)?.label ?? null,
      kind: String(l.licence_kind ?? l.kind ?? ''),
      status: String(l.status ?? ''),
      unitName: str(l.unit_name),
      address: str(l.address),
      capacity: num(l.capacity),
      grantedOn: str(l.granted_on),
      statusOn: str(l.status_on),
      decisionRef: str(l.decision_ref),
      reason: str(l.reason),
      inspections: inspections
        .filter((i) => String(i.licence_id ?? '') === id || (!i.licence_id && list.length === 1))
        .map((i) => ({ decidedOn: str(i.decided_on), outcome: String(i.outcome ?? ''), findings: str(i.findings), tags: Array.isArray(i.tags) ? i.tags.map(String) : [], source: labels.source(i.provenance as Prov) })),
      source: labels.source(l.provenance as Prov),
    };
  });
}

function related(raw: Raw, id: string, labels: Labels): EntityProfile['related'] {
  const out = new Map<string, EntityProfile['related'][number]>();
  const add = (otherId: unknown, kind: string | undefined, relation: string, from: unknown, to: unknown, prov: Prov) => {
    const other = str(otherId);
    if (!other || other === id) return;
    const key = `${other}|${relation}`;
    if (out.has(key)) return;
    const ref = labels.ref(other, kind);
    out.set(key, { ...ref, relation, from: str(from), to: str(to), source: labels.source(prov) });
  };
  for (const r of arr(raw.roles)) {
    const role = ROLE_SV[String(r.role)] ?? String(r.role);
    if (raw.kind === 'company') add(r.holder_id, String(r.holder_kind ?? 'person'), role, r.from, r.to, r.provenance as Prov);
    else add(r.org_nr, 'company', `${role} i`, r.from, r.to, r.provenance as Prov);
  }
  for (const r of arr(raw.roles_held)) add(r.org_nr, 'company', `${ROLE_SV[String(r.role)] ?? r.role} i`, r.from, r.to, r.provenance as Prov);
  for (const e of arr(raw.employments)) {
    if (raw.kind === 'company') add(e.person_id, 'person', 'Anställd', e.from, e.to, e.provenance as Prov);
    else add(e.org_nr, 'company', 'Anställd hos', e.from, e.to, e.provenance as Prov);
  }
  for (const r of arr(raw.relations)) {
    const other = r.a_id === id ? r.b_id : r.a_id;
    const otherKind = r.a_id === id ? r.b_kind : r.a_kind;
    add(other, str(otherKind) ?? undefined, RELATION_SV[String(r.kind)] ?? String(r.kind), r.from, r.to, r.provenance as Prov);
  }
  for (const l of arr(raw.licences)) add(l.licence_id, 'licence', 'Tillstånd', l.granted_on, null, l.provenance as Prov);
  for (const f of arr(raw.foster_homes)) add(f.home_id, 'foster_home', 'Familjehemsförälder i', f.approved_on, f.ended_on, f.provenance as Prov);
  for (const p of arr(raw.parents)) add(p.person_id, 'person', 'Familjehemsförälder', null, null, raw.provenance as Prov);
  for (const e of arr(raw.employments_at_home)) add(e.person_id, 'person', 'Anställd i familjehemmet', e.from, e.to, e.provenance as Prov);
  const holder = raw.holder as Raw | undefined;
  if (holder?.org_nr) add(holder.org_nr, 'company', 'Tillståndshavare', null, null, raw.provenance as Prov);
  if (raw.consultant_org_nr) add(raw.consultant_org_nr, 'company', 'Konsulentverksamhet', null, null, raw.provenance as Prov);
  return [...out.values()];
}

function scoreBreakdown(db: Db, id: string, hits: HitRow[], rel: EntityRef[], runId: number | null): EntityProfile['score'] {
  if (runId === null) return null;
  // No stored row means neither direct nor network risk; still report zeros when the entity is
  // part of someone else's hit (e.g. an employee's), so the profile can explain the split.
  const own = scoreRows(db, runId, { subjectId: id })[0] ?? (hits.length > 0 ? { score: 0, network_score: 0 } : null);
  if (!own) return null;
  // Only neighbours that can have spread risk here: none when the stored network score is 0
  // (employment is not a network edge, so an employee's hit does not raise the employer).
  const neighbours = own.network_score > 0
    ? rel.map((r) => ({ ref: r, s: scoreRows(db, runId, { subjectId: r.id })[0] })).filter((x) => x.s && x.s.score > 0)
    : [];
  return {
    direct: own.score,
    network: own.network_score,
    directParts: hits.filter((h) => h.subjectId === id).map((h) => ({ hitKey: h.hitKey, signal: h.signal, severity: h.severity, contribution: SEVERITY_WEIGHT[h.severity] ?? 0 })),
    // Direct neighbours carrying risk, with the one-hop decay the network score applies.
    networkParts: neighbours.map((x) => ({ from: x.ref, via: (x.ref as { relation?: string }).relation ?? '', distance: 1, contribution: Math.round(x.s!.score * SCORING_DEFAULTS.decay * 1e4) / 1e4 })),
  };
}

export function toProfile(db: Db, raw: Raw, labels: Labels, hitTable: HitTable): EntityProfile {
  const id = String(raw.id);
  const kind = String(raw.kind) as SubjectKind;
  const { runId } = hitTable.current();
  const hits = hitTable.all().filter((e) => e.row.subjectId === id || e.row.relatedIds.includes(id)).map((e) => e.row);
  const rel = related(raw, id, labels);
  const licenceList = kind === 'licence' ? [raw] : arr(raw.licences);
  return {
    kind,
    id,
    name: str(raw.name),
    facts: facts(raw, labels),
    roles: roleSpans([...arr(raw.roles), ...arr(raw.roles_held)], labels),
    licences: licenceInfos(licenceList, arr(raw.inspections), labels),
    financialEvents: arr(raw.financial_events).map((f) => ({
      subjectId: String(f.subject_id ?? id), kind: String(f.kind ?? ''), amountSek: num(f.amount_sek), occurredOn: str(f.occurred_on),
      resolvedOn: str(f.resolved_on), sourceText: str(f.source), source: labels.source(f.provenance as Prov),
    })),
    sanctions: arr(raw.sanctions).map((s) => ({
      subjectId: String(s.subject_id ?? id), kind: String(s.kind ?? ''), offence: str(s.offence), from: str(s.from), to: str(s.to),
      decisionRef: str(s.decision_ref), source: labels.source(s.provenance as Prov),
    })),
    related: rel,
    hits,
    score: scoreBreakdown(db, id, hits, rel, runId),
  };
}

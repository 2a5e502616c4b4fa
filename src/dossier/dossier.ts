import type { Db } from '../store/db';
import { InsynError, type FailureCode } from '../model/errors';
import {
  companyLookup, employmentsAt, financialEventsOf, licenceLookup, licencesOfOrg, personLookup, reviewsOfOrg, rolesOfHolder, rolesOfOrg,
  sanctionRowsFor, type FinancialLookup, type LicenceLookup, type RoleLookup,
} from '../store/casework';
import { listHits } from '../analysis/queries';
import { isControllingRole, REVOKED_STATUSES, ROLES } from '../model/index';
import { normaliseOrgNr } from '../ids/orgnr';
import { normalisePersonId } from '../ids/personnummer';
import { appendAudit, auditHead, defaultActor } from '../audit/log';
import { formatSek } from '../export/html-kit';
import {
  COMPANY_STATUS_SV, FINANCIAL_KIND_SV, LICENCE_KIND_SV, LICENCE_STATUS_SV, OFFENCE_SV, PROFESSION_SV, ROLE_SV, SANCTION_KIND_SV, labelSv,
} from '../model/labels-sv';
import { signalTitle } from '../signals/titles';
import { addMonths, periodText, todayIso } from '../model/dates';
import { overlaps } from '../signals/periods';
import { renderDossierHtml } from './html';
import type { Dossier, DossierFinding, DossierRequest, DossierSection, EntityRef } from './types';

/**
 * Ägar- och ledningsprövning: for an applicant company and its declared personkrets, everything in
 * the store that bears on suitability as of a date — earlier companies and their fate, roles held
 * when licences were revoked, financial events, sanctions, undeclared controllers, and links to
 * earlier revoked networks — each with the `file:line` of the facts behind it.
 */
export class DossierError extends InsynError {
  constructor(message: string, code: FailureCode = 'invalid_input') {
    super(code, message);
  }
}

/** How far before a revocation a role counts as "held during" it (contract §4 revoked-network). */
const REVOCATION_WINDOW_MONTHS = 24;

const src = (r: { src_file: string; src_line: number }): string => `${r.src_file}:${r.src_line}`;
const roleSv = (role: string | null | undefined): string => labelSv(ROLE_SV, role, 'okänd roll');
const sv = (table: Readonly<Record<string, string>>, code: string): string => labelSv(table, code, '–');

interface Ctx {
  db: Db;
  asOf: string;
  applicant: string;
  companyRef(orgNr: string): EntityRef;
  personRef(id: string): EntityRef;
}


function isRevokedAsOf(l: LicenceLookup, asOf: string): boolean {
  return REVOKED_STATUSES.has(l.status) && l.status_on != null && l.status_on <= asOf;
}

function financialFindings(ctx: Ctx, events: FinancialLookup[], whose: string): DossierFinding[] {
  return events
    .filter((e) => e.occurred_on == null || e.occurred_on <= ctx.asOf)
    .map((e) => {
      const unresolved = e.resolved_on == null || e.resolved_on > ctx.asOf;
      const amount = e.amount_sek != null ? ` på ${formatSek(e.amount_sek)}` : '';
      const state = unresolved ? 'ej reglerad' : `reglerad ${e.resolved_on}`;
      const heavy = ['enforcement_debt', 'tax_arrears', 'bankruptcy'].includes(e.kind);
      return {
        kind: 'financial_event',
        severity: (unresolved ? (heavy ? 4 : 3) : 1) as DossierFinding['severity'],
        text: `${whose}: ${sv(FINANCIAL_KIND_SV, e.kind)}${amount} (${e.occurred_on ?? 'okänt datum'}), ${state}${e.source ? ` – källa ${e.source}` : ''}.`,
        sources: [src(e)],
        related: [],
        amountSek: e.amount_sek,
        unresolved,
      };
    });
}

function sanctionFindings(ctx: Ctx, subjectId: string, whose: string): DossierFinding[] {
  return sanctionRowsFor(ctx.db, [subjectId])
    .filter((s) => s.from_date == null || s.from_date <= ctx.asOf)
    .map((s) => {
      const inForce = s.to_date == null || s.to_date >= ctx.asOf;
      const offence = s.offence ? ` för ${sv(OFFENCE_SV, s.offence)}` : '';
      const kind = s.kind === 'licence_revoked_personal' ? 'legitimation_revoked' : s.kind;
      const severity = s.kind === 'trading_ban' ? (inForce ? 5 : 3) : s.kind === 'conviction' || s.kind === 'unsuitable' ? 4 : s.kind === 'suspicion' ? 2 : 3;
      const when = s.kind === 'trading_ban' ? `${periodText(s.from_date, s.to_date)}${inForce ? ', gäller fortfarande' : ', har upphört'}` : (s.from_date ?? 'okänt datum');
      return {
        kind,
        severity: severity as DossierFinding['severity'],
        text: `${whose}: ${sv(SANCTION_KIND_SV, s.kind)}${offence} (${when})${s.decision_ref ? `, beslut ${s.decision_ref}` : ''}.`,
        sources: [src(s)],
        related: [],
      };
    });
}

/**
 * Hits of the latest analysis run about `id`: those on it, and — for a person — those on a
 * company, licence, foster home or address that name the person among their related ids (e.g. a
 * board swapped after a finding, where the person left or came in). Generic over all signals.
 */
function hitFindings(ctx: Ctx, id: string, opts: { involved?: boolean } = {}): DossierFinding[] {
  const hits = listHits(ctx.db, { entityId: id }, { limit: 1000 }).items.filter((h) => h.subject_id === id || (opts.involved && h.subject_kind !== 'person' && h.related_ids.includes(id)));
  return hits.map((h) => {
    const own = h.subject_id === id;
    const refOf = (r: string): EntityRef => (/^\d{10}$/.test(r) ? ctx.companyRef(r) : ctx.personRef(r));
    const related = own ? h.related_ids.map(refOf) : [h.subject_kind === 'company' ? ctx.companyRef(h.subject_id) : { id: h.subject_id, kind: h.subject_kind as EntityRef['kind'], label: h.subject_id }];
    const about = own ? '' : ` för ${related[0]!.label}${related[0]!.label !== h.subject_id ? ` (${h.subject_id})` : ''}, där personen förekommer`;
    return {
      kind: h.signal === 'revoked-network' ? 'revoked_network' : own ? 'hit' : 'involved_in_hit',
      severity: Math.max(1, Math.min(5, h.severity)) as DossierFinding['severity'],
      text: `Larm ”${signalTitle(h.signal)}”${about}: ${h.evidence.map((e) => e.text).join(' ')}`,
      sources: [...new Set(h.evidence.map((e) => e.source))],
      related,
    };
  });
}

/** A person registered as deceased (folkbokföring) on or before the as-of date. */
function deceasedFindings(ctx: Ctx, personId: string, whose: string, declared: boolean): DossierFinding[] {
  const p = personLookup(ctx.db, personId);
  if (!p?.deceased_on || p.deceased_on > ctx.asOf) return [];
  return [{
    kind: 'deceased',
    severity: 5,
    text: `${whose} avled ${p.deceased_on} enligt folkbokföringen${declared ? ' men ingår i den anmälda personkretsen' : ' men står kvar i registret med bestämmande inflytande'}.`,
    sources: [src(p)],
    related: [],
  }];
}

/** Earlier (other) companies of a holder: their fate, and the holder's roles during revocations. */
function earlierCompanyFindings(ctx: Ctx, holderId: string, whose: string): DossierFinding[] {
  const out: DossierFinding[] = [];
  const byOrg = new Map<string, RoleLookup[]>();
  for (const r of rolesOfHolder(ctx.db, holderId)) {
    if (r.org_nr === ctx.applicant || (r.from_date != null && r.from_date > ctx.asOf)) continue;
    (byOrg.get(r.org_nr) ?? byOrg.set(r.org_nr, []).get(r.org_nr)!).push(r);
  }
  for (const [orgNr, roles] of byOrg) {
    const ref = ctx.companyRef(orgNr);
    const company = companyLookup(ctx.db, orgNr);
    const roleText = roles.map((r) => `${roleSv(r.role)} ${periodText(r.from_date, r.to_date)}`).join(', ');
    const roleSources = roles.map(src);
    const fates: DossierFinding[] = [];
    for (const l of licencesOfOrg(ctx.db, orgNr).filter((l) => isRevokedAsOf(l, ctx.asOf))) {
      const windowStart = addMonths(l.status_on!, -REVOCATION_WINDOW_MONTHS);
      const during = roles.filter((r) => isControllingRole(r.role, r.share_pct) && overlaps({ from: r.from_date, to: r.to_date }, { from: windowStart, to: l.status_on! }));
      const what = `tillståndet ${l.licence_id} (${sv(LICENCE_KIND_SV, l.kind)}) ${sv(LICENCE_STATUS_SV, l.status)} ${l.status_on}${l.reason ? ` – ${l.reason}` : ''}`;
      if (during.length > 0) {
        fates.push({
          kind: 'role_during_revocation',
          severity: 5,
          text: `${whose} var ${during.map((r) => `${roleSv(r.role)} (${periodText(r.from_date, r.to_date)})`).join(' och ')} i ${ref.label} under de ${REVOCATION_WINDOW_MONTHS} månaderna före att ${what}.`,
          sources: [...during.map(src), src(l)],
          related: [ref, { id: l.licence_id, kind: 'licence', label: l.unit_name ?? l.licence_id }],
        });
      } else {
        fates.push({
          kind: 'revoked_company',
          severity: 3,
          text: `${whose} har haft roller i ${ref.label} (${roleText}), där ${what}.`,
          sources: [...roleSources, src(l)],
          related: [ref, { id: l.licence_id, kind: 'licence', label: l.unit_name ?? l.licence_id }],
        });
      }
    }
    // A company's fate speaks to a holder's suitability only if the holder controlled it (not as auditor or liquidator).
    const controlled = roles.some((r) => isControllingRole(r.role, r.share_pct));
    const status = company?.status;
    if (controlled && company && status && status !== 'active') {
      const kind = status === 'bankruptcy' ? 'bankruptcy' : status === 'liquidation' ? 'liquidation' : 'deregistered';
      fates.push({
        kind,
        severity: kind === 'bankruptcy' ? 4 : kind === 'liquidation' ? 3 : 2,
        text: `${ref.label}, där ${whose} varit ${roleText}, är ${sv(COMPANY_STATUS_SV, status)}${company.deregistered_on ? ` (avregistrerat ${company.deregistered_on})` : ''}.`,
        sources: [src(company), ...roleSources],
        related: [ref],
      });
    }
    for (const e of financialEventsOf(ctx.db, orgNr).filter((e) => controlled && (e.kind === 'bankruptcy' || e.kind === 'liquidation') && (e.occurred_on == null || e.occurred_on <= ctx.asOf))) {
      if (fates.some((f) => f.kind === e.kind)) continue;
      fates.push({
        kind: e.kind,
        severity: e.kind === 'bankruptcy' ? 4 : 3,
        text: `${ref.label}, där ${whose} varit ${roleText}: ${sv(FINANCIAL_KIND_SV, e.kind)} ${e.occurred_on ?? ''}.`.replace(' .', '.'),
        sources: [src(e), ...roleSources],
        related: [ref],
      });
    }
    if (fates.length === 0) {
      fates.push({ kind: 'earlier_company', severity: null, text: `${whose} har haft roller i ${ref.label}: ${roleText}.`, sources: roleSources, related: [ref] });
    }
    out.push(...fates);
  }
  return out;
}

/** A declared chair is a board member; otherwise the declared role must be on the register as such. */
const ROLE_ALSO: Record<string, readonly string[]> = { board_member: ['chair'] };

const activeAt = (r: { from_date: string | null; to_date: string | null }, asOf: string): boolean =>
  (r.from_date == null || r.from_date <= asOf) && (r.to_date == null || r.to_date >= asOf);

/**
 * A person declared in a role the register does not show at the applicant on the as-of date
 * (declared VD, registered only as employee): the declaration and the register disagree. The
 * finding names what the register does show, with sources, so the investigator can compare.
 */
function declaredRoleFindings(ctx: Ctx, personId: string, declaredRole: string | null, whose: string, declaredSource: string | null): DossierFinding[] {
  // Free-text roles (older review rows) cannot be compared with the register's codes.
  if (!declaredRole || !(ROLES as readonly string[]).includes(declaredRole)) return [];
  const wanted = new Set([declaredRole, ...(ROLE_ALSO[declaredRole] ?? [])]);
  const roles = rolesOfOrg(ctx.db, ctx.applicant).filter((r) => r.holder_id === personId && activeAt(r, ctx.asOf));
  if (roles.some((r) => wanted.has(r.role))) return [];
  const jobs = employmentsAt(ctx.db, ctx.applicant, personId).filter((e) => activeAt(e, ctx.asOf));
  const shown = [
    ...roles.map((r) => `${roleSv(r.role)} ${periodText(r.from_date, r.to_date)}`),
    ...jobs.map((e) => `anställd${e.profession ? ` som ${labelSv(PROFESSION_SV, e.profession, '')}` : e.title ? ` som ${e.title}` : ''} ${periodText(e.from_date, e.to_date)}`),
  ];
  const company = ctx.companyRef(ctx.applicant).label;
  const register = shown.length > 0 ? `registret visar i stället: ${shown.join(', ')}` : 'registret visar ingen roll eller anställning hos sökanden';
  return [{
    kind: 'declared_role_not_in_register',
    severity: 3,
    text: `${whose} är anmäld som ${roleSv(declaredRole)} i ${company}, men den rollen finns inte i registret per ${ctx.asOf}; ${register}.`,
    sources: [...(declaredSource ? [declaredSource] : []), ...roles.map(src), ...jobs.map(src)],
    related: [],
  }];
}

function bySeverity(a: DossierFinding, b: DossierFinding): number {
  return (b.severity ?? 0) - (a.severity ?? 0);
}

export function buildDossier(db: Db, req: DossierRequest, options: { actor?: string; today?: string } | string = {}): Dossier {
  // The API passes the actor as a plain string; tests pass options.
  const opts = typeof options === 'string' ? { actor: options } : options;
  const asOf = req.asOf ?? opts.today ?? todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new DossierError(`Ogiltigt datum: ${asOf} (förväntade ÅÅÅÅ-MM-DD)`);
  let orgNr: string;
  let licenceId: string | null = null;
  let declared: { personId: string; role: string | null; source: string | null }[];
  if ('licenceId' in req) {
    const licence = licenceLookup(db, req.licenceId.trim());
    if (!licence) throw new DossierError(`Tillståndet ${req.licenceId} finns inte i databasen`, 'not_found');
    licenceId = licence.licence_id;
    orgNr = licence.org_nr;
    const seen = new Set<string>();
    declared = [];
    for (const r of reviewsOfOrg(db, orgNr)) {
      if (seen.has(r.person_id)) continue;
      seen.add(r.person_id);
      declared.push({ personId: r.person_id, role: r.role, source: src(r) });
    }
  } else {
    const o = normaliseOrgNr(req.orgNr);
    if (!o.ok) throw new DossierError(`Ogiltigt organisationsnummer ${req.orgNr}: ${o.reasonSv}`);
    orgNr = o.value;
    declared = req.personkrets.map((p) => {
      const id = normalisePersonId(p.personId);
      if (!id.ok) throw new DossierError(`Ogiltigt personnummer ${p.personId}: ${id.reasonSv}`);
      return { personId: id.value, role: p.role?.trim() || null, source: null };
    });
  }

  const companyNames = new Map<string, string | null>();
  const ctx: Ctx = {
    db, asOf, applicant: orgNr,
    companyRef(id) {
      if (!companyNames.has(id)) companyNames.set(id, companyLookup(db, id)?.name ?? null);
      return { id, kind: 'company', label: companyNames.get(id) ?? id };
    },
    personRef(id) {
      return { id, kind: 'person', label: personLookup(db, id)?.name ?? id };
    },
  };

  const company = companyLookup(db, orgNr);
  const companyRef = ctx.companyRef(orgNr);
  const companyFindings: DossierFinding[] = [];
  if (!company) {
    companyFindings.push({ kind: 'not_in_store', severity: null, text: `Sökanden ${orgNr} finns inte i databasen; uppgifterna nedan gäller personkretsen.`, sources: [], related: [] });
  } else if (company.status && company.status !== 'active') {
    companyFindings.push({ kind: company.status === 'bankruptcy' ? 'bankruptcy' : company.status === 'liquidation' ? 'liquidation' : 'deregistered', severity: 4, text: `Sökanden är ${sv(COMPANY_STATUS_SV, company.status)}.`, sources: [src(company)], related: [] });
  }
  for (const l of licencesOfOrg(db, orgNr).filter((l) => l.granted_on == null || l.granted_on <= asOf || l.status === 'applied')) {
    const revoked = isRevokedAsOf(l, asOf);
    companyFindings.push({
      kind: revoked ? 'revoked_company' : 'licence',
      severity: revoked ? 4 : null,
      text: `Tillstånd ${l.licence_id} (${sv(LICENCE_KIND_SV, l.kind)}${l.unit_name ? `, ${l.unit_name}` : ''}): ${sv(LICENCE_STATUS_SV, l.status)}${l.status_on ? ` ${l.status_on}` : ''}${l.reason ? ` – ${l.reason}` : ''}.`,
      sources: [src(l)],
      related: [{ id: l.licence_id, kind: 'licence', label: l.unit_name ?? l.licence_id }],
    });
  }
  companyFindings.push(...financialFindings(ctx, financialEventsOf(db, orgNr), 'Sökanden'));
  companyFindings.push(...sanctionFindings(ctx, orgNr, 'Sökanden'));
  companyFindings.push(...hitFindings(ctx, orgNr));

  // Controllers in the register at the as-of date, against the declared personkrets.
  const declaredIds = new Set(declared.map((d) => d.personId));
  const controllers = rolesOfOrg(db, orgNr).filter(
    (r) => isControllingRole(r.role, r.share_pct) && (r.from_date == null || r.from_date <= asOf) && (r.to_date == null || r.to_date >= asOf),
  );
  const undeclaredRoles = new Map<string, RoleLookup[]>();
  for (const r of controllers) {
    if (r.holder_kind === 'company' || /^\d{10}$/.test(r.holder_id)) {
      const owner = ctx.companyRef(r.holder_id);
      companyFindings.push({ kind: 'corporate_owner', severity: 2, text: `${owner.label} (${owner.id}) är ${roleSv(r.role)}${r.share_pct != null ? ` (${r.share_pct} %)` : ''} i sökanden sedan ${r.from_date ?? 'okänt datum'}; personerna bakom bolaget prövas inte här.`, sources: [src(r)], related: [owner] });
      continue;
    }
    if (declaredIds.has(r.holder_id)) continue;
    (undeclaredRoles.get(r.holder_id) ?? undeclaredRoles.set(r.holder_id, []).get(r.holder_id)!).push(r);
  }
  if (licenceId && declared.length === 0) {
    companyFindings.push({
      kind: 'no_personkrets',
      severity: 2,
      text: 'Ingen prövad personkrets finns registrerad för sökanden (reviewed_persons); alla med bestämmande inflytande enligt registret redovisas som ej anmälda.',
      sources: [],
      related: [],
    });
  }
  const undeclared = [...undeclaredRoles].map(([id, roles]) => ({ ...ctx.personRef(id), role: roles.map((r) => r.role).join(', '), source: src(roles[0]!) }));
  for (const u of undeclared) {
    const roles = undeclaredRoles.get(u.id)!;
    companyFindings.push({
      kind: 'undeclared_controller',
      severity: 4,
      text: `${u.label} (${u.id}) är ${roles.map((r) => `${roleSv(r.role)} sedan ${r.from_date ?? 'okänt datum'}`).join(' och ')} enligt registret men finns inte i den anmälda personkretsen.`,
      sources: roles.map(src),
      related: [{ id: u.id, kind: 'person', label: u.label }],
    });
  }

  const personSection = (personId: string, role: string | null, isDeclared: boolean, declaredSource: string | null): DossierSection => {
    const ref = ctx.personRef(personId);
    const whose = ref.label !== personId ? ref.label : personId;
    const findings: DossierFinding[] = [];
    if (!personLookup(db, personId) && rolesOfHolder(db, personId).length === 0) {
      findings.push({ kind: 'not_in_store', severity: null, text: `${personId} finns inte i databasen.`, sources: declaredSource ? [declaredSource] : [], related: [] });
    }
    if (isDeclared) findings.push(...declaredRoleFindings(ctx, personId, role, whose, declaredSource));
    findings.push(...deceasedFindings(ctx, personId, whose, isDeclared));
    findings.push(...earlierCompanyFindings(ctx, personId, whose));
    findings.push(...financialFindings(ctx, financialEventsOf(db, personId), whose));
    findings.push(...sanctionFindings(ctx, personId, whose));
    findings.push(...hitFindings(ctx, personId, { involved: true }));
    return { subject: ref, declared: isDeclared, role, findings: findings.sort(bySeverity) };
  };

  const sections: DossierSection[] = [
    { subject: companyRef, declared: true, role: null, findings: companyFindings.sort(bySeverity) },
    ...declared.map((d) => personSection(d.personId, d.role, true, d.source)),
    ...undeclared.map((u) => personSection(u.id, u.role, false, u.source)),
  ];

  const dossier: Omit<Dossier, 'html'> = {
    asOf,
    applicant: { orgNr, name: company?.name ?? null, inStore: company != null },
    licenceId,
    sections,
    undeclared,
  };
  const head = auditHead(db);
  appendAudit(db, {
    actor: opts.actor ?? defaultActor(),
    action: 'dossier',
    details: {
      orgNr, licenceId, asOf, personkrets: declared.map((d) => d.personId), undeclared: undeclared.map((u) => u.id),
      findings: sections.reduce((n, s) => n + s.findings.length, 0),
    },
  });
  return { ...dossier, html: renderDossierHtml(dossier, head) };
}

import { z } from 'zod';
import { countSv } from '../model/labels-sv';
import type { CompanyFact, LicenceFact, RoleFact } from '../model/rows';
import { kindGroupOf } from '../model/index';
import { addMonths } from '../model/dates';
import { clampSeverity, evidence } from './evidence';
import { licenceStatusAsOf, revocationDate } from './licences';
import { controllingRolesAsOf } from './roles';
import { companyLabel, kindSv, licenceText, roleText, statusSv } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const params = z.strictObject({
  /** The new company registered, or applied for a licence, at most this many months after the revocation. */
  windowMonths: z.number().int().min(0).max(600).default(36),
});
type Params = z.infer<typeof params>;

/** Statuses in which a company "has or seeks" a licence at as-of. */
const HAS_OR_SEEKS = new Set(['granted', 'applied']);

interface Revocation { licence: LicenceFact; on: string; group: string }
interface Start { date: string; what: string; fact: { prov: LicenceFact['prov']; key: string }; table: 'companies' | 'licences' }

function describe(p: Params): string {
  return `Bolaget registrerades eller sökte tillstånd högst ${countSv(p.windowMonths, 'månad', 'månader')} efter att ett annat bolags tillstånd återkallats, delar med det bolaget en person med kontrollerande roll, en adress (registrerad adress eller verksamhetsadress, i vilken kombination som helst) eller telefon/e-post, och har eller söker tillstånd för liknande verksamhet.`;
}

/**
 * phoenix-continuation (contract §4): a company that registered, or applied for a licence (its
 * granted_on, or status_on while `applied`), within 36 months after another company's licence
 * was revoked; shares with that company a controlling holder, an address (any of either
 * company's addresses: registered address and licence unit addresses), or phone/e-mail;
 * and has or seeks (at as-of) a licence in the same kind group as the revoked one.
 *
 * Severity: 2 + the number of kinds of link (controlling holder, unit address, contact details),
 * +1 when the new start came within 12 months of the revocation; capped at 5.
 */
export const signal: SignalDefinition<Params> = {
  id: 'phoenix-continuation',
  title: 'Verksamhet fortsätter i nytt bolag efter återkallelse',
  description: describe(params.parse({})),
  describe,
  basis: 'IVO, Vad har IVO sett 2024: verksamheten fortsätter trots förbud eller återkallelse, i nytt bolag under nytt namn, ofta i samma lokaler med samma personer.',
  subjectKinds: ['company'],
  params,
  defaults: params.parse({}),
  // Revocations and unit addresses come from licences; registration, contacts (companies) or
  // shared controlling persons (roles) give the other links, either suffices.
  requires: ['licences', ['companies', 'roles']],
  evaluate({ facts, asOf, params: p }) {
    const revocations = new Map<string, Revocation[]>();
    for (const l of facts.licences) {
      const on = revocationDate(l, asOf);
      if (on == null) continue;
      const list = revocations.get(l.org_nr) ?? [];
      list.push({ licence: l, on, group: kindGroupOf(l.kind) ?? l.kind });
      revocations.set(l.org_nr, list);
    }
    if (revocations.size === 0) return [];

    // Link indexes from the revoked companies outward.
    const addressIndex = new Map<string, Place[]>();
    for (const l of facts.licences) if (l.address_key && existsAt(l, asOf)) push(addressIndex, l.address_key, unitPlace(l));
    for (const c of facts.companies.values()) {
      if (c.address_key && (c.registered_on == null || c.registered_on <= asOf)) push(addressIndex, c.address_key, registeredPlace(c));
    }
    const contacts = new Map<string, CompanyFact[]>();
    for (const c of facts.companies.values()) for (const k of contactKeys(c)) push(contacts, k, c);

    const hits: Hit[] = [];
    const candidates = new Map<string, Set<string>>(); // new company → revoked companies to check
    for (const oldOrg of revocations.keys()) {
      for (const r of controllingRolesAsOf(facts.rolesByOrg.get(oldOrg), asOf)) {
        for (const r2 of controllingRolesAsOf(facts.rolesByHolder.get(r.holder_id), asOf)) addCandidate(candidates, r2.org_nr, oldOrg);
      }
      for (const a of placesOf(facts, oldOrg, asOf)) for (const b of addressIndex.get(a.addressKey) ?? []) addCandidate(candidates, b.org, oldOrg);
      const oc = facts.companies.get(oldOrg);
      if (oc) for (const k of contactKeys(oc)) for (const c2 of contacts.get(k) ?? []) addCandidate(candidates, c2.org_nr, oldOrg);
    }

    for (const [newOrg, olds] of candidates) {
      const company = facts.companies.get(newOrg);
      if (company?.registered_on != null && company.registered_on > asOf) continue;
      const own = (facts.licencesByOrg.get(newOrg) ?? []).filter((l) => HAS_OR_SEEKS.has(licenceStatusAsOf(l, asOf)));
      if (own.length === 0) continue;
      const ev: Evidence[] = [];
      const related: string[] = [];
      let best = 0;
      for (const oldOrg of [...olds].sort()) {
        if (oldOrg === newOrg) continue;
        for (const rev of revocations.get(oldOrg)!) {
          const fitting = own.filter((l) => (kindGroupOf(l.kind) ?? l.kind) === rev.group);
          if (fitting.length === 0) continue;
          const start = startsWithin(company, fitting, rev.on, addMonths(rev.on, p.windowMonths), asOf);
          if (!start) continue;
          const links = sharedLinks(facts, oldOrg, newOrg, asOf);
          const kinds = (links.roles.length ? 1 : 0) + (links.units.length ? 1 : 0) + (links.contact.length ? 1 : 0);
          if (kinds === 0) continue;
          related.push(oldOrg);
          ev.push(evidence(`${licenceText(facts, rev.licence)}: ${statusSv(rev.licence.status)} ${rev.on}.`, rev.licence, 'licences'));
          ev.push(evidence(`${start.what} ${start.date}, inom ${p.windowMonths} månader efter återkallelsen ${rev.on}.`, start.fact, start.table));
          for (const l of fitting.filter((f) => f !== (start.table === 'licences' ? findLicence(fitting, start) : null))) {
            ev.push(evidence(`${licenceText(facts, l)}: ${statusSv(licenceStatusAsOf(l, asOf))} – samma slags verksamhet som ${kindSv(rev.licence.kind)}.`, l, 'licences'));
          }
          for (const [a, b] of links.roles) {
            ev.push(evidence(`Gemensam kontrollerande företrädare: ${roleText(facts, a)}.`, a, 'roles'));
            ev.push(evidence(`… och ${roleText(facts, b)}.`, b, 'roles'));
          }
          for (const [a, b] of links.units) {
            ev.push(evidence(`Samma adress: ${a.text}…`, a.fact, a.table));
            ev.push(evidence(`… och ${b.text}.`, b.fact, b.table));
          }
          for (const [a, b, what] of links.contact) {
            ev.push(evidence(`Samma ${what} för ${companyLabel(facts, a.org_nr)}…`, a, 'companies'));
            ev.push(evidence(`… och ${companyLabel(facts, b.org_nr)}.`, b, 'companies'));
          }
          const months = monthsAfter(rev.on, start.date);
          best = Math.max(best, 2 + kinds + (months <= 12 ? 1 : 0));
          break;
        }
      }
      if (related.length === 0) continue;
      hits.push({ signal: 'phoenix-continuation', subject_kind: 'company', subject_id: newOrg, related_ids: [...new Set(related)].sort(), severity: clampSeverity(best), evidence: ev });
    }
    return hits;
  },
};

/** An address a company is found at: its registered address or a licence unit's address. */
interface Place { org: string; addressKey: string; text: string; fact: { prov: LicenceFact['prov']; key: string }; table: 'companies' | 'licences' }

function unitPlace(l: LicenceFact): Place {
  const unit = l.unit_name ? ` «${l.unit_name}»` : '';
  return { org: l.org_nr, addressKey: l.address_key!, text: `${l.address ?? ''} ${l.postal_code ?? ''}, verksamhetsadress för tillstånd ${l.licence_id}${unit} (${l.org_nr})`.trim(), fact: l, table: 'licences' };
}

function registeredPlace(c: CompanyFact): Place {
  return { org: c.org_nr, addressKey: c.address_key!, text: `${c.address ?? ''} ${c.postal_code ?? ''}, registrerad adress för ${c.name ?? 'bolaget'} (${c.org_nr})`.trim(), fact: c, table: 'companies' };
}

/** Every address of a company at as-of: registered address and its licences' unit addresses. */
function placesOf(facts: import('../analysis/facts').Facts, org: string, asOf: string): Place[] {
  const out: Place[] = [];
  const c = facts.companies.get(org);
  if (c?.address_key) out.push(registeredPlace(c));
  for (const l of facts.licencesByOrg.get(org) ?? []) if (l.address_key && existsAt(l, asOf)) out.push(unitPlace(l));
  return out;
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function addCandidate(m: Map<string, Set<string>>, newOrg: string, oldOrg: string): void {
  if (newOrg === oldOrg) return;
  const s = m.get(newOrg) ?? new Set<string>();
  s.add(oldOrg);
  m.set(newOrg, s);
}

function existsAt(l: LicenceFact, asOf: string): boolean {
  return (l.granted_on ?? l.status_on ?? '0000') <= asOf;
}

function normPhone(p: string | null): string | null {
  const d = p?.replace(/\D/g, '').replace(/^46/, '0') ?? '';
  return d.length >= 6 ? d : null;
}

function contactKeys(c: CompanyFact): string[] {
  const out: string[] = [];
  const ph = normPhone(c.phone);
  if (ph) out.push(`tel:${ph}`);
  const em = c.email?.trim().toLowerCase();
  if (em && em.includes('@')) out.push(`mail:${em}`);
  return out;
}

/** The earliest start of the new company in [from, to] (and not after as-of): registration or licence application. */
function startsWithin(company: CompanyFact | undefined, licences: LicenceFact[], from: string, to: string, asOf: string): Start | null {
  const starts: Start[] = [];
  if (company?.registered_on) starts.push({ date: company.registered_on, what: `${company.name ?? company.org_nr} (${company.org_nr}) registrerades`, fact: company, table: 'companies' });
  for (const l of licences) {
    if (l.granted_on) starts.push({ date: l.granted_on, what: `Tillstånd ${l.licence_id} beviljades`, fact: l, table: 'licences' });
    else if (l.status === 'applied' && l.status_on) starts.push({ date: l.status_on, what: `Ansökan om tillstånd ${l.licence_id} lämnades`, fact: l, table: 'licences' });
  }
  const ok = starts.filter((s) => s.date >= from && s.date <= to && s.date <= asOf).sort((a, b) => a.date.localeCompare(b.date));
  return ok[0] ?? null;
}

function findLicence(list: LicenceFact[], start: Start): LicenceFact | null {
  return list.find((l) => l.key === start.fact.key) ?? null;
}

function monthsAfter(a: string, b: string): number {
  const [ay, am] = a.split('-').map(Number) as [number, number];
  const [by, bm] = b.split('-').map(Number) as [number, number];
  return (by - ay) * 12 + (bm - am);
}

function sharedLinks(facts: import('../analysis/facts').Facts, oldOrg: string, newOrg: string, asOf: string) {
  const roles: [RoleFact, RoleFact][] = [];
  const oldRoles = controllingRolesAsOf(facts.rolesByOrg.get(oldOrg), asOf);
  const newRoles = controllingRolesAsOf(facts.rolesByOrg.get(newOrg), asOf);
  const seen = new Set<string>();
  for (const a of oldRoles) {
    if (seen.has(a.holder_id)) continue;
    const b = newRoles.find((r) => r.holder_id === a.holder_id);
    if (b) { roles.push([a, b]); seen.add(a.holder_id); }
  }
  const units: [Place, Place][] = [];
  const newPlaces = placesOf(facts, newOrg, asOf);
  for (const a of placesOf(facts, oldOrg, asOf)) {
    const b = newPlaces.find((x) => x.addressKey === a.addressKey);
    if (b && !units.some(([x]) => x.addressKey === a.addressKey)) units.push([a, b]);
  }
  const contact: [CompanyFact, CompanyFact, string][] = [];
  const oc = facts.companies.get(oldOrg);
  const nc = facts.companies.get(newOrg);
  if (oc && nc) {
    const np = normPhone(nc.phone);
    if (np && normPhone(oc.phone) === np) contact.push([oc, nc, `telefonnummer ${nc.phone}`]);
    const ne = nc.email?.trim().toLowerCase();
    if (ne && ne.includes('@') && oc.email?.trim().toLowerCase() === ne) contact.push([oc, nc, `e-postadress ${nc.email}`]);
  }
  return { roles, units, contact };
}

import { z } from 'zod';
import type { CompanyFact, FosterHomeFact, LicenceFact } from '../model/rows';
import { clampSeverity, evidence } from './evidence';
import { isGrantedAsOf } from './licences';
import { companyLabel, kindSv, numberSv } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const params = z.strictObject({
  minCompanies: z.number().int().min(1).default(5),
  minLicenceUnits: z.number().int().min(1).default(3),
  /** Evidence lists at most this many companies (the count is always stated). */
  maxListed: z.number().int().min(1).default(20),
});
type Params = z.infer<typeof params>;

function describe(p: Params): string {
  const companies = p.minCompanies === 1 ? 'minst ett registrerat bolag' : `minst ${numberSv(p.minCompanies)} registrerade bolag`;
  const units = p.minLicenceUnits === 1 ? 'minst en tillståndsgiven verksamhetsenhet' : `minst ${numberSv(p.minLicenceUnits)} tillståndsgivna verksamhetsenheter`;
  return `På samma normaliserade adress finns ${companies}, ${units}, eller både ett familjehem och en tillståndshavares enhet.`;
}

/**
 * address-hub (contract §4), on the normalised address key: ≥ 5 companies registered there
 * (registered on or before as-of, not deregistered by as-of), or ≥ 3 licence units there
 * (licences granted at as-of), or a foster home (approved by and not ended at as-of) and a
 * licence holder's unit (licence granted at as-of) at the same address.
 *
 * Severity: companies only 2 (3 from twice the threshold); licence units 3; foster home with
 * licensed unit 4; +1 when more than one condition holds; capped at 5.
 */
export const signal: SignalDefinition<Params> = {
  id: 'address-hub',
  title: 'Adress med många bolag, enheter eller familjehem',
  description: describe(params.parse({})),
  describe,
  basis: 'IVO, Vad har IVO sett 2024: skenadresser, och familjehem som i praktiken drivs som HVB i lokaler där familjehemsföräldrarna inte bor.',
  subjectKinds: ['address'],
  params,
  defaults: params.parse({}),
  requires: [['companies', 'licences']],
  evaluate({ facts, asOf, params: p }) {
    const companies = new Map<string, CompanyFact[]>();
    for (const c of facts.companies.values()) {
      if (!c.address_key || !registeredAt(c, asOf)) continue;
      push(companies, c.address_key, c);
    }
    const units = new Map<string, LicenceFact[]>();
    for (const l of facts.licences) if (l.address_key && isGrantedAsOf(l, asOf)) push(units, l.address_key, l);
    const homes = new Map<string, FosterHomeFact[]>();
    for (const h of facts.fosterHomes.values()) {
      if (!h.address_key || (h.approved_on != null && h.approved_on > asOf) || (h.ended_on != null && h.ended_on <= asOf)) continue;
      push(homes, h.address_key, h);
    }

    const hits: Hit[] = [];
    const keys = new Set<string>();
    for (const [k, list] of companies) if (list.length >= p.minCompanies) keys.add(k);
    for (const [k, list] of units) if (list.length >= p.minLicenceUnits) keys.add(k);
    for (const k of homes.keys()) if (units.has(k)) keys.add(k);

    for (const key of keys) {
      const cs = companies.get(key) ?? [];
      const us = units.get(key) ?? [];
      const hs = homes.get(key) ?? [];
      const ev: Evidence[] = [];
      const related: string[] = [];
      let conditions = 0;
      let sev = 0;
      if (cs.length >= p.minCompanies) {
        conditions++;
        sev = Math.max(sev, cs.length >= 2 * p.minCompanies ? 3 : 2);
        ev.push({ text: `${cs.length} bolag registrerade på adressen ${key} (gräns ${p.minCompanies}).`, source: src(cs[0]!) });
        for (const c of cs.slice(0, p.maxListed)) ev.push(evidence(`${companyLabel(facts, c.org_nr)} registrerat på ${c.address ?? ''}, ${c.postal_code ?? ''} ${c.city ?? ''}.`, c, 'companies'));
        related.push(...cs.map((c) => c.org_nr));
      }
      if (us.length >= p.minLicenceUnits) {
        conditions++;
        sev = Math.max(sev, 3);
        ev.push({ text: `${us.length} tillståndsgivna verksamhetsenheter på adressen ${key} (gräns ${p.minLicenceUnits}).`, source: src(us[0]!) });
      }
      if (hs.length > 0 && us.length > 0) {
        conditions++;
        sev = Math.max(sev, 4);
        for (const h of hs) ev.push(evidence(`Familjehem ${h.home_id} på ${h.address}, ${h.postal_code ?? ''} ${h.city ?? ''} (godkänt ${h.approved_on ?? 'okänt datum'}).`, h, 'foster_homes'));
        related.push(...hs.map((h) => h.home_id));
      }
      if (us.length >= p.minLicenceUnits || hs.length > 0) {
        for (const l of us) ev.push(evidence(`Tillstånd ${l.licence_id}${l.unit_name ? ` «${l.unit_name}»` : ''} (${kindSv(l.kind)}) för ${companyLabel(facts, l.org_nr)} på ${l.address ?? ''}, ${l.postal_code ?? ''}.`, l, 'licences'));
        related.push(...us.map((l) => l.licence_id));
      }
      hits.push({
        signal: 'address-hub',
        subject_kind: 'address',
        subject_id: key,
        related_ids: [...new Set(related)].sort(),
        severity: clampSeverity(sev + (conditions > 1 ? 1 : 0)),
        evidence: ev,
      });
    }
    return hits;
  },
};

function registeredAt(c: CompanyFact, asOf: string): boolean {
  if (c.registered_on != null && c.registered_on > asOf) return false;
  if (c.deregistered_on != null) return c.deregistered_on > asOf;
  return c.status !== 'deregistered';
}

function push<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

const src = (f: { prov: { file: string; line: number } }): string => `${f.prov.file}:${f.prov.line}`;

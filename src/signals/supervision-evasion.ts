import { z } from 'zod';
import type { Facts } from '../analysis/facts';
import type { InspectionFact } from '../model/rows';
import { addMonths } from '../model/dates';
import { INSPECTION_TAGS } from '../model/index';
import { INSPECTION_OUTCOME_DISPLAY_SV, INSPECTION_TAG_DISPLAY_SV, labelSv } from '../model/labels-sv';
import { clampSeverity, evidence } from './evidence';
import { holderOrApplicantLicence, holderOrApplicantSv } from './licences';
import { companyLabel, kindSv } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const EVASION_TAGS = ['documents_withheld', 'access_refused', 'false_information'] as const;

const params = z.strictObject({
  windowMonths: z.number().int().min(1).max(600).default(24).describe('Tidsfönster före analysdatum (månader)'),
  minInjunctions: z.number().int().min(1).default(2).describe('Minsta antal förelägganden i fönstret'),
  evasionTags: z.array(z.enum(INSPECTION_TAGS)).default([...EVASION_TAGS]).describe('Inspektionstaggar som visar att tillsynen försvårats'),
  /** Severity 4 from this many injunctions (or two different evasion tags). */
  severeInjunctions: z.number().int().min(1).default(3).describe('Antal förelägganden som ger allvarlighetsgrad 4'),
});
type Params = z.infer<typeof params>;

/**
 * supervision-evasion (contract §7.2), on a company: a licence holder or applicant (status
 * granted or applied at as-of) with, among its inspections decided in the 24 months before
 * as-of (as-of − 24 months ≤ decided_on ≤ as-of, both days included), ≥ 2 with outcome
 * injunction, or ≥ 1 tagged documents_withheld, access_refused or false_information.
 * Inspections are the company's own (inspections.org_nr); later ones do not exist yet.
 *
 * Severity 3; 4 with ≥ 3 injunctions or two different evasion tags in the window.
 */
export const signal: SignalDefinition<Params> = {
  id: 'supervision-evasion',
  title: 'Försvårar eller undviker IVO:s tillsyn',
  description:
    'Tillståndshavare eller sökande (beviljat eller ansökt tillstånd per analysdatum) som under de 24 månaderna före analysdatum fått minst två förelägganden vid inspektion, eller minst en inspektion där handlingar undanhölls, tillträde vägrades eller felaktiga uppgifter lämnades. Fönstret räknas från samma datum 24 månader tidigare till och med analysdatum; båda dagarna ingår. Allvarlighetsgrad 4 vid minst tre förelägganden eller två olika slag av försvårande.',
  basis: 'IVO, Vad har IVO sett 2024, kap. 1: oseriösa och kriminella aktörer försvårar och håller sig undan IVO:s tillståndsprövning och tillsyn – undanhåller information, underlåter att svara på frågor eller lämnar felaktiga och vilseledande uppgifter.',
  subjectKinds: ['company'],
  params,
  defaults: params.parse({}),
  requires: ['inspections', 'licences'],
  evaluate({ facts, asOf, params: p }) {
    const since = addMonths(asOf, -p.windowMonths);
    const evasion = new Set<string>(p.evasionTags);
    const byOrg = new Map<string, InspectionFact[]>();
    for (const i of facts.inspections) {
      if (i.decided_on < since || i.decided_on > asOf) continue;
      if (i.outcome !== 'injunction' && !i.tags.some((t) => evasion.has(t))) continue;
      const list = byOrg.get(i.org_nr);
      if (list) list.push(i);
      else byOrg.set(i.org_nr, [i]);
    }
    const hits: Hit[] = [];
    for (const [orgNr, found] of byOrg) {
      const injunctions = found.filter((i) => i.outcome === 'injunction');
      const tags = new Set(found.flatMap((i) => i.tags.filter((t) => evasion.has(t))));
      if (injunctions.length < p.minInjunctions && tags.size === 0) continue;
      const licence = holderOrApplicantLicence(facts, orgNr, asOf);
      if (!licence) continue;
      const ev: Evidence[] = [...found]
        .sort((a, b) => a.decided_on.localeCompare(b.decided_on))
        .map((i) => evidence(inspectionText(facts, i, evasion), i, 'inspections'));
      ev.push(evidence(`${companyLabel(facts, orgNr)} är ${holderOrApplicantSv(licence, asOf)} per ${asOf}: tillstånd ${licence.licence_id} (${kindSv(licence.kind)}).`, licence, 'licences'));
      ev.unshift({ text: summary(injunctions.length, tags, p, since, asOf), source: ev[0]!.source, fact: ev[0]!.fact });
      hits.push({
        signal: 'supervision-evasion',
        subject_kind: 'company',
        subject_id: orgNr,
        related_ids: [],
        severity: clampSeverity(injunctions.length >= p.severeInjunctions || tags.size >= 2 ? 4 : 3),
        evidence: ev,
      });
    }
    return hits;
  },
};

function summary(injunctions: number, tags: ReadonlySet<string>, p: Params, since: string, asOf: string): string {
  const parts: string[] = [];
  if (injunctions > 0) parts.push(`${injunctions} ${injunctions === 1 ? 'föreläggande' : 'förelägganden'}`);
  if (tags.size > 0) parts.push(`försvårad tillsyn (${[...tags].map((t) => tagSv(t).toLowerCase()).join(', ')})`);
  return `Under ${since} – ${asOf} (${p.windowMonths} månader): ${parts.join(' och ')}.`;
}

function inspectionText(facts: Facts, i: InspectionFact, evasion: ReadonlySet<string>): string {
  const tags = i.tags.length ? `; taggar: ${i.tags.map((t) => (evasion.has(t) ? `${tagSv(t)} (försvårande)` : tagSv(t))).join(', ')}` : '';
  const findings = i.findings ? ` – ”${i.findings.replace(/\s+/g, ' ').trim()}”` : '';
  const licence = i.licence_id ? `, tillstånd ${i.licence_id}` : '';
  return `Inspektion av ${companyLabel(facts, i.org_nr)}${licence} beslutad ${i.decided_on}: ${labelSv(INSPECTION_OUTCOME_DISPLAY_SV, i.outcome, 'okänt utfall').toLowerCase()}${tags}${findings}.`;
}

const tagSv = (t: string): string => labelSv(INSPECTION_TAG_DISPLAY_SV, t, 'okänd tagg');

import { z } from 'zod';
import { INSPECTION_TAG_DISPLAY_SV, labelSv, listSv } from '../model/labels-sv';
import type { InspectionFact, LicenceFact, PlacementFact } from '../model/rows';
import { clampSeverity, evidence } from './evidence';
import { periodText } from '../model/dates';
import { occupancySpan, peakConcurrency } from './periods';
import { companyLabel, kindSv } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const params = z.strictObject({
  /** Inspection tags that count as the authority's own finding. */
  inspectionTags: z.array(z.string()).default(['over_capacity', 'target_group_outside_licence']),
  /** Placements listed in the evidence per trigger (the count is always given). */
  maxEvidence: z.number().int().min(1).max(1000).default(25),
});
type Params = z.infer<typeof params>;

function describe(p: Params): string {
  const tags = p.inspectionTags.map((t) => labelSv(INSPECTION_TAG_DISPLAY_SV, t, t).toLowerCase());
  const inspection = tags.length > 0 ? `, eller en inspektion som konstaterat ${listSv(tags, 'eller')}` : '';
  return `Tillståndet har haft fler samtidigt placerade barn än beslutad platskapacitet${inspection ? ', ' : ' eller '}ett placerat barn vars ålder (beräknad på födelseår) ligger utanför tillståndets åldersspann${inspection}.`;
}

/**
 * over-capacity (contract §4), on a licence (subject_id = licence_id). Any of:
 * 1. Concurrent placements above capacity: on some single day more distinct children (child_ref;
 *    a placement without child_ref counts on its own) are placed at the licence than its
 *    `capacity`. A placement occupies from ≤ day < to (a one-day placement, from = to, its day):
 *    one ending on the day another starts is a handover, not two children at once.
 * 2. A placed child's age outside age_min–age_max. Only the birth year is known, so the age is
 *    taken as (placement start year − birth year) and flagged when below age_min or above
 *    age_max.
 * 3. An inspection of the licence (decided on or before as-of) tagged over_capacity or
 *    target_group_outside_licence. An inspection without licence_id is attached to the
 *    company's licence only when the company has exactly one.
 * As of: placements starting after as-of do not exist; an end after as-of is still open.
 *
 * Severity: 4 for placements above capacity (children in an unlicensed number of beds), 3 for
 * an age outside the licence or an inspection finding alone; +1 when more than one trigger
 * holds, capped at 5.
 */
export const signal: SignalDefinition<Params> = {
  id: 'over-capacity',
  title: 'Fler placerade än tillståndet medger eller utanför målgruppen',
  description: describe(params.parse({})),
  describe,
  basis: 'IVO, Vad har IVO sett 2024: HVB som tar emot barn utanför den målgrupp tillståndet avser eller fler än tillståndet medger.',
  subjectKinds: ['licence'],
  params,
  defaults: params.parse({}),
  requires: ['licences', ['placements', 'inspections']],
  evaluate({ facts, asOf, params: p }) {
    const byLicence = new Map<string, PlacementFact[]>();
    for (const pl of facts.placements) {
      if (pl.licence_id == null || pl.from_date > asOf) continue;
      const list = byLicence.get(pl.licence_id) ?? [];
      list.push(pl);
      byLicence.set(pl.licence_id, list);
    }
    const inspectionsByLicence = attachInspections(facts.inspections, facts.licencesByOrg, asOf, p.inspectionTags);

    const hits: Hit[] = [];
    for (const l of facts.licences) {
      if (l.granted_on != null && l.granted_on > asOf) continue;
      const placements = byLicence.get(l.licence_id) ?? [];
      const ev: Evidence[] = [];
      let severity = 0;
      let triggers = 0;

      const cap = capacityTrigger(l, placements, asOf, p.maxEvidence);
      if (cap.length > 0) { ev.push(...cap); triggers++; severity = Math.max(severity, 4); }
      const age = ageTrigger(l, placements, p.maxEvidence);
      if (age.length > 0) { ev.push(...age); triggers++; severity = Math.max(severity, 3); }
      const insp = inspectionsByLicence.get(l.licence_id) ?? [];
      if (insp.length > 0) {
        for (const i of insp) {
          const tags = i.tags.filter((t) => p.inspectionTags.includes(t)).map((t) => TAG_SV[t] ?? t).join(', ');
          ev.push(evidence(`Inspektion ${i.decided_on} av ${companyLabel(facts, i.org_nr)} (utfall: ${i.outcome}) konstaterade: ${tags}.`, i, 'inspections'));
        }
        triggers++;
        severity = Math.max(severity, 3);
      }
      if (triggers === 0) continue;
      hits.push({
        signal: 'over-capacity',
        subject_kind: 'licence',
        subject_id: l.licence_id,
        related_ids: [l.org_nr],
        severity: clampSeverity(severity + (triggers > 1 ? 1 : 0)),
        evidence: [evidence(`Tillstånd ${l.licence_id}${l.unit_name ? ` «${l.unit_name}»` : ''} (${kindSv(l.kind)}) för ${companyLabel(facts, l.org_nr)}: kapacitet ${l.capacity ?? 'okänd'}, ålder ${l.age_min ?? '?'}–${l.age_max ?? '?'} år.`, l, 'licences'), ...ev],
      });
    }
    return hits;
  },
};

const TAG_SV: Record<string, string> = { over_capacity: 'överbeläggning', target_group_outside_licence: 'placeringar utanför tillståndets målgrupp' };

function capacityTrigger(l: LicenceFact, placements: readonly PlacementFact[], asOf: string, maxEvidence: number): Evidence[] {
  if (l.capacity == null || placements.length <= l.capacity) return [];
  const items = [];
  for (const pl of placements) {
    const span = occupancySpan(pl.from_date, pl.to_date, asOf);
    if (span) items.push({ span, member: pl.child_ref ?? `placement:${pl.placement_id}`, item: pl });
  }
  const peak = peakConcurrency(items);
  if (!peak || peak.count <= l.capacity) return [];
  const ev: Evidence[] = [];
  for (const pl of peak.present.slice(0, maxEvidence)) {
    ev.push(evidence(`Placering ${pl.placement_id}${pl.child_ref ? ` (barn ${pl.child_ref})` : ''} vid tillståndet ${periodText(pl.from_date, pl.to_date)} – pågick ${peak.day}.`, pl, 'placements'));
  }
  const more = peak.present.length - ev.length;
  ev.unshift({ text: `Den ${peak.day} var ${peak.count} barn placerade samtidigt, över tillståndets kapacitet ${l.capacity}${more > 0 ? ` (${more} placeringar utöver de listade)` : ''}.`, source: `${l.prov.file}:${l.prov.line}`, fact: { table: 'licences', key: l.key } });
  return ev;
}

function ageTrigger(l: LicenceFact, placements: readonly PlacementFact[], maxEvidence: number): Evidence[] {
  if (l.age_min == null && l.age_max == null) return [];
  const ev: Evidence[] = [];
  for (const pl of placements) {
    if (pl.child_birth_year == null) continue;
    const age = Number(pl.from_date.slice(0, 4)) - pl.child_birth_year;
    const tooYoung = l.age_min != null && age < l.age_min;
    const tooOld = l.age_max != null && age > l.age_max;
    if (!tooYoung && !tooOld) continue;
    if (ev.length >= maxEvidence) break;
    ev.push(evidence(
      `Placering ${pl.placement_id}${pl.child_ref ? ` (barn ${pl.child_ref})` : ''} från ${pl.from_date}: barnet är fött ${pl.child_birth_year} och var då ${age} år (placeringsår − födelseår), utanför tillståndets åldersspann ${l.age_min ?? '?'}–${l.age_max ?? '?'} år.`,
      pl, 'placements',
    ));
  }
  return ev;
}

function attachInspections(
  inspections: readonly InspectionFact[], licencesByOrg: ReadonlyMap<string, LicenceFact[]>, asOf: string, tags: readonly string[],
): Map<string, InspectionFact[]> {
  const out = new Map<string, InspectionFact[]>();
  for (const i of inspections) {
    if (i.decided_on > asOf || !i.tags.some((t) => tags.includes(t))) continue;
    let id = i.licence_id;
    if (id == null) {
      const own = licencesByOrg.get(i.org_nr) ?? [];
      if (own.length !== 1) continue;
      id = own[0]!.licence_id;
    }
    const list = out.get(id) ?? [];
    list.push(i);
    out.set(id, list);
  }
  return out;
}

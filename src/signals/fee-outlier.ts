import { z } from 'zod';
import type { Facts } from '../analysis/facts';
import type { PlacementFact } from '../model/rows';
import { kindGroupOf, type SubjectKind } from '../model/index';
import { addMonths, periodText, yearOf } from '../model/dates';
import { clampSeverity, evidence } from './evidence';
import { overlaps } from './periods';
import { companyLabel, kindSv, sek } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const params = z.strictObject({
  factor: z.number().min(1).default(3).describe('Gånger gruppens median'),
  severeFactor: z.number().min(1).default(5).describe('Gånger medianen som ger allvarlighetsgrad 4'),
  minPlacements: z.number().int().min(1).default(20).describe('Minsta antal jämförbara placeringar med dygnsavgift (gruppen samma år, placeringen själv ej inräknad)'),
  windowMonths: z.number().int().min(1).max(600).default(12).describe('Placeringen pågick inom (månader före analysdatum)'),
  maxEvidence: z.number().int().min(1).max(1000).default(25).describe('Högsta antal bevisrader per larm'),
});
type Params = z.infer<typeof params>;

/** Placement groups: foster homes, or the kind group of the placement's licence. */
const GROUP_SV: Record<string, string> = {
  foster_home: 'familjehem',
  children_residential: 'boenden för barn och unga (HVB, stödboende, LSS-bostad, korttidsvistelse)',
  adult_residential: 'boenden för vuxna (HVB, LSS-bostad)',
  assistance_home: 'assistans och hemtjänst',
  foster_support: 'konsulentstödd familjehemsvård',
  health_care: 'hälso- och sjukvård',
};

/** The fees of one group-year: every placement with a fee active in it (sorted once, when first compared). */
interface GroupYear { fees: number[]; sorted: Float64Array | null }
interface Outlier { placement: PlacementFact; group: string; year: number; peers: number; median: number; ratio: number }

/**
 * fee-outlier (contract §7.2), on a company or a foster home: a placement active at some time in
 * the 12 months before as-of (as-of − 12 months ≤ day ≤ as-of) whose `daily_fee_sek` is ≥ 3 × the
 * median fee of its peers: the other placements active in the same calendar year in the same
 * placement group.
 * - Placement group: foster homes (a placement with home_id); otherwise the kind group of its
 *   licence (contract §4 kind groups; a kind outside every group is its own group). A placement
 *   whose licence is not in the store has no group and is skipped.
 * - Peers: every other placement with a fee active on some day of year Y (as seen at as-of: later
 *   starts do not exist, an end after as-of is open up to as-of) in the same group. "Counted only
 *   when that group-year has ≥ 20 placements with a fee" is read as ≥ 20 peers, the placement
 *   itself not counted and not in the median: a placement is compared with 20 or more others (the
 *   issue's near miss "a high fee in a group-year with 19 peers" does not fire). The median of an
 *   even count is the mean of the two middle fees; a median of 0 compares nothing.
 * - "The same calendar year": each year in which the placement is active within the 12-month
 *   window (one or two years); the placement is an outlier when it is one in any of them, and the
 *   evidence gives the year with the highest factor.
 * Subject: payee_org_nr, else the foster home, else the licence's company; one hit per subject.
 *
 * Severity 3; 4 when some placement's fee is ≥ 5 × its median.
 */
export const signal: SignalDefinition<Params> = {
  id: 'fee-outlier',
  title: 'Dygnsavgift långt över jämförbara placeringar',
  description:
    'En placering som pågått någon gång under de 12 månaderna före analysdatum har en dygnsavgift som är minst tre gånger medianen för placeringar i samma grupp (familjehem, annars tillståndets verksamhetsgrupp) som pågick samma kalenderår. Placeringen jämförs med de andra placeringarna med dygnsavgift i gruppen samma år (placeringen själv räknas inte in, varken i antalet eller i medianen), och bara när de är minst 20. Pågår placeringen under två kalenderår inom 12-månadersperioden jämförs den med båda åren. Larmet gäller betalningsmottagaren, annars familjehemmet, annars tillståndets bolag. Allvarlighetsgrad 4 vid minst fem gånger medianen.',
  basis: 'IVO, Vad har IVO sett 2024, kap. 1: oseriösa och kriminella aktörer tillskansar sig allmänna medel på felaktiga grunder genom brottsliga upplägg och överutnyttjande av välfärdssystemen.',
  subjectKinds: ['company', 'foster_home'],
  params,
  defaults: params.parse({}),
  requires: ['placements'],
  evaluate({ facts, asOf, params: p }) {
    const windowFrom = addMonths(asOf, -p.windowMonths);
    const windowYears = { first: yearOf(windowFrom), last: yearOf(asOf), start: `${windowFrom.slice(0, 4)}-01-01` };
    // group → year → fees, for the (one or two) years of the window.
    const groupYears = new Map<string, Map<number, GroupYear>>();
    const placed: { pl: PlacementFact; group: string; from: string; to: string }[] = [];
    for (const pl of facts.placements) {
      if (pl.daily_fee_sek == null || pl.from_date > asOf) continue;
      const to = pl.to_date != null && pl.to_date <= asOf ? pl.to_date : asOf;
      // Only the years the 12-month window touches are ever compared with.
      if (to < pl.from_date || to < windowYears.start) continue;
      const first = Math.max(yearOf(pl.from_date), windowYears.first);
      const last = Math.min(yearOf(to), windowYears.last);
      if (first > last) continue;
      const group = groupOf(facts, pl);
      if (group == null) continue;
      let years = groupYears.get(group);
      if (!years) groupYears.set(group, (years = new Map()));
      for (let y = first; y <= last; y++) {
        const peers = years.get(y);
        if (peers) peers.fees.push(pl.daily_fee_sek);
        else years.set(y, { fees: [pl.daily_fee_sek], sorted: null });
      }
      if (overlaps({ from: pl.from_date, to }, { from: windowFrom, to: asOf })) placed.push({ pl, group, from: pl.from_date, to });
    }
    /** The placement's peers in a group-year (all but itself): their number and median fee, when enough. */
    const peersOf = (group: string, year: number, fee: number): { peers: number; median: number } | null => {
      const gy = groupYears.get(group)?.get(year);
      if (!gy || gy.fees.length - 1 < p.minPlacements) return null;
      gy.sorted ??= Float64Array.from(gy.fees).sort();
      const median = medianWithout(gy.sorted, fee);
      return median > 0 ? { peers: gy.fees.length - 1, median } : null;
    };

    const bySubject = new Map<string, { kind: SubjectKind; outliers: Outlier[] }>();
    for (const { pl, group, from, to } of placed) {
      let best: Outlier | null = null;
      const first = yearOf(from > windowFrom ? from : windowFrom);
      for (let y = first; y <= yearOf(to); y++) {
        const peers = peersOf(group, y, pl.daily_fee_sek!);
        if (!peers) continue;
        const ratio = pl.daily_fee_sek! / peers.median;
        if (ratio >= p.factor && (!best || ratio > best.ratio)) best = { placement: pl, group, year: y, ...peers, ratio };
      }
      if (!best) continue;
      const subject = subjectOf(facts, pl);
      if (!subject) continue;
      const k = `${subject.kind}|${subject.id}`;
      const entry = bySubject.get(k) ?? { kind: subject.kind, outliers: [] };
      entry.outliers.push(best);
      bySubject.set(k, entry);
    }

    const hits: Hit[] = [];
    for (const [k, { kind, outliers }] of bySubject) {
      const id = k.slice(kind.length + 1);
      outliers.sort((a, b) => b.ratio - a.ratio || a.placement.placement_id.localeCompare(b.placement.placement_id));
      const ev: Evidence[] = outliers.slice(0, p.maxEvidence).map((o) => evidence(outlierText(facts, o), o.placement, 'placements'));
      if (outliers.length > p.maxEvidence) ev.push({ text: `Ytterligare ${outliers.length - p.maxEvidence} placeringar med avvikande dygnsavgift.`, source: ev[ev.length - 1]!.source });
      const related = new Set<string>();
      for (const o of outliers) {
        const l = o.placement.licence_id != null ? facts.licencesById.get(o.placement.licence_id) : undefined;
        if (l && l.org_nr !== id) related.add(l.org_nr);
        if (o.placement.home_id != null && o.placement.home_id !== id) related.add(o.placement.home_id);
      }
      hits.push({
        signal: 'fee-outlier',
        subject_kind: kind,
        subject_id: id,
        related_ids: [...related].sort(),
        severity: clampSeverity(outliers.some((o) => o.ratio >= p.severeFactor) ? 4 : 3),
        evidence: ev,
      });
    }
    return hits;
  },
};

function groupOf(facts: Facts, pl: PlacementFact): string | null {
  if (pl.home_id != null) return 'foster_home';
  if (pl.licence_id == null) return null;
  const l = facts.licencesById.get(pl.licence_id);
  return l ? (kindGroupOf(l.kind) ?? l.kind) : null;
}

function subjectOf(facts: Facts, pl: PlacementFact): { kind: SubjectKind; id: string } | null {
  if (pl.payee_org_nr != null) return { kind: 'company', id: pl.payee_org_nr };
  if (pl.home_id != null) return { kind: 'foster_home', id: pl.home_id };
  const l = pl.licence_id != null ? facts.licencesById.get(pl.licence_id) : undefined;
  return l ? { kind: 'company', id: l.org_nr } : null;
}

/** The median of a sorted list with one occurrence of `value` (a member) left out. */
function medianWithout(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  // Position i of the list without the member at `lo` is sorted[i] before it, sorted[i + 1] after.
  const m = sorted.length - 1;
  const hiMid = m >> 1;
  const upper = sorted[hiMid < lo ? hiMid : hiMid + 1]!;
  if (m % 2) return upper;
  const loMid = hiMid - 1;
  return (sorted[loMid < lo ? loMid : loMid + 1]! + upper) / 2;
}

function outlierText(facts: Facts, o: Outlier): string {
  const pl = o.placement;
  const l = pl.licence_id != null ? facts.licencesById.get(pl.licence_id) : undefined;
  const where = pl.home_id != null ? `familjehem ${pl.home_id}` : l ? `tillstånd ${l.licence_id} (${kindSv(l.kind)}) hos ${companyLabel(facts, l.org_nr)}` : `tillstånd ${pl.licence_id}`;
  const payee = pl.payee_org_nr != null ? `, betalas till ${companyLabel(facts, pl.payee_org_nr)}` : '';
  const group = GROUP_SV[o.group] ?? kindSv(o.group);
  const factor = o.ratio.toLocaleString('sv-SE', { maximumFractionDigits: 1 });
  return `Placering ${pl.placement_id}${pl.child_ref ? ` (barn ${pl.child_ref})` : ''} vid ${where} ${periodText(pl.from_date, pl.to_date)}${payee}: dygnsavgift ${sek(pl.daily_fee_sek)}, ${factor} gånger medianen ${sek(o.median)} för ${o.peers} jämförbara placeringar (${group}, med dygnsavgift under ${o.year}; denna ej inräknad).`;
}

import { z } from 'zod';
import type { Facts } from '../analysis/facts';
import type { LicenceFact } from '../model/rows';
import { PURPOSE_FITS } from '../model/index';
import { clampSeverity, evidence } from './evidence';
import { periodText } from '../model/dates';
import { grantedSpan } from './licences';
import { firstUncoveredDay, type Span } from './periods';
import { sameHolder } from './roles';
import { companyLabel, kindSv } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const params = z.strictObject({
  /** Skip payees whose org_nr starts with 2 (state, regions, municipalities: public providers need no IVO licence). */
  excludePublicBodies: z.boolean().default(true),
  maxEvidence: z.number().int().min(1).max(1000).default(25),
});
type Params = z.infer<typeof params>;

type Reason = 'none' | 'revoked' | 'not_yet';
interface Breach { payee: string; purpose: string; day: string; reason: Reason; evidence: Evidence }

/**
 * operating-without-licence (contract §4), on a company: it was paid for care, or had children
 * placed with it, at a time when it held no granted licence of a fitting kind.
 * - Placements (from ≤ as-of): the payee is `payee_org_nr`, else the holder of the placement's
 *   `licence_id`. Purpose "placement" → children's or adult residential or foster-home support.
 *   Every observed day of the placement (to as-of) must be covered, so a placement that goes on
 *   after a revocation is caught. A foster home's placement without payee pays the family, not a
 *   company, and is skipped.
 * - Payments (paid_on ≤ as-of) with purpose placement / assistance / care / dental_support,
 *   judged on the payment day, with the fitting kinds of PURPOSE_FITS (care = any kind). The
 *   purpose column is optional: an empty purpose (or none at all) is judged as care. Purpose
 *   other is not care and is skipped.
 * - A licence covers from `granted_on` through the day its revocation / ban / expiry took effect
 *   (`status_on`; that day still counts), as known at as-of (see grantedSpan). "None" = no
 *   fitting licence ever granted; "revoked" = one ended before the day; "not yet" = granted later.
 * - Payments to a foster parent's own personnummer (sole trader) are their reimbursement and are
 *   skipped, as are public bodies (org_nr 2…) unless excludePublicBodies is false.
 *
 * Severity: 5 when the business went on after a revocation/ban, 4 with no fitting licence at all,
 * 3 when the licence was granted only later (started before the decision).
 */
export const signal: SignalDefinition<Params> = {
  id: 'operating-without-licence',
  title: 'Placeringar eller utbetalningar utan tillstånd',
  description:
    'Bolaget har fått placeringar eller utbetalningar för vård, omsorg eller placering vid en tidpunkt då det inte hade något beviljat tillstånd av passande slag: tillstånd saknas, var återkallat eller förbjudet, eller var ännu inte beviljat.',
  basis: 'IVO, Vad har IVO sett 2024: verksamhet som bedrivs olovligen, även efter återkallelse eller förbud.',
  subjectKinds: ['company'],
  params,
  defaults: params.parse({}),
  requires: ['licences', ['placements', 'payments']],
  evaluate({ facts, asOf, params: p }) {
    const breaches = new Map<string, Breach[]>();
    // Granted periods of fitting licences per payee and purpose (national scale: one lookup per payment).
    const coverCache = new Map<string, Span[]>();
    const coversOf = (payee: string, purpose: string): Span[] => {
      const k = `${payee}|${purpose}`;
      let covers = coverCache.get(k);
      if (!covers) {
        const fits = PURPOSE_FITS[purpose];
        const licences = (facts.licencesByOrg.get(payee) ?? []).filter((l) => fits === null || (fits ?? []).includes(l.kind as never));
        covers = licences.map((l) => grantedSpan(l, asOf)).filter((s): s is Span => s != null);
        coverCache.set(k, covers);
      }
      return covers;
    };
    forEachBreach(facts, asOf, p, coversOf, (b) => {
      const list = breaches.get(b.payee) ?? [];
      list.push(b);
      breaches.set(b.payee, list);
    });
    const hits: Hit[] = [];
    for (const [orgNr, list] of breaches) {
      list.sort((a, b) => a.day.localeCompare(b.day));
      const ev: Evidence[] = list.slice(0, p.maxEvidence).map((b) => b.evidence);
      if (list.length > p.maxEvidence) ev.push({ text: `Ytterligare ${list.length - p.maxEvidence} placeringar/utbetalningar utan passande tillstånd.`, source: ev[ev.length - 1]!.source });
      ev.push(...licenceEvidence(facts, orgNr, asOf));
      hits.push({
        signal: 'operating-without-licence',
        subject_kind: 'company',
        subject_id: orgNr,
        related_ids: [],
        severity: clampSeverity(Math.max(...list.map((b) => SEVERITY[b.reason]))),
        evidence: ev,
      });
    }
    return hits;
  },
};

const REASON_SV: Record<Reason, string> = {
  none: 'hade mottagaren inget tillstånd av passande slag',
  revoked: 'var mottagarens tillstånd av passande slag återkallat eller förbjudet',
  not_yet: 'var mottagarens tillstånd av passande slag ännu inte beviljat',
};
const PURPOSE_SV: Record<string, string> = {
  placement: 'kräver tillstånd för HVB, stödboende, LSS-bostad eller konsulentstöd',
  assistance: 'kräver tillstånd för personlig assistans, hemtjänst, avlösar- eller ledsagarservice',
  care: 'kräver något tillstånd',
  dental_support: 'kräver tillstånd för tandvård',
};
const SEVERITY: Record<Reason, number> = { revoked: 5, none: 4, not_yet: 3 };

/**
 * Walks placements and care payments (existing at as-of) and reports each one made while its
 * payee had no fitting granted licence. Texts are built only for breaches: national extracts
 * hold hundreds of thousands of payments.
 */
function forEachBreach(facts: Facts, asOf: string, p: Params, coversOf: (payee: string, purpose: string) => Span[], emit: (b: Breach) => void): void {
  const skip = (payee: string, homeId: string | null) =>
    (p.excludePublicBodies && payee.startsWith('2')) || (homeId != null && (facts.fosterHomes.get(homeId)?.parent_ids ?? []).some((id) => sameHolder(payee, id)));
  const judge = (payee: string, purpose: string, from: string, to: string): { day: string; reason: Reason } | null => {
    const covers = coversOf(payee, purpose);
    const day = firstUncoveredDay(from, to, covers);
    if (day == null) return null;
    const reason: Reason = covers.some((c) => c.to != null && c.to < day) ? 'revoked' : covers.some((c) => c.from != null && c.from > day) ? 'not_yet' : 'none';
    return { day, reason };
  };
  const tail = (day: string, reason: Reason, purpose: string) => `; den ${day} ${REASON_SV[reason]} (${PURPOSE_SV[purpose] ?? purpose}).`;
  for (const pl of facts.placements) {
    if (pl.from_date > asOf) continue;
    const payee = pl.payee_org_nr ?? (pl.licence_id != null ? facts.licencesById.get(pl.licence_id)?.org_nr : undefined);
    if (payee == null || skip(payee, pl.home_id)) continue;
    const to = pl.to_date != null && pl.to_date <= asOf ? pl.to_date : asOf;
    const found = judge(payee, 'placement', pl.from_date, to);
    if (!found) continue;
    const where = pl.licence_id != null ? `tillstånd/enhet ${pl.licence_id}` : `familjehem ${pl.home_id}`;
    const paid = pl.payee_org_nr ? `, betalas till ${companyLabel(facts, payee)}` : ` hos ${companyLabel(facts, payee)}`;
    const text = `Placering ${pl.placement_id}${pl.child_ref ? ` (barn ${pl.child_ref})` : ''} vid ${where} ${periodText(pl.from_date, pl.to_date)}${paid}${tail(found.day, found.reason, 'placement')}`;
    emit({ payee, purpose: 'placement', ...found, evidence: evidence(text, pl, 'placements') });
  }
  for (const pay of facts.payments) {
    // Without a stated purpose a payment is judged as payment for care (any licence kind fits).
    const purpose = pay.purpose == null || pay.purpose.trim() === '' ? 'care' : pay.purpose;
    if (pay.paid_on > asOf || !(purpose in PURPOSE_FITS) || skip(pay.payee_org_nr, pay.home_id)) continue;
    const found = judge(pay.payee_org_nr, purpose, pay.paid_on, pay.paid_on);
    if (!found) continue;
    const stated = purpose === pay.purpose ? `ändamål ${purpose}` : 'ändamål ej angivet, bedömd som vård';
    const text = `${pay.payer} betalade ${pay.amount_sek} kr till ${companyLabel(facts, pay.payee_org_nr)} ${pay.paid_on} (${stated}${pay.licence_id ? `, tillstånd ${pay.licence_id}` : ''}${pay.home_id ? `, familjehem ${pay.home_id}` : ''})${tail(found.day, found.reason, purpose)}`;
    emit({ payee: pay.payee_org_nr, purpose, ...found, evidence: evidence(text, pay, 'payments') });
  }
}

function licenceEvidence(facts: Facts, orgNr: string, asOf: string): Evidence[] {
  const own: LicenceFact[] = (facts.licencesByOrg.get(orgNr) ?? []).filter((l) => l.granted_on == null || l.granted_on <= asOf || l.status === 'applied');
  if (own.length === 0) {
    const c = facts.companies.get(orgNr);
    const text = `${companyLabel(facts, orgNr)} har inget tillstånd i tillståndsregistret.`;
    return c ? [evidence(text, c, 'companies')] : [];
  }
  return own.map((l) => {
    const s = grantedSpan(l, asOf);
    const held = s ? `beviljat ${periodText(s.from, s.to)}` : 'aldrig beviljat';
    return evidence(`Tillstånd ${l.licence_id} (${kindSv(l.kind)}), status ${l.status}${l.status_on ? ` ${l.status_on}` : ''}: ${held}.`, l, 'licences');
  });
}

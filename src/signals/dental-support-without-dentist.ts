import { z } from 'zod';
import type { Facts } from '../analysis/facts';
import type { EmploymentFact, LegitimationFact, PaymentFact } from '../model/rows';
import { addDays, addMonths, periodText } from '../model/dates';
import { clampSeverity, evidence, uniqueEvidence } from './evidence';
import { overlaps, type Span } from './periods';
import { companyLabel, personLabel, professionSv, sek } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const params = z.strictObject({
  windowMonths: z.number().int().min(1).max(600).default(24).describe('Utbetalningar inom (månader före analysdatum)'),
  minSumSek: z.number().min(0).default(10_000).describe('Minsta summa för månader utan tandläkare (kr)'),
  severeSumSek: z.number().min(0).default(500_000).describe('Summa som ger allvarlighetsgrad 5 (kr)'),
  maxEvidence: z.number().int().min(1).max(1000).default(25).describe('Högsta antal bevisrader per larm'),
});
type Params = z.infer<typeof params>;

const PURPOSE = 'dental_support';
const DENTIST = 'dentist';

interface Month { month: string; payments: PaymentFact[]; sum: number }

/**
 * dental-support-without-dentist (contract §7.2), on a company: payments with purpose
 * dental_support to it (payee_org_nr), paid within the 24 months before as-of (as-of − 24 months
 * ≤ paid_on ≤ as-of), in calendar months (of paid_on) in which it had no dentist, summing over
 * those months to ≥ 10 000 SEK.
 * A month has a dentist when on some day d of it an employment at the company with profession
 * dentist holds (from ≤ d ≤ to; as seen at as-of) and the person's dentist legitimation is valid:
 * granted_on ≤ d and not revoked before d (revoked_on ≥ d or none). A legitimation granted on the
 * last day of the month covers that month. Legitimations granted after as-of do not exist;
 * revocations after as-of have not happened; a restricted legitimation still counts. The owner of
 * a sole trader (org_nr = the owner's personnummer) counts as its dentist while their
 * legitimation is valid: the business is the person.
 * Evidence: each month without a dentist with its payments and sum, and who was employed then.
 *
 * Severity 4; 5 at ≥ 500 000 SEK.
 */
export const signal: SignalDefinition<Params> = {
  id: 'dental-support-without-dentist',
  title: 'Tandvårdsstöd utan legitimerad tandläkare',
  description:
    'Bolaget har fått utbetalningar av tandvårdsstöd under de 24 månaderna före analysdatum i kalendermånader då det inte hade någon anställd tandläkare med giltig legitimation (beviljad senast, och inte återkallad före, någon dag i månaden då anställningen pågick), sammanlagt minst 10 000 kr för dessa månader. En legitimation som beviljas sista dagen i månaden räcker för den månaden. Ägaren till en enskild firma räknas som firmans tandläkare. Allvarlighetsgrad 5 vid minst 500 000 kr.',
  basis: 'IVO, Vad har IVO sett 2024, kap. 1: tandläkare har journalfört behandlingar i sitt namn men låtit olegitimerad personal utföra dem, och stora belopp statligt tandvårdsstöd har betalats ut felaktigt.',
  subjectKinds: ['company'],
  params,
  defaults: params.parse({}),
  requires: ['payments', 'employments', 'legitimations'],
  evaluate({ facts, asOf, params: p }) {
    const since = addMonths(asOf, -p.windowMonths);
    const byPayee = new Map<string, Map<string, Month>>();
    for (const pay of facts.payments) {
      if (pay.purpose !== PURPOSE || pay.paid_on < since || pay.paid_on > asOf) continue;
      const months = byPayee.get(pay.payee_org_nr) ?? new Map<string, Month>();
      byPayee.set(pay.payee_org_nr, months);
      const key = pay.paid_on.slice(0, 7);
      const m = months.get(key) ?? { month: key, payments: [], sum: 0 };
      m.payments.push(pay);
      m.sum += pay.amount_sek;
      months.set(key, m);
    }
    if (byPayee.size === 0) return [];
    const staff = new Map<string, EmploymentFact[]>();
    for (const e of facts.employments) {
      if (!byPayee.has(e.org_nr) || e.from_date > asOf) continue;
      const list = staff.get(e.org_nr);
      if (list) list.push(e);
      else staff.set(e.org_nr, [e]);
    }

    const hits: Hit[] = [];
    for (const [orgNr, months] of byPayee) {
      const employed = staff.get(orgNr) ?? [];
      const covers = dentistDays(facts, orgNr, employed, asOf);
      const uncovered = [...months.values()].filter((m) => !covers.some((c) => overlaps(c, monthSpan(m.month)))).sort((a, b) => a.month.localeCompare(b.month));
      const sum = uncovered.reduce((s, m) => s + m.sum, 0);
      if (uncovered.length === 0 || sum < p.minSumSek) continue;
      hits.push({
        signal: 'dental-support-without-dentist',
        subject_kind: 'company',
        subject_id: orgNr,
        related_ids: [],
        severity: clampSeverity(sum >= p.severeSumSek ? 5 : 4),
        evidence: explain(facts, orgNr, uncovered, sum, employed, asOf, p),
      });
    }
    return hits;
  },
};

/** The days on which the company had a dentist with a valid legitimation (employment ∩ legitimation). */
function dentistDays(facts: Facts, orgNr: string, employed: readonly EmploymentFact[], asOf: string): Span[] {
  const out: Span[] = [];
  const add = (personId: string, job: Span): void => {
    for (const v of validDentist(facts, personId, asOf)) {
      const from = job.from == null || v.from > job.from ? v.from : job.from;
      const to = minEnd(job.to, v.to);
      if (to == null || from <= to) out.push({ from, to });
    }
  };
  for (const e of employed) {
    if (e.profession !== DENTIST) continue;
    add(e.person_id, { from: e.from_date, to: e.to_date != null && e.to_date <= asOf ? e.to_date : null });
  }
  const owner = facts.soleTraders.ownerOf.get(orgNr);
  if (owner) add(owner, { from: null, to: null });
  return out;
}

/** Valid dentist legitimations as known at as-of: granted_on through revoked_on (both days valid). */
function validDentist(facts: Facts, personId: string, asOf: string): { from: string; to: string | null; l: LegitimationFact }[] {
  return (facts.legitimationsByPerson.get(personId) ?? [])
    .filter((l) => l.profession === DENTIST && l.granted_on <= asOf)
    .map((l) => ({ from: l.granted_on, to: l.revoked_on != null && l.revoked_on <= asOf ? l.revoked_on : null, l }));
}

const minEnd = (a: string | null, b: string | null): string | null => (a == null ? b : b == null ? a : a < b ? a : b);

function monthSpan(month: string): Span {
  return { from: `${month}-01`, to: addDays(addMonths(`${month}-01`, 1), -1) };
}

function explain(facts: Facts, orgNr: string, months: readonly Month[], sum: number, employed: readonly EmploymentFact[], asOf: string, p: Params): Evidence[] {
  const ev: Evidence[] = [];
  const first = months[0]!.payments[0]!;
  ev.push(evidence(`${companyLabel(facts, orgNr)} fick ${sek(sum)} i tandvårdsstöd under ${months.length} ${months.length === 1 ? 'månad' : 'månader'} utan anställd tandläkare med giltig legitimation (${months.map((m) => m.month).join(', ')}; gräns ${sek(p.minSumSek)}).`, first, 'payments'));
  for (const m of months) {
    const payers = [...new Set(m.payments.map((x) => x.payer))].join(', ');
    const span = monthSpan(m.month);
    const there = employed.filter((e) => overlaps({ from: e.from_date, to: e.to_date }, span));
    const who = there.length ? `anställda då: ${there.slice(0, 8).map((e) => `${personLabel(facts, e.person_id)} (${professionSv(e.profession)})`).join(', ')}${there.length > 8 ? ` och ${there.length - 8} till` : ''}` : 'inga anställda registrerade';
    ev.push(evidence(`${m.month}: ${m.payments.length} ${m.payments.length === 1 ? 'utbetalning' : 'utbetalningar'} av tandvårdsstöd om ${sek(m.sum)} från ${payers}; ${who}.`, m.payments[0]!, 'payments'));
  }
  // Who was employed in those months (with each dentist's legitimation status), capped.
  const listed = new Set<string>();
  for (const e of employed) {
    if (ev.length >= months.length + 1 + p.maxEvidence) break;
    const inMonths = months.filter((m) => overlaps({ from: e.from_date, to: e.to_date }, monthSpan(m.month))).map((m) => m.month);
    if (inMonths.length === 0 || listed.has(e.key)) continue;
    listed.add(e.key);
    ev.push(evidence(`${personLabel(facts, e.person_id)} anställd som ${professionSv(e.profession)}${e.title ? ` (${e.title})` : ''} ${periodText(e.from_date, e.to_date)} – anställd under ${inMonths.join(', ')}.`, e, 'employments'));
    if (e.profession === DENTIST) ev.push(...legitimationEvidence(facts, e, asOf));
  }
  // Dentists the company had at other times (e.g. the one who left before the payments went on).
  for (const e of employed) {
    if (e.profession !== DENTIST || listed.has(e.key)) continue;
    listed.add(e.key);
    ev.push(evidence(`Tandläkare hos bolaget under annan tid: ${personLabel(facts, e.person_id)} ${periodText(e.from_date, e.to_date)}.`, e, 'employments'));
    ev.push(...legitimationEvidence(facts, e, asOf));
  }
  return uniqueEvidence(ev);
}

function legitimationEvidence(facts: Facts, e: EmploymentFact, asOf: string): Evidence[] {
  const valid = validDentist(facts, e.person_id, asOf);
  if (valid.length === 0) return [evidence(`${personLabel(facts, e.person_id)} har ingen legitimation som tandläkare registrerad (per ${asOf}).`, e, 'employments')];
  return valid.map(({ l, to }) => evidence(`Legitimation som tandläkare för ${personLabel(facts, e.person_id)} beviljad ${l.granted_on}${to ? `, återkallad ${to}` : ''}.`, l, 'legitimations'));
}

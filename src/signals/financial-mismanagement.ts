import { z } from 'zod';
import { FINANCIAL_KIND_SV, countSv } from '../model/labels-sv';
import type { Facts } from '../analysis/facts';
import type { FinancialEventFact, LicenceFact, RoleFact } from '../model/rows';
import { addMonths } from '../model/dates';
import { clampSeverity, evidence, uniqueSorted } from './evidence';
import { licenceStatusAsOf } from './licences';
import { controllingRolesAsOf, roleActiveAt } from './roles';
import { codesSv, companyLabel, financialKindSv, holderLabel, numberSv, roleText, sek } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const params = z.strictObject({
  /** Unresolved enforcement debt + tax arrears at or above this sum (SEK). */
  debtThresholdSek: z.number().min(0).default(50_000),
  debtKinds: z.array(z.string()).min(1).default(['enforcement_debt', 'tax_arrears']),
  /** Repeated events: at least this many… */
  minEvents: z.number().int().min(1).default(3),
  /** …of these kinds (together)… */
  eventKinds: z.array(z.string()).min(1).default(['payment_order', 'late_tax_return', 'unpaid_fee']),
  /** …within any window of this many months. */
  windowMonths: z.number().int().min(1).max(600).default(24),
});
type Params = z.infer<typeof params>;

function describe(p: Params): string {
  const events = p.minEvents === 1 ? 'minst en händelse' : `minst ${numberSv(p.minEvents)} händelser`;
  return `Tillståndshavare eller sökande, eller person med kontrollerande roll i en sådan, har obetalda skulder (${codesSv(FINANCIAL_KIND_SV, p.debtKinds)}) på minst ${sek(p.debtThresholdSek)}, eller ${events} av slagen ${codesSv(FINANCIAL_KIND_SV, p.eventKinds)} inom ${countSv(p.windowMonths, 'månad', 'månader')}. En enskild firma och dess ägare (samma nummer) räknas som en gäldenär.`;
}

/**
 * financial-mismanagement (contract §4): a licence holder or applicant (status granted or
 * applied at as-of), or a person in a controlling role in one at as-of, with unresolved (at
 * as-of) enforcement_debt or tax_arrears summing to ≥ 50 000 SEK, or ≥ 3 events of kinds
 * payment_order, late_tax_return, unpaid_fee (together) within any 24 months. The hit is on the
 * debtor; a controlling holder's hit lists the licence holder/applicant in related_ids. A sole
 * trader and its owner (same number) are one debtor, see debtorOf.
 *
 * Severity: debt ≥ threshold 3 (≥ 5× 4, ≥ 20× 5); repeated events 3 (≥ 2× the count 4);
 * both conditions +1; capped at 5.
 */
export const signal: SignalDefinition<Params> = {
  id: 'financial-mismanagement',
  title: 'Upprepad ekonomisk misskötsamhet',
  description: describe(params.parse({})),
  describe,
  basis: 'IVO, Vad har IVO sett 2024: företrädare med upprepad ekonomisk misskötsamhet (sena deklarationer, obetalda skatter och avgifter, upprepade betalningsförelägganden) kan bedömas olämpliga.',
  subjectKinds: ['company', 'person'],
  params,
  defaults: params.parse({}),
  // Roles only add the controlling persons; the holder's own debts are evaluable without them.
  requires: ['financial_events', 'licences'],
  evaluate({ facts, asOf, params: p }) {
    // Debtors in scope: holder/applicant companies, and their controlling holders at as-of.
    // Evidence texts are built only for debtors that turn out to be hits.
    type Link = { licence: LicenceFact; status: string; role?: RoleFact };
    const scope = new Map<string, { kind: 'company' | 'person'; links: Map<string, Link> }>();
    for (const [orgNr, licences] of facts.licencesByOrg) {
      const l = licences.find((x) => ['granted', 'applied'].includes(licenceStatusAsOf(x, asOf)));
      if (!l) continue;
      const status = licenceStatusAsOf(l, asOf) === 'granted' ? 'tillståndshavare' : 'sökande av tillstånd';
      const self = scope.get(orgNr) ?? { kind: 'company' as const, links: new Map<string, Link>() };
      if (!self.links.has(orgNr)) self.links.set(orgNr, { licence: l, status });
      scope.set(orgNr, self);
      for (const r of controllingRolesAsOf(facts.rolesByOrg.get(orgNr), asOf)) {
        if (!roleActiveAt(r, asOf) || r.holder_id === orgNr) continue;
        const entry = scope.get(r.holder_id) ?? { kind: r.holder_kind, links: new Map<string, Link>() };
        if (!entry.links.has(orgNr)) entry.links.set(orgNr, { licence: l, status, role: r });
        scope.set(r.holder_id, entry);
      }
    }

    const eventsBySubject = new Map<string, FinancialEventFact[]>();
    for (const e of facts.financialEvents) {
      if (e.occurred_on > asOf) continue;
      const debtor = debtorOf(facts, scope, e.subject_id);
      if (debtor == null) continue;
      const list = eventsBySubject.get(debtor);
      if (list) list.push(e);
      else eventsBySubject.set(debtor, [e]);
    }

    const hits: Hit[] = [];
    for (const [subject, events] of eventsBySubject) {
      const debt = unresolvedDebt(events, p, asOf);
      const burst = repeatedEvents(events, p);
      if (!debt && !burst) continue;
      const s = scope.get(subject)!;
      const ev: Evidence[] = [];
      let sev = 0;
      if (debt) {
        ev.push(...debt.events.map((e) => evidence(eventText(facts, e, asOf), e, 'financial_events')));
        ev.push({ text: `Summa obetalda skulder per ${asOf}: ${sek(debt.sum)} (gräns ${sek(p.debtThresholdSek)}).`, source: debt.events[0] ? `${debt.events[0].prov.file}:${debt.events[0].prov.line}` : '' });
        sev = debt.sum >= 20 * p.debtThresholdSek ? 5 : debt.sum >= 5 * p.debtThresholdSek ? 4 : 3;
      }
      if (burst) {
        ev.push(...burst.map((e) => evidence(eventText(facts, e, asOf), e, 'financial_events')));
        ev.push({ text: `${burst.length} händelser (${p.eventKinds.map(financialKindSv).join(', ')}) inom ${p.windowMonths} månader: ${burst[0]!.occurred_on}–${burst[burst.length - 1]!.occurred_on}.`, source: `${burst[0]!.prov.file}:${burst[0]!.prov.line}` });
        const bs = burst.length >= 2 * p.minEvents ? 4 : 3;
        sev = sev ? Math.max(sev, bs) + 1 : bs;
      }
      for (const [orgNr, link] of s.links) {
        ev.push(link.role
          ? evidence(`${roleText(facts, link.role)}; bolaget är ${link.status} (${link.licence.licence_id}).`, link.role, 'roles')
          : evidence(`${companyLabel(facts, orgNr)} är ${link.status} (${link.licence.licence_id}).`, link.licence, 'licences'));
      }
      hits.push({
        signal: 'financial-mismanagement',
        subject_kind: s.kind,
        subject_id: subject,
        related_ids: uniqueSorted([...s.links.keys()].filter((o) => o !== subject)),
        severity: clampSeverity(sev),
        evidence: ev,
      });
    }
    return hits;
  },
};

/**
 * The debtor an event counts for. A sole trader and its owner are one debtor (the org_nr is the
 * owner's personnummer, and the importer stores it as a person id in financial_events): when the
 * owner is in scope only through the sole trader that holds or seeks the licence, the hit is on
 * the company (the licence holder, as the debt was written on its number); when the owner also
 * controls other holders, on the person, with those companies in related_ids. Each event is
 * assigned to exactly one debtor, so nothing is counted twice.
 */
function debtorOf(facts: Facts, scope: Map<string, { kind: 'company' | 'person'; links: Map<string, unknown> }>, id: string): string | null {
  const org = facts.soleTraders.companyOf.get(id);
  if (scope.has(id)) {
    const self = scope.get(id)!;
    if (org && scope.get(org)?.kind === 'company' && [...self.links.keys()].every((o) => o === org)) return org;
    return id;
  }
  const owner = facts.soleTraders.ownerOf.get(id);
  if (owner && scope.has(owner)) return owner;
  if (org && scope.has(org)) return org;
  return null;
}

function unresolvedDebt(events: FinancialEventFact[], p: Params, asOf: string): { sum: number; events: FinancialEventFact[] } | null {
  const open = events.filter((e) => p.debtKinds.includes(e.kind) && (e.resolved_on == null || e.resolved_on > asOf));
  const sum = open.reduce((s, e) => s + (e.amount_sek ?? 0), 0);
  return open.length > 0 && sum >= p.debtThresholdSek ? { sum, events: open } : null;
}

/** The largest set of qualifying events inside one window of `windowMonths` (inclusive), if big enough. */
function repeatedEvents(events: FinancialEventFact[], p: Params): FinancialEventFact[] | null {
  const list = events.filter((e) => p.eventKinds.includes(e.kind)).sort((a, b) => a.occurred_on.localeCompare(b.occurred_on));
  let best: FinancialEventFact[] | null = null;
  let j = 0;
  for (let i = 0; i < list.length; i++) {
    const end = addMonths(list[i]!.occurred_on, p.windowMonths);
    if (j < i) j = i;
    while (j + 1 < list.length && list[j + 1]!.occurred_on <= end) j++;
    const n = j - i + 1;
    if (n >= p.minEvents && (!best || n > best.length)) best = list.slice(i, j + 1);
  }
  return best;
}

function eventText(facts: Facts, e: FinancialEventFact, asOf: string): string {
  const resolved = e.resolved_on && e.resolved_on <= asOf ? `, reglerad ${e.resolved_on}` : ', oreglerad';
  const src = e.source ? ` (källa: ${e.source})` : '';
  return `${holderLabel(facts, e.subject_id, e.subject_kind)}: ${financialKindSv(e.kind)} ${e.occurred_on}, ${sek(e.amount_sek)}${resolved}${src}.`;
}

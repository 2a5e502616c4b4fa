import { z } from 'zod';
import { SANCTION_KIND_SV } from '../model/labels-sv';
import type { RoleFact, SanctionFact } from '../model/rows';
import { periodText } from '../model/dates';
import { clampSeverity, evidence } from './evidence';
import { overlaps, periodAsOf } from './periods';
import { controllingRolesAsOf, roleActiveAt } from './roles';
import { codesSv, holderLabel, roleText } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const params = z.strictObject({
  sanctionKinds: z.array(z.string()).min(1).default(['trading_ban']),
});
type Params = z.infer<typeof params>;

function describe(p: Params): string {
  return `Personen har haft en kontrollerande roll (styrelse, VD, ägare ≥ 25 % m.fl.) i ett bolag under tid då personen hade ${codesSv(SANCTION_KIND_SV, p.sanctionKinds)}.`;
}

/**
 * trading-ban-officer (contract §4): a controlling role held while a trading ban (näringsförbud)
 * was in force — any overlap of the role's period with the ban's period, past overlaps
 * included, as seen at as-of. One hit per holder, the companies in related_ids.
 *
 * Severity: 5 when the role and the ban both cover the as-of date (ongoing violation), else 4.
 */
export const signal: SignalDefinition<Params> = {
  id: 'trading-ban-officer',
  title: 'Kontrollerande roll under näringsförbud',
  description: describe(params.parse({})),
  describe,
  basis: 'IVO, Vad har IVO sett 2024: oseriösa aktörer fortsätter driva verksamhet trots näringsförbud, ofta via bulvaner.',
  subjectKinds: ['person', 'company'],
  params,
  defaults: params.parse({}),
  requires: ['sanctions', 'roles'],
  evaluate({ facts, asOf, params: p }) {
    const hits: Hit[] = [];
    for (const [subject, sanctions] of facts.sanctionsBySubject) {
      const bans = sanctions
        .filter((s) => p.sanctionKinds.includes(s.kind))
        .map((s) => ({ s, period: periodAsOf(s.from_date, s.to_date, asOf) }))
        .filter((b): b is { s: SanctionFact; period: { from: string | null; to: string | null } } => b.period != null);
      if (bans.length === 0) continue;
      const roles = controllingRolesAsOf(facts.rolesByHolder.get(subject), asOf);
      const matched: { role: RoleFact; ban: SanctionFact; ongoing: boolean }[] = [];
      for (const role of roles) {
        for (const { s, period } of bans) {
          if (!overlaps({ from: role.from_date, to: role.to_date }, period)) continue;
          const ongoing = roleActiveAt(role, asOf) && (period.to == null || period.to >= asOf);
          matched.push({ role, ban: s, ongoing });
          break;
        }
      }
      if (matched.length === 0) continue;
      const ev: Evidence[] = [];
      const usedBans = new Set<SanctionFact>();
      for (const m of matched) {
        if (!usedBans.has(m.ban)) {
          usedBans.add(m.ban);
          const ref = m.ban.decision_ref ? ` (beslut ${m.ban.decision_ref})` : '';
          ev.push(evidence(`${holderLabel(facts, subject, m.ban.subject_kind)} har näringsförbud ${periodText(m.ban.from_date, m.ban.to_date && m.ban.to_date <= asOf ? m.ban.to_date : null)}${ref}.`, m.ban, 'sanctions'));
        }
        ev.push(evidence(`${roleText(facts, m.role)} – under tid med näringsförbud${m.ongoing ? ' (pågår per analysdatum)' : ''}.`, m.role, 'roles'));
      }
      hits.push({
        signal: 'trading-ban-officer',
        subject_kind: matched[0]!.role.holder_kind,
        subject_id: subject,
        related_ids: [...new Set(matched.map((m) => m.role.org_nr))].sort(),
        severity: clampSeverity(matched.some((m) => m.ongoing) ? 5 : 4),
        evidence: ev,
      });
    }
    return hits;
  },
};

import { z } from 'zod';
import type { LicenceFact, RoleFact } from '../model/rows';
import { addMonths } from '../model/dates';
import { clampSeverity, evidence } from './evidence';
import { isLicenceHolder, revocationDate } from './licences';
import { overlaps } from './periods';
import { controllingRolesAsOf, roleActiveAt } from './roles';
import { licenceText, numberSv, roleText, statusSv } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const params = z.strictObject({
  /** Distinct revoked companies needed for a hit. */
  minCompanies: z.number().int().min(1).default(2),
  /** The role must be active at some time in this many months before the revocation. */
  windowMonths: z.number().int().min(0).max(600).default(24),
});
type Params = z.infer<typeof params>;

interface Link { role: RoleFact; licence: LicenceFact; revokedOn: string }

function describe(p: Params): string {
  const companies = p.minCompanies === 1 ? 'minst ett bolag' : `minst ${numberSv(p.minCompanies)} olika bolag`;
  const when = p.windowMonths === 0 ? 'på dagen för återkallelsen' : `någon gång under ${p.windowMonths === 1 ? 'den sista månaden' : `de ${p.windowMonths} månaderna`} före återkallelsen`;
  const window = p.windowMonths === 0 ? 'dagen' : `${p.windowMonths}-månadersfönstret`;
  return `Personen eller bolaget har haft en kontrollerande roll (styrelse, VD, ägare ≥ 25 % m.fl.) i ${companies} vars tillstånd återkallats eller förbjudits, och rollen var aktiv ${when}. Ett återkallat tillstånd utan datum för återkallelsen (tomt status_on) räknas inte, eftersom ${window} inte kan bestämmas – kontrollera sådana tillstånd manuellt.`;
}

/**
 * revoked-network (contract §4): a holder (person or company) with a controlling role in ≥ 2
 * distinct companies whose licence was revoked, the role active at some time in the 24 months
 * before that revocation (the window includes the revocation day itself). A revoked licence
 * without status_on is ignored (the window cannot be placed); the description says so.
 *
 * Severity: 3 for two companies, 4 for three, 5 for four or more; +1 when the holder still
 * controls a licence holder at as-of (the risk is current), capped at 5.
 */
export const signal: SignalDefinition<Params> = {
  id: 'revoked-network',
  title: 'Återkommande aktör bakom återkallade verksamheter',
  description: describe(params.parse({})),
  describe,
  basis: 'IVO, Vad har IVO sett 2024: samma aktörer återkommer bakom verksamheter som fått tillståndet återkallat eller förbud.',
  subjectKinds: ['person', 'company'],
  params,
  defaults: params.parse({}),
  requires: ['roles', 'licences'],
  evaluate({ facts, asOf, params: p }) {
    // Revoked licences per company, as of the analysis date.
    const revoked = new Map<string, { licence: LicenceFact; revokedOn: string }[]>();
    for (const l of facts.licences) {
      const on = revocationDate(l, asOf);
      if (on == null) continue;
      const list = revoked.get(l.org_nr) ?? [];
      list.push({ licence: l, revokedOn: on });
      revoked.set(l.org_nr, list);
    }
    // For each holder: the first qualifying (role, revocation) per distinct company.
    const byHolder = new Map<string, { kind: 'person' | 'company'; links: Map<string, Link> }>();
    for (const [orgNr, revs] of revoked) {
      for (const role of controllingRolesAsOf(facts.rolesByOrg.get(orgNr), asOf)) {
        if (role.holder_id === orgNr) continue;
        for (const { licence, revokedOn } of revs) {
          if (!overlaps({ from: role.from_date, to: role.to_date }, { from: addMonths(revokedOn, -p.windowMonths), to: revokedOn })) continue;
          const entry = byHolder.get(role.holder_id) ?? { kind: role.holder_kind, links: new Map<string, Link>() };
          if (!entry.links.has(orgNr)) entry.links.set(orgNr, { role, licence, revokedOn });
          byHolder.set(role.holder_id, entry);
          break;
        }
      }
    }
    const hits: Hit[] = [];
    for (const [holderId, { kind, links }] of byHolder) {
      if (links.size < p.minCompanies) continue;
      const ev: Evidence[] = [];
      const ordered = [...links.values()].sort((a, b) => a.revokedOn.localeCompare(b.revokedOn));
      for (const { role, licence, revokedOn } of ordered) {
        ev.push(evidence(`${roleText(facts, role)}.`, role, 'roles'));
        ev.push(evidence(`${licenceText(facts, licence)}: ${statusSv(licence.status)} ${revokedOn}; rollen var aktiv under de ${p.windowMonths} månaderna före.`, licence, 'licences'));
      }
      const current = controllingRolesAsOf(facts.rolesByHolder.get(holderId), asOf).filter(
        (r) => roleActiveAt(r, asOf) && isLicenceHolder(facts, r.org_nr, asOf),
      );
      for (const r of current) ev.push(evidence(`Har fortfarande kontrollerande roll i tillståndshavare: ${roleText(facts, r)}.`, r, 'roles'));
      hits.push({
        signal: 'revoked-network',
        subject_kind: kind,
        subject_id: holderId,
        related_ids: [...links.keys()].sort(),
        severity: clampSeverity(Math.min(5, links.size + 1) + (current.length > 0 ? 1 : 0)),
        evidence: ev,
      });
    }
    return hits;
  },
};

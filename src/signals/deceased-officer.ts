import { z } from 'zod';
import type { LicenceFact, RoleFact } from '../model/rows';
import { clampSeverity, evidence, uniqueEvidence, uniqueSorted } from './evidence';
import { holderOrApplicantLicence, holderOrApplicantSv } from './licences';
import { controllingRolesAsOf } from './roles';
import { companyLabel, kindSv, personLabel, roleText } from './texts';
import type { Evidence, Hit, SignalDefinition } from './types';

const params = z.strictObject({});
type Params = z.infer<typeof params>;

/**
 * deceased-officer (contract §7.2), on a person with the companies in related_ids: a person whose
 * `deceased_on` is on or before as-of holds a controlling role in a licence holder or applicant
 * (status granted or applied at as-of) whose period goes on past the death — `to` empty, or later
 * than `deceased_on` (a role ending on the day of death is not flagged) — or begins after it.
 * Roles are seen at as-of: one starting later does not exist, an end after as-of has not
 * happened (the role still goes on). A role with unknown start that is still open counts as
 * going on past the death.
 *
 * Severity 4; 5 when some such role began after the death (someone registered a dead person).
 */
export const signal: SignalDefinition<Params> = {
  id: 'deceased-officer',
  title: 'Avliden person som företrädare',
  description:
    'En person som enligt folkbokföringen avlidit (dödsdatum senast analysdatum) har en kontrollerande roll i en tillståndshavare eller sökande (beviljat eller ansökt tillstånd per analysdatum), och rollen fortsätter efter dödsdagen (saknar slutdatum eller slutar senare) eller började efter den. En roll som slutar på dödsdagen räknas inte; ett slutdatum efter analysdatum har ännu inte inträffat. Allvarlighetsgrad 5 när rollen registrerades först efter dödsfallet.',
  basis: 'IVO, Vad har IVO sett 2024, kap. 1: aktörer lämnar felaktiga uppgifter om bolagets företrädare för att undvika en ägar- och ledningsprövning av de personer som faktiskt har inflytande.',
  subjectKinds: ['person'],
  params,
  defaults: params.parse({}),
  requires: ['persons', 'roles', 'licences'],
  evaluate({ facts, asOf }) {
    const hits: Hit[] = [];
    const holderCache = new Map<string, LicenceFact | null>();
    const holder = (orgNr: string): LicenceFact | null => {
      if (!holderCache.has(orgNr)) holderCache.set(orgNr, holderOrApplicantLicence(facts, orgNr, asOf));
      return holderCache.get(orgNr)!;
    };
    for (const person of facts.persons.values()) {
      const died = person.deceased_on;
      if (died == null || died > asOf) continue;
      const found: { role: RoleFact; licence: LicenceFact; after: boolean }[] = [];
      for (const role of controllingRolesAsOf(facts.rolesByHolder.get(person.person_id), asOf)) {
        const after = role.from_date != null && role.from_date > died;
        if (!after && role.to_date != null && role.to_date <= died) continue;
        const licence = holder(role.org_nr);
        if (licence) found.push({ role, licence, after });
      }
      if (found.length === 0) continue;
      const ev: Evidence[] = [evidence(`${personLabel(facts, person.person_id)} avled ${died} enligt folkbokföringen.`, person, 'persons')];
      for (const { role, licence, after } of found) {
        const how = after ? `började ${role.from_date}, efter dödsfallet` : role.to_date == null ? 'pågår efter dödsfallet' : `slutade först ${role.to_date}, efter dödsfallet`;
        ev.push(evidence(`${roleText(facts, role)} – rollen ${how}.`, role, 'roles'));
        ev.push(evidence(`${companyLabel(facts, role.org_nr)} är ${holderOrApplicantSv(licence, asOf)} per ${asOf}: tillstånd ${licence.licence_id} (${kindSv(licence.kind)}).`, licence, 'licences'));
      }
      hits.push({
        signal: 'deceased-officer',
        subject_kind: 'person',
        subject_id: person.person_id,
        related_ids: uniqueSorted(found.map((f) => f.role.org_nr)),
        severity: clampSeverity(found.some((f) => f.after) ? 5 : 4),
        evidence: uniqueEvidence(ev),
      });
    }
    return hits;
  },
};


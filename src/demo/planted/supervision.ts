import type { Planter } from './builder';

/** Contract §7.2 supervision-evasion: repeated injunctions and inspections where supervision was obstructed. */
export function plantSupervisionEvasion(p: Planter): void {
  const S = 'supervision-evasion';
  const holder = (o: { status?: string; granted?: string | null; statusOn?: string } = {}) =>
    p.licensed({ kind: 'home_care', registered: '2016-01-01', granted: o.granted === undefined ? '2016-06-01' : o.granted, status: o.status, statusOn: o.statusOn });
  {
    const h = holder();
    p.inspection(h.org, h.licence, '2025-03-12', 'injunction', ['staff_competence'], 'Föreläggande: bemanning nattetid');
    p.inspection(h.org, h.licence, '2026-05-20', 'injunction', ['other'], 'Föreläggande: genomförandeplaner saknas');
    p.fire(S, 'company', h.org, 'two injunctions (2025-03-12, 2026-05-20) within the 24 months before as-of');
  }
  {
    const a = holder({ status: 'applied', granted: null, statusOn: '2025-12-01' });
    p.inspection(a.org, a.licence, '2026-02-10', 'deficiencies', ['documents_withheld'], 'Begärda handlingar har inte lämnats in');
    p.fire(S, 'company', a.org, 'licence applicant that withheld documents from IVO 2026-02-10');
  }
  {
    const h = holder();
    p.inspection(h.org, h.licence, '2025-06-01', 'deficiencies_followup', ['access_refused'], 'Inspektörerna nekades tillträde');
    p.inspection(h.org, h.licence, '2026-01-15', 'deficiencies', ['false_information'], 'Felaktiga uppgifter om bemanningen');
    p.fire(S, 'company', h.org, 'access refused 2025-06-01 and false information 2026-01-15 (two evasion tags: severity 4)');
  }
  {
    const h = holder();
    p.inspection(h.org, h.licence, '2024-06-01', 'injunction', ['staff_competence']);
    p.inspection(h.org, h.licence, '2026-07-01', 'injunction', ['staff_competence']);
    p.notFire(S, 'company', h.org, 'near miss: two injunctions 25 months apart (the first before the window)');
  }
  {
    const h = holder();
    p.inspection(h.org, h.licence, '2026-04-01', 'injunction', ['restraint']);
    p.inspection(h.org, h.licence, '2025-08-01', 'deficiencies', ['staff_competence']);
    p.notFire(S, 'company', h.org, 'one injunction in the window');
  }
  {
    const h = holder();
    p.inspection(h.org, h.licence, '2024-09-15', 'deficiencies', ['documents_withheld']);
    p.notFire(S, 'company', h.org, 'documents withheld 2024-09-15, more than 24 months before as-of');
  }
  {
    const h = holder();
    p.inspection(h.org, h.licence, '2026-11-20', 'deficiencies', ['access_refused']);
    p.notFire(S, 'company', h.org, 'access refused 2026-11-20, after the as-of date');
  }
  {
    const r = holder({ status: 'revoked', statusOn: '2026-08-01' });
    p.inspection(r.org, r.licence, '2025-10-01', 'injunction', ['staff_competence']);
    p.inspection(r.org, r.licence, '2026-03-01', 'injunction', ['staff_competence']);
    p.notFire(S, 'company', r.org, 'two injunctions, but the licence was revoked 2026-08-01 (not a holder or applicant at as-of)');
  }
}

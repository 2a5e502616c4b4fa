import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db';
import { importPath } from '../../src/import/importer';
import { runAnalysis } from '../../src/analysis/run';
import { buildDossier, DossierError } from '../../src/dossier/index';
import { groupedHash } from '../../src/audit/receipt';
import { listAudit } from '../../src/audit/log';
import { auditImport } from '../../src/audit/events';
import { orgNr, personId, tmpDir, writeDataset } from '../support/fixtures';
import { C1, C2, C3, P1, P2, revokedWorld } from '../cases/world';

const AS_OF = '2025-06-01';
const P3 = personId('19900101', '234');
const C4 = orgNr('559111222');

async function world() {
  const w = revokedWorld();
  w.persons!.push({ person_id: P3, name: 'Clara <b>Ek</b>' });
  w.companies!.push({ org_nr: C4, name: 'Gamla Bolaget AB', status: 'bankruptcy', deregistered_on: '2022-02-01' });
  // P1 quietly sits on the applicant's board; P2 is the declared CEO.
  w.roles!.push({ org_nr: C3, holder_id: P1, role: 'board_member', from: '2025-02-01' });
  w.roles!.push({ org_nr: C3, holder_id: P3, role: 'auditor', from: '2025-02-01' });
  w.roles!.push({ org_nr: C4, holder_id: P2, role: 'board_member', from: '2018-01-01', to: '2021-12-31' });
  // Near miss: winding up a bankrupt company as liquidator says nothing about P3's suitability.
  w.roles!.push({ org_nr: C4, holder_id: P3, role: 'liquidator', from: '2021-06-01', to: '2022-02-01' });
  w.licences!.push({ licence_id: 'IVO-9', org_nr: C3, kind: 'hvb_children', status: 'applied', status_on: '2025-03-01' });
  w.reviewed_persons = [{ org_nr: C3, person_id: P2, role: 'ceo', reviewed_on: '2025-03-15', outcome: 'approved' }];
  w.financial_events = [
    { subject_id: P1, kind: 'enforcement_debt', amount_sek: '123 456,50', occurred_on: '2024-09-01' },
    { subject_id: P2, kind: 'tax_arrears', amount_sek: 5000, occurred_on: '2023-01-01', resolved_on: '2023-06-01' },
  ];
  w.sanctions = [{ subject_id: P1, kind: 'trading_ban', from: '2024-01-01', to: '2027-01-01', decision_ref: 'B 1-24' }];
  const db = openDb(':memory:');
  const dir = writeDataset(tmpDir(), w);
  auditImport(db, await importPath(db, dir), dir);
  runAnalysis(db, { asOf: AS_OF });
  return db;
}

describe('ägar- och ledningsprövning dossier', () => {
  it('lists earlier revoked companies, roles during revocations, debts, bans and undeclared controllers with sources', async () => {
    const db = await world();
    const d = buildDossier(db, { orgNr: C3, personkrets: [{ personId: P2, role: 'VD' }], asOf: AS_OF }, { actor: 'handläggare' });
    expect(d.applicant).toEqual({ orgNr: C3, name: 'Nya Omsorgen AB', inStore: true });
    // Auditor P3 does not control; P1 does and was not declared.
    expect(d.undeclared.map((u) => u.id)).toEqual([P1]);
    expect(d.undeclared[0]).toMatchObject({ label: 'Erik Lindqvist', role: 'board_member' });
    expect(d.undeclared[0]!.source).toMatch(/^roles\.csv:\d+$/);

    const [company, p2, p1] = d.sections;
    expect(company!.findings.map((f) => f.kind)).toContain('undeclared_controller');
    expect(company!.findings.find((f) => f.kind === 'licence')!.text).toContain('ansökt');
    expect(p2).toMatchObject({ declared: true, role: 'VD' });
    expect(p2!.findings.find((f) => f.kind === 'bankruptcy')!.related[0]!.id).toBe(C4);
    const tax = p2!.findings.find((f) => f.kind === 'financial_event')!;
    expect(tax.unresolved).toBe(false);

    expect(p1).toMatchObject({ declared: false });
    const revoked = p1!.findings.filter((f) => f.kind === 'role_during_revocation');
    expect(revoked.map((f) => f.related[0]!.id).sort()).toEqual([C1, C2].sort());
    for (const f of revoked) {
      expect(f.severity).toBe(5);
      expect(f.sources.some((s) => s.startsWith('roles.csv:'))).toBe(true);
      expect(f.sources.some((s) => s.startsWith('licences.csv:'))).toBe(true);
    }
    const debt = p1!.findings.find((f) => f.kind === 'financial_event')!;
    expect(debt).toMatchObject({ unresolved: true, amountSek: 123456.5 });
    expect(debt.text).toContain('123 457 kr');
    expect(p1!.findings.find((f) => f.kind === 'trading_ban')!.text).toContain('gäller fortfarande');
    expect(p1!.findings.some((f) => f.kind === 'revoked_network')).toBe(true);
    for (const s of d.sections) for (const f of s.findings) if (f.kind !== 'not_in_store' && f.kind !== 'no_personkrets') expect(f.sources.length, f.text).toBeGreaterThan(0);

    expect(d.html).toContain('Erik Lindqvist');
    expect(d.html).toContain('ej anmäld');
    const entries = listAudit(db).entries;
    expect(entries.at(-1)).toMatchObject({ action: 'dossier', actor: 'handläggare' });
    // The report states the log's head it was made at: the entry before its own.
    const head = entries.at(-2)!;
    expect(d.html).toContain(`Granskningsloggen när underlaget skapades: post nr ${head.seq},`);
    expect(d.html).toContain(groupedHash(head.hash));
  });

  it('takes an applied licence and its reviewed personkrets', async () => {
    const db = await world();
    const d = buildDossier(db, { licenceId: 'IVO-9', asOf: AS_OF });
    expect(d.licenceId).toBe('IVO-9');
    expect(d.sections[1]).toMatchObject({ subject: { id: P2 }, declared: true, role: 'ceo' });
    expect(d.undeclared.map((u) => u.id)).toEqual([P1]);
  });

  it('handles an applicant not in the store and rejects bad ids', async () => {
    const db = await world();
    const d = buildDossier(db, { orgNr: '556677-8899', personkrets: [{ personId: P1.slice(2, 8) + '-' + P1.slice(8) }], asOf: AS_OF });
    expect(d.applicant).toEqual({ orgNr: '5566778899', name: null, inStore: false });
    expect(d.sections[0]!.findings[0]!.kind).toBe('not_in_store');
    expect(d.sections[1]!.subject.id).toBe(P1);
    expect(d.sections[1]!.findings.filter((f) => f.kind === 'role_during_revocation')).toHaveLength(2);
    expect(() => buildDossier(db, { orgNr: '5566778890', personkrets: [] })).toThrow(DossierError);
    expect(() => buildDossier(db, { orgNr: C3, personkrets: [{ personId: '19750614-1234' }] })).toThrow(/personnummer/);
  });

  it('escapes names in the HTML report, and does not hold a liquidator to the company fate', async () => {
    const db = await world();
    const d = buildDossier(db, { orgNr: C3, personkrets: [{ personId: P3, role: '<script>x</script>' }], asOf: AS_OF });
    const p3 = d.sections.find((s) => s.subject.id === P3)!;
    expect(p3.findings.map((f) => f.kind)).toEqual(['earlier_company']);
    expect(d.html).not.toContain('<script>');
    expect(d.html).not.toContain('<b>Ek');
    expect(d.html).toContain('Clara &lt;b&gt;Ek&lt;/b&gt;');
  });

  it('shows the v2 signals for the applicant and the personkrets: a deceased declared board member, a board swap elsewhere, a serial director', async () => {
    const applicant = orgNr('559300001');
    const swapped = orgNr('559300002');
    const serial = ['559300003', '559300004', '559300005', '559300006'].map(orgNr);
    const dead = personId('19480512', '123');
    const old = personId('19700101', '234');
    const fresh = personId('19910303', '555');
    const lic = (org: string, i: number, status = 'granted') => ({ licence_id: `V2-${i}`, org_nr: org, kind: 'home_care', status, granted_on: status === 'granted' ? '2015-01-01' : null, status_on: status === 'granted' ? '2015-01-01' : '2025-02-01' });
    const db = openDb(':memory:');
    await importPath(db, writeDataset(tmpDir(), {
      companies: [applicant, swapped, ...serial].map((o, i) => ({ org_nr: o, name: `Bolag ${i} AB` })),
      persons: [{ person_id: dead, name: 'Gustav Holm', deceased_on: '2024-03-10' }, { person_id: old, name: 'Olle Berg' }, { person_id: fresh, name: 'Sara Nyman' }],
      licences: [lic(applicant, 0, 'applied'), lic(swapped, 1), ...serial.map((o, i) => lic(o, i + 2))],
      roles: [
        { org_nr: applicant, holder_id: dead, role: 'board_member', from: '2020-01-01' },
        { org_nr: applicant, holder_id: fresh, role: 'ceo', from: '2025-01-15' },
        // At `swapped`: an injunction, then OLD leaves the board, FRESH joins, OLD stays owner.
        { org_nr: swapped, holder_id: old, role: 'board_member', from: '2015-01-01', to: '2024-05-31' },
        { org_nr: swapped, holder_id: old, role: 'owner', share_pct: 100, from: '2015-01-01' },
        { org_nr: swapped, holder_id: fresh, role: 'board_member', from: '2024-06-01' },
        ...serial.map((o, i) => ({ org_nr: o, holder_id: fresh, role: 'board_member', from: `2024-0${i + 2}-01` })),
      ],
      inspections: [{ org_nr: swapped, decided_on: '2024-03-01', outcome: 'injunction' }],
    }));
    runAnalysis(db, { asOf: AS_OF });
    const d = buildDossier(db, { orgNr: applicant, personkrets: [{ personId: dead, role: 'styrelseledamot' }, { personId: fresh, role: 'VD' }], asOf: AS_OF });
    const section = (id: string) => d.sections.find((x) => x.subject.id === id)!;

    const deadFindings = section(dead).findings;
    expect(deadFindings.find((f) => f.kind === 'deceased')).toMatchObject({ severity: 5, sources: ['persons.csv:2'] });
    expect(deadFindings.find((f) => f.kind === 'hit' && f.text.includes('Avliden person som företrädare'))!.related.map((r) => r.id)).toEqual([applicant]);

    const freshFindings = section(fresh).findings;
    const swap = freshFindings.find((f) => f.kind === 'involved_in_hit')!;
    expect(swap.text).toContain('Byte av företrädare efter tillsynsfynd');
    expect(swap.related.map((r) => r.id)).toEqual([swapped]);
    expect(swap.sources).toEqual(expect.arrayContaining(['inspections.csv:2', 'roles.csv:4', 'roles.csv:5', 'roles.csv:6']));
    // Four new boards, the swapped company and the applicant itself: six licence holders/applicants in 12 months.
    expect(freshFindings.find((f) => f.kind === 'hit' && f.text.includes('Återkommande företrädare'))!.related.map((r) => r.id).sort()).toEqual([applicant, swapped, ...serial].sort());
    expect(d.html).toContain('avled 2024-03-10');
    // A living declared person has no deceased finding.
    expect(freshFindings.some((f) => f.kind === 'deceased')).toBe(false);
  });

  it('flags a declared role the register does not show (declared VD, registered as employee), naming what it shows', async () => {
    const w = revokedWorld();
    const P4 = personId('19880303', '111');
    w.persons!.push({ person_id: P4, name: 'Dora Ek' });
    w.roles!.push({ org_nr: C3, holder_id: P1, role: 'chair', from: '2025-02-01' });
    w.employments = [{ org_nr: C3, person_id: P4, title: 'Föreståndare', profession: 'care_staff', from: '2025-02-01' }];
    const db = openDb(':memory:');
    await importPath(db, writeDataset(tmpDir(), w));
    const d = buildDossier(db, {
      orgNr: C3,
      personkrets: [{ personId: P4, role: 'ceo' }, { personId: P2, role: 'ceo' }, { personId: P1, role: 'board_member' }],
      asOf: AS_OF,
    });
    const finding = (id: string) => d.sections.find((s) => s.subject.id === id)!.findings.find((f) => f.kind === 'declared_role_not_in_register');
    const p4 = finding(P4)!;
    expect(p4.severity).toBe(3);
    expect(p4.text).toContain('anmäld som VD');
    expect(p4.text).toContain('anställd som vård- och omsorgspersonal');
    expect(p4.sources.some((s) => s.startsWith('employments.csv:'))).toBe(true);
    // Registered as declared (CEO), or as chair when declared a board member: nothing to flag.
    expect(finding(P2)).toBeUndefined();
    expect(finding(P1)).toBeUndefined();
    // Declared in another role than the register's: the finding says what the register shows.
    const later = buildDossier(db, { orgNr: C3, personkrets: [{ personId: P2, role: 'board_member' }], asOf: AS_OF });
    expect(later.sections[1]!.findings.find((f) => f.kind === 'declared_role_not_in_register')!.text).toContain('registret visar i stället: VD 2025-01-10 – pågår');
  });
});

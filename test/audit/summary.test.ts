import { describe, expect, it } from 'vitest';
import { auditSummarySv } from '../../src/audit/summary';
import { AUDIT_ACTIONS } from '../../src/model/enums';

describe('audit entries in Swedish', () => {
  it('names every action in Swedish and summarises what it concerned, not the JSON', () => {
    expect(auditSummarySv('analysis_run', { runId: 3, as_of: '2025-01-01', hits: 1 })).toEqual({ label: 'Analyskörning', text: 'körning 3 per 2025-01-01, 1 larm' });
    // The workbench job spells the keys differently; the summary reads both.
    expect(auditSummarySv('analysis_run', { runId: 4, asOf: '2025-02-01', hitCount: 12 }).text).toBe('körning 4 per 2025-02-01, 12 larm');
    expect(auditSummarySv('config_change', { signal: 'revoked-network', params: { windowMonths: 60, minCompanies: 2 } })).toEqual({
      label: 'Regelinställning ändrad',
      text: 'Återkommande aktör bakom återkallade verksamheter: Tidsfönster (månader) = 60; Minsta antal bolag = 2',
    });
    expect(auditSummarySv('config_change', { signal: 'missing-record-check', params: { kinds: ['hvb_children'] } }).text).toContain('Tillståndsslag som räknas = HVB barn och unga');
    expect(auditSummarySv('status_change', { hitKeys: ['a', 'b'], status: 'avskriven', reason: 'Kontrollerat' }).text).toBe('2 larm satt till ”avskriven” – skäl: Kontrollerat');
    expect(auditSummarySv('case_edit', { caseId: 7, hitsAdded: ['k'], entitiesRemoved: ['x', 'y'] }).text).toBe('ärende 7: 1 larm tillagda, 2 entiteter borttagna');
    expect(auditSummarySv('export', { format: 'gexf', scope: { case: 2 }, files: ['a.gexf'], pseudonymised: true }).text).toBe('GEXF av ärende 2, 1 fil, pseudonymiserad');
    expect(auditSummarySv('search', { q: 'Omsorg', results: 1 }).text).toBe('”Omsorg” (1 träff)');
    for (const a of AUDIT_ACTIONS) {
      const { label, text } = auditSummarySv(a, {});
      expect(label, a).not.toBe(a);
      expect(text, a).not.toMatch(/[{}[\]"]/);
    }
  });

  it('summarises the actions of monitoring, entity resolution, keyed logs and folders', () => {
    expect(auditSummarySv('analysis_as_known', { runId: 5, as_of: '2026-02-01', asKnown: 2, hits: 3 })).toEqual({ label: 'Analys som känt efter datamängd', text: 'körning 5 per 2026-02-01 som känt efter datamängd 2, 3 larm' });
    expect(auditSummarySv('watch_add', { id: '5560360793', note: 'Följs', inStore: false }).text).toBe('5560360793 – ”Följs” (finns ännu inte i databasen)');
    expect(auditSummarySv('match_decision', { a: 'ext:a', b: 'ext:b', decision: 'confirmed', note: 'Samma pass' }).text).toBe('ext:a och ext:b: samma – ”Samma pass”');
    expect(auditSummarySv('match_undo', { a: 'ext:a', b: 'ext:b', undone: 'rejected' }).text).toBe('ext:a och ext:b: beslutet ”inte samma” ångrat');
    expect(auditSummarySv('audit_anchor', { unkeyedEntries: 4, manual: true }).text).toBe('4 tidigare poster utan nyckel förankrade på användarens ord (insyn audit anchor)');
    expect(auditSummarySv('config_change', { fileRoots: { importRoot: '/data/in' } }).text).toBe('importmapp /data/in');
  });

  it('keeps an unknown action and odd details readable instead of failing', () => {
    expect(auditSummarySv('something_new', { id: 'x', n: 2, nested: { a: 1 } })).toEqual({ label: 'something_new', text: 'id=x, n=2' });
    expect(auditSummarySv('import', null).text).toContain('datamängd');
  });
});

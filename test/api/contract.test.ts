import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API, METHODS, parseEnvelope, parseRequest, parseResponse, type Method } from '../../src/api/contract';
import { createClient, unwrap, ApiError } from '../../src/api/client';
import { takeToken, ipcTransport } from '../../src/api/transports';

describe('API contract', () => {
  it('defines a request and a response schema for every method the UI needs', () => {
    const needed = ['status', 'importPreview', 'importStart', 'jobStatus', 'quarantineList', 'quarantineExportCsv', 'analysisRun', 'hitsList', 'hitGet', 'hitsSetStatus', 'entityGet', 'graphEgo', 'graphExpand', 'graphPath', 'graphNodes', 'search', 'rulesList', 'rulesUpdate', 'demoLoad', 'casesList', 'caseGet', 'caseSave', 'caseAddNote', 'caseSaveView', 'caseChangeItems', 'caseMemberships', 'auditList', 'auditVerify', 'exportRun', 'dossier'];
    needed.push('fileRootsGet', 'fileRootsSet'); // issue 13: the import and export folders
    needed.push('matchesList', 'matchesDecide', 'matchesUndo'); // issue 15: entity resolution
    const monitoring = ['runsList', 'changesGet', 'watchList', 'watchAdd', 'watchRemove', 'factHistory']; // issue 11
    expect([...METHODS].sort()).toEqual([...needed, ...monitoring].sort());
    for (const m of METHODS) {
      expect(API[m].request).toBeInstanceOf(z.ZodType);
      expect(API[m].response).toBeInstanceOf(z.ZodType);
    }
  });

  it('applies defaults and survives a JSON round trip', () => {
    const r = parseRequest('hitsList', {});
    expect(r).toEqual({ ok: true, value: { sort: { by: 'severity', dir: 'desc' }, offset: 0, limit: 100 } });
    const again = parseRequest('hitsList', JSON.parse(JSON.stringify(r.ok && r.value)));
    expect(again).toEqual(r);
    expect(parseRequest('status', undefined).ok).toBe(true);
    expect(parseRequest('analysisRun', undefined)).toEqual({ ok: true, value: {} });
  });

  it('rejects bad requests with Swedish messages and paths', () => {
    const cases: [Method, unknown, string][] = [
      ['analysisRun', { asOf: '2024-13' }, 'asOf'],
      ['hitsList', { severity: 7 }, 'severity'],
      ['hitsList', { limit: 0 }, 'limit'],
      ['hitsSetStatus', { hitKeys: ['k'], status: 'avskriven', reason: '  ' }, 'reason'],
      ['hitsSetStatus', { hitKeys: [], status: 'ny' }, 'hitKeys'],
      ['caseSave', { name: '   ' }, 'name'],
      ['exportRun', { format: 'gexf', scope: { subject: 'a', case: 1 } }, 'scope'],
      ['exportRun', { format: 'pdf', scope: { subject: 'a' } }, 'format'],
    ];
    for (const [method, req, field] of cases) {
      const r = parseRequest(method, req);
      expect(r.ok, `${method} ${JSON.stringify(req)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('invalid_request');
        expect(r.error.issues?.some((i) => i.path[0] === field), JSON.stringify(r.error.issues)).toBe(true);
        expect(r.error.message).toMatch(/Ogiltig förfrågan/);
      }
    }
  });

  it('accepts both dossier request forms', () => {
    expect(parseRequest('dossier', { orgNr: '5566778899', personkrets: [{ personId: '198001011234', role: 'ceo' }] }).ok).toBe(true);
    expect(parseRequest('dossier', { licenceId: 'L-1' }).ok).toBe(true);
    expect(parseRequest('dossier', { orgNr: '' }).ok).toBe(false);
  });

  it('flags replies that break the contract instead of passing them on', () => {
    expect(parseResponse('importStart', { jobId: 'x' }).ok).toBe(true);
    const r = parseResponse('importStart', { job: 'x' });
    expect(!r.ok && r.error.code).toBe('invalid_reply');
    expect(parseEnvelope({ ok: 'yes' })).toMatchObject({ ok: false, error: { code: 'transport' } });
  });
});

describe('client and transports', () => {
  it('round-trips a call through the IPC transport and validates the reply', async () => {
    const bridge = { search: async (req: unknown) => ({ ok: true, value: { items: [{ id: '1', kind: 'person', label: String((req as { q: string }).q), detail: null, matchedBy: 'name', score: 2 }] } }) };
    const client = createClient(ipcTransport(bridge));
    expect(unwrap(await client.search({ q: 'Ö' })).items[0]!.label).toBe('Ö');
    const missing = await client.status();
    expect(!missing.ok && missing.error.code).toBe('unknown_method');
  });

  it('turns transport failures and bad replies into error envelopes', async () => {
    const broken = createClient(async () => {
      throw new Error('ECONNREFUSED');
    });
    const r = await broken.status();
    expect(!r.ok && r.error.code).toBe('transport');
    const liar = createClient(async () => ({ ok: true, value: { items: 'nope' } }));
    const l = await liar.search({ q: 'x' });
    expect(!l.ok && l.error.code).toBe('invalid_reply');
    expect(() => unwrap(l)).toThrow(ApiError);
  });

  it('never sends a request that fails validation', async () => {
    let sent = 0;
    const client = createClient(async () => {
      sent++;
      return { ok: true, value: {} };
    });
    await client.hitsList({ severity: 9 } as never);
    expect(sent).toBe(0);
  });

  it('takes the token from the first URL, strips it, and keeps it for the session', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const first = takeToken('http://127.0.0.1:5000/?token=abc#/larm', storage);
    expect(first).toEqual({ token: 'abc', cleanUrl: 'http://127.0.0.1:5000/#/larm' });
    expect(takeToken('http://127.0.0.1:5000/#/larm', storage).token).toBe('abc');
  });
});

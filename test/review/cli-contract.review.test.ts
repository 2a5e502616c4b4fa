import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpDir, writeDataset } from '../support/fixtures';
import { org, pid } from './support';
import { CLI_BIN } from '../support/cli';

/** The CLI path a checking script uses (contract §5): `insyn import --json`, `insyn analyze --as-of --json`. */
const BIN = CLI_BIN;
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, INSYN_DB: '' } });

const A = org(11), B = org(12);
const P = pid('19750614', '163');
let dir: string;
let db: string;

beforeAll(() => {
  dir = tmpDir('insyn-review-cli-');
  db = path.join(dir, 'store.sqlite');
  // Input ids in non-normalised forms: dashed org_nr, 12-digit 16-prefixed org_nr, 10-digit personnummer with dash.
  writeDataset(path.join(dir, 'data'), {
    companies: [
      { org_nr: `${A.slice(0, 6)}-${A.slice(6)}`, name: 'Första AB', registered_on: '20100101' },
      { org_nr: `16${B}`, name: 'Andra AB', registered_on: '2010-01-01' },
      { org_nr: '5566778890', name: 'Felaktigt AB' }, // Luhn fails → quarantined, import still succeeds
    ],
    roles: [
      { org_nr: A, holder_id: `${P.slice(2, 8)}-${P.slice(8)}`, role: 'ceo', from: '2015-01-01' },
      { org_nr: B, holder_id: P, role: 'board_member', from: '2015-01-01' },
    ],
    licences: [
      { licence_id: ' L-A ', org_nr: A, kind: 'hvb_children', status: 'revoked', granted_on: '2015-01-01', status_on: '2023-01-01' },
      { licence_id: 'L-B', org_nr: B, kind: 'home_care', status: 'banned', granted_on: '2015-01-01', status_on: '20240101' },
    ],
  });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('CLI contract §5 (independent review)', () => {
  it('import --json: exit 0 with quarantined rows; dataset, rows per table, quarantined count, quarantine entries with file/line/column/value/reason', () => {
    const r = run('import', path.join(dir, 'data'), '--db', db, '--json');
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const k of ['dataset', 'rows', 'quarantined', 'quarantine']) expect(j).toHaveProperty(k);
    expect(j.rows).toMatchObject({ companies: 2, roles: 2, licences: 2 });
    expect(j.quarantined).toBe(1);
    expect(j.quarantine).toHaveLength(1);
    expect(j.quarantine[0]).toMatchObject({ file: expect.stringMatching(/companies\.csv$/), line: 4, column: 'org_nr', value: '5566778890' });
    expect(typeof j.quarantine[0].reason).toBe('string');
  });

  it('analyze --as-of --json: exactly the contract keys (§5 + §7.3 run), hits with normalised ids, scores array', () => {
    const r = run('analyze', '--db', db, '--as-of', '2025-01-01', '--json');
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j).sort()).toEqual(['as_of', 'coverage', 'hits', 'run', 'scores']);
    expect(Number.isInteger(j.run) && j.run > 0).toBe(true);
    expect(j.as_of).toBe('2025-01-01');
    expect(Object.keys(j.coverage).sort()).toEqual([
      'address-hub', 'conviction-in-control', 'convicted-staff-with-children', 'financial-mismanagement', 'foster-home-as-hvb',
      'missing-record-check', 'nominal-licensed-staff', 'operating-without-licence', 'over-capacity', 'phoenix-continuation',
      'revoked-network', 'trading-ban-officer', 'undeclared-influence', 'unlicensed-practitioner',
      'deceased-officer', 'board-swap-after-finding', 'serial-director', 'supervision-evasion', 'fee-outlier', 'dental-support-without-dentist',
    ].sort());
    for (const c of Object.values(j.coverage) as { evaluable: boolean; reason?: string }[]) {
      expect(typeof c.evaluable).toBe('boolean');
      if (!c.evaluable) expect(c.reason).toBeTruthy();
    }
    expect(j.coverage['revoked-network']).toEqual({ evaluable: true });
    expect(j.coverage['trading-ban-officer'].evaluable).toBe(false);
    const hit = j.hits.find((h: { signal: string }) => h.signal === 'revoked-network');
    expect(hit).toMatchObject({ signal: 'revoked-network', subject_kind: 'person', subject_id: P, related_ids: [A, B].sort() });
    expect(Object.keys(hit).sort()).toEqual(['evidence', 'related_ids', 'severity', 'signal', 'subject_id', 'subject_kind']);
    expect([1, 2, 3, 4, 5]).toContain(hit.severity);
    for (const e of hit.evidence) {
      expect(typeof e.text).toBe('string');
      expect(e.source).toMatch(/^[a-z_]+\.csv:\d+$/);
    }
    for (const h of j.hits) {
      expect(['company', 'person', 'licence', 'foster_home', 'address']).toContain(h.subject_kind);
      if (h.subject_kind === 'company') expect(h.subject_id).toMatch(/^\d{10}$/);
      if (h.subject_kind === 'person') expect(h.subject_id).toMatch(/^(\d{12}|ext:.+)$/);
    }
    expect(Array.isArray(j.scores)).toBe(true);
    for (const s of j.scores) {
      expect(typeof s.subject_id).toBe('string');
      expect(typeof s.subject_kind).toBe('string');
      expect(typeof s.score).toBe('number');
    }
  });

  it('the licence id is trimmed in the store and evidence sources point at the CSV lines', () => {
    const r = run('analyze', '--db', db, '--as-of', '2025-01-01', '--json');
    const j = JSON.parse(r.stdout);
    const hit = j.hits.find((h: { signal: string }) => h.signal === 'revoked-network');
    const sources = hit.evidence.map((e: { source: string }) => e.source);
    expect(sources).toEqual(expect.arrayContaining(['roles.csv:2', 'roles.csv:3', 'licences.csv:2', 'licences.csv:3']));
    expect(hit.evidence.map((e: { text: string }) => e.text).join(' ')).toContain('L-A');
  });

  it('exit codes: 2 on usage errors (bad --as-of, unknown option), 1 when a file cannot be read; nothing on stdout then', () => {
    const bad = run('analyze', '--db', db, '--as-of', '2025-02-30', '--json');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(run('analyze', '--db', db, '--bogus').status).toBe(2);
    const broken = path.join(dir, 'broken');
    fs.mkdirSync(broken);
    fs.writeFileSync(path.join(broken, 'companies.csv'), 'foo,bar\n1,2\n');
    const r = run('import', broken, '--db', db, '--json');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main';
import { jsonSafe, termSafe, termText } from '../../src/cli/terminal';
import { importPath } from '../../src/import/importer';
import { openDb } from '../../src/store/db';
import { orgNr, personId, tmpDir, writeDataset } from '../support/fixtures';
import { captureStdio } from '../support/stdio';

/** Hostile inputs of issue 13 item 3 that are not the readers' (issue 10): values and terminal output. */

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

// \r is ours (progress lines are rewritten in place); anything else would come from the data.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202e]/;

describe('hostile values', () => {
  it('a 5 000-digit amount is quarantined with a reason; nothing is stored as Infinity', async () => {
    const P = personId('19811218', '987');
    const dir = writeDataset(tmpDir(), {
      persons: [{ person_id: P, name: 'Erik' }],
      financial_events: [
        { subject_id: P, kind: 'enforcement_debt', amount_sek: '9'.repeat(5000), occurred_on: '2024-01-01' },
        { subject_id: P, kind: 'enforcement_debt', amount_sek: '1 234,50', occurred_on: '2024-02-01' },
      ],
    });
    const db = openDb(':memory:');
    const r = await importPath(db, dir);
    expect(r.rows.financial_events).toBe(1);
    expect(r.quarantine).toEqual([expect.objectContaining({ file: 'financial_events.csv', line: 2, column: 'amount_sek', reason_sv: expect.stringMatching(/orimligt stort/) })]);
    expect(db.prepare("SELECT count(*) FROM financial_events WHERE amount_sek > 1e300 OR amount_sek < -1e300 OR amount_sek != amount_sek").pluck().get()).toBe(0);
    expect(db.prepare('SELECT amount_sek FROM financial_events').pluck().all()).toEqual([1234.5]);
  });
});

describe('control characters on the terminal', () => {
  it('termSafe leaves no control or bidi character; termText keeps only newlines and tabs', () => {
    expect(termSafe('a\x1b[31mb\u009b2J\u202eexe.csv\n')).toBe('a\\x1b[31mb\\x9b2J\\u202eexe.csv\\x0a');
    expect(termText('rad 1\n\tx\x07')).toBe('rad 1\n\tx\\x07');
    expect(JSON.parse(jsonSafe(JSON.stringify({ a: 'x\u009by\u202e' })))).toEqual({ a: 'x\u009by\u202e' });
    expect(jsonSafe(JSON.stringify('\u009b'))).toBe('"\\u009b"');
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      expect(termSafe(s)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(termText(s)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }));
  });

  it('insyn import prints file names, values and errors from a hostile folder escaped', async () => {
    const A = orgNr('556036079');
    const dir = writeDataset(tmpDir(), { companies: [{ org_nr: A, name: 'Ett AB' }, { org_nr: '12\x1b[2J', name: 'Fel' }] });
    const evil = 'skräp\x1b]0;pwned\x07\u202egpj.txt';
    fs.writeFileSync(path.join(dir, evil), 'x');
    const db = path.join(tmpDir(), 's.sqlite');
    let io = captureStdio();
    expect(await main(['import', dir, '--db', db])).toBe(0);
    const text = io.out.join('') + io.err.join('');
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain('skräp\\x1b]0;pwned\\x07\\u202egpj.txt');
    vi.restoreAllMocks();

    io = captureStdio();
    expect(await main(['import', dir, '--db', db, '--json'])).toBe(0);
    expect(io.out.join('')).not.toMatch(CONTROL);
    expect(JSON.parse(io.out.join(''))).toMatchObject({ skipped: [evil] });
    vi.restoreAllMocks();

    const missing = path.join(dir, 'finns\x1b[31m-inte');
    io = captureStdio();
    expect(await main(['import', missing, '--db', db])).toBe(2);
    expect(io.err.join('')).not.toMatch(CONTROL);
    expect(io.err.join('')).toContain('finns\\x1b[31m-inte');
  });
});

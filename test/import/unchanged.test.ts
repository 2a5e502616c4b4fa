import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { importPath, type ImportResult } from '../../src/import/importer';
import { keyJson } from '../../src/import/rows';
import { KeyHasher, keyHash, lineHash, lineSeed, rawLineHash, UnchangedRows } from '../../src/import/unchanged';
import { openDb, type Db } from '../../src/store/db';
import { orgNr, personId, tmpDir, writeDataset } from '../support/fixtures';
import { storeFingerprint } from './helpers';

/**
 * Issue 10.2: a re-import reports records the store holds exactly so as unchanged before reading
 * them. It must give the very store and counts the full path gives (rereadUnchanged).
 */

beforeEach(() => {
  // Both stores get the same import times, so their fingerprints can be compared.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-01T10:00:00Z'));
});
afterEach(() => vi.useRealTimers());

const A = orgNr('556036079');
const B = orgNr('556677889');
const C = orgNr('559012345');
const P = personId('19811218', '987');
const Q = personId('19750614', '010');
type Tables = Parameters<typeof writeDataset>[1];
const role = (org: string, holder: string, share: string, to = '') => ({ org_nr: org, holder_id: holder, role: 'board_member', share_pct: share, from: '2020-01-01', to });

const base: Tables = {
  companies: [{ org_nr: A, name: 'Ett AB' }, { org_nr: B, name: 'Två AB' }, { org_nr: C, name: 'Tre AB' }],
  persons: [{ person_id: P, name: 'Erik' }, { person_id: Q, name: 'Sara' }],
  // Same natural key three times: occurrences #1, #2, #3.
  roles: [role(A, P, '10'), role(A, P, '20'), role(A, P, '30'), role(B, Q, '50')],
};

async function importBoth(sequence: Tables[], opts: { full?: boolean; write?: Parameters<typeof writeDataset>[2]; worker?: boolean } = {}): Promise<{ fast: Db; full: Db; results: [ImportResult, ImportResult][] }> {
  const fast = openDb(path.join(tmpDir(), 'fast.sqlite'));
  const full = openDb(path.join(tmpDir(), 'full.sqlite'));
  const results: [ImportResult, ImportResult][] = [];
  for (const tables of sequence) {
    const dir = writeDataset(tmpDir(), tables, opts.write);
    const a = await importPath(fast, dir, { full: opts.full, parseInWorker: opts.worker });
    const b = await importPath(full, dir, { rereadUnchanged: true, full: opts.full });
    results.push([a, b]);
  }
  return { fast, full, results };
}

const counts = (r: ImportResult) => ({ rows: r.rows, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, quarantine: r.quarantine });

describe('re-import of unchanged records', () => {
  it('a changed extract: exact inserted/updated/unchanged counts and the same store as reading every record', async () => {
    const changed: Tables = {
      companies: [{ org_nr: A, name: 'Ett AB' }, { org_nr: B, name: 'Två Nya AB' }, { org_nr: C, name: 'Tre AB' }, { org_nr: orgNr('556100001'), name: 'Fyra AB' }, { org_nr: 'trasig', name: 'Fel' }],
      persons: [{ person_id: Q, name: 'Sara' }, { person_id: P, name: 'Erik' }, { person_id: P, name: 'Erik' }],
      roles: [role(A, P, '10'), role(A, P, '20'), role(A, P, '35'), role(B, Q, '50')],
    };
    const { fast, full, results } = await importBoth([base, changed]);
    const [a, b] = results[1]!;
    // Unchanged: A, C; Q, P and P's repeated line (a repeat of an unchanged row is not told apart, as before); roles 10, 20, 50.
    expect(a).toMatchObject({ inserted: 1, updated: 2, unchanged: 8, quarantined: 1 });
    expect(counts(a)).toEqual(counts(b));
    // All but P's repeated line were recognised unread; the full path read every record.
    expect([a.timings?.unchanged_unread, b.timings?.unchanged_unread]).toEqual([7, 0]);
    expect(storeFingerprint(fast)).toEqual(storeFingerprint(full));
    expect(fast.prepare('SELECT name FROM companies WHERE org_nr = ?').pluck().get(B)).toBe('Två Nya AB');
  });

  it('quoted cells and CRLF lines: plain lines are recognised from their text, quoted ones from their cells, all unread', async () => {
    const quoted: Tables = {
      companies: [{ org_nr: A, name: 'Ett "Bästa" AB' }, { org_nr: B, name: 'Två; Tre AB' }, { org_nr: C, name: 'Tre AB' }],
      roles: base.roles!,
    };
    const changed: Tables = { ...quoted, companies: [...quoted.companies!.slice(0, 2), { org_nr: C, name: 'Tre Nya AB' }] };
    const { fast, full, results } = await importBoth([quoted, changed], { write: { delimiter: ';', lineEnding: '\r\n' } });
    const [a, b] = results[1]!;
    expect(a).toMatchObject({ inserted: 0, updated: 1, unchanged: 6 });
    expect(counts(a)).toEqual(counts(b));
    expect(a.timings?.unchanged_unread).toBe(6);
    expect(storeFingerprint(fast)).toEqual(storeFingerprint(full));
    expect(fast.prepare('SELECT name FROM companies WHERE org_nr = ?').pluck().get(A)).toBe('Ett "Bästa" AB');
  });

  it('in the reader thread, with the stored records read ahead by a loader thread: the same store and counts', async () => {
    const changed: Tables = {
      companies: [{ org_nr: A, name: 'Ett AB' }, { org_nr: B, name: 'Två Nya AB' }, { org_nr: C, name: 'Tre AB' }],
      persons: base.persons!,
      roles: [role(A, P, '5'), ...base.roles!],
    };
    const back: Tables = { ...base, persons: [{ person_id: P, name: 'Erik Nilsson' }, { person_id: Q, name: 'Sara' }] };
    const { fast, full, results } = await importBoth([base, changed, back], { worker: true, full: true });
    for (const [a, b] of results) {
      expect(a.timings?.parse_in_worker).toBe(true);
      expect(counts(a)).toEqual(counts(b));
    }
    expect(results[1]![0]).toMatchObject({ inserted: 1, updated: 4, unchanged: 5 });
    // Recognised unread in every table the loader read ahead: A and C, Q, and (B, Q) among the roles
    // (the other roles moved back one occurrence and take the full path).
    expect(results[2]![0].timings?.unchanged_unread).toBe(4);
    expect(storeFingerprint(fast)).toEqual(storeFingerprint(full));
  }, 60_000);

  it('an event row inserted before an unchanged one with the same key shifts its occurrence: the full path decides', async () => {
    const shifted: Tables = { ...base, roles: [role(A, P, '5'), role(A, P, '10'), role(A, P, '20'), role(A, P, '30'), role(B, Q, '50')] };
    const { fast, full, results } = await importBoth([base, shifted]);
    const [a, b] = results[1]!;
    expect(counts(a)).toEqual(counts(b));
    expect(a).toMatchObject({ inserted: 1, updated: 3 });
    expect(storeFingerprint(fast)).toEqual(storeFingerprint(full));
  });

  it('a key held by one stored row is not counted when that row is skipped, yet rows read in full with the key before or after it are numbered as if it were', async () => {
    // B/Q is held by one stored row (occurrence 1): its own key.
    const after: Tables = { ...base, roles: [...base.roles!, role(B, Q, '60')] };
    const before: Tables = { ...base, roles: [role(B, Q, '40'), ...base.roles!] };
    const twice: Tables = { ...base, roles: [...base.roles!, role(B, Q, '50')] };
    for (const [next, want] of [[after, { inserted: 1, updated: 0 }], [before, { inserted: 1, updated: 1 }], [twice, { inserted: 1, updated: 0 }]] as const) {
      const { fast, full, results } = await importBoth([base, next]);
      const [a, b] = results[1]!;
      expect(counts(a)).toEqual(counts(b));
      expect(a).toMatchObject(want);
      expect(storeFingerprint(fast)).toEqual(storeFingerprint(full));
      // B/Q's second row (the one added, or in `before` the stored one, now second) has the occurrence suffix.
      expect(fast.prepare("SELECT share_pct FROM roles WHERE org_nr = ? AND holder_id = ? AND key LIKE '%#2'").pluck().all(B, Q)).toEqual([next === after ? 60 : 50]);
      fast.close();
      full.close();
    }
  });

  it('a full extract (known time) ends exactly the rows it no longer states, also when the others are recognised unread', async () => {
    const dropped: Tables = { ...base, companies: [{ org_nr: A, name: 'Ett AB' }, { org_nr: C, name: 'Tre AB' }] };
    const { fast, full, results } = await importBoth([base, dropped], { full: true });
    const [a, b] = results[1]!;
    expect(a.ended).toEqual({ companies: 1 });
    expect(b.ended).toEqual(a.ended);
    expect(a.timings?.unchanged_unread).toBe(8);
    expect(fast.prepare('SELECT org_nr FROM companies WHERE ended_by IS NOT NULL').pluck().all()).toEqual([B]);
    expect(storeFingerprint(fast)).toEqual(storeFingerprint(full));
  });

  it('property: any sequence of edited extracts gives the same store and counts either way', async () => {
    const roleRow = fc.record({ org: fc.constantFrom(A, B, C), holder: fc.constantFrom(P, Q), share: fc.constantFrom('10', '20', '30'), to: fc.constantFrom('', '2024-01-01') });
    const extract = fc.record({
      names: fc.array(fc.constantFrom('Ett AB', 'Ett Nytt AB', 'Två AB'), { minLength: 1, maxLength: 3 }),
      roles: fc.array(roleRow, { minLength: 1, maxLength: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(extract, { minLength: 2, maxLength: 3 }), async (seq) => {
        const tables = seq.map((e): Tables => ({
          companies: e.names.map((name, i) => ({ org_nr: [A, B, C][i]!, name })),
          roles: e.roles.map((r) => role(r.org, r.holder, r.share, r.to)),
        }));
        const { fast, full, results } = await importBoth(tables);
        for (const [a, b] of results) expect(counts(a)).toEqual(counts(b));
        expect(storeFingerprint(fast)).toEqual(storeFingerprint(full));
        fast.close();
        full.close();
      }),
      { numRuns: 15 },
    );
  }, 120_000);

  it('record hashes: cells, their boundaries, the header and the table all count', () => {
    const seed = lineSeed('companies', ['org_nr', 'name'], false);
    expect(lineHash(seed, ['ab', 'c'])).not.toBe(lineHash(seed, ['a', 'bc']));
    expect(lineHash(seed, ['a', 'b'])).toBe(lineHash(lineSeed('companies', ['org_nr', 'name'], false), ['a', 'b']));
    expect(lineHash(seed, ['a', 'b'])).not.toBe(lineHash(lineSeed('companies', ['name', 'org_nr'], false), ['a', 'b']));
    expect(lineHash(seed, ['a', 'b'])).not.toBe(lineHash(lineSeed('persons', ['org_nr', 'name'], false), ['a', 'b']));
    fc.assert(fc.property(fc.array(fc.string()), (cells) => {
      const h = lineHash(seed, cells);
      expect(Number.isSafeInteger(h) && h > 0).toBe(true);
    }));
    expect(keyHash('roles', '["x"]')).not.toBe(keyHash('payments', '["x"]'));
  });

  it('key hashes keep the values stores already hold (stored with each event row, and in the record log)', () => {
    // Computed by the version that hashed `${table}\u0000${key}` as one string.
    expect(keyHash('roles', '["5599042263","195512090118","board_member","2016-04-12"]')).toBe(4483057174209312);
    expect(keyHash('residences', '["197506140107","Vintergatan 1","11122","1995-06-14"]')).toBe(7245453758875419);
    expect(keyHash('payments', '["x",null,"2020-01-01",12.5,"å\\u0000ö",null,null]')).toBe(8168654694990882);
    expect(keyHash('relations', '')).toBe(2413726366936342);
    expect(keyHash('employments', '["\ud800"]')).toBe(4809484289473096);
  });

  it('a key hashed as keyJson writes it, piece by piece, hashes as the whole key does (property)', () => {
    const value = fc.oneof(fc.string(), fc.constant(null), fc.double({ noNaN: true }), fc.constantFrom('å"ö', '\\', '\ud800', 'a\u0001'));
    fc.assert(fc.property(fc.constantFrom('roles', 'residences', 'payments' as const), fc.array(value, { minLength: 1, maxLength: 6 }), (table, values) => {
      const positions = values.map((_, i) => i);
      const hasher = new KeyHasher(table);
      const key = keyJson(values, positions, hasher);
      expect(key).toBe(JSON.stringify(values));
      expect(hasher.value()).toBe(keyHash(table, key));
    }), { numRuns: 2000 });
  });

  it('a plain line hashes as its cells do, read straight from the text; a quote or CR opts out', () => {
    const seed = lineSeed('roles', ['org_nr', 'holder_id', 'role'], false);
    const plainCell = fc.string({ unit: fc.constantFrom('a', 'Ö', ' ', '-', '=', '|', '5', '\t') });
    fc.assert(fc.property(fc.array(plainCell, { minLength: 1, maxLength: 8 }), fc.constantFrom(',', ';'), fc.string({ maxLength: 4 }), (cells, d, pad) => {
      const line = cells.join(d);
      // Read inside a longer text, as the tokenizer does (start/end within its chunk).
      const text = `${pad}${line}\n`;
      expect(rawLineHash(seed, text, pad.length, pad.length + line.length, d.charCodeAt(0))).toBe(lineHash(seed, cells));
    }));
    expect(rawLineHash(seed, 'a;"b";c', 0, 7, 59)).toBe(0);
    expect(rawLineHash(seed, 'a;b\rc;d', 0, 7, 59)).toBe(0);
    expect(rawLineHash(seed, 'a;b;c', 0, 5, 59)).not.toBe(rawLineHash(seed, 'a;b;c', 0, 5, 44));
  });

  it('stored record hashes are read back exactly: 53-bit hashes, row ids across pages, key hashes and occurrences; ended and unhashed rows left out', () => {
    const db = openDb(path.join(tmpDir(), 'load.sqlite'));
    db.pragma('foreign_keys = OFF');
    const insert = db.prepare(`INSERT INTO roles (row_id, key, dataset_id, src_file, src_line, imported_at, line_hash, key_hash, key_occ, ended_by)
      VALUES (?, ?, 1, 'roles.csv', 2, '2026-12-01', ?, ?, ?, ?)`);
    const rows = [
      { rowId: 1, hash: 1, keyHash: 2 ** 53 - 1, occ: 1 },
      { rowId: 49_999, hash: 2 ** 53 - 1, keyHash: 1, occ: 2 ** 31 - 1 },
      { rowId: 50_000, hash: 2 ** 32, keyHash: 2 ** 32 - 1, occ: 3 },
      { rowId: 70_007, hash: 123_456_789_012_345, keyHash: 0, occ: 0 },
    ];
    for (const r of rows) insert.run(r.rowId, `k${r.rowId}`, r.hash, r.keyHash || null, r.occ || null, null);
    insert.run(60_000, 'ended', 777, 778, 1, 1);
    insert.run(60_001, 'unhashed', null, null, null, null);
    const loaded = UnchangedRows.load(db, 'roles')!;
    for (const r of rows) {
      const slot = loaded.take(r.hash);
      expect(slot).toBeGreaterThanOrEqual(0);
      expect([loaded.rowId(slot), loaded.keyHash(slot), loaded.occ(slot)]).toEqual([r.rowId, r.keyHash, r.occ]);
    }
    expect(loaded.take(777)).toBe(-1);
    // A table without key hashes (not an event table) reads hash and row id alone.
    db.prepare(`INSERT INTO companies (row_id, key, dataset_id, src_file, src_line, imported_at, line_hash) VALUES (?, 'c', 1, 'companies.csv', 2, '2026-12-01', ?)`).run(65_537, 2 ** 52 + 3);
    const companies = UnchangedRows.load(db, 'companies')!;
    expect(companies.rowId(companies.take(2 ** 52 + 3))).toBe(65_537);
    db.close();
  });

  it('property: take() finds each untaken row with the hash asked once, whatever the order asked in (near the last row taken or not), and nothing else', () => {
    const db = openDb(path.join(tmpDir(), 'take.sqlite'));
    db.pragma('foreign_keys = OFF');
    const insert = db.prepare(`INSERT INTO roles (row_id, key, dataset_id, src_file, src_line, imported_at, line_hash, key_hash, key_occ, ended_by)
      VALUES (?, ?, 1, 'roles.csv', 2, '2026-12-01', ?, 5, 1, ?)`);
    const row = fc.record({ gap: fc.nat({ max: 80 }), hash: fc.integer({ min: 1, max: 5 }), ended: fc.boolean() }, { requiredKeys: ['gap', 'hash', 'ended'] });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 120 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }), fc.boolean(), (rows, asks, swaps, inOrder) => {
        db.exec('DELETE FROM roles');
        // Untaken current rows by hash: the model take() must agree with.
        const open = new Map<number, Set<number>>();
        let rowId = 0;
        const order: number[] = [];
        for (const r of rows) {
          rowId += 1 + r.gap;
          insert.run(rowId, `k${rowId}`, r.hash, r.ended ? 1 : null);
          if (r.ended) continue;
          if (!open.has(r.hash)) open.set(r.hash, new Set());
          open.get(r.hash)!.add(rowId);
          order.push(r.hash);
        }
        const loaded = UnchangedRows.load(db, 'roles');
        if (!loaded) return order.length === 0;
        // The rows' own order with a few rows moved (what a re-import mostly asks) and then any, or any order.
        for (const [a, b] of swaps) {
          const i = a % order.length;
          const j = b % order.length;
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
        for (const hash of inOrder ? [...order, ...asks] : asks) {
          const slot = loaded.take(hash);
          const ids = open.get(hash);
          if (!ids || ids.size === 0) {
            expect(slot).toBe(-1);
            continue;
          }
          expect(slot).toBeGreaterThanOrEqual(0);
          const id = loaded.rowId(slot);
          expect(ids.has(id)).toBe(true);
          ids.delete(id);
        }
        return true;
      }),
      { numRuns: 60 },
    );
    db.close();
  });

  it('a commit by another writer while the import waits for the write lock: the records it changed are not taken as unchanged', async () => {
    vi.useRealTimers();
    const file = path.join(tmpDir(), 'store.sqlite');
    const db = openDb(file);
    await importPath(db, writeDataset(tmpDir(), base), { parseInWorker: true });
    const other = openDb(file);
    other.exec('BEGIN IMMEDIATE');
    let waits = 0;
    // The next extract states A as before; the other writer rewrites A meanwhile (not from a record:
    // no record hash), after the import's reader thread has read the stored records.
    const result = await importPath(db, writeDataset(tmpDir(), { ...base, companies: [...base.companies!, { org_nr: orgNr('556123456'), name: 'Fyra AB' }] }), {
      parseInWorker: true,
      onWaitForStore: () => {
        if (waits++ > 0) return;
        setTimeout(() => {
          other.prepare("UPDATE companies SET name = 'Ändrat AB', line_hash = NULL WHERE org_nr = ?").run(A);
          other.exec('COMMIT');
        }, 1500);
      },
    });
    other.close();
    expect(waits).toBeGreaterThan(0);
    expect(db.prepare('SELECT name FROM companies WHERE org_nr = ?').pluck().get(A)).toBe('Ett AB');
    expect([result.inserted, result.updated]).toEqual([1, 1]);
    db.close();
  });

  // Linux: each thread of this process (a worker is one) is a task in /proc/self/task.
  it.runIf(process.platform === 'linux')('the same extract again, its reader thread started early: recognised as imported, the thread stopped, nothing written', async () => {
    const file = path.join(tmpDir(), 'store.sqlite');
    const db = openDb(file);
    const dir = writeDataset(tmpDir(), base);
    await importPath(db, dir, { parseInWorker: true });
    const threads = (): number => fs.readdirSync('/proc/self/task').length;
    // Time for the first import's reader thread to exit (were it still there, the check below only gets easier to pass).
    await new Promise((r) => setTimeout(r, 500));
    const idle = threads();
    const before = storeFingerprint(db);
    const again = await importPath(db, dir, { parseInWorker: true });
    expect(again.already_imported).toBe(true);
    expect(storeFingerprint(db)).toEqual(before);
    // The early reader and its loader threads are gone once terminate() has run.
    await vi.waitFor(() => expect(threads()).toBeLessThanOrEqual(idle), { timeout: 5000 });
    db.close();
  });
});

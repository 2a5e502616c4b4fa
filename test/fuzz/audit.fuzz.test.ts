import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/audit/canonical';
import { appendAudit, entryHash, GENESIS_HASH, listAudit, verifyAudit } from '../../src/audit/log';
import { openDb, type Db } from '../../src/store/db';
import { assertSeeded, fuzzRuns, fuzzSeed } from './seed';

/**
 * Audit log tampering, fuzzed (issue 13.1): any edit, deletion, reordering, truncation, head
 * rewrite or keyless re-hash that someone holding only the store file can make is caught; an
 * untouched log always verifies.
 */
type Tamper =
  | { op: 'none' }
  | { op: 'edit'; row: number; field: 'actor' | 'action' | 'at' | 'details'; rehash: 'no' | 'row' | 'chain' }
  | { op: 'delete'; row: number; head: 'keep' | 'move' | 'drop' }
  | { op: 'swap'; a: number; b: number }
  | { op: 'wipe' }
  | { op: 'head'; value: string };

const tamperArb: fc.Arbitrary<Tamper> = fc.oneof(
  fc.constant({ op: 'none' as const }),
  fc.record({ op: fc.constant('edit' as const), row: fc.nat(), field: fc.constantFrom('actor' as const, 'action' as const, 'at' as const, 'details' as const), rehash: fc.constantFrom('no' as const, 'row' as const, 'chain' as const) }),
  fc.record({ op: fc.constant('delete' as const), row: fc.nat(), head: fc.constantFrom('keep' as const, 'move' as const, 'drop' as const) }),
  fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.constant({ op: 'wipe' as const }),
  fc.record({ op: fc.constant('head' as const), value: fc.string({ maxLength: 140 }) }),
);

function seeded(details: Record<string, string>[]): Db {
  const db = openDb(':memory:');
  // An import is always logged: a store holding one cannot have an empty log.
  db.prepare("INSERT INTO datasets (name, source_path, content_hash, imported_at) VALUES ('d', '/d', 'h', '2026-01-01')").run();
  for (const d of details) appendAudit(db, { actor: 'utredare', action: 'search', details: d });
  return db;
}

function apply(db: Db, t: Tamper): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  const rows = listAudit(db, { limit: 10_000 }).entries;
  const setHead = (v: string | null) =>
    v === null ? db.prepare("DELETE FROM meta WHERE k = 'audit_head'").run() : db.prepare("INSERT INTO meta (k, v) VALUES ('audit_head', ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v").run(v);
  switch (t.op) {
    case 'none':
      return;
    case 'edit': {
      const e = rows[t.row % rows.length]!;
      const edited = { ...e, details: { ...e.details } };
      if (t.field === 'details') edited.details = { ...e.details, q: `${String(e.details.q)} (ändrad)` };
      else edited[t.field] = `${e[t.field]}x`;
      db.prepare('UPDATE audit_log SET actor = ?, action = ?, at = ?, details = ? WHERE id = ?').run(edited.actor, edited.action, edited.at, canonicalJson(edited.details), e.id);
      if (t.rehash === 'row') db.prepare('UPDATE audit_log SET hash = ? WHERE id = ?').run(entryHash(e.prev_hash, edited), e.id);
      if (t.rehash === 'chain') {
        // Everything recomputed without the key, keys dropped and the head rewritten to match.
        let prev = GENESIS_HASH;
        for (const r of listAudit(db, { limit: 10_000 }).entries) {
          const h = entryHash(prev, r);
          db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ?, key_id = NULL WHERE id = ?').run(prev, h, r.id);
          prev = h;
        }
        setHead(`${rows.length}:${prev}`);
      }
      return;
    }
    case 'delete': {
      const e = rows[t.row % rows.length]!;
      db.prepare('DELETE FROM audit_log WHERE id = ?').run(e.id);
      const last = listAudit(db, { limit: 1, newestFirst: true }).entries[0];
      if (t.head === 'move') setHead(last ? `${last.seq}:${last.hash}` : null);
      if (t.head === 'drop') setHead(null);
      return;
    }
    case 'swap': {
      const a = rows[t.a % rows.length]!;
      let b = rows[t.b % rows.length]!;
      if (a.id === b.id) b = rows[(t.a + 1) % rows.length]!;
      db.prepare('UPDATE audit_log SET id = -1 WHERE id = ?').run(a.id);
      db.prepare('UPDATE audit_log SET id = ? WHERE id = ?').run(a.id, b.id);
      db.prepare('UPDATE audit_log SET id = ? WHERE id = -1').run(b.id);
      return;
    }
    case 'wipe':
      db.exec('DELETE FROM audit_log');
      setHead(null);
      return;
    case 'head': {
      const current = db.prepare("SELECT v FROM meta WHERE k = 'audit_head'").pluck().get() as string;
      setHead(t.value === current ? `${t.value}!` : t.value);
      return;
    }
  }
}

describe('audit log fuzz', () => {
  it('every tampering a file holder can do is caught; an untouched log verifies', async () => {
    await assertSeeded(
      'audit fuzz',
      'test/fuzz/audit.fuzz.test.ts',
      fuzzSeed('audit', 20260415),
      fc.property(fc.array(fc.record({ q: fc.string({ maxLength: 30 }) }), { minLength: 2, maxLength: 12 }), tamperArb, (details, t) => {
        const db = seeded(details);
        apply(db, t);
        const v = verifyAudit(db);
        expect(v.ok, JSON.stringify({ t, v })).toBe(t.op === 'none');
      }),
      { numRuns: fuzzRuns(300) },
    );
  }, 120_000);
});

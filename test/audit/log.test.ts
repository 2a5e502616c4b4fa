import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db';
import { anchorAudit, appendAudit, entryHash, GENESIS_HASH, keyedEntryHash, listAudit, verifyAudit } from '../../src/audit/log';
import { canonicalJson } from '../../src/audit/canonical';
import { clearAuditKeyCache, loadAuditKey } from '../../src/audit/key';
import { tmpDir } from '../support/fixtures';

function seeded(n = 6): Db {
  const db = openDb(':memory:');
  for (let i = 1; i <= n; i++) appendAudit(db, { actor: 'utredare', action: 'search', details: { q: `sökning ${i}`, n: i } });
  return db;
}

/** Tampering as someone with direct file access would do it: lift the append-only triggers first. */
function tamper(db: Db, sql: string, ...args: unknown[]): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  db.prepare(sql).run(...args);
}

describe('audit log', () => {
  let db: Db;
  beforeEach(() => {
    db = seeded();
  });

  it('chains entries and verifies an untouched log', () => {
    const { total, entries } = listAudit(db, { limit: 100 });
    expect(total).toBe(6);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prev_hash).toBe(entries[i - 1]!.hash);
    const v = verifyAudit(db);
    expect(v).toEqual({ ok: true, entries: 6, unkeyed: 0, head: { seq: 6, hash: entries[5]!.hash, at: entries[5]!.at } });
  });

  it('pages newest first', () => {
    const page = listAudit(db, { offset: 1, limit: 2, newestFirst: true });
    expect(page.entries.map((e) => e.seq)).toEqual([5, 4]);
  });

  it('refuses updates and deletes through SQL', () => {
    expect(() => db.prepare('UPDATE audit_log SET actor = ? WHERE id = 2').run('x')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(/append-only/);
  });

  it('catches a modified entry and says where', () => {
    tamper(db, 'UPDATE audit_log SET details = ? WHERE id = 3', JSON.stringify({ n: 3, q: 'något annat' }));
    const v = verifyAudit(db);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problem).toBe('modified');
    expect(v.brokenAt).toBe(3);
    expect(v.message_sv).toContain('Post 3');
  });

  it('catches a modified entry re-hashed with plain SHA-256 (no key): at the entry itself', () => {
    const e = listAudit(db).entries[2]!;
    const details = { n: 3, q: 'förfalskad' };
    tamper(db, 'UPDATE audit_log SET details = ?, hash = ? WHERE id = 3', canonicalJson(details), entryHash(e.prev_hash, { ...e, details }));
    const v = verifyAudit(db);
    expect(v).toMatchObject({ ok: false, problem: 'modified', brokenAt: 3 });
  });

  it('catches the whole chain re-hashed without the key, head included (keys dropped to look unkeyed)', () => {
    // The attack: edit a row, then recompute every hash and the head with plain SHA-256.
    const rows = listAudit(db).entries;
    let prev = GENESIS_HASH;
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    for (const e of rows) {
      const details = e.seq === 3 ? { n: 3, q: 'förfalskad' } : e.details;
      const hash = entryHash(prev, { ...e, details });
      db.prepare('UPDATE audit_log SET details = ?, prev_hash = ?, hash = ?, key_id = NULL WHERE id = ?').run(canonicalJson(details), prev, hash, e.id);
      prev = hash;
    }
    db.prepare("UPDATE meta SET v = ? WHERE k = 'audit_head'").run(`6:${prev}`);
    const v = verifyAudit(db);
    expect(v).toMatchObject({ ok: false, problem: 'key', unkeyed: 6 });
    if (!v.ok) expect(v.message_sv).toMatch(/inte förankrade/);
    // Nor can it be laundered by the next action: these "unkeyed" rows are newer than the key.
    expect(() => appendAudit(db, { action: 'search', details: { q: 'x' } })).toThrow(/nyare än den här installationens nyckel/);
  });

  it('with the key, a re-hashed entry still breaks the chain at the next one', () => {
    const key = loadAuditKey({ create: false })!;
    const e = listAudit(db).entries[2]!;
    const details = { n: 3, q: 'förfalskad' };
    tamper(db, 'UPDATE audit_log SET details = ?, hash = ? WHERE id = 3', canonicalJson(details), keyedEntryHash(key, e.prev_hash, { ...e, details }));
    expect(verifyAudit(db)).toMatchObject({ ok: false, problem: 'modified', brokenAt: 4 });
  });

  it('catches a deleted entry', () => {
    tamper(db, 'DELETE FROM audit_log WHERE id = 4');
    const v = verifyAudit(db);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problem).toBe('deleted');
    expect(v.brokenAt).toBe(5);
    expect(v.message_sv).toMatch(/tagits bort/);
  });

  it('catches entries cut off the end', () => {
    tamper(db, 'DELETE FROM audit_log WHERE id >= 5');
    const v = verifyAudit(db);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problem).toBe('deleted');
    expect(v.message_sv).toMatch(/De sista 2 posterna/);
  });

  it('catches entries cut off the end with the head pointer moved to the new last entry', () => {
    const e4 = listAudit(db).entries[3]!;
    tamper(db, 'DELETE FROM audit_log WHERE id >= 5');
    db.prepare("UPDATE meta SET v = ? WHERE k = 'audit_head'").run(`4:${e4.hash}`);
    const v = verifyAudit(db);
    expect(v).toMatchObject({ ok: false, problem: 'head' });
    if (!v.ok) expect(v.message_sv).toMatch(/nyckelsignatur/);
  });

  it('fails when the head pointer is missing, garbage or points elsewhere', () => {
    const head = db.prepare("SELECT v FROM meta WHERE k = 'audit_head'").pluck().get() as string;
    for (const [v, re] of [
      [null, /huvudpekare saknas/],
      ['skräp', /skadad/],
      ['NaN:abc', /skadad/],
      [head.replace(/^6:/, '5:'), /stämmer inte/],
      [head.replace(/^6:/, '99:'), /De sista 93 posterna/],
    ] as const) {
      if (v === null) db.prepare("DELETE FROM meta WHERE k = 'audit_head'").run();
      else db.prepare("INSERT INTO meta (k, v) VALUES ('audit_head', ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v").run(v);
      const r = verifyAudit(db);
      expect(r.ok, String(v)).toBe(false);
      if (!r.ok) expect(r.message_sv).toMatch(re);
    }
  });

  it('fails when all entries and the pointer are deleted from a store with logged work', () => {
    db.prepare("INSERT INTO datasets (name, source_path, content_hash, imported_at) VALUES ('d', '/x', 'h', '2026-01-01')").run();
    tamper(db, 'DELETE FROM audit_log');
    db.prepare("DELETE FROM meta WHERE k = 'audit_head'").run();
    const v = verifyAudit(db);
    expect(v).toMatchObject({ ok: false, problem: 'deleted', entries: 0 });
    // An empty store with an empty log is fine.
    expect(verifyAudit(openDb(':memory:'))).toMatchObject({ ok: true, entries: 0 });
  });

  it('a receipt of an earlier head fails once the log no longer contains it', () => {
    const e5 = listAudit(db).entries[4]!;
    const receipt = { seq: e5.seq, hash: e5.hash, at: e5.at };
    expect(verifyAudit(db, { receipt }).ok).toBe(true);
    expect(verifyAudit(db, { receipt: { ...receipt, hash: 'f'.repeat(64) } })).toMatchObject({ ok: false, problem: 'receipt' });
    // Truncated to 4 entries with a consistent head (as if restored from an old copy): only the receipt tells.
    const copy = openDb(':memory:');
    for (let i = 1; i <= 4; i++) appendAudit(copy, { actor: 'utredare', action: 'search', details: { q: `sökning ${i}`, n: i } });
    expect(verifyAudit(copy).ok).toBe(true);
    const v = verifyAudit(copy, { receipt });
    expect(v).toMatchObject({ ok: false, problem: 'receipt' });
    if (!v.ok) expect(v.message_sv).toMatch(/har kortats/);
  });

  it('catches reordered entries', () => {
    tamper(db, 'UPDATE audit_log SET id = 100 WHERE id = 3');
    tamper(db, 'UPDATE audit_log SET id = 3 WHERE id = 4');
    tamper(db, 'UPDATE audit_log SET id = 4 WHERE id = 100');
    const v = verifyAudit(db);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problem).toBe('reordered');
    expect(v.brokenAt).toBe(3);
  });

  it('keeps verifying after more appends', () => {
    appendAudit(db, { actor: 'a', action: 'export', details: { files: ['x.gexf'], nested: { b: 1, a: [2, { d: 1, c: 2 }] } } });
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 1, x: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"x":2,"y":1}]},"b":1}');
  });
});

describe('audit key', () => {
  const saved = process.env.INSYN_AUDIT_KEY;
  afterEach(() => {
    process.env.INSYN_AUDIT_KEY = saved;
    clearAuditKeyCache();
  });

  it('is created on first use outside the store with mode 0600 and never stored in it', () => {
    const file = path.join(tmpDir(), 'nycklar', 'audit.key');
    process.env.INSYN_AUDIT_KEY = file;
    clearAuditKeyCache();
    const db = openDb(':memory:');
    expect(fs.existsSync(file)).toBe(false);
    appendAudit(db, { action: 'search', details: { q: 'a' } });
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const [hex] = fs.readFileSync(file, 'utf8').split('\n');
    expect(hex).toMatch(/^[0-9a-f]{64}$/);
    const dump = JSON.stringify(db.prepare('SELECT * FROM audit_log').all()) + JSON.stringify(db.prepare('SELECT * FROM meta').all());
    expect(dump).not.toContain(hex);
  });

  it('a log keyed by another installation fails verification and refuses new entries', () => {
    const db = openDb(':memory:');
    appendAudit(db, { action: 'search', details: { q: 'a' } });
    process.env.INSYN_AUDIT_KEY = path.join(tmpDir(), 'annan.key');
    clearAuditKeyCache();
    expect(verifyAudit(db)).toMatchObject({ ok: false, problem: 'key' });
    appendAudit(openDb(':memory:'), { action: 'search' }); // creates the other key
    expect(verifyAudit(db)).toMatchObject({ ok: false, problem: 'key' });
    expect(() => appendAudit(db, { action: 'search' })).toThrow(/annan installations nyckel/);
  });
});

describe('unkeyed logs from before migration 007', () => {
  /** Writes entries as the pre-key version did: plain SHA-256, no key id, head `seq:hash`. */
  function legacyStore(n: number, at = '2020-01-01T00:00:00.000Z'): Db {
    const db = openDb(':memory:');
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= n; seq++) {
      const e = { seq, at, actor: 'gammal', action: 'search', details: { q: `q${seq}` } };
      const hash = entryHash(prev, e);
      db.prepare('INSERT INTO audit_log (seq, at, actor, action, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(seq, at, e.actor, e.action, canonicalJson(e.details), prev, hash);
      prev = hash;
    }
    db.prepare("INSERT INTO meta (k, v) VALUES ('audit_head', ?)").run(`${n}:${prev}`);
    return db;
  }

  it('are reported as not provable until anchored, then the next action anchors them with a keyed entry', () => {
    const db = legacyStore(3);
    expect(verifyAudit(db)).toMatchObject({ ok: false, problem: 'key', unkeyed: 3 });
    appendAudit(db, { actor: 'ny', action: 'search', details: { q: 'efter' } });
    const entries = listAudit(db).entries;
    expect(entries.map((e) => [e.seq, e.action, e.key_id === null])).toEqual([[1, 'search', true], [2, 'search', true], [3, 'search', true], [4, 'audit_anchor', false], [5, 'search', false]]);
    expect(entries[3]!.details).toMatchObject({ unkeyedEntries: 3, unkeyedHeadHash: entries[2]!.hash, unkeyedChainIntact: true, manual: false });
    expect(verifyAudit(db)).toMatchObject({ ok: true, entries: 5, unkeyed: 3 });
  });

  it('an unkeyed entry rewritten after anchoring breaks the chain at the anchor', () => {
    const db = legacyStore(3);
    appendAudit(db, { action: 'search', details: { q: 'efter' } });
    const e2 = listAudit(db).entries[1]!;
    const details = { q: 'förfalskad' };
    // Re-hash entries 2 and 3 consistently: only the keyed anchor, which names the old head, can tell.
    db.exec('DROP TRIGGER audit_log_no_update');
    const h2 = entryHash(e2.prev_hash, { ...e2, details });
    db.prepare('UPDATE audit_log SET details = ?, hash = ? WHERE seq = 2').run(canonicalJson(details), h2);
    const e3 = listAudit(db).entries[2]!;
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = 3').run(h2, entryHash(h2, e3));
    expect(verifyAudit(db)).toMatchObject({ ok: false, problem: 'modified', seq: 4 });
  });

  it('unkeyed entries newer than the key are anchored only on the user\'s word (insyn audit anchor)', () => {
    const db = legacyStore(2, '2999-01-01T00:00:00.000Z');
    expect(() => appendAudit(db, { action: 'search' })).toThrow(/insyn audit anchor/);
    expect(listAudit(db).total).toBe(2);
    expect(anchorAudit(db, 'granskare')).toBe(true);
    expect(listAudit(db).entries.at(-1)).toMatchObject({ action: 'audit_anchor', actor: 'granskare', details: { manual: true } });
    expect(verifyAudit(db).ok).toBe(true);
    expect(anchorAudit(db)).toBe(false);
  });
});

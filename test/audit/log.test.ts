import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db';
import { appendAudit, entryHash, listAudit, verifyAudit } from '../../src/audit/log';
import { canonicalJson } from '../../src/audit/canonical';

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
    expect(verifyAudit(db)).toEqual({ ok: true, entries: 6 });
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

  it('catches a modified entry whose hash was recomputed (chain breaks at the next one)', () => {
    const rows = listAudit(db).entries;
    const e = rows[2]!;
    const details = { n: 3, q: 'förfalskad' };
    tamper(db, 'UPDATE audit_log SET details = ?, hash = ? WHERE id = 3', canonicalJson(details), entryHash(e.prev_hash, { ...e, details }));
    const v = verifyAudit(db);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problem).toBe('modified');
    expect(v.brokenAt).toBe(4);
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

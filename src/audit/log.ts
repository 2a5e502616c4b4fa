import { createHash } from 'node:crypto';
import os from 'node:os';
import type { Db } from '../store/db';
import {
  auditRowBySeq, auditSeqs, newestUnkeyedAt, countAuditRows, getMeta, insertAuditRow, iterateAuditRows, lastAuditRow, loggedWorkCount, pageAuditRows, setMeta, type AuditRow,
} from '../store/casework';
import type { AuditAction } from '../model/enums';
import { canonicalJson } from './canonical';
import { hmacHex, loadAuditKey, type AuditKey } from './key';

/**
 * Append-only, keyed hash chain (issue 13.1). Each entry's hash is
 * HMAC-SHA-256(key, prev_hash + canonicalJson({seq, at, actor, action, details, key_id})) under
 * the per-installation key (src/audit/key.ts), so an edited entry cannot be re-hashed without the
 * key; the sequence number is inside the hashed content, so edited, removed and reordered entries
 * are all detectable. Entries written before keys existed (key_id NULL) keep their plain
 * sha256(prev_hash + canonicalJson({seq, at, actor, action, details})) and are reported as
 * unkeyed; the first keyed entry after them is an `audit_anchor` entry naming their head.
 *
 * The head (last seq and hash, with an HMAC of its own) is also kept in `meta`, so cutting entries
 * off the end is noticed; a receipt (`insyn audit receipt`) or the head printed in an export proves
 * a truncation even when the pointer was rewritten too.
 */
export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_HEAD_KEY = 'audit_head';

export type { AuditAction } from '../model/enums';

export interface AuditEntry {
  id: number;
  seq: number;
  at: string;
  actor: string;
  action: string;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
  key_id: string | null;
}

/** The last entry of the log: what a receipt records and every export states. */
export interface AuditHead {
  seq: number;
  hash: string;
  /** When the head entry was written. */
  at: string;
}

export type AuditProblem = 'modified' | 'deleted' | 'reordered' | 'head' | 'key' | 'receipt';

interface VerificationFacts {
  entries: number;
  /** Entries written before the log was keyed (plain SHA-256: re-hashable by anyone with the file). */
  unkeyed: number;
  head: AuditHead | null;
}

export type AuditVerification =
  | ({ ok: true } & VerificationFacts)
  | ({ ok: false; brokenAt: number; seq: number | null; problem: AuditProblem; message_sv: string } & VerificationFacts);

/** The person at the keyboard when nobody else is named: the OS user. */
export function defaultActor(): string {
  try {
    return os.userInfo().username || 'okänd';
  } catch {
    return 'okänd';
  }
}

type Hashable = { seq: number; at: string; actor: string; action: string; details: unknown };

/** The unkeyed hash of entries written before migration 007. */
export function entryHash(prevHash: string, e: Hashable): string {
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, details: e.details }))
    .digest('hex');
}

/** The keyed hash of an entry: HMAC under the installation key, the key's id inside the content. */
export function keyedEntryHash(key: AuditKey, prevHash: string, e: Hashable): string {
  return hmacHex(key, prevHash, canonicalJson({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, details: e.details, key_id: key.id }));
}

function headMac(key: AuditKey, seq: number, hash: string): string {
  return hmacHex(key, `insyn-audit-head\0${seq}\0${hash}`);
}

const HEAD_RE = /^(\d+):([0-9a-f]{64})(?::([0-9a-f]{64}))?$/;

/** Appends one keyed row (inside the caller's transaction) and moves the head to it. */
function appendRow(db: Db, key: AuditKey, entry: { actor: string; action: string; details: Record<string, unknown>; at: string }): AuditEntry {
  const last = lastAuditRow(db);
  const prev_hash = last?.hash ?? GENESIS_HASH;
  const seq = (last?.seq ?? 0) + 1;
  // Round-trip through canonical JSON so the stored details hash exactly as written.
  const details = JSON.parse(canonicalJson(entry.details)) as Record<string, unknown>;
  const hash = keyedEntryHash(key, prev_hash, { seq, at: entry.at, actor: entry.actor, action: entry.action, details });
  const row = { seq, at: entry.at, actor: entry.actor, action: entry.action, details: canonicalJson(details), prev_hash, hash, key_id: key.id };
  const id = insertAuditRow(db, row);
  setMeta(db, AUDIT_HEAD_KEY, `${seq}:${hash}:${headMac(key, seq, hash)}`);
  return { id, ...row, details };
}

/**
 * Appends an entry and moves the head, in one transaction (joined when the caller has one open,
 * so an audited change and its entry commit or roll back together). Throws when the entry cannot
 * be written (no key, store locked, a log keyed by another installation): callers must let the
 * action fail then, never carry on unlogged.
 */
export function appendAudit(
  db: Db,
  entry: { actor?: string; action: AuditAction | string; details?: Record<string, unknown>; at?: string },
): AuditEntry {
  const key = loadAuditKey({ create: true })!;
  const write = db.transaction((): AuditEntry => {
    const last = lastAuditRow(db);
    const at = entry.at ?? new Date().toISOString();
    if (last?.key_id != null && last.key_id !== key.id) throw foreignKeyError(last.key_id, key);
    if (last && last.key_id == null) anchorUnkeyed(db, key, at, false);
    return appendRow(db, key, { actor: entry.actor ?? defaultActor(), action: entry.action, details: entry.details ?? {}, at });
  });
  return db.inTransaction ? write.default() : write.immediate();
}

/**
 * Appends the `audit_anchor` entry that ends an unkeyed part of the log (entries written before
 * migration 007) and records its head, so the unkeyed entries cannot later be rewritten unnoticed.
 * Done automatically by the first keyed append when every unkeyed entry is older than the key;
 * `manual` (insyn audit anchor) anchors newer ones too, on the user's word, and says so in the entry.
 */
function anchorUnkeyed(db: Db, key: AuditKey, at: string, manual: boolean, actor = 'insyn'): void {
  const last = lastAuditRow(db)!;
  const newest = newestUnkeyedAt(db);
  if (!manual && newest !== null && newest > key.createdAt) {
    throw new AuditWriteError(
      `Granskningsloggen har poster utan nyckel (senast ${newest}) som är nyare än den här installationens nyckel (${key.createdAt}): ` +
        'Insyn skriver inte sådana poster, så loggen kan ha skrivits om. Kontrollera den med insyn audit verify; ' +
        'om du vet att den är oförändrad (t.ex. en databas från en äldre version på en annan dator), förankra den med insyn audit anchor.',
    );
  }
  const v = verifyAudit(db);
  appendRow(db, key, {
    actor, action: 'audit_anchor', at,
    details: { unkeyedEntries: last.seq, unkeyedHeadHash: last.hash, unkeyedChainIntact: !v.ok && v.problem === 'key', manual, keyId: key.id },
  });
}

/** `insyn audit anchor`: anchors an unkeyed log on the user's word. Returns false when there was nothing to anchor. */
export function anchorAudit(db: Db, actor: string = defaultActor()): boolean {
  const key = loadAuditKey({ create: true })!;
  return db.transaction((): boolean => {
    const last = lastAuditRow(db);
    if (!last || last.key_id != null) return false;
    anchorUnkeyed(db, key, new Date().toISOString(), true, actor);
    return true;
  }).immediate();
}

export class AuditWriteError extends Error {
  override name = 'AuditWriteError';
}

function foreignKeyError(logKeyId: string, key: AuditKey): AuditWriteError {
  return new AuditWriteError(
    `Granskningsloggen i den här databasen är nyckelad med en annan installations nyckel (id ${logKeyId}); den här datorns nyckel (${key.path}) har id ${key.id}. ` +
      'Kopiera nyckelfilen från den dator där databasen skapades och peka ut den med INSYN_AUDIT_KEY.',
  );
}

/** The current head (last entry), or null for an empty log. */
export function auditHead(db: Db): AuditHead | null {
  const last = lastAuditRow(db);
  return last ? { seq: last.seq, hash: last.hash, at: last.at } : null;
}

function toEntry(r: AuditRow): AuditEntry {
  let details: Record<string, unknown>;
  try {
    details = JSON.parse(r.details) as Record<string, unknown>;
  } catch {
    details = { raw: r.details };
  }
  return { ...r, details };
}

export function listAudit(
  db: Db,
  opts: { offset?: number; limit?: number; newestFirst?: boolean } = {},
): { total: number; entries: AuditEntry[] } {
  const limit = Math.max(0, Math.min(opts.limit ?? 100, 10_000));
  const offset = Math.max(0, opts.offset ?? 0);
  return { total: countAuditRows(db), entries: pageAuditRows(db, offset, limit, opts.newestFirst ?? false).map(toEntry) };
}

/** What a receipt holds: the head at the time it was taken. */
export interface AuditReceipt {
  seq: number;
  hash: string;
  at: string;
}

/**
 * Walks the chain in id order. For each row: its own hash must match its content (else modified);
 * its seq must be the next one (a gap = entries deleted, a step back = reordered); its prev_hash
 * must be the previous row's hash (else the previous row was replaced); once a keyed row is seen
 * every later row must be keyed with this installation's key. Then the head pointer must name
 * the last row with a valid HMAC, and a non-empty store cannot have an empty log. With a receipt,
 * the receipt's entry must still be in the log.
 */
export function verifyAudit(db: Db, opts: { receipt?: AuditReceipt } = {}): AuditVerification {
  const key = loadAuditKey({ create: false });
  const present = new Set(auditSeqs(db));
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let n = 0;
  let unkeyed = 0;
  let keyedSeen = false;
  let last: AuditRow | null = null;
  const facts = (): VerificationFacts => ({ entries: n, unkeyed, head: last ? { seq: last.seq, hash: last.hash, at: last.at } : null });
  const broken = (r: AuditRow | null, problem: AuditProblem, message_sv: string, brokenAt?: number): AuditVerification => ({
    ok: false, brokenAt: brokenAt ?? r?.id ?? 1, seq: r?.seq ?? null, problem, message_sv, ...facts(),
  });
  for (const r of iterateAuditRows(db)) {
    n++;
    let content: unknown;
    try {
      content = JSON.parse(r.details);
    } catch {
      return broken(r, 'modified', `Post ${r.id} (nr ${r.seq}) har ändrats: innehållet går inte att läsa.`);
    }
    let expectedHash: string;
    if (r.key_id == null) {
      if (keyedSeen) return broken(r, 'modified', `Post ${r.id} (nr ${r.seq}) saknar nyckel men står efter nyckelade poster: den har skrivits om utan nyckeln.`);
      unkeyed++;
      expectedHash = entryHash(r.prev_hash, { ...r, details: content });
    } else {
      if (!keyedSeen && unkeyed > 0 && r.action !== 'audit_anchor') {
        return broken(r, 'modified', `Post ${r.id} (nr ${r.seq}) är den första nyckelade posten efter ${unkeyed} poster utan nyckel men är ingen förankring: loggen har skrivits om.`);
      }
      if (!key) return broken(r, 'key', `Post ${r.id} (nr ${r.seq}) är nyckelad, men den här datorn saknar granskningsnyckel. Peka ut nyckelfilen från den dator där loggen skrevs med INSYN_AUDIT_KEY.`);
      if (r.key_id !== key.id) return broken(r, 'key', `Post ${r.id} (nr ${r.seq}) är nyckelad med en annan nyckel (id ${r.key_id}) än den här datorns (id ${key.id}, ${key.path}).`);
      keyedSeen = true;
      expectedHash = keyedEntryHash(key, r.prev_hash, { ...r, details: content });
    }
    if (expectedHash !== r.hash) {
      return broken(r, 'modified', `Post ${r.id} (nr ${r.seq}) har ändrats efter att den skrevs: kontrollsumman stämmer inte.`);
    }
    if (r.seq > expectedSeq && present.has(expectedSeq)) {
      return broken(r, 'reordered', `Post ${r.id} (nr ${r.seq}) står i fel ordning: nr ${expectedSeq} väntades här.`);
    }
    if (r.seq > expectedSeq) {
      const missing = r.seq - expectedSeq;
      return broken(r, 'deleted', `${missing === 1 ? 'En post' : `${missing} poster`} saknas före post ${r.id} (nr ${expectedSeq}${missing > 1 ? `–${r.seq - 1}` : ''} har tagits bort).`);
    }
    if (r.seq < expectedSeq) {
      return broken(r, 'reordered', `Post ${r.id} (nr ${r.seq}) står i fel ordning: nr ${expectedSeq} väntades här.`);
    }
    if (r.prev_hash !== prevHash) {
      return broken(r, 'modified', `Kedjan bryts vid post ${r.id} (nr ${r.seq}): föregående post har ersatts.`);
    }
    prevHash = r.hash;
    expectedSeq++;
    last = r;
  }
  const headProblem = checkHead(db, key, last, n);
  if (headProblem) return broken(null, headProblem.problem, headProblem.message_sv, last ? last.id + 1 : 1);
  if (last && last.key_id == null) {
    return broken(null, 'key',
      `Loggens ${n} poster saknar nyckel och är inte förankrade: de kan ha räknats om av någon med tillgång till filen och kan inte bevisas oförändrade. ` +
        'Kommer databasen från en äldre version av Insyn förankras de vid nästa åtgärd (eller med insyn audit anchor).',
      last.id + 1);
  }
  if (opts.receipt) {
    const problem = checkReceipt(db, opts.receipt, last);
    if (problem) return broken(null, 'receipt', problem, last ? last.id + 1 : 1);
  }
  return { ok: true, ...facts() };
}

function checkHead(db: Db, key: AuditKey | null, last: AuditRow | null, n: number): { problem: AuditProblem; message_sv: string } | null {
  const raw = getMeta(db, AUDIT_HEAD_KEY);
  if (raw === null) {
    if (last) return { problem: 'head', message_sv: `Loggens huvudpekare saknas fast loggen har ${n} poster: den har tagits bort, och poster efter nr ${last.seq} kan ha tagits bort med den.` };
    const work = loggedWorkCount(db);
    if (work > 0) return { problem: 'deleted', message_sv: `Granskningsloggen är tom, men databasen innehåller ${work} importer, analyser eller ärenden som alltid loggas: loggens poster har tagits bort.` };
    return null;
  }
  const m = HEAD_RE.exec(raw);
  if (!m) return { problem: 'head', message_sv: `Loggens huvudpekare är skadad (${JSON.stringify(raw.slice(0, 80))}): den har skrivits över.` };
  const headSeq = Number(m[1]);
  const headHash = m[2]!;
  const mac = m[3] ?? null;
  const lastSeq = last?.seq ?? 0;
  if (headSeq > lastSeq) {
    const missing = headSeq - lastSeq;
    return {
      problem: 'deleted',
      message_sv: `${missing === 1 ? 'Den sista posten' : `De sista ${missing} posterna`} (nr ${lastSeq + 1}${missing > 1 ? `–${headSeq}` : ''}) har tagits bort${last ? ` efter post ${last.id}` : ''}.`,
    };
  }
  if (!last || headSeq < lastSeq || headHash !== last.hash) {
    return { problem: 'head', message_sv: `Loggens huvudpekare (nr ${headSeq}) stämmer inte med sista posten (nr ${lastSeq}): pekaren har flyttats eller posterna skrivits om.` };
  }
  if (last.key_id != null) {
    // key presence and id were checked on the rows
    if (!mac || mac !== headMac(key!, headSeq, headHash)) return { problem: 'head', message_sv: `Loggens huvudpekare (nr ${headSeq}) saknar giltig nyckelsignatur: den har skrivits utan nyckeln.` };
  } else if (mac) {
    return { problem: 'head', message_sv: `Loggens huvudpekare (nr ${headSeq}) är signerad men sista posten saknar nyckel: loggen har skrivits om.` };
  }
  return null;
}

function checkReceipt(db: Db, receipt: AuditReceipt, last: AuditRow | null): string | null {
  const row = auditRowBySeq(db, receipt.seq);
  const what = `Kvittot (nr ${receipt.seq}, ${receipt.at}, kontrollsumma ${receipt.hash.slice(0, 16)}…)`;
  if (!row) return `${what} finns inte längre i loggen, som slutar vid nr ${last?.seq ?? 0}: loggen har kortats.`;
  if (row.hash !== receipt.hash) return `${what} stämmer inte med loggens post nr ${receipt.seq}: loggen har skrivits om efter att kvittot togs.`;
  return null;
}

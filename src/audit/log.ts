import { createHash } from 'node:crypto';
import os from 'node:os';
import type { Db } from '../store/db';
import { auditSeqs, countAuditRows, getMeta, insertAuditRow, iterateAuditRows, lastAuditRow, pageAuditRows, setMeta, type AuditRow } from '../store/casework';
import { canonicalJson } from './canonical';

/**
 * Append-only, hash-chained audit log. Each entry's hash is
 * sha256(prev_hash + canonicalJson({seq, at, actor, action, details})); the sequence number is
 * inside the hashed content, so edited, removed and reordered entries are all detectable.
 */
export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_HEAD_KEY = 'audit_head';

export type AuditAction =
  | 'import'
  | 'analysis_run'
  | 'status_change'
  | 'export'
  | 'search'
  | 'open_profile'
  | 'case_create'
  | 'case_edit'
  | 'case_delete'
  | 'case_note'
  | 'case_view'
  | 'dossier'
  | 'config_change'
  // issue 15: entity resolution
  | 'match_decision'
  | 'match_undo';

/** Swedish labels for the Logg view and reports. */
export const AUDIT_ACTION_SV: Record<AuditAction, string> = {
  import: 'Import',
  analysis_run: 'Analyskörning',
  status_change: 'Statusändring',
  export: 'Export',
  search: 'Sökning',
  open_profile: 'Öppnade profil',
  case_create: 'Ärende skapat',
  case_edit: 'Ärende ändrat',
  case_delete: 'Ärende borttaget',
  case_note: 'Anteckning',
  case_view: 'Sparad nätverksvy',
  dossier: 'Prövningsunderlag',
  config_change: 'Regelinställning ändrad',
  match_decision: 'Matchningsbeslut',
  match_undo: 'Matchningsbeslut ångrat',
};

export interface AuditEntry {
  id: number;
  seq: number;
  at: string;
  actor: string;
  action: string;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

export type AuditVerification =
  | { ok: true; entries: number }
  | { ok: false; entries: number; brokenAt: number; seq: number | null; problem: 'modified' | 'deleted' | 'reordered'; message_sv: string };

/** The person at the keyboard when nobody else is named: the OS user. */
export function defaultActor(): string {
  try {
    return os.userInfo().username || 'okänd';
  } catch {
    return 'okänd';
  }
}

export function entryHash(prevHash: string, e: { seq: number; at: string; actor: string; action: string; details: unknown }): string {
  return createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, details: e.details }))
    .digest('hex');
}

export function appendAudit(
  db: Db,
  entry: { actor?: string; action: AuditAction | string; details?: Record<string, unknown>; at?: string },
): AuditEntry {
  const write = db.transaction((): AuditEntry => {
    const last = lastAuditRow(db);
    const prev_hash = last?.hash ?? GENESIS_HASH;
    const seq = (last?.seq ?? 0) + 1;
    const at = entry.at ?? new Date().toISOString();
    const actor = entry.actor ?? defaultActor();
    // Round-trip through canonical JSON so the stored details hash exactly as written.
    const details = JSON.parse(canonicalJson(entry.details ?? {})) as Record<string, unknown>;
    const hash = entryHash(prev_hash, { seq, at, actor, action: entry.action, details });
    const row = { seq, at, actor, action: entry.action, details: canonicalJson(details), prev_hash, hash };
    const id = insertAuditRow(db, row);
    // The head lives outside the chain too, so cutting entries off the end is noticed.
    setMeta(db, AUDIT_HEAD_KEY, `${seq}:${hash}`);
    return { id, ...row, details };
  });
  // Join an enclosing transaction when there is one (the audited change and its entry commit together).
  return db.inTransaction ? write.default() : write.immediate();
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

/**
 * Walks the chain in id order. For each row: its own hash must match its content (else modified);
 * its seq must be the next one (a gap = entries deleted, a step back = reordered); its prev_hash
 * must be the previous row's hash (else the previous row was replaced).
 */
export function verifyAudit(db: Db): AuditVerification {
  const present = new Set(auditSeqs(db));
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let n = 0;
  let last: AuditRow | null = null;
  for (const r of iterateAuditRows(db)) {
    last = r;
    n++;
    let content: unknown;
    try {
      content = JSON.parse(r.details);
    } catch {
      return broken(n, r, 'modified', `Post ${r.id} (nr ${r.seq}) har ändrats: innehållet går inte att läsa.`);
    }
    if (entryHash(r.prev_hash, { ...r, details: content }) !== r.hash) {
      return broken(n, r, 'modified', `Post ${r.id} (nr ${r.seq}) har ändrats efter att den skrevs: kontrollsumman stämmer inte.`);
    }
    if (r.seq > expectedSeq && present.has(expectedSeq)) {
      return broken(n, r, 'reordered', `Post ${r.id} (nr ${r.seq}) står i fel ordning: nr ${expectedSeq} väntades här.`);
    }
    if (r.seq > expectedSeq) {
      const missing = r.seq - expectedSeq;
      return broken(n, r, 'deleted', `${missing === 1 ? 'En post' : `${missing} poster`} saknas före post ${r.id} (nr ${expectedSeq}${missing > 1 ? `–${r.seq - 1}` : ''} har tagits bort).`);
    }
    if (r.seq < expectedSeq) {
      return broken(n, r, 'reordered', `Post ${r.id} (nr ${r.seq}) står i fel ordning: nr ${expectedSeq} väntades här.`);
    }
    if (r.prev_hash !== prevHash) {
      return broken(n, r, 'modified', `Kedjan bryts vid post ${r.id} (nr ${r.seq}): föregående post har ersatts.`);
    }
    prevHash = r.hash;
    expectedSeq++;
  }
  const head = getMeta(db, AUDIT_HEAD_KEY);
  if (head) {
    const headSeq = Number(head.split(':')[0]);
    if (headSeq > expectedSeq - 1) {
      const missing = headSeq - (expectedSeq - 1);
      return {
        ok: false, entries: n, brokenAt: last ? last.id + 1 : 1, seq: expectedSeq, problem: 'deleted',
        message_sv: `${missing === 1 ? 'Den sista posten' : `De sista ${missing} posterna`} (nr ${expectedSeq}${missing > 1 ? `–${headSeq}` : ''}) har tagits bort${last ? ` efter post ${last.id}` : ''}.`,
      };
    }
  }
  return { ok: true, entries: n };
}

function broken(n: number, r: AuditRow, problem: 'modified' | 'deleted' | 'reordered', message_sv: string): AuditVerification {
  return { ok: false, entries: n, brokenAt: r.id, seq: r.seq, problem, message_sv };
}

import type { AuditHead, AuditReceipt } from './log';

/**
 * Audit receipts (issue 13.1): the head of the log (seq, hash, time) written to a file the user
 * keeps elsewhere. `insyn audit verify --receipt FILE` later fails when the log no longer contains
 * that entry, which proves a truncation or rewrite even when the store was rewritten consistently.
 */
export interface ReceiptFile extends AuditReceipt {
  format: 'insyn-audit-receipt';
  version: 1;
  /** When the receipt was taken. */
  taken_at: string;
  /** Id of the key the log is written with (not the key). */
  key_id: string | null;
  store: string;
}

export function makeReceipt(head: AuditHead, keyId: string | null, store: string, takenAt = new Date().toISOString()): ReceiptFile {
  return { format: 'insyn-audit-receipt', version: 1, seq: head.seq, hash: head.hash, at: head.at, taken_at: takenAt, key_id: keyId, store };
}

export class ReceiptError extends Error {
  override name = 'ReceiptError';
}

/** Reads a receipt; a receipt that is not one is a usage error, never a pass. */
export function parseReceipt(text: string): AuditReceipt {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new ReceiptError('kvittot är inte giltig JSON');
  }
  const r = v as Partial<ReceiptFile> | null;
  if (!r || typeof r !== 'object' || r.format !== 'insyn-audit-receipt') throw new ReceiptError('filen är inget kvitto från insyn audit receipt');
  if (!Number.isSafeInteger(r.seq) || (r.seq as number) < 1) throw new ReceiptError('kvittot saknar ett giltigt postnummer (seq)');
  const hash = typeof r.hash === 'string' ? r.hash.replace(/\s+/g, '').toLowerCase() : '';
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new ReceiptError('kvittot saknar en giltig kontrollsumma (hash)');
  if (typeof r.at !== 'string') throw new ReceiptError('kvittot saknar tid (at)');
  return { seq: r.seq as number, hash, at: r.at };
}

/**
 * A hash as exports print it: groups of 8 hex digits. No run of 10 digits can then look like a
 * personnummer to a scanner of pseudonymised files; receipts accept it with or without spaces.
 */
export function groupedHash(hash: string): string {
  return hash.match(/.{1,8}/g)?.join(' ') ?? hash;
}

/** "post nr 12, 2026-05-01 10:00:00 UTC, kontrollsumma 3f2a9c01 …": the head as people read it in reports. */
export function describeHead(head: AuditHead | null): string {
  if (!head) return 'granskningsloggen är tom';
  return `post nr ${head.seq}, ${head.at.replace('T', ' ').slice(0, 19)} UTC, kontrollsumma ${groupedHash(head.hash)}`;
}

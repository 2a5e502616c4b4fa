import { todayIso } from '../model/dates';
import path from 'node:path';
import type { Db } from '../store/db';
import { csvTable } from '../export/csv';
import { writeWithAudit, type WrittenFile } from '../export/files';
import { defaultActor, verifyAudit } from './log';
import { AUDIT_ACTION_DISPLAY_SV, labelSv } from '../model/labels-sv';
import { iterateAuditRows } from '../store/casework';

/**
 * The audit log as CSV, with each entry's hashes so a reader holding the installation key can
 * re-check the chain outside Insyn: hash = HMAC-SHA-256(key, prev_hash + canonical JSON of
 * {seq, at, actor, action, details, key_id}); rows with an empty key_id were written before keys
 * and use sha256(prev_hash + canonical JSON of {seq, at, actor, action, details}).
 */
export function auditCsv(db: Db): { csv: string; rows: number } {
  const rows: (string | number)[][] = [];
  for (const r of iterateAuditRows(db)) {
    rows.push([r.seq, r.at, r.actor, r.action, labelSv(AUDIT_ACTION_DISPLAY_SV, r.action, '–'), r.details, r.prev_hash, r.hash, r.key_id ?? '']);
  }
  return { csv: csvTable(['seq', 'at', 'actor', 'action', 'handelse', 'details', 'prev_hash', 'hash', 'key_id'], rows), rows: rows.length };
}

/** Writes the log to `<dir>/<name>` (same folder rules as every export) and records that it did. */
export function exportAuditLog(db: Db, opts: { outDir: string; fileName?: string; overwrite?: boolean; actor?: string }): { file: WrittenFile; rows: number; verified: boolean } {
  const { csv, rows } = auditCsv(db);
  const name = opts.fileName ?? `insyn-granskningslogg-${todayIso()}.csv`;
  const verified = verifyAudit(db).ok;
  const [file] = writeWithAudit(db, opts.outDir, [{ name, content: csv }], opts.overwrite ?? false, {
    actor: opts.actor ?? defaultActor(), action: 'export', details: { format: 'audit-csv', dir: path.resolve(opts.outDir), files: [name], rows, verified },
  });
  return { file: file!, rows, verified };
}

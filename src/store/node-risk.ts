import type { TableName } from '../model/tables';
import type { Db } from './db';
import { stmt } from './statements';

/**
 * SQL behind the canvas's node risk (issue 14): the date from which a cited fact was known, and
 * the stored scores of a set of entities.
 */

/**
 * The columns (SQL names) whose dates a row's stated state depends on: when it began and when
 * its status or event happened. Period ends (`to`, `ended_on`, `resolved_on`) are left out: a
 * role that has since ended still held while it ran. A row is known from the latest of them.
 */
const KNOWN_FROM: Readonly<Record<TableName, readonly string[]>> = {
  companies: ['registered_on', 'deregistered_on'],
  persons: ['deceased_on'],
  roles: ['from_date'],
  licences: ['granted_on', 'status_on'],
  inspections: ['decided_on'],
  reviewed_persons: ['reviewed_on'],
  foster_homes: ['approved_on'],
  placements: ['from_date'],
  employments: ['from_date'],
  legitimations: ['granted_on', 'revoked_on'],
  financial_events: ['occurred_on'],
  sanctions: ['from_date'],
  relations: ['from_date'],
  residences: ['from_date'],
  payments: ['paid_on'],
};

/**
 * The day from which the stored fact `table`/`key` said what it says now: the latest of its
 * start and status dates. Null when it has none (or the fact is gone).
 */
export function factKnownFrom(db: Db, table: string, key: string): string | null {
  const cols = KNOWN_FROM[table as TableName];
  if (!cols || cols.length === 0) return null;
  const row = stmt(db, `SELECT ${cols.join(', ')} FROM ${table} WHERE key = ?`).get(key) as Record<string, unknown> | undefined;
  if (!row) return null;
  let latest: string | null = null;
  for (const c of cols) {
    const v = row[c];
    if (typeof v === 'string' && v !== '' && (latest === null || v > latest)) latest = v;
  }
  return latest;
}

export interface StoredScore { subject_kind: string; subject_id: string; score: number; network_score: number }

/** Direct and network scores of a run for the given subject ids (any kind). */
export function scoresOf(db: Db, runId: number, ids: readonly string[]): StoredScore[] {
  if (ids.length === 0) return [];
  return stmt(
    db,
    `SELECT subject_kind, subject_id, score, network_score FROM scores
     WHERE run_id = ? AND subject_id IN (SELECT value FROM json_each(?))`,
  ).all(runId, JSON.stringify(ids)) as StoredScore[];
}

import type { Db } from '../db';
import * as m001 from './001_facts';
import * as m002 from './002_analysis';
import * as m003 from './003_casework';
import * as m004 from './004_lookup_indexes';
import * as m005 from './005_graph_indexes';
import * as m006 from './006_known_time';
// issue 13
import * as m007 from './007_audit_key';
import * as m009 from './009_matches';
// issue 10
import * as m010 from './010_droppable_keys';
import * as m011 from './011_unused_contact_indexes';
import * as m012 from './012_record_log';

/**
 * Numbered migrations, applied in order; the `schema_migrations` ledger records those applied and
 * `PRAGMA user_version` the highest.
 * Append only: never edit a migration that has shipped.
 * Reserved numbers: 002 analysis (rules, runs, hits), 003 casework (triage, cases, audit log).
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Code instead of `sql` (issue 10: rebuilding tables from their stored definitions). */
  run?: (db: Db) => void;
  /** For a store from before the ledger (src/store/db.ts): whether this migration's objects exist. */
  present?: (db: Db) => boolean;
}

const hasTable = (name: string) => (db: Db): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'facts', sql: m001.sql },
  { version: 2, name: 'analysis', sql: m002.sql },
  { version: 3, name: 'casework', sql: m003.sql },
  { version: 4, name: 'lookup_indexes', sql: m004.sql },
  { version: 5, name: 'graph_indexes', sql: m005.sql },
  { version: 6, name: 'known_time', sql: m006.sql, present: hasTable('dataset_tables') },
  // issue 13
  { version: 7, name: 'audit_key', sql: m007.sql },
  { version: 9, name: 'matches', sql: m009.sql },
  // issue 10
  { version: 10, name: 'droppable_keys', sql: '', run: m010.run },
  { version: 11, name: 'unused_contact_indexes', sql: m011.sql },
  { version: 12, name: 'record_log', sql: m012.sql },
];

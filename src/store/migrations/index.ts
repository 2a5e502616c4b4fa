import * as m001 from './001_facts';
import * as m002 from './002_analysis';
import * as m003 from './003_casework';
import * as m004 from './004_lookup_indexes';
import * as m005 from './005_graph_indexes';
import * as m009 from './009_matches';

/**
 * Numbered migrations, applied in order; `PRAGMA user_version` records the last one applied.
 * Append only: never edit a migration that has shipped.
 * Reserved numbers: 002 analysis (rules, runs, hits), 003 casework (triage, cases, audit log).
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'facts', sql: m001.sql },
  { version: 2, name: 'analysis', sql: m002.sql },
  { version: 3, name: 'casework', sql: m003.sql },
  { version: 4, name: 'lookup_indexes', sql: m004.sql },
  { version: 5, name: 'graph_indexes', sql: m005.sql },
  { version: 9, name: 'matches', sql: m009.sql },
];

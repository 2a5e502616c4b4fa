import * as m001 from './001_facts';

/**
 * Numbered migrations, applied in order; `PRAGMA user_version` records the last one applied.
 * Append only: never edit a migration that has shipped.
 * Reserved numbers: 002 analysis (rules, runs, hits), 003 casework (triage, cases, audit log).
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: 'facts', sql: m001.sql },
];

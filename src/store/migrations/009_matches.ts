/**
 * Migration 009: decisions on entity-resolution candidates (issue 15), kept apart from the
 * imported facts so they survive re-import and new extracts. One row per decision, never
 * deleted: the current decision on a pair is its newest row not undone; undoing a decision
 * marks it undone and the one before it (if any) holds again.
 */
export const sql = /* sql */ `
CREATE TABLE match_decisions (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'company')),
  -- the pair, a_id < b_id (normalised ids as stored)
  a_id TEXT NOT NULL,
  b_id TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected', 'unsure')),
  note TEXT NOT NULL DEFAULT '',
  actor TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  -- the candidate as shown when decided: score, its parts (JSON), and a fingerprint of the
  -- compared data, so a rejected pair comes back only when that data has changed
  score REAL,
  parts TEXT NOT NULL DEFAULT '[]',
  fingerprint TEXT,
  undone_at TEXT,
  undone_by TEXT,
  CHECK (a_id < b_id)
);
CREATE INDEX match_decisions_pair ON match_decisions(a_id, b_id);
CREATE INDEX match_decisions_b ON match_decisions(b_id);
`;

/** Migration 002: rule parameters, analysis runs and their hits, scores and clusters. */
export const sql = /* sql */ `
-- Lookups by id in the registers (sector slice loading, entity profiles).
CREATE INDEX IF NOT EXISTS companies_org ON companies(org_nr);
CREATE INDEX IF NOT EXISTS persons_id ON persons(person_id);
CREATE TABLE IF NOT EXISTS rule_params (
  signal TEXT PRIMARY KEY,
  params TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS analysis_runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  as_of TEXT NOT NULL,
  params TEXT NOT NULL,
  data_version TEXT NOT NULL,
  coverage TEXT NOT NULL,
  timings TEXT NOT NULL,
  hit_count INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS hits (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES analysis_runs(id) ON DELETE CASCADE,
  signal TEXT NOT NULL,
  subject_kind TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  related_ids TEXT NOT NULL,
  severity INTEGER NOT NULL,
  evidence TEXT NOT NULL,
  hit_key TEXT NOT NULL,
  evidence_hash TEXT NOT NULL,
  UNIQUE (run_id, hit_key)
);
CREATE INDEX IF NOT EXISTS hits_run_signal ON hits(run_id, signal);
CREATE INDEX IF NOT EXISTS hits_subject ON hits(subject_id, run_id);
CREATE INDEX IF NOT EXISTS hits_key ON hits(hit_key);

CREATE TABLE IF NOT EXISTS scores (
  run_id INTEGER NOT NULL REFERENCES analysis_runs(id) ON DELETE CASCADE,
  subject_kind TEXT NOT NULL,
  subject_id TEXT NOT NULL,
  score REAL NOT NULL,
  network_score REAL NOT NULL,
  PRIMARY KEY (run_id, subject_kind, subject_id)
);
CREATE INDEX IF NOT EXISTS scores_subject ON scores(subject_id);

CREATE TABLE IF NOT EXISTS clusters (
  run_id INTEGER NOT NULL REFERENCES analysis_runs(id) ON DELETE CASCADE,
  rank INTEGER NOT NULL,
  size INTEGER NOT NULL,
  score REAL NOT NULL,
  members TEXT NOT NULL,
  signals TEXT NOT NULL,
  PRIMARY KEY (run_id, rank)
);
`;

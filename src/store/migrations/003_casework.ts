/**
 * Migration 003: casework — hit triage (keyed by hit_key so it survives re-import and re-analysis),
 * cases with entities, hits, notes and saved network views, and the hash-chained audit log.
 */
export const sql = /* sql */ `
CREATE TABLE hit_status (
  hit_key TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('ny', 'under_utredning', 'avskriven', 'bekraftad')),
  reason TEXT,
  actor TEXT NOT NULL,
  -- evidence_hash of the hit when the status was set; a different current hash = changed hit
  evidence_hash TEXT,
  updated_at TEXT NOT NULL
);
CREATE TABLE hit_status_history (
  id INTEGER PRIMARY KEY,
  hit_key TEXT NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  actor TEXT NOT NULL,
  evidence_hash TEXT,
  at TEXT NOT NULL
);
CREATE INDEX hit_status_history_key ON hit_status_history(hit_key);

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE case_entities (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL,
  entity_kind TEXT,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL,
  PRIMARY KEY (case_id, entity_id)
);
CREATE TABLE case_hits (
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  hit_key TEXT NOT NULL,
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL,
  PRIMARY KEY (case_id, hit_key)
);
CREATE TABLE case_notes (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX case_notes_case ON case_notes(case_id);
CREATE TABLE case_views (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  as_of TEXT,
  -- node positions, filters, camera: stored verbatim so a view reopens exactly as saved
  view_json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX case_views_case ON case_views(case_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
-- Append-only: the application never edits or deletes; verifyAudit catches anyone who does it behind our back.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;

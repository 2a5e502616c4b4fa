import { TABLE_NAMES } from '../../model/tables';
import * as m002 from './002_analysis';

/**
 * Migration 006: known time (issue 11) — what the store knew when, on top of v1's valid time.
 *
 * Valid time (v1, unchanged): `from`/`to`, `granted_on`, `occurred_on` … say when something held
 * in the world. Known time says which imported dataset told us. Datasets are numbered in import
 * order (`datasets.id` only grows; datasets are never deleted), so "the store right after dataset
 * K" is well defined. A fact row (one natural key) is a chain of versions:
 *
 *   version            known from                       known until (exclusive)
 *   each fact_history  old_row.dataset_id               replaced_by_dataset
 *   the current row    dataset_id                       ended_by, or still known when NULL
 *
 * - first stated  = the smallest `dataset_id` of the chain (the oldest history row's, or the row's);
 * - changed by    = each `fact_history.replaced_by_dataset` with `ended = 0`: before = old_row
 *                   (with its src_file:src_line), after = the next version of the chain;
 * - no longer reported = `ended_by` on the row (a full extract that did not contain it), or a
 *                   history row with `ended = 1` when the row was reported again later (the
 *                   history row then keeps the version that ended, replaced_by_dataset = the
 *                   dataset that ended it; the gap until it reappeared is known as "not held");
 * - last stated   = not stored per row, so restating an unchanged row writes nothing. It is
 *                   derived from dataset-level facts: the newest of the row's `dataset_id` and the
 *                   full extracts of its table and source (`dataset_tables.full = 1`) imported
 *                   after it and before `ended_by` — a full extract that did not end the row
 *                   stated it. A partial extract restating an unchanged row is not recorded per
 *                   row (it is counted in the dataset summary).
 *
 * As-known K (src/store/known.ts) is then: rows with dataset_id <= K and (ended_by IS NULL or
 * ended_by > K), plus history versions with old dataset_id <= K < replaced_by_dataset. Version
 * intervals of one key never overlap, so at most one version of a key is visible.
 *
 * Cost: `ended_by` is NULL for every row an import writes (no bytes beyond the record header), and
 * its index is partial (only ended rows), so importing pays nothing per row for known time.
 *
 * Also: datasets get a `source` (full extracts end only rows last written by the same source),
 * analysis runs record the datasets they saw and an as-known dataset, and the watch list.
 */
const perTable = TABLE_NAMES.map((t) => `
ALTER TABLE ${t} ADD COLUMN ended_by INTEGER REFERENCES datasets(id);
CREATE INDEX ${t}_ended ON ${t}(ended_by) WHERE ended_by IS NOT NULL;`).join('');

export const sql = /* sql */ `
-- A store migrated to 003 before 002 existed has skipped 002 (see ensureAnalysisIndexes); its
-- statements are idempotent, and analysis_runs must exist before it is altered below.
${m002.sql}
${perTable}

-- The source a dataset came from (free label, e.g. 'bolagsverket', 'kommun-a'); NULL = the
-- unnamed default source. A full extract ends only rows whose last writer had the same source.
ALTER TABLE datasets ADD COLUMN source TEXT;

-- Which tables a dataset contained, and whether it was a complete extract of them for its source.
CREATE TABLE dataset_tables (
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  table_name TEXT NOT NULL,
  full INTEGER NOT NULL CHECK (full IN (0, 1)),
  -- rows of the table this dataset marked as no longer reported (full extracts only)
  ended INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (dataset_id, table_name)
) WITHOUT ROWID;

-- 1 = the old version was ended by a full extract (not replaced by a new value); see above.
ALTER TABLE fact_history ADD COLUMN ended INTEGER NOT NULL DEFAULT 0;
-- Changes since a dataset (the watch feed, as-known views) without scanning all history.
CREATE INDEX fact_history_dataset ON fact_history(replaced_by_dataset);

-- The datasets a run saw are those with id <= dataset_max (ids only grow); as_known is the
-- dataset an as-known run was limited to (NULL = everything imported when it ran).
ALTER TABLE analysis_runs ADD COLUMN dataset_max INTEGER;
ALTER TABLE analysis_runs ADD COLUMN as_known INTEGER;
UPDATE analysis_runs SET dataset_max = (SELECT max(id) FROM datasets WHERE datasets.imported_at <= analysis_runs.started_at);

-- Entities an investigator follows (any id form normalised; need not be in the store yet).
CREATE TABLE watchlist (
  entity_id TEXT PRIMARY KEY,
  note TEXT NOT NULL DEFAULT '',
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL
);
`;

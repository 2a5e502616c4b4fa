/** Public types of the importer (shared with the API, the CLI and the UI). */
import { InsynError, type FailureCode } from '../model/errors';

export interface QuarantineEntry {
  file: string;
  /** Physical line of the row's start in the file (1 = header). */
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
  reason_sv: string;
}

export interface ImportResult {
  dataset: string;
  dataset_id: number;
  /** Rows accepted (stored or already stored unchanged) per table. */
  rows: Record<string, number>;
  /** Quarantined rows (one entry per row). */
  quarantined: number;
  /** Quarantine entries; capped at QUARANTINE_LIST_CAP (the store keeps all). */
  quarantine: QuarantineEntry[];
  unchanged: number;
  inserted: number;
  updated: number;
  /** Files in the folder that are not a recognised table or format. */
  skipped: string[];
  /** True when this exact content was imported before (nothing was changed). */
  already_imported: boolean;
  /** Data rows read per file (every one is either in `rows` or quarantined). */
  records: Record<string, number>;
  /** Known time (issue 11): the dataset's source label (null = the unnamed default source). */
  source?: string | null;
  /** Tables this dataset was a full extract of (rows of its source it lacked are no longer reported). */
  full?: string[];
  /** Rows per table this import marked as no longer reported. */
  ended?: Record<string, number>;
  /** Time spent marking rows a full extract no longer reports (known time's only import-time cost). */
  end_marking_ms?: number;
  /** Where the time went (benchmarks, `import --json`); absent for an already imported dataset. */
  timings?: ImportTimings;
}

export interface ImportTimings {
  total_ms: number;
  /** Hashing the files (recognises a dataset imported before). */
  hash_ms: number;
  /** The writer: upserts, history, quarantine rows and the commit, on the importer's thread. */
  write_ms: number;
  /** The read side busy: reading, decoding, tokenising, normalising (not waiting for the writer). */
  read_ms: number;
  /** True when the read side ran in a worker thread, overlapping the writes. */
  parse_in_worker: boolean;
  /** Records recognised as stored exactly so already, by their hash, and not read further (unchanged.ts). */
  unchanged_unread: number;
  /** Building the indexes of bulk-loaded tables after their rows (part of write_ms). */
  index_build_ms: number;
  /** The commit (part of write_ms). */
  commit_ms: number;
}

export interface ImportProgress {
  file: string;
  table: string;
  /** Data rows of `file` read so far (stored or quarantined); at the file's last report, all of them. */
  rows: number;
  bytesRead: number;
  bytesTotal: number;
  rowsPerSec: number;
  /** True on the file's last report (all its rows are counted). */
  done: boolean;
  /** The whole import (issue 10.6): bytes of all its files done and in total, and seconds left (null while unknown). */
  importBytesDone?: number;
  importBytesTotal?: number;
  etaSeconds?: number | null;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  datasetName?: string;
  /** Runs inside the import's transaction just before it commits (the audit entry: issue 13); throwing rolls the import back. */
  beforeCommit?: (result: ImportResult) => void;
  /** Called about once a second while another writer holds the store (issue 13: imports queue instead of failing). */
  onWaitForStore?: (waitedMs: number) => void;
  /** How long to wait for another writer before giving up (default one hour). */
  storeWaitMs?: number;
  /**
   * A full extract (src/import/extract-kind.ts): true = of every table the dataset contains, a
   * list = of those tables, false = partial even where detection would say full. Default: the
   * folder's insyn-dataset.json, else detection (a Bolagsverket bulk file alone is full).
   */
  full?: boolean | readonly string[];
  /** The source label (default: the manifest's, 'bolagsverket' for a bulk file alone, else none). */
  source?: string;
  /**
   * Parse in a worker thread while this thread writes (true), on this thread (false), or by input
   * size (default: a worker from 4 MiB on). Both give the same store.
   */
  parseInWorker?: boolean;
  /** Worker mode: bytes of batches the reader may post ahead of the writer (default MAX_IN_FLIGHT_BYTES; tests make every batch wait). */
  readAheadBytes?: number;
  /** Read and normalise every record even when the store holds it exactly so (tests compare both paths). */
  rereadUnchanged?: boolean;
}

export const QUARANTINE_LIST_CAP = 100_000;

export type ImportErrorCode = Extract<FailureCode, 'not_found' | 'no_tables' | 'unknown_table' | 'missing_headers' | 'unreadable' | 'binary' | 'empty' | 'store' | 'busy' | 'internal'>;

/**
 * A dataset that cannot be imported at all; the store is left as it was. The message carries
 * Swedish first and English second, as the CLI prints it.
 */
export class ImportError extends InsynError {
  declare readonly code: ImportErrorCode;
  constructor(
    code: ImportErrorCode,
    messageSv: string,
    readonly messageEn: string,
    readonly file?: string,
  ) {
    super(code, `${messageSv} / ${messageEn}`, messageSv);
  }
}

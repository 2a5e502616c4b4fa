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
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  datasetName?: string;
}

export const QUARANTINE_LIST_CAP = 100_000;

export type ImportErrorCode = Extract<FailureCode, 'not_found' | 'no_tables' | 'unknown_table' | 'missing_headers' | 'unreadable' | 'binary' | 'empty' | 'store' | 'internal'>;

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

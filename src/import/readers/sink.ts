import type { TableName } from '../../model/tables';
import type { NormaliserOptions } from '../rows';

/** What a reader feeds rows into (the importer, or the preview). */
export interface RowSink {
  /** Rows of `table` follow with these header cells; throws ImportError when the header is unusable. */
  header(table: TableName, headers: string[], opts?: NormaliserOptions): void;
  row(table: TableName, line: number, cells: string[]): void;
  /**
   * Optional (the importer's re-import path), asked after the header: a filter for the data
   * lines of `table` (null: none). It is given a line s.slice(start, end), not yet tokenised, and
   * returns true when the store holds its record exactly so already: the line is then consumed
   * (row() is not called for it). `delim` is the file's delimiter as a char code.
   */
  lineFilter?(table: TableName, delim: number): ((s: string, start: number, end: number, line: number) => boolean) | null;
  /** A data row that could not be read at all (counts as one quarantined row). */
  bad(line: number, column: string | null, value: string | null, reason: string, reasonSv: string): void;
  /** Called now and then so progress can be reported; returning true stops reading (preview). */
  tick(): boolean;
  /**
   * Back-pressure, asked between chunks: a promise to await before reading on (the writer is
   * behind), or null. Readers that can pause call it; without it they read at full speed.
   */
  ready?(): Promise<void> | null;
}

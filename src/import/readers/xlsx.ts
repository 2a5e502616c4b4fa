import type ExcelJSModule from 'exceljs';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { TableName } from '../../model/tables';
import { MAX_RECORD_CHARS, PREVIEW_CHARS, TOO_LONG } from '../limits';
import type { ByteCounter } from '../source';
import type { RowSink } from './sink';

/** Text of one cell as a CSV export of the sheet would show it (dates as YYYY-MM-DD). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    if (o.error !== undefined) return String(o.error);
  }
  return String(v);
}

/** How long the reader may make no progress; parameters so tests can shorten them. */
export interface StallLimits {
  /** After the whole file was read. */
  afterEndMs: number;
  /** While it is still being read. */
  whileReadingMs: number;
}
const STALL: StallLimits = { afterEndMs: 3000, whileReadingMs: 60_000 };
/** The reader counts as working (exceljs parsing millions of shared strings) above this event-loop utilisation. */
const BUSY = 0.25;
const IO_IN_FLIGHT = /^(FSReq|FileHandle|Zlib)/;
/** Never more than this without a byte read or a row, however busy the thread is. */
const HARD_LIMIT_MS = 10 * 60_000;

/** exceljs failed on the archive itself (a damaged or truncated file), not our code. */
class XlsxDamaged extends Error {
  override name = 'XlsxDamaged';
}

/**
 * Read the first worksheet of an .xlsx file (streaming) into `sink`; row numbers are lines.
 * Errors thrown inside exceljs on a malformed archive (including its TypeErrors) mean the file
 * is unreadable; errors from the sink pass through unchanged.
 */
export async function readXlsx(file: string, table: TableName, sink: RowSink, counter: ByteCounter, stall: StallLimits = STALL): Promise<void> {
  counter.bytesTotal = fs.statSync(file).size;
  // exceljs takes a second to load: only an xlsx import pays for it. Loaded before the stream
  // opens: a 'data' listener makes the stream flow, and bytes read before exceljs pipes it are lost.
  const ExcelJS = ((await import('exceljs')) as unknown as { default: typeof ExcelJSModule }).default;
  // Small reads: exceljs pulls bytes as its unzip and XML parsing go on, so each read is a sign of progress.
  const input = fs.createReadStream(file, { highWaterMark: 64 << 10 });
  let lastProgress = Date.now();
  let lastRowOrByte = Date.now();
  let waiting = false;
  let inputEnded = false;
  input.on('data', (c) => {
    counter.bytesRead += c.length;
    lastProgress = lastRowOrByte = Date.now();
  });
  input.on('end', () => (inputEnded = true));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  let width = -1;
  let sinkError: unknown = undefined;
  const toSink = (f: () => void): void => {
    try {
      f();
    } catch (err) {
      sinkError = err;
      throw err;
    }
  };
  const work = (async () => {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        lastProgress = lastRowOrByte = Date.now();
        const values = (row.values as unknown[]) ?? [];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        if (width < 0) {
          while (cells.length && cells[cells.length - 1]!.trim() === '') cells.pop();
          width = cells.length;
          toSink(() => sink.header(table, cells));
          continue;
        }
        // An empty row is not a row; one whose cells hold only blanks is (as in CSV: quarantined, not dropped).
        if (cells.every((c) => c === '')) continue;
        let stop = false;
        toSink(() => {
          if (cells.reduce((n, c) => n + c.length + 1, 0) > MAX_RECORD_CHARS) {
            sink.bad(row.number, null, cells.join(';').slice(0, PREVIEW_CHARS), TOO_LONG.reason, TOO_LONG.reasonSv);
          } else if (cells.length > width && cells.slice(width).some((c) => c.trim() !== '')) {
            sink.bad(row.number, null, cells.join(';').slice(0, PREVIEW_CHARS), `row has ${cells.length} cells, header has ${width}`, `raden har ${cells.length} celler, rubrikraden har ${width}`);
          } else {
            cells.length = Math.min(cells.length, width);
            while (cells.length < width) cells.push('');
            sink.row(table, row.number, cells);
          }
          stop = sink.tick();
        });
        if (stop) return;
        const wait = sink.ready?.();
        if (wait) {
          // Waiting for the writer is not a stall.
          waiting = true;
          await wait;
          waiting = false;
          lastProgress = lastRowOrByte = Date.now();
        }
      }
      break; // first sheet only
    }
  })();
  // exceljs can wait forever on some corrupt archives: a reader that neither reads, nor emits rows,
  // nor keeps its thread busy is stalled, and the file unreadable. Progress, not wall-clock time:
  // a valid workbook may parse millions of shared strings before its first row.
  let timer: NodeJS.Timeout | undefined;
  let elu = performance.eventLoopUtilization();
  const stalled = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      const now = Date.now();
      // Working: the thread ran code for a good part of the interval (the XML parser), or file or
      // zlib requests are in flight (exceljs spools a sheet to a temporary file). A stalled reader
      // waits on nothing. Both hold on a loaded machine, where CPU shares and wall times do not.
      const busy = performance.eventLoopUtilization(elu).utilization > BUSY || process.getActiveResourcesInfo().some((r) => IO_IN_FLIGHT.test(r));
      elu = performance.eventLoopUtilization();
      if (busy || waiting) lastProgress = now;
      const idle = now - lastProgress;
      if ((inputEnded && idle > stall.afterEndMs) || idle > stall.whileReadingMs || now - lastRowOrByte > HARD_LIMIT_MS) {
        reject(new XlsxDamaged('the xlsx reader stalled (corrupt archive?)'));
      }
    }, Math.min(250, stall.afterEndMs / 2));
  });
  work.catch(() => undefined);
  try {
    await Promise.race([work, stalled]);
  } catch (err) {
    if (err === sinkError || err instanceof XlsxDamaged) throw err;
    throw new XlsxDamaged(`the xlsx file is damaged: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    clearInterval(timer);
    input.destroy();
  }
  if (width < 0) sink.header(table, []);
}

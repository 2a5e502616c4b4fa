import type ExcelJSModule from 'exceljs';
import fs from 'node:fs';
import type { TableName } from '../../model/tables';
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

/** Read the first worksheet of an .xlsx file (streaming) into `sink`; row numbers are lines. */
export async function readXlsx(file: string, table: TableName, sink: RowSink, counter: ByteCounter): Promise<void> {
  counter.bytesTotal = fs.statSync(file).size;
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  let lastActivity = Date.now();
  let inputEnded = false;
  input.on('data', (c) => {
    counter.bytesRead += c.length;
    lastActivity = Date.now();
  });
  input.on('end', () => (inputEnded = true));
  // exceljs takes a second to load: only an xlsx import pays for it.
  const ExcelJS = ((await import('exceljs')) as unknown as { default: typeof ExcelJSModule }).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  let width = -1;
  const work = (async () => {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as unknown[]) ?? [];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        if (width < 0) {
          while (cells.length && cells[cells.length - 1]!.trim() === '') cells.pop();
          width = cells.length;
          sink.header(table, cells);
          continue;
        }
        if (cells.every((c) => c.trim() === '')) continue;
        if (cells.length > width) {
          const extra = cells.slice(width);
          if (extra.some((c) => c.trim() !== '')) {
            sink.bad(row.number, null, cells.join(';').slice(0, 200), `row has ${cells.length} cells, header has ${width}`, `raden har ${cells.length} celler, rubrikraden har ${width}`);
            if (sink.tick()) return;
            continue;
          }
          cells.length = width;
        }
        while (cells.length < width) cells.push('');
        sink.row(table, row.number, cells);
        lastActivity = Date.now();
        if (sink.tick()) return;
        const wait = sink.ready?.();
        if (wait) await wait;
      }
      break; // first sheet only
    }
  })();
  // exceljs can wait forever on some corrupt archives: a stalled reader is an unreadable file.
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setInterval(() => {
      const idle = Date.now() - lastActivity;
      if ((inputEnded && idle > STALL_AFTER_END_MS) || idle > STALL_MS) reject(new Error('the xlsx reader stalled (corrupt archive?)'));
    }, 250);
  });
  work.catch(() => undefined);
  try {
    await Promise.race([work, stalled]);
  } finally {
    clearInterval(timer);
    input.destroy();
  }
  if (width < 0) sink.header(table, []);
}

const STALL_AFTER_END_MS = 3000;
const STALL_MS = 60_000;

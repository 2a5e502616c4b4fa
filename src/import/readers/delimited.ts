import type { TableName } from '../../model/tables';
import { CsvTokenizer, type CsvRecord } from '../csv-tokenizer';
import { detectDelimiter } from '../encoding';
import { TOO_LONG } from '../limits';
import type { RowSink } from './sink';

const RAW_PREVIEW = 200;

/** First line of a text (for header sniffing), without BOM. */
export function firstLine(text: string): string {
  const s = text.replace(/^\uFEFF/, '').replace(/^(\s*\r?\n)+/, '');
  const end = s.search(/\r|\n/);
  return end < 0 ? s : s.slice(0, end);
}

/**
 * Read a delimited file (contract §1) into `sink`. The first record is the header; a record
 * with a different number of fields than the header, or an unclosed quote, is a bad row.
 */
export async function readDelimited(chunks: AsyncIterable<string>, table: TableName, sink: RowSink, delimiter?: string): Promise<{ delimiter: string }> {
  let delim = delimiter;
  let width = -1;
  let stop = false;
  let tokenizer: CsvTokenizer | null = null;
  const onRecord = (r: CsvRecord): void => {
    if (stop) return;
    if (width < 0) {
      // An unreadable header fails on its missing required columns.
      width = r.fields.length;
      sink.header(table, r.fields);
      if (tokenizer) tokenizer.lineFilter = sink.lineFilter?.(table, (delim ?? ',').charCodeAt(0)) ?? null;
      return;
    }
    // A line of only delimiters (Excel's trailing `;;;` rows) is not a row, whatever its width. A
    // row whose cells hold only blanks is one (it is quarantined for what it lacks, never dropped).
    if (!r.error && r.fields.every((f) => f === '')) return;
    // Empty fields beyond the header (a trailing delimiter) carry nothing: the row keeps its width.
    if (!r.error && r.fields.length > width && r.fields.slice(width).every((f) => f.trim() === '')) r.fields.length = width;
    if (r.error) {
      const why = r.error === 'unclosed_quote' ? ['quote is never closed', 'citattecknet stängs aldrig'] : r.error === 'field_too_long' ? ['field longer than the limit (quote never closed?)', 'fältet är längre än gränsen (citattecken stängs aldrig?)'] : [TOO_LONG.reason, TOO_LONG.reasonSv];
      sink.bad(r.line, null, r.fields.join(delim ?? ',').slice(0, RAW_PREVIEW), why[0]!, why[1]!);
    } else if (r.fields.length !== width) {
      sink.bad(r.line, null, r.fields.join(delim ?? ',').slice(0, RAW_PREVIEW), `row has ${r.fields.length} fields, header has ${width}`, `raden har ${r.fields.length} fält, rubrikraden har ${width}`);
    } else {
      sink.row(table, r.line, r.fields);
    }
    if (sink.tick()) stop = true;
  };
  for await (const chunk of chunks) {
    if (!tokenizer) {
      delim ??= detectDelimiter(firstLine(chunk));
      tokenizer = new CsvTokenizer(delim, onRecord);
    }
    tokenizer.push(chunk);
    if (stop) break;
    const wait = sink.ready?.();
    if (wait) await wait;
  }
  if (!stop) tokenizer?.end();
  return { delimiter: delim ?? ',' };
}

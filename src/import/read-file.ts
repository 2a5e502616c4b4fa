import { firstLine, readDelimited } from './readers/delimited';
import { isBulkHeader, readBulk } from './readers/bolagsverket';
import { indexFtm, readFtm } from './readers/ftm';
import type { RowSink } from './readers/sink';
import { readXlsx } from './readers/xlsx';
import type { PlannedFile } from './plan';
import { decodeText, fileBytes, type ByteCounter } from './source';
import { ImportError } from './types';
import { zipEntryBytes } from './zip';

/** How a file turned out to be written (the import dialog shows it). */
export interface ReadInfo {
  format: 'csv' | 'csv.gz' | 'xlsx' | 'bolagsverket' | 'ftm';
  encoding: string;
  delimiter: string | null;
}

/**
 * Feeds one planned file into `sink` with the reader its format needs (the importer's parse side
 * and the preview share it). A .txt/.zip/unnamed .csv is sniffed: the bulk file by its header.
 */
export async function readFile(f: PlannedFile, sink: RowSink, counter: ByteCounter): Promise<ReadInfo> {
  switch (f.format) {
    case 'xlsx':
      await readXlsx(f.path, f.table!, sink, counter);
      return { format: 'xlsx', encoding: 'xlsx', delimiter: null };
    case 'ftm': {
      const index = await indexFtm((await decodeText(fileBytes(f.path, false, { bytesRead: 0, bytesTotal: 0 }), f.label)).chunks);
      const text = await decodeText(fileBytes(f.path, false, counter), f.label);
      await readFtm(text.chunks, index, sink);
      return { format: 'ftm', encoding: text.encoding, delimiter: null };
    }
    case 'bolagsverket.zip':
    case 'bolagsverket':
    case 'csv':
    case 'csv.gz': {
      const bytes = f.format === 'bolagsverket.zip' ? zipEntryBytes(f.path, counter) : fileBytes(f.path, f.format === 'csv.gz', counter);
      const text = await decodeText(bytes, f.label);
      const head = await text.chunks.next();
      const first = head.done ? '' : head.value;
      const chunks = (async function* () {
        if (first) yield first;
        yield* text.chunks;
      })();
      if (isBulkHeader(firstLine(first))) {
        await readBulk(chunks, sink);
        return { format: 'bolagsverket', encoding: text.encoding, delimiter: ';' };
      }
      if (f.format === 'csv' || f.format === 'csv.gz') {
        const { delimiter } = await readDelimited(chunks, f.table!, sink);
        return { format: f.format, encoding: text.encoding, delimiter };
      }
      await text.chunks.return(undefined);
      throw new ImportError('unknown_table', `${f.label} är varken en känd tabell eller Bolagsverkets bulkfil`, `${f.label} is neither a known table nor Bolagsverket's bulk file`, f.label);
    }
  }
}

import { writeCsv, type CsvDialect } from './csv';
import { writeFtm } from './ftm';
import { writeGexf } from './gexf';
import { writeGraphml } from './graphml';
import { writeHtmlReport } from './report';
import type { ExportBundle, ExportFile, ExportFormat } from './types';

/**
 * One bundle → the files of one format (pure; writing happens in files.ts). A name the user gave
 * keeps its extension when it is one the format is known by (`--out x.ftm` writes x.ftm); else the
 * format's own extension (the first) is added.
 */
const EXT: Record<Exclude<ExportFormat, 'csv'>, readonly string[]> = {
  gexf: ['.gexf'], graphml: ['.graphml', '.xml'], ftm: ['.ftm.json', '.ftm', '.json', '.jsonl', '.ijson'], html: ['.html', '.htm'],
};

export function renderExport(bundle: ExportBundle, format: ExportFormat, baseName: string, opts: { csvDialect?: CsvDialect } = {}): ExportFile[] {
  switch (format) {
    case 'gexf':
      return [{ name: withExt(baseName, EXT.gexf), content: writeGexf(bundle) }];
    case 'graphml':
      return [{ name: withExt(baseName, EXT.graphml), content: writeGraphml(bundle) }];
    case 'ftm':
      return [{ name: withExt(baseName, EXT.ftm), content: writeFtm(bundle) }];
    case 'html':
      return [{ name: withExt(baseName, EXT.html), content: writeHtmlReport(bundle) }];
    case 'csv':
      return writeCsv(bundle, baseName ? `${baseName.replace(/\.csv$/i, '')}-` : '', opts.csvDialect);
  }
}

export function withExt(name: string, exts: readonly string[]): string {
  return exts.some((e) => name.toLowerCase().endsWith(e)) ? name : name + exts[0]!;
}


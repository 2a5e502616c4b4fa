import { writeCsv } from './csv';
import { writeFtm } from './ftm';
import { writeGexf } from './gexf';
import { writeGraphml } from './graphml';
import { writeHtmlReport } from './report';
import type { ExportBundle, ExportFile, ExportFormat } from './types';

/** One bundle → the files of one format (pure; writing happens in files.ts). */
const EXT: Record<Exclude<ExportFormat, 'csv'>, string> = { gexf: '.gexf', graphml: '.graphml', ftm: '.ftm.json', html: '.html' };

export function renderExport(bundle: ExportBundle, format: ExportFormat, baseName: string): ExportFile[] {
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
      return writeCsv(bundle, baseName ? `${baseName.replace(/\.csv$/i, '')}-` : '');
  }
}

function withExt(name: string, ext: string): string {
  return name.toLowerCase().endsWith(ext) || (ext === '.ftm.json' && /\.(jsonl|json)$/i.test(name)) ? name : name + ext;
}


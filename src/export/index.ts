import { todayIso } from '../model/dates';
import path from 'node:path';
import type { Db } from '../store/db';
import { defaultActor } from '../audit/log';
import { personNames } from '../store/casework';
import type { CsvDialect } from './csv';
import { fileStem, writeWithAudit, type WrittenFile } from './files';
import { pseudonymiseBundle, pseudonymKey, Pseudonymiser, asPersonId } from './pseudonymise';
import { renderExport } from './render';
import { resolveScope, type ExportScope } from './scope';
import { EXPORT_FORMATS, type ExportBundle, type ExportFormat } from './types';

export { ExportExistsError, ExportPathError, checkFileName } from './files';
export { ExportScopeError, type ExportScope } from './scope';
export { EXPORT_FORMATS, type ExportFormat } from './types';
export { CSV_DIALECTS, type CsvDialect } from './csv';
export { renderExport } from './render';

export interface ExportOptions {
  format: ExportFormat;
  scope: ExportScope;
  /** The folder the user chose. */
  outDir: string;
  /** File name (gexf/graphml/ftm/html) or name prefix (csv: `<base>nodes.csv` ...); default from the scope. */
  baseName?: string;
  pseudonymise?: boolean;
  overwrite?: boolean;
  actor?: string;
  /** CSV only: `excel` (Swedish Excel: `;`, decimal comma, digit ids kept as text; default) or `standard` (RFC 4180). */
  csvDialect?: CsvDialect;
}

export interface ExportResult {
  dir: string;
  files: WrittenFile[];
  nodes: number;
  edges: number;
  hits: number;
}

function defaultBase(scope: ExportScope): string {
  const date = todayIso();
  if ('subject' in scope) return `insyn-${fileStem(scope.subject)}-${date}`;
  if ('case' in scope) return `insyn-arende-${scope.case}-${date}`;
  if ('cluster' in scope) return `insyn-kluster-${fileStem(String(scope.cluster))}-${date}`;
  return `insyn-flaggat-${date}`;
}

/** Pseudonymises a bundle with this installation's key, registering names of persons named only in hits. */
export function pseudonymiseForExport(db: Db, bundle: ExportBundle): ExportBundle {
  const ps = new Pseudonymiser(pseudonymKey(db));
  const personIds = new Set<string>();
  for (const h of bundle.hits) for (const id of [h.subject_id, ...h.related_ids]) if (asPersonId(id)) personIds.add(id);
  for (const n of bundle.graph.nodes) if (n.kind === 'person') personIds.add(n.id);
  for (const [id, name] of personNames(db, [...personIds])) ps.addPerson(id, name);
  return pseudonymiseBundle(bundle, ps);
}

/**
 * Resolves the scope, renders the format, writes the files into `outDir` (never outside it, never
 * over an existing file unless `overwrite`) and appends an audit entry. Returns what was written.
 */
export function exportScope(db: Db, opts: ExportOptions): ExportResult {
  if (!(EXPORT_FORMATS as readonly string[]).includes(opts.format)) throw new RangeError(`Okänt exportformat: ${String(opts.format)}`);
  const base = opts.baseName ?? defaultBase(opts.scope);
  let bundle = resolveScope(db, opts.scope);
  if (opts.pseudonymise) bundle = pseudonymiseForExport(db, bundle);
  const files = renderExport(bundle, opts.format, base, { csvDialect: opts.csvDialect });
  // The entry and the files stand or fall together: no files without their entry (issue 13).
  const written = writeWithAudit(db, opts.outDir, files, opts.overwrite ?? false, {
    actor: opts.actor ?? defaultActor(),
    action: 'export',
    details: {
      format: opts.format,
      ...(opts.format === 'csv' ? { csvDialect: opts.csvDialect ?? 'excel' } : {}),
      scope: opts.scope,
      pseudonymised: opts.pseudonymise ?? false,
      dir: path.resolve(opts.outDir),
      files: files.map((f) => f.name),
      nodes: bundle.graph.nodes.length,
      edges: bundle.graph.edges.length,
      hits: bundle.hits.length,
      run: bundle.run?.id ?? null,
      auditHeadSeq: bundle.auditHead?.seq ?? null,
    },
  });
  return { dir: path.resolve(opts.outDir), files: written, nodes: bundle.graph.nodes.length, edges: bundle.graph.edges.length, hits: bundle.hits.length };
}

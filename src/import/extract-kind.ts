import fs from 'node:fs';
import path from 'node:path';
import { TABLE_NAMES, type TableName } from '../model/tables';
import type { ImportPlan } from './plan';
import { ImportError, type ImportOptions } from './types';

/**
 * Whether a dataset is a full or a partial extract, and of which source (issue 11, known time).
 *
 * A **partial** extract (the default, v1's behaviour) adds and updates rows; rows it does not
 * contain are untouched. A **full** extract of a table is the complete current list of that table
 * for its source: rows of the table last written by a dataset of the same source that it does not
 * contain are marked as no longer reported from this dataset on (never deleted; see
 * src/store/known.ts). The source is a free label; datasets without one share the unnamed source.
 *
 * Decided, first match wins:
 * 1. the import options (`insyn import --full [tables] | --partial --source NAME`, or the UI);
 * 2. a manifest `insyn-dataset.json` in the dataset's folder:
 *    `{ "source": "kommun-a", "full": true }` or `"full": ["placements", "payments"]`;
 * 3. detection: a dataset that is only Bolagsverket's bulk file (contract §6, every registered
 *    organisation) is a full extract of companies from source `bolagsverket`.
 */
export interface ExtractKind {
  source: string | null;
  isFull(table: TableName): boolean;
  /** The manifest file read, if any (not reported as a skipped file). */
  manifest: string | null;
}

export const MANIFEST = 'insyn-dataset.json';

interface Manifest { source?: string; full?: boolean | string[] }

function readManifest(plan: ImportPlan): Manifest | null {
  if (plan.single) return null;
  const file = path.join(plan.root, MANIFEST);
  if (!fs.existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ImportError('unreadable', `${MANIFEST} är inte giltig JSON: ${(err as Error).message}`, `${MANIFEST} is not valid JSON`, MANIFEST);
  }
  const m = json as Manifest;
  const fullOk = m.full === undefined || typeof m.full === 'boolean' || (Array.isArray(m.full) && m.full.every((t) => typeof t === 'string'));
  if (!json || typeof json !== 'object' || (m.source !== undefined && typeof m.source !== 'string') || !fullOk) {
    throw new ImportError('unreadable', `${MANIFEST}: förväntade { "source": "namn", "full": true | ["tabell", …] }`, `${MANIFEST}: expected { "source": "name", "full": true | ["table", …] }`, MANIFEST);
  }
  return m;
}

function fullSet(full: boolean | readonly string[], where: string): (t: TableName) => boolean {
  if (typeof full === 'boolean') return () => full;
  const known = new Set<string>(TABLE_NAMES);
  const bad = full.filter((t) => !known.has(t));
  if (bad.length) throw new ImportError('unknown_table', `${where}: okänd tabell ${bad.join(', ')}`, `${where}: unknown table ${bad.join(', ')}`);
  const set = new Set(full);
  return (t) => set.has(t);
}

const isBulk = (plan: ImportPlan): boolean => plan.files.length > 0 && plan.files.every((f) => f.format === 'bolagsverket' || f.format === 'bolagsverket.zip');

export function extractKind(plan: ImportPlan, opts: Pick<ImportOptions, 'full' | 'source'>): ExtractKind {
  const manifest = readManifest(plan);
  const manifestName = manifest ? MANIFEST : null;
  const label = (s: string | undefined): string | null => (s && s.trim() ? s.trim() : null);
  if (opts.full !== undefined) return { source: label(opts.source) ?? label(manifest?.source), isFull: fullSet(opts.full, '--full'), manifest: manifestName };
  if (manifest?.full !== undefined) return { source: label(opts.source) ?? label(manifest.source), isFull: fullSet(manifest.full, MANIFEST), manifest: manifestName };
  if (isBulk(plan)) return { source: label(opts.source) ?? label(manifest?.source) ?? 'bolagsverket', isFull: (t) => t === 'companies', manifest: manifestName };
  return { source: label(opts.source) ?? label(manifest?.source), isFull: () => false, manifest: manifestName };
}

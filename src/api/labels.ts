import type { Db } from '../store/db';
import { addressCity, datasetName, entityLabel, factProvenance, provenanceByFileLine, type EntityLabel } from '../store/workbench';
import type { EntityRef, Source, SubjectKind } from './contract';

/**
 * Names, kinds, municipalities and provenance for ids, memoised per store generation (the cache
 * is dropped after imports). Shared by the alert table, hit details, clusters and profiles.
 */
export class Labels {
  private readonly cache = new Map<string, EntityLabel | null>();
  private readonly datasets = new Map<number, string | null>();

  constructor(private readonly db: Db) {}

  clear(): void {
    this.cache.clear();
    this.datasets.clear();
  }

  lookup(id: string): EntityLabel | null {
    if (!this.cache.has(id)) this.cache.set(id, entityLabel(this.db, id));
    return this.cache.get(id) ?? null;
  }

  /** Display label; an address key `STREET|POSTAL` reads as `STREET, POSTAL`. */
  label(id: string, kind?: string): string {
    if (kind === 'address' || (!kind && id.includes('|'))) return id.replace('|', ', ');
    return this.lookup(id)?.label ?? id;
  }

  kindOf(id: string, hint?: string): SubjectKind {
    if (hint && ['company', 'person', 'licence', 'foster_home', 'address'].includes(hint)) return hint as SubjectKind;
    const l = this.lookup(id);
    if (l) return l.kind;
    if (id.includes('|')) return 'address';
    if (/^\d{12}$/.test(id) || id.startsWith('ext:')) return 'person';
    return 'company';
  }

  ref(id: string, kind?: string): EntityRef {
    const k = this.kindOf(id, kind);
    return { id, kind: k, label: this.label(id, k) };
  }

  municipality(id: string, kind: string): string | null {
    if (kind === 'address') {
      const key = `addr:${id}`;
      if (!this.cache.has(key)) {
        const city = addressCity(this.db, id);
        this.cache.set(key, city ? { id, kind: 'company', label: null, municipality: city, detail: null } : null);
      }
      return this.cache.get(key)?.municipality ?? null;
    }
    return this.lookup(id)?.municipality ?? null;
  }

  datasetName(id: number): string | null {
    if (!this.datasets.has(id)) this.datasets.set(id, datasetName(this.db, id));
    return this.datasets.get(id) ?? null;
  }

  /** A Source from a stored provenance object (as getEntity returns it). */
  source(p: { dataset_id?: unknown; file?: unknown; line?: unknown; imported_at?: unknown } | null | undefined): Source | null {
    if (!p || typeof p.file !== 'string') return null;
    const datasetId = typeof p.dataset_id === 'number' ? p.dataset_id : null;
    return {
      datasetId,
      datasetName: datasetId !== null ? this.datasetName(datasetId) : null,
      file: p.file,
      line: typeof p.line === 'number' ? p.line : null,
      importedAt: typeof p.imported_at === 'string' ? p.imported_at : null,
    };
  }

  /** Resolves evidence's `fact` (table + key) or its `file:line` text to a stored fact's provenance. */
  evidenceSource(sourceText: string, fact: { table: string; key: string } | null): Source | null {
    const row = fact ? factProvenance(this.db, fact.table, fact.key) : null;
    if (row) return { datasetId: row.dataset_id, datasetName: row.dataset_name, file: row.src_file, line: row.src_line, importedAt: row.imported_at };
    const m = /^(.*):(\d+)$/.exec(sourceText.trim());
    if (!m) return null;
    const byLine = provenanceByFileLine(this.db, m[1]!, Number(m[2]));
    if (byLine) return { datasetId: byLine.dataset_id, datasetName: byLine.dataset_name, file: byLine.src_file, line: byLine.src_line, importedAt: byLine.imported_at };
    return { datasetId: null, datasetName: null, file: m[1]!, line: Number(m[2]), importedAt: null };
  }
}

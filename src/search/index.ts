import MiniSearch from 'minisearch';
import type { Db } from '../store/db';
import { entityLabel, searchCorpusPage, searchFingerprint, type SearchDocRow } from '../store/workbench';
import { idCandidates, tokenize } from './normalise';

/**
 * Global search (issue 5.7): by name (fuzzy + prefix, diacritics-insensitive) over companies,
 * persons, licence units and foster homes, and by personnummer / org_nr in any accepted form.
 * The index is built lazily on first use and rebuilt when the searchable tables change.
 */

export interface SearchHit {
  id: string;
  kind: SearchDocRow['kind'];
  label: string;
  detail: string | null;
  matchedBy: 'id' | 'name';
  score: number;
}

interface Doc extends SearchDocRow {
  key: string;
}

export class SearchIndex {
  private readonly mini = new MiniSearch<Doc>({
    idField: 'key',
    fields: ['name'],
    storeFields: ['id', 'kind', 'name', 'detail'],
    // tokenize() already folds (NFD, marks removed, lower case), so terms need no further processing.
    tokenize,
    processTerm: (t) => t,
    searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND', tokenize, processTerm: (t) => t },
  });
  /** Exact ids (lower-cased) → documents, for id lookups without the fuzzy index. */
  private readonly byId = new Map<string, Doc[]>();

  constructor(docs: Iterable<SearchDocRow> = []) {
    this.add(docs);
  }

  add(docs: Iterable<SearchDocRow>): void {
    const batch: Doc[] = [];
    for (const d of docs) {
      const doc: Doc = { id: d.id, kind: d.kind, name: d.name, detail: d.detail, key: `${d.kind}:${d.id}` };
      const k = d.id.toLowerCase();
      const list = this.byId.get(k);
      if (list) {
        if (list.some((x) => x.key === doc.key)) continue; // same entity twice (history rows)
        list.push(doc);
      } else this.byId.set(k, [doc]);
      if (d.name) batch.push(doc);
    }
    this.mini.addAll(batch);
  }

  get size(): number {
    return this.byId.size;
  }

  search(q: string, limit = 20): SearchHit[] {
    const query = q.trim();
    if (!query) return [];
    const out: SearchHit[] = [];
    const seen = new Set<string>();
    const push = (d: Pick<Doc, 'id' | 'kind' | 'name' | 'detail'>, matchedBy: SearchHit['matchedBy'], score: number) => {
      const key = `${d.kind}:${d.id}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ id: d.id, kind: d.kind, label: d.name ?? d.id, detail: d.detail, matchedBy, score });
    };
    for (const id of [...idCandidates(query), query.toLowerCase()]) {
      for (const d of this.byId.get(id.toLowerCase()) ?? []) push(d, 'id', 1000);
    }
    for (const r of this.mini.search(query).slice(0, limit * 2)) {
      push({ id: r.id as string, kind: r.kind as Doc['kind'], name: r.name as string, detail: (r.detail as string | null) ?? null }, 'name', r.score);
    }
    return out.slice(0, limit);
  }
}

/**
 * A search index over a store that rebuilds itself after imports. The build reads the corpus in
 * pages and yields to the event loop between them, so a large store does not freeze the server
 * that shares this thread; searches during a build wait for it.
 */
export class GlobalSearch {
  private index: SearchIndex | null = null;
  private building: Promise<SearchIndex> | null = null;
  private fingerprint = '';

  constructor(
    private readonly db: Db,
    private readonly pageSize = 5000,
  ) {}

  /** Drops the index; the next search rebuilds it (called after an import). */
  invalidate(): void {
    this.index = null;
    this.building = null;
  }

  /** Starts building in the background (after start-up or an import). */
  warm(): Promise<void> {
    return this.current().then(() => undefined);
  }

  private current(): Promise<SearchIndex> {
    const fp = searchFingerprint(this.db);
    if (this.index && fp === this.fingerprint) return Promise.resolve(this.index);
    if (this.building && fp === this.fingerprint) return this.building;
    this.fingerprint = fp;
    const build = this.build().then((idx) => {
      if (this.building === build) {
        this.index = idx;
        this.building = null;
      }
      return idx;
    });
    this.building = build;
    return build;
  }

  private async build(): Promise<SearchIndex> {
    const idx = new SearchIndex();
    let cursor: [number, number] | null = [0, 0];
    while (cursor) {
      const page = searchCorpusPage(this.db, cursor, this.pageSize);
      idx.add(page.rows);
      cursor = page.next;
      if (cursor) await new Promise((r) => setImmediate(r));
    }
    return idx;
  }

  /**
   * Ids (org_nr / personnummer in any form, licence and home ids) are looked up in the store
   * directly, so they work at once; the name index is built on the first name query.
   */
  async search(q: string, limit = 20): Promise<SearchHit[]> {
    const query = q.trim();
    if (!query) return [];
    const byId: SearchHit[] = [];
    for (const id of new Set([...idCandidates(query), query])) {
      const e = entityLabel(this.db, id);
      if (e) byId.push({ id: e.id, kind: e.kind, label: e.label ?? e.id, detail: e.detail, matchedBy: 'id', score: 1000 });
    }
    if (byId.length > 0 && idCandidates(query).length > 0) return byId.slice(0, limit);
    const seen = new Set(byId.map((h) => `${h.kind}:${h.id}`));
    const names = (await this.current()).search(query, limit);
    return [...byId, ...names.filter((h) => !seen.has(`${h.kind}:${h.id}`))].slice(0, limit);
  }
}

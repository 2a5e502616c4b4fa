import { createHash } from 'node:crypto';
import { TABLE_NAMES } from '../../src/model/tables';
import type { Db } from '../../src/store/db';
import { tableCounts } from '../../src/store/facts';

/** Counts and a hash of every row of the import's tables: equal ⇔ the store's content is equal. */
export function storeFingerprint(db: Db): { counts: Record<string, number>; hash: string } {
  const h = createHash('sha256');
  for (const t of [...TABLE_NAMES, 'datasets', 'quarantine', 'fact_history']) {
    for (const r of db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).raw(true).iterate()) h.update(JSON.stringify(r));
  }
  return { counts: tableCounts(db), hash: h.digest('hex') };
}

import fs from 'node:fs';
import { createHmac } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db';
import { appendAudit, listAudit } from '../../src/audit/log';
import { exportAuditLog } from '../../src/audit/export';
import { canonicalJson } from '../../src/audit/canonical';
import { tmpDir } from '../support/fixtures';

describe('audit log export', () => {
  it('writes every entry with its hashes so the chain can be re-checked outside Insyn', () => {
    const db = openDb(':memory:');
    appendAudit(db, { actor: 'u', action: 'search', details: { q: 'Söderberg, "AB"' } });
    appendAudit(db, { actor: 'u', action: 'status_change', details: { hitKeys: ['a|b'], status: 'avskriven', reason: 'rad1\nrad2' } });
    const dir = tmpDir();
    const r = exportAuditLog(db, { outDir: dir, fileName: 'logg.csv', actor: 'u' });
    expect(r).toMatchObject({ rows: 2, verified: true });
    const rows = parse(fs.readFileSync(r.file.path, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    // Re-checked from the key file alone, as an auditor outside Insyn would.
    const secret = Buffer.from(fs.readFileSync(process.env.INSYN_AUDIT_KEY!, 'utf8').trim(), 'hex');
    let prev = '0'.repeat(64);
    for (const row of rows) {
      expect(row.prev_hash).toBe(prev);
      expect(row.key_id).toMatch(/^[0-9a-f]{16}$/);
      const content = canonicalJson({ seq: Number(row.seq), at: row.at, actor: row.actor, action: row.action, details: JSON.parse(row.details!), key_id: row.key_id });
      expect(createHmac('sha256', secret).update(prev).update(content).digest('hex')).toBe(row.hash);
      prev = row.hash!;
    }
    // The export itself is logged.
    expect(listAudit(db).entries.at(-1)).toMatchObject({ action: 'export', details: { format: 'audit-csv', rows: 2 } });
    expect(() => exportAuditLog(db, { outDir: dir, fileName: 'logg.csv' })).toThrow(/finns redan/);
  });
});

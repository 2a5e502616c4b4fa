import fs from 'node:fs';
import path from 'node:path';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db';
import { importPath } from '../../src/import/importer';
import { runAnalysis } from '../../src/analysis/run';
import { listClusters } from '../../src/analysis/queries';
import { createCase } from '../../src/cases/cases';
import { exportScope, ExportExistsError, ExportPathError, ExportScopeError } from '../../src/export/index';
import { appendAudit, auditHead, listAudit, verifyAudit } from '../../src/audit/log';
import { groupedHash, parseReceipt } from '../../src/audit/receipt';
import { Pseudonymiser, pseudonymKey } from '../../src/export/pseudonymise';
import { tmpDir, writeDataset } from '../support/fixtures';
import { C1, C2, P1, P2, revokedWorld } from '../cases/world';
import { personnummerIn } from './scan';

async function store() {
  const db = openDb(':memory:');
  await importPath(db, writeDataset(tmpDir(), revokedWorld()));
  runAnalysis(db, { asOf: '2025-06-01' });
  return db;
}

const FORMATS = ['gexf', 'graphml', 'csv', 'ftm', 'html'] as const;

describe('exportScope', () => {
  it("exports a subject's network in every format, with its hits, and audit-logs each export", async () => {
    const db = await store();
    const dir = tmpDir();
    for (const format of FORMATS) {
      const r = exportScope(db, { format, scope: { subject: P1 }, outDir: dir, baseName: 'natverk', actor: 'utredare' });
      expect(r.files.length).toBe(format === 'csv' ? 4 : 1);
      for (const f of r.files) expect(path.dirname(f.path)).toBe(path.resolve(dir));
      expect(r.nodes).toBeGreaterThanOrEqual(5);
      expect(r.hits).toBeGreaterThanOrEqual(1);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['natverk-edges.csv', 'natverk-export.csv', 'natverk-hits.csv', 'natverk-nodes.csv', 'natverk.ftm.json', 'natverk.gexf', 'natverk.graphml', 'natverk.html']);
    const g1 = gexf.parse(Graph, fs.readFileSync(path.join(dir, 'natverk.gexf'), 'utf8'));
    const g2 = graphml.parse(Graph, fs.readFileSync(path.join(dir, 'natverk.graphml'), 'utf8'));
    expect(g1.order).toBe(g2.order);
    expect(g1.size).toBe(g2.size);
    expect(g1.hasNode(P1) && g1.hasNode(C1) && g1.hasNode(C2)).toBe(true);
    // History is kept: the ended board role carries its period.
    expect(fs.readFileSync(path.join(dir, 'natverk.gexf'), 'utf8')).toMatch(/start="2019-01-01" end="2023-06-30"/);
    expect(fs.readFileSync(path.join(dir, 'natverk-hits.csv'), 'utf8')).toContain('revoked-network');
    const exports = listAudit(db).entries.filter((e) => e.action === 'export');
    expect(exports.map((e) => e.details.format)).toEqual([...FORMATS]);
    expect(exports[2]!.details.files).toEqual(['natverk-nodes.csv', 'natverk-edges.csv', 'natverk-hits.csv', 'natverk-export.csv']);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('every format states the audit head it was made at; an auditor can check it like a receipt', async () => {
    const db = await store();
    appendAudit(db, { actor: 'utredare', action: 'search', details: { q: 'före exporten' } });
    const dir = tmpDir();
    const heads: number[] = [];
    for (const format of FORMATS) {
      const before = auditHead(db)!;
      heads.push(before.seq);
      const r = exportScope(db, { format, scope: { subject: P1 }, outDir: dir, baseName: 'h', actor: 'utredare' });
      const text = r.files.map((f) => fs.readFileSync(f.path, 'utf8')).join('\n');
      const grouped = groupedHash(before.hash);
      expect(text, format).toContain(grouped);
      expect(text, format).toMatch(new RegExp(`nr ${before.seq}\\b|audit_head_seq[^\\n]*${before.seq}|>${before.seq}<`));
      // The export's own entry comes right after the head it states.
      expect(auditHead(db)!.seq).toBe(before.seq + 1);
      expect(listAudit(db).entries.at(-1)).toMatchObject({ action: 'export', details: { format, auditHeadSeq: before.seq } });
    }
    expect(heads).toEqual(heads.map((_, i) => heads[0]! + i));
    // The GraphML head is graph data a tool can read; the CSV head is a key/value row.
    const gm = graphml.parse(Graph, fs.readFileSync(path.join(dir, 'h.graphml'), 'utf8'));
    expect(gm.getAttribute('audit_head_seq')).toBe(heads[1]);
    const facts = fs.readFileSync(path.join(dir, 'h-export.csv'), 'utf8');
    expect(facts).toMatch(new RegExp(`audit_head_seq;${heads[2]}\\r\\n`));
    // Read back from the HTML report, the head verifies as a receipt now and fails once the log is cut.
    const html = fs.readFileSync(path.join(dir, 'h.html'), 'utf8');
    const m = /post nr (\d+), (\S+ \S+) UTC, kontrollsumma ([0-9a-f ]{71})/.exec(html)!;
    const receipt = parseReceipt(JSON.stringify({ format: 'insyn-audit-receipt', seq: Number(m[1]), hash: m[3], at: m[2] }));
    expect(verifyAudit(db, { receipt }).ok).toBe(true);
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(receipt.seq);
    expect(verifyAudit(db, { receipt }).ok).toBe(false);
  });

  it('an export whose audit entry cannot be written writes no file', async () => {
    const db = await store();
    const dir = tmpDir();
    // A trigger stands in for any failure to write the entry (locked store, full disk).
    db.exec("CREATE TRIGGER fail_export BEFORE INSERT ON audit_log WHEN NEW.action = 'export' BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    expect(() => exportScope(db, { format: 'html', scope: { subject: P1 }, outDir: dir, baseName: 'x' })).toThrow(/disk full/);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(listAudit(db).entries.filter((e) => e.action === 'export')).toEqual([]);
  });

  it('pseudonymised: no personnummer or names in any file, one pseudonym per person across files', async () => {
    const db = await store();
    const dir = tmpDir();
    for (const format of FORMATS) exportScope(db, { format, scope: { subject: P1 }, outDir: dir, pseudonymise: true });
    const ps = new Pseudonymiser(pseudonymKey(db));
    const files = fs.readdirSync(dir).map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
    for (const f of files) {
      expect(personnummerIn(f.text), f.name).toEqual([]);
      for (const secret of ['Erik Lindqvist', 'Anna Bergström', P1, P2, P1.slice(2)]) expect(f.text.includes(secret), `${f.name}: ${secret}`).toBe(false);
    }
    const pseudoP1 = ps.personId(P1);
    const byName = Object.fromEntries(files.map((f) => [f.name.replace(/^insyn-.*?-\d{4}-\d{2}-\d{2}/, ''), f.text]));
    for (const key of ['.gexf', '.graphml', '-nodes.csv', '-edges.csv', '-hits.csv', '.html']) expect(byName[key], key).toContain(pseudoP1);
    // Exactly one pseudonym appears for P1's node in each graph file: the same one.
    const gexfIds = gexf.parse(Graph, byName['.gexf']!).nodes().filter((n) => n.startsWith('ext:ps-'));
    const graphmlIds = graphml.parse(Graph, byName['.graphml']!).nodes().filter((n) => n.startsWith('ext:ps-'));
    expect(gexfIds.sort()).toEqual(graphmlIds.sort());
    expect(gexfIds).toContain(pseudoP1);
    // The key itself never leaves the database.
    const key = pseudonymKey(db).toString('hex');
    for (const f of files) expect(f.text.includes(key)).toBe(false);
  });

  it('refuses to overwrite without the flag, and to write outside the folder', async () => {
    const db = await store();
    const dir = tmpDir();
    exportScope(db, { format: 'gexf', scope: { subject: P1 }, outDir: dir, baseName: 'x' });
    expect(() => exportScope(db, { format: 'gexf', scope: { subject: P1 }, outDir: dir, baseName: 'x' })).toThrow(ExportExistsError);
    expect(exportScope(db, { format: 'gexf', scope: { subject: P1 }, outDir: dir, baseName: 'x', overwrite: true }).files).toHaveLength(1);
    expect(() => exportScope(db, { format: 'html', scope: { subject: P1 }, outDir: dir, baseName: '../x' })).toThrow(ExportPathError);
    expect(() => exportScope(db, { format: 'html', scope: { subject: P1 }, outDir: dir, baseName: '/tmp/abs' })).toThrow(ExportPathError);
    expect(listAudit(db).entries.filter((e) => e.action === 'export')).toHaveLength(2);
  });

  it('exports a case, a cluster and the whole flagged network', async () => {
    const db = await store();
    const dir = tmpDir();
    const caseId = createCase(db, { name: 'Solgläntan', entities: [{ id: C1, kind: 'company' }] }, 'u');
    const c = exportScope(db, { format: 'html', scope: { case: caseId }, outDir: dir, baseName: 'arende' });
    const html = fs.readFileSync(c.files[0]!.path, 'utf8');
    expect(html).toContain('Ärende: Solgläntan');
    expect(c.nodes).toBeGreaterThan(1);
    const clusters = listClusters(db);
    expect(clusters.length).toBeGreaterThan(0);
    const k = exportScope(db, { format: 'ftm', scope: { cluster: clusters[0]!.rank }, outDir: dir, baseName: 'kluster' });
    expect(k.nodes).toBeGreaterThan(1);
    const all = exportScope(db, { format: 'csv', scope: { flagged: true }, outDir: dir, baseName: 'alla' });
    expect(all.hits).toBeGreaterThan(0);
    expect(() => exportScope(db, { format: 'gexf', scope: { subject: '5566778899' }, outDir: dir })).toThrow(ExportScopeError);
    expect(() => exportScope(db, { format: 'gexf', scope: { case: 999 }, outDir: dir })).toThrow(/finns inte/);
  });
});

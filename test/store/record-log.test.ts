import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPath } from '../../src/import/importer';
import { openStoreReader, UnchangedRows } from '../../src/import/unchanged';
import { TABLE_NAMES, type TableName } from '../../src/model/tables';
import { openDb, type Db } from '../../src/store/db';
import { insertDataset } from '../../src/store/facts';
import { logIsCurrent, RecordLog } from '../../src/store/record-log';
import { orgNr, personId, tmpDir, writeDataset } from '../support/fixtures';

/**
 * The record log (src/store/record-log.ts): what a re-import reads instead of the tables. Whatever
 * happened to the store, the rows it gives must be exactly those a scan of the table gives, or it
 * must not be used at all.
 */

type Tables = Parameters<typeof writeDataset>[1];
const A = orgNr('556036079');
const B = orgNr('556677889');
const C = orgNr('559012345');
const P = personId('19811218', '987');
const Q = personId('19750614', '010');
const role = (org: string, holder: string, share: string) => ({ org_nr: org, holder_id: holder, role: 'board_member', share_pct: share, from: '2020-01-01' });

/** Per table: the current rows from the log, from a scan, and whether the log was trusted. */
function views(file: string): Map<TableName, { log: number[][]; scan: number[][]; current: boolean }> {
  const db = openStoreReader(file);
  const out = new Map<TableName, { log: number[][]; scan: number[][]; current: boolean }>();
  for (const t of TABLE_NAMES) {
    const log = UnchangedRows.load(db, t)?.entries() ?? [];
    const scan = UnchangedRows.load(db, t, { fromLog: false })?.entries() ?? [];
    if (log.length || scan.length) out.set(t, { log, scan, current: logIsCurrent(db, t) });
  }
  db.close();
  return out;
}

function expectLogsMatch(file: string): void {
  for (const [t, v] of views(file)) {
    expect(v.current, `${t}: log trusted`).toBe(true);
    expect(v.log, `${t}: log = scan`).toEqual(v.scan);
  }
}

const segments = (db: Db, table: TableName): number => db.prepare('SELECT count(*) FROM record_log WHERE table_name = ?').pluck().get(table) as number;

describe('record log', () => {
  it('after each import of a sequence (first load, changes, new rows, a full extract ending rows, repeated event keys) it gives the current rows a scan gives', async () => {
    const file = path.join(tmpDir(), 'store.sqlite');
    const db = openDb(file);
    const sequence: { tables: Tables; full?: boolean }[] = [
      { tables: { companies: [{ org_nr: A, name: 'Ett AB' }, { org_nr: B, name: 'Två AB' }], persons: [{ person_id: P, name: 'Erik' }], roles: [role(A, P, '10'), role(A, P, '20'), role(B, P, '5')] } },
      // B renamed, C new, a third occurrence of A/P and a changed second one.
      { tables: { companies: [{ org_nr: A, name: 'Ett AB' }, { org_nr: B, name: 'Två Nya AB' }, { org_nr: C, name: 'Tre AB' }], roles: [role(A, P, '10'), role(A, P, '25'), role(A, P, '30'), role(B, P, '5')] } },
      // A full extract without A, and with roles of B only: the rest ends.
      { tables: { companies: [{ org_nr: B, name: 'Två Nya AB' }, { org_nr: C, name: 'Tre AB' }], persons: [{ person_id: P, name: 'Erik' }, { person_id: Q, name: 'Sara' }], roles: [role(B, P, '5'), role(B, Q, '7')] }, full: true },
      // A is reported again (its ended version reopens), B's role repeated.
      { tables: { companies: [{ org_nr: A, name: 'Ett AB' }, { org_nr: B, name: 'Två Nya AB' }, { org_nr: C, name: 'Tre AB' }], roles: [role(B, P, '5'), role(B, P, '5'), role(B, Q, '7')] } },
    ];
    for (const { tables, full } of sequence) {
      await importPath(db, writeDataset(tmpDir(), tables), { full });
      expectLogsMatch(file);
    }
    // The third import did end rows: the log had entries to drop.
    expect(db.prepare('SELECT count(*) FROM fact_history WHERE ended = 1').pluck().get()).toBeGreaterThan(0);
    // Imports that changed nothing in a table leave one empty segment at most (the newest stamp).
    await importPath(db, writeDataset(tmpDir(), { ...sequence[3]!.tables, sanctions: [] }));
    await importPath(db, writeDataset(tmpDir(), { ...sequence[3]!.tables, licences: [] }));
    expectLogsMatch(file);
    expect(db.prepare('SELECT max(n) FROM (SELECT count(*) AS n FROM record_log WHERE length(data) = 0 GROUP BY table_name)').pluck().get()).toBe(1);
    db.close();
  });

  it('another writer changes a record hash or adds a row: the log is not trusted (the table is read), and the next import logs the table anew', async () => {
    const file = path.join(tmpDir(), 'store.sqlite');
    const db = openDb(file);
    const tables: Tables = { companies: [{ org_nr: A, name: 'Ett AB' }, { org_nr: B, name: 'Två AB' }] };
    await importPath(db, writeDataset(tmpDir(), tables));
    expectLogsMatch(file);

    db.prepare("UPDATE companies SET name = 'Ändrat AB', line_hash = NULL WHERE org_nr = ?").run(A);
    let v = views(file).get('companies')!;
    expect(v.current).toBe(false);
    // Read from the table: A is no longer a stored record.
    expect(v.log).toEqual(v.scan);
    expect(v.scan).toHaveLength(1);

    await importPath(db, writeDataset(tmpDir(), { companies: [...tables.companies!, { org_nr: C, name: 'Tre AB' }] }));
    expectLogsMatch(file);

    db.prepare("INSERT INTO companies (key, org_nr, name, dataset_id, src_file, src_line, imported_at, line_hash) VALUES ('[\"x\"]', 'x', 'X', 1, 'x.csv', 2, 't', 12345)").run();
    v = views(file).get('companies')!;
    expect(v.current).toBe(false);
    expect(v.log).toEqual(v.scan);
    expect(v.scan.some((e) => e[0] === 12345)).toBe(true);

    // A table whose changes no guard counts is never trusted.
    await importPath(db, writeDataset(tmpDir(), { companies: [{ org_nr: A, name: 'Ett AB' }] }));
    expect(views(file).get('companies')!.current).toBe(true);
    db.prepare("DELETE FROM record_log_guard WHERE table_name = 'companies'").run();
    expect(views(file).get('companies')!.current).toBe(false);
    // …not even right after an import has logged it anew.
    await importPath(db, writeDataset(tmpDir(), { companies: [{ org_nr: B, name: 'Två AB' }] }));
    v = views(file).get('companies')!;
    expect([v.current, v.log]).toEqual([false, v.scan]);
    db.close();
  });

  it('a store from before the log: the first import that reads a table logs it from its rows', async () => {
    const file = path.join(tmpDir(), 'store.sqlite');
    const db = openDb(file);
    await importPath(db, writeDataset(tmpDir(), { companies: [{ org_nr: A, name: 'Ett AB' }], roles: [role(A, P, '10'), role(A, P, '20')] }));
    db.exec('DELETE FROM record_log');
    expect(views(file).get('roles')!.current).toBe(false);
    // Nothing in roles changes, yet it is logged: it was read.
    await importPath(db, writeDataset(tmpDir(), { companies: [{ org_nr: A, name: 'Ett Nya AB' }], roles: [role(A, P, '10'), role(A, P, '20')] }));
    expectLogsMatch(file);
    expect(views(file).get('roles')!.log).toHaveLength(2);
    db.close();
  });

  it('segments are read newest first, and a row written twice within one segment counts its last entry', () => {
    const file = path.join(tmpDir(), 'store.sqlite');
    const db = openDb(file);
    const ds = insertDataset(db, { name: 'd', source_path: '/d', content_hash: 'h', imported_at: 't' });
    const insert = db.prepare("INSERT INTO roles (key, dataset_id, src_file, src_line, imported_at) VALUES (?, ?, 'r.csv', 2, 't')");
    for (let i = 1; i <= 4; i++) insert.run(`k${i}`, ds);
    const log = new RecordLog(db, 'roles', ds, true, 2);
    // Segments of two entries: [1→100, 2→200] [3→300, 1→101] [2→0 (ended), 1→102] [4→400].
    log.add(1, 100, 7, 1);
    log.add(2, 200, 8, 1);
    log.add(3, 300, 9, 2);
    log.add(1, 101, 7, 1);
    log.add(2, 0);
    log.add(1, 102, 7, 3);
    log.add(4, 400, 10, 1);
    log.close();
    expect(segments(db, 'roles')).toBe(4);
    const reader = openStoreReader(file);
    expect(logIsCurrent(reader, 'roles')).toBe(true);
    // Key hashes stored with an occurrence past 1 are marked shared (negated; see UnchangedRows.markShared).
    expect(UnchangedRows.load(reader, 'roles')!.entries()).toEqual([[102, 1, -7, 3], [300, 3, -9, 2], [400, 4, 10, 1]]);
    reader.close();
    db.close();
  });

  it('a log that does not match its table (a cut segment, a row id past the last) is passed over for a scan of the table', async () => {
    const file = path.join(tmpDir(), 'store.sqlite');
    const db = openDb(file);
    await importPath(db, writeDataset(tmpDir(), { companies: [{ org_nr: A, name: 'Ett AB' }, { org_nr: B, name: 'Två AB' }] }));
    const scan = views(file).get('companies')!.scan;
    expect(scan).toHaveLength(2);
    // Both kinds of damage keep the guard count and last row id, so the log is still trusted.
    db.prepare("UPDATE record_log SET data = substr(data, 1, 20) WHERE table_name = 'companies'").run();
    let v = views(file).get('companies')!;
    expect([v.current, v.log]).toEqual([true, scan]);
    const entry = new Uint8Array(14);
    new DataView(entry.buffer).setUint32(10, 99);
    db.prepare("UPDATE record_log SET data = ? WHERE table_name = 'companies'").run(entry);
    v = views(file).get('companies')!;
    expect([v.current, v.log]).toEqual([true, scan]);
    db.close();
  });

  it('a log that every import rewrote in full is rebuilt from the table once it outgrows it', async () => {
    const file = path.join(tmpDir(), 'store.sqlite');
    const db = openDb(file);
    const companies = (round: number) => Array.from({ length: 600 }, (_, i) => ({ org_nr: orgNr(String(556000000 + i * 7)), name: `Bolag ${i} v${round}` }));
    const entries = (): number => (db.prepare("SELECT sum(length(data)) FROM record_log WHERE table_name = 'companies'").pluck().get() as number) / 14;
    const seen: number[] = [];
    for (let round = 1; round <= 4; round++) {
      await importPath(db, writeDataset(tmpDir(), { companies: companies(round) }));
      seen.push(entries());
      expectLogsMatch(file);
    }
    // 600 a round until 2 × 600 + 1024 is passed, then one entry a row again.
    expect(seen).toEqual([600, 1200, 1800, 600]);
    expect(segments(db, 'companies')).toBe(1);
    db.close();
  });
});

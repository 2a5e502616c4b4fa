import fs from 'node:fs';
import path from 'node:path';
import { luhnCheckDigit } from '../../src/ids/luhn';
import type { TableName } from '../../src/model/tables';
import { openDb, type Db } from '../../src/store/db';
import { FactWriter, factColumns, insertDataset } from '../../src/store/facts';

/** A valid 10-digit org_nr from a 9-digit payload. */
export const orgNr = (payload9: string): string => payload9 + luhnCheckDigit(payload9);
/** A valid 12-digit personnummer from YYYYMMDD + 3 digits. */
export const personId = (date8: string, nnn: string): string => date8 + nnn + luhnCheckDigit(date8.slice(2) + nnn);

export type SeedRows = Partial<Record<TableName, Record<string, unknown>[]>>;

/** Writes rows into a store through the importer's own writer, as one dataset. */
export function seed(db: Db, rows: SeedRows, name = 'test'): number {
  const datasetId = insertDataset(db, { name, source_path: `/tmp/${name}`, content_hash: `${name}-${Date.now()}-${Math.random()}`, imported_at: new Date().toISOString() });
  const w = new FactWriter(db, datasetId, new Date().toISOString());
  db.transaction(() => {
    for (const [table, list] of Object.entries(rows) as [TableName, Record<string, unknown>[]][]) {
      list.forEach((r, i) => {
        const values = factColumns(table).map((c) => r[c] ?? null);
        w.upsert(table, JSON.stringify(Object.values(r).slice(0, 2)), values, `${table}.csv`, i + 2);
      });
    }
  })();
  return datasetId;
}

export function memoryStore(rows?: SeedRows): Db {
  const db = openDb(':memory:');
  if (rows) seed(db, rows);
  return db;
}

/** Writes a dataset folder (one CSV per table) from row objects; the header is the union of keys. */
export function writeDataset(dir: string, tables: Record<string, Record<string, string | number | null>[]>): string {
  fs.mkdirSync(dir, { recursive: true });
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  for (const [table, rows] of Object.entries(tables)) {
    const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const lines = [header.join(','), ...rows.map((r) => header.map((h) => cell(r[h])).join(','))];
    fs.writeFileSync(path.join(dir, `${table}.csv`), lines.join('\n') + '\n');
  }
  return dir;
}

/**
 * A small world with one planted revoked-network case: a person who sat on the boards of two
 * companies whose licences were revoked, and now chairs a third company holding a licence.
 * One roles row has a bad org_nr (quarantined).
 */
export function revokedNetworkWorld(dir: string, names: { person?: string; company?: string } = {}) {
  const a = orgNr('559000001'), b = orgNr('559000002'), c = orgNr('559000003');
  const p = personId('19700101', '111');
  const q = personId('19820202', '222');
  writeDataset(dir, {
    companies: [
      { org_nr: a, name: 'Omsorg Alfa AB', city: 'Västerås' },
      { org_nr: b, name: 'Omsorg Beta AB', city: 'Västerås' },
      { org_nr: c, name: names.company ?? 'Nya Omsorg <b>Gamma</b> AB', city: 'Eskilstuna' },
    ],
    persons: [
      { person_id: p, name: names.person ?? 'Karin Östlund', city: 'Västerås' },
      { person_id: q, name: 'Per Sandberg', city: 'Eskilstuna' },
    ],
    roles: [
      { org_nr: a, holder_id: p, role: 'board_member', from: '2018-01-01', to: '2022-06-30' },
      { org_nr: b, holder_id: p, role: 'ceo', from: '2019-01-01', to: '2023-03-01' },
      { org_nr: c, holder_id: p, role: 'chair', from: '2023-05-01', to: '' },
      { org_nr: c, holder_id: q, role: 'board_member', from: '2023-05-01', to: '' },
      { org_nr: '123456-7890', holder_id: q, role: 'board_member', from: '2020-01-01', to: '' },
    ],
    licences: [
      { licence_id: 'L-A', org_nr: a, kind: 'hvb_children', status: 'revoked', unit_name: 'Alfagården', granted_on: '2017-01-01', status_on: '2022-05-01' },
      { licence_id: 'L-B', org_nr: b, kind: 'hvb_children', status: 'revoked', unit_name: 'Betagården', granted_on: '2018-01-01', status_on: '2023-01-15' },
      { licence_id: 'L-C', org_nr: c, kind: 'hvb_children', status: 'granted', unit_name: 'Gammagården', granted_on: '2023-09-01', status_on: '2023-09-01' },
    ],
  });
  return { a, b, c, p, q, dir };
}

import fs from 'node:fs';
import { expect } from 'vitest';
import { importPath } from '../../src/import/importer';
import { contractJson, runAnalysis } from '../../src/analysis/run';
import { openDb } from '../../src/store/db';
import { tmpDir, writeDataset, orgNr, personId, type FixtureTables } from '../support/fixtures';

/**
 * Black-box harness for the independent signal review: a contract-format dataset written as CSV,
 * imported through the real importer into a fresh SQLite store, analysed, and read back as the
 * contract §5 `analyze --json` object. Nothing here reaches into signal internals.
 */
export type ContractHit = { signal: string; subject_kind: string; subject_id: string; related_ids: string[]; severity: number; evidence: { text: string; source: string }[] };
export type ContractOut = { as_of: string; coverage: Record<string, { evaluable: boolean; reason?: string }>; hits: ContractHit[]; scores: unknown[] };

export async function analyse(tables: FixtureTables, asOf: string, params?: Record<string, unknown>): Promise<ContractOut> {
  const dir = tmpDir('insyn-review-');
  try {
    writeDataset(dir, tables);
    const db = openDb(':memory:');
    try {
      const imported = await importPath(db, dir);
      // A review dataset must import cleanly, or the test would judge the importer, not the signal.
      expect(imported.quarantine, JSON.stringify(imported.quarantine)).toEqual([]);
      const out = contractJson(runAnalysis(db, { asOf, params, persist: false })) as ContractOut;
      for (const h of out.hits) checkHitShape(h);
      return out;
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Contract §4/§5 for every hit: severity 1–5, checkable evidence with a file:line source, normalised ids. */
export function checkHitShape(h: ContractHit): void {
  const what = `${h.signal} ${h.subject_id}`;
  expect([1, 2, 3, 4, 5], what).toContain(h.severity);
  expect(['company', 'person', 'licence', 'foster_home', 'address'], what).toContain(h.subject_kind);
  if (h.subject_kind === 'company') expect(h.subject_id, what).toMatch(/^\d{10}$/);
  if (h.subject_kind === 'person') expect(h.subject_id, what).toMatch(/^(\d{12}|ext:.+)$/);
  if (h.subject_kind === 'address') expect(h.subject_id, what).toMatch(/^[^|]+\|(\d{5})?$/);
  expect(h.evidence.length, what).toBeGreaterThan(0);
  for (const e of h.evidence) {
    expect(e.text.trim().length, what).toBeGreaterThan(0);
    expect(e.text, what).not.toMatch(/undefined|NaN|\[object|\bnull\b/);
    expect(e.source, what).toMatch(/^[a-z_]+\.csv:\d+$/);
  }
  expect([...new Set(h.related_ids)].sort(), what).toEqual(h.related_ids);
  expect(h.related_ids, what).not.toContain(h.subject_id);
}

export const hitsOf = (out: ContractOut, signal: string): ContractHit[] => out.hits.filter((h) => h.signal === signal);
export const subjectsOf = (out: ContractOut, signal: string): string[] => hitsOf(out, signal).map((h) => h.subject_id).sort();
export const hitFor = (out: ContractOut, signal: string, subject: string): ContractHit | undefined => hitsOf(out, signal).find((h) => h.subject_id === subject);

/** Valid ids: org_nr with Luhn (3rd digit ≥ 2 = legal entity) and 12-digit personnummer. */
export const org = (n: number): string => orgNr(`5590${String(n).padStart(5, '0')}`);
export const pid = (yyyymmdd: string, serial = '123'): string => personId(yyyymmdd, serial);

/** Minimal companies rows for the given org numbers (with a registration date well in the past). */
export const companies = (...orgs: string[]) => orgs.map((o, i) => ({ org_nr: o, name: `Bolag ${i + 1} AB`, legal_form: 'AB', registered_on: '2010-01-01', status: 'active' }));

import { join } from 'node:path';
import { TABLES, TABLE_NAMES, type ColumnType, type TableName } from '../model/index';
import { CsvSink, type SinkFormat } from './csv-sink';
import { variants } from './ids';
import { Rng } from './prng';

export type Cell = string | number | boolean | null | undefined;
export type Row = Record<string, Cell>;

/** How each file is written: encoding, delimiter, and how often a value takes another accepted form. */
export interface FilePolicy extends SinkFormat {
  /** Share of id/date values written in another accepted form (dashed, 12-digit, YYYYMMDD). */
  variantRate: number;
  /** Amounts as Swedish Excel writes them (`1 234,50`). */
  swedishAmounts: boolean;
}

export const CLEAN: FilePolicy = { encoding: 'utf8', delimiter: ',', variantRate: 0, swedishAmounts: false };

/** The dirty layout: Swedish Excel exports (Windows-1252, `;`), a BOM file, a TAB file. */
export function dirtyPolicies(): Record<TableName, FilePolicy> {
  const out = {} as Record<TableName, FilePolicy>;
  for (const t of TABLE_NAMES) out[t] = { ...CLEAN, variantRate: 0.04 };
  out.companies = { encoding: 'windows-1252', delimiter: ';', variantRate: 0.05, swedishAmounts: true };
  out.financial_events = { encoding: 'windows-1252', delimiter: ';', variantRate: 0.05, swedishAmounts: true };
  out.payments = { encoding: 'utf8', delimiter: ';', variantRate: 0.04, swedishAmounts: true };
  out.persons = { encoding: 'utf8-bom', delimiter: ',', variantRate: 0.05, swedishAmounts: false };
  out.residences = { encoding: 'utf8', delimiter: '\t', variantRate: 0.04, swedishAmounts: false };
  return out;
}

function swedishAmount(n: number): string {
  const [int, dec] = Math.abs(n).toFixed(2).split('.') as [string, string];
  return (n < 0 ? '-' : '') + int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') + ',' + dec;
}

/**
 * Writes rows of the contract tables, in the contract's column order with the exact header
 * names of `src/model/tables.ts`, applying each file's policy. Each file draws its variants
 * from its own random stream, so the content never depends on the dirty settings.
 */
export class TableWriter {
  private readonly sinks = new Map<TableName, CsvSink>();
  private readonly rngs = new Map<TableName, Rng>();

  constructor(readonly dir: string, readonly policies: Record<TableName, FilePolicy>, seed: number) {
    for (const t of TABLE_NAMES) {
      this.sinks.set(t, new CsvSink(join(dir, `${t}.csv`), policies[t], TABLES[t].columns.map((c) => c.name)));
      this.rngs.set(t, Rng.keyed(seed, `variants:${t}`));
    }
  }

  /** Writes a row; returns its line number in the file. */
  write(table: TableName, row: Row): number {
    const policy = this.policies[table];
    const rng = this.rngs.get(table)!;
    const values = TABLES[table].columns.map((c) => this.format(row[c.name], c.type, policy, rng));
    return this.sinks.get(table)!.write(values);
  }

  /** Writes values exactly as given (rows meant to be quarantined). */
  writeRaw(table: TableName, row: Row): number {
    const values = TABLES[table].columns.map((c) => {
      const v = row[c.name];
      return v == null ? '' : String(v);
    });
    return this.sinks.get(table)!.write(values);
  }

  rows(table: TableName): number {
    return this.sinks.get(table)!.rows;
  }

  fileName(table: TableName): string {
    return `${table}.csv`;
  }

  async drain(): Promise<void> {
    for (const s of this.sinks.values()) await s.drain();
  }

  async close(): Promise<void> {
    for (const s of this.sinks.values()) await s.close();
  }

  private format(v: Cell, type: ColumnType, policy: FilePolicy, rng: Rng): string {
    if (v == null) return '';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (type === 'amount' && typeof v === 'number') return policy.swedishAmounts ? swedishAmount(v) : v.toFixed(2);
    const s = String(v);
    if (policy.variantRate === 0) return s;
    // Centenarians are written the way Swedish registers print them: 10 digits with `+`.
    if ((type === 'person_id' || type === 'holder_id') && /^\d{12}$/.test(s) && Number(s.slice(0, 4)) <= 1925) return variants.person10(s, 2026);
    if (!rng.chance(policy.variantRate)) return s;
    switch (type) {
      case 'org_nr':
        return orgVariant(s, rng);
      case 'person_id':
        return personVariant(s, rng);
      case 'holder_id':
        return /^\d{12}$/.test(s) ? personVariant(s, rng) : /^\d{10}$/.test(s) ? orgVariant(s, rng) : s;
      case 'person_id_list':
        return s.split('|').map((p) => personVariant(p, rng)).join('|');
      case 'date':
        return s.replace(/-/g, '');
      default:
        return s;
    }
  }
}

function orgVariant(org: string, rng: Rng): string {
  if (!/^\d{10}$/.test(org) || Number(org.slice(2, 4)) < 20) return org;
  return rng.chance(0.7) ? variants.orgDashed(org) : variants.org12(org);
}

/** 10-digit forms only for birth years whose century the importer infers correctly for decades. */
function personVariant(pid: string, rng: Rng): string {
  if (!/^\d{12}$/.test(pid)) return pid;
  const year = Number(pid.slice(0, 4));
  if (year >= 1935 && year <= 2004 && rng.chance(0.6)) return variants.person10(pid, 2026);
  return variants.personDashed12(pid);
}

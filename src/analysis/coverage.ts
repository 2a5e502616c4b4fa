import type { TableName } from '../model/index';
import type { Coverage, SignalDefinition } from '../signals/types';

/**
 * Coverage (contract §1): a signal whose own inputs are missing is not evaluable, with the reason
 * in Swedish and English. Each signal's `requires` decides alone; there is no global set of base
 * tables, so e.g. staff signals run on a dataset without roles.
 */
const TABLE_SV: Record<TableName, string> = {
  companies: 'bolag', persons: 'personer', roles: 'roller', licences: 'tillstånd', inspections: 'inspektioner',
  reviewed_persons: 'prövade personer', foster_homes: 'familjehem', placements: 'placeringar', employments: 'anställningar',
  legitimations: 'legitimationer', financial_events: 'ekonomiska händelser', sanctions: 'sanktioner', relations: 'relationer',
  residences: 'folkbokföringshistorik', payments: 'utbetalningar',
};

function describe(req: TableName | readonly TableName[]): { sv: string; en: string } {
  const list = typeof req === 'string' ? [req] : req;
  return {
    sv: list.map((t) => `${t}.csv (${TABLE_SV[t]})`).join(' eller '),
    en: list.map((t) => `${t}.csv`).join(' or '),
  };
}

export function coverageOf(signal: SignalDefinition, present: ReadonlySet<TableName>): Coverage {
  const missing = signal.requires.filter((req) => (typeof req === 'string' ? !present.has(req) : !req.some((t) => present.has(t))));
  if (missing.length === 0) return { evaluable: true };
  const d = missing.map(describe);
  return {
    evaluable: false,
    reason: `Saknar data: ${d.map((x) => x.sv).join(', ')}. / Missing input: ${d.map((x) => x.en).join(', ')}.`,
  };
}

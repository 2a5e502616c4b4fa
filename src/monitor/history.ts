import { FINANCIAL_KIND_SV, LICENCE_KIND_SV, ROLE_SV, SANCTION_KIND_SV, labelSv } from '../model/labels-sv';
import type { TableName } from '../model/tables';
import type { Db } from '../store/db';
import { datasetInfos, factChains, fullExtracts, type DatasetInfo } from '../store/known';
import { factsNaming, type IdRole } from '../store/monitor';
import { contractRow, factEvents, knownTime, type FactEvent } from './events';
import { resolveWatched } from './watch';

/**
 * The known-time history of the facts about one entity, for its profile (issue 11.6): each fact
 * stated by dataset X on date, changed by Y (field, before → after, file:line of both), last
 * stated by Z, no longer reported since W.
 */

export interface DatasetRef { id: number; name: string; importedAt: string }

export interface FactHistory {
  table: TableName;
  key: string;
  /** Swedish one-line description of the fact, e.g. "Roll: styrelseledamot 1975… i 5566…". */
  label: string;
  firstStated: DatasetRef;
  lastStated: DatasetRef;
  endedBy: DatasetRef | null;
  events: (Omit<FactEvent, 'dataset' | 'table' | 'key'> & { dataset: DatasetRef })[];
}

const TABLE_SV: Record<TableName, string> = {
  companies: 'Bolag', persons: 'Person', roles: 'Roll', licences: 'Tillstånd', inspections: 'Inspektion', reviewed_persons: 'Prövning',
  foster_homes: 'Familjehem', placements: 'Placering', employments: 'Anställning', legitimations: 'Legitimation',
  financial_events: 'Ekonomisk händelse', sanctions: 'Sanktion', relations: 'Relation', residences: 'Folkbokföring', payments: 'Utbetalning',
};

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function describe(table: TableName, row: Record<string, unknown>): string {
  const t = TABLE_SV[table];
  switch (table) {
    case 'companies': return `${t}: ${str(row.name)} (${str(row.org_nr)})`;
    case 'persons': return `${t}: ${str(row.name)} (${str(row.person_id)})`;
    case 'roles': return `${t}: ${labelSv(ROLE_SV, str(row.role), '')} ${str(row.holder_id)} i ${str(row.org_nr)}, från ${str(row.from) || '?'}`;
    case 'licences': return `${t}: ${str(row.licence_id)} ${labelSv(LICENCE_KIND_SV, str(row.kind), '')} (${str(row.org_nr)})`;
    case 'financial_events': return `${t}: ${labelSv(FINANCIAL_KIND_SV, str(row.kind), '')} ${str(row.subject_id)} ${str(row.occurred_on)}${row.amount_sek != null ? `, ${str(row.amount_sek)} kr` : ''}`;
    case 'sanctions': return `${t}: ${labelSv(SANCTION_KIND_SV, str(row.kind), '')} ${str(row.subject_id)} från ${str(row.from)}`;
    case 'employments': return `${t}: ${str(row.person_id)} hos ${str(row.org_nr)} från ${str(row.from)}`;
    case 'relations': return `${t}: ${str(row.a_id)} – ${str(row.b_id)} (${str(row.kind)})`;
    default: return `${t}: ${Object.values(row).filter((v) => typeof v === 'string' && v).slice(0, 3).join(', ')}`;
  }
}

/** At most this many facts per profile (a large employer names thousands). */
export const HISTORY_LIMIT = 300;

export function entityFactHistory(db: Db, rawId: string): FactHistory[] {
  const w = resolveWatched(db, rawId);
  if (!w.inStore) return [];
  const id = w.kind === 'licence' || w.kind === 'foster_home' || w.kind === 'address' ? w.nodeId.slice(w.nodeId.indexOf(':') + 1) : w.nodeId;
  const role: IdRole = w.kind === 'licence' ? 'licence' : w.kind === 'foster_home' ? 'foster_home' : w.kind === 'address' ? 'address' : 'holder';
  // Facts naming the entity now (the full history scan for values it no longer has is the watch
  // feed's job, bounded there by the datasets since a run).
  const naming = factsNaming(db, new Map([[role, [id]]]), Number.MAX_SAFE_INTEGER);
  const byTable = new Map<TableName, Set<string>>();
  for (const f of naming) byTable.set(f.table, (byTable.get(f.table) ?? new Set()).add(f.key));
  const datasets = datasetInfos(db);
  const full = fullExtracts(db);
  const ref = (n: number): DatasetRef => {
    const d: DatasetInfo | undefined = datasets.get(n);
    return { id: n, name: d?.name ?? `#${n}`, importedAt: d?.imported_at ?? '' };
  };
  const out: FactHistory[] = [];
  for (const [table, keys] of byTable) {
    for (const chain of factChains(db, table, [...keys])) {
      const k = knownTime(chain, full, (n) => datasets.get(n)?.source ?? null);
      const current = chain.versions[chain.versions.length - 1]!;
      out.push({
        table,
        key: chain.key,
        label: describe(table, contractRow(table, current.values)),
        firstStated: ref(k.firstStated),
        lastStated: ref(k.lastStated),
        endedBy: k.endedBy === null ? null : ref(k.endedBy),
        events: factEvents(chain).map(({ dataset, table: _t, key: _k, ...e }) => ({ ...e, dataset: ref(dataset) })),
      });
    }
  }
  // Facts with a history first (changed, ended), then by when they were first stated.
  const eventful = (h: FactHistory): number => (h.events.length > 1 || h.endedBy ? 0 : 1);
  return out
    .sort((a, b) => eventful(a) - eventful(b) || b.events[b.events.length - 1]!.dataset.id - a.events[a.events.length - 1]!.dataset.id || a.label.localeCompare(b.label, 'sv'))
    .slice(0, HISTORY_LIMIT);
}

// Hash routes: the address bar reflects the view so back/forward work and views can be linked.
export type ViewId = 'overview' | 'alerts' | 'entity' | 'network' | 'import' | 'rules' | 'cases' | 'log' | 'review'
  // Monitoring across imports (issue 11).
  | 'changes'
  | 'matches'; // issue 15

export interface Route { view: ViewId; arg: string | null }

export const VIEWS: { id: ViewId; label: string; key: string }[] = [
  { id: 'overview', label: 'Översikt', key: '1' },
  { id: 'alerts', label: 'Larm', key: '2' },
  { id: 'entity', label: 'Entitet', key: '3' },
  { id: 'network', label: 'Nätverk', key: '4' },
  { id: 'import', label: 'Importera', key: '5' },
  { id: 'rules', label: 'Regler', key: '6' },
  { id: 'cases', label: 'Ärenden', key: '7' },
  { id: 'log', label: 'Logg', key: '8' },
  { id: 'review', label: 'Prövning', key: '9' },
  // Monitoring across imports (issue 11).
  { id: 'changes', label: 'Nytt sedan …', key: '0' },
  // issue 15: entity resolution
  { id: 'matches', label: 'Matchningar', key: 'm' },
];

const IDS = new Set<string>(VIEWS.map((v) => v.id));

export function parseHash(hash: string): Route {
  const m = /^#\/([a-z]+)(?:\/(.*))?$/.exec(hash);
  if (!m || !IDS.has(m[1]!)) return { view: 'overview', arg: null };
  const arg = m[2] ? decodeURIComponent(m[2]) : null;
  return { view: m[1] as ViewId, arg: arg || null };
}

export function formatHash(r: Route): string {
  return `#/${r.view}${r.arg ? `/${encodeURIComponent(r.arg)}` : ''}`;
}

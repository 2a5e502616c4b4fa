import { AUDIT_ACTION_DISPLAY_SV, HIT_STATUS_SV, SUBJECT_KIND_SV, countSv, labelSv } from '../model/labels-sv';
import { paramValueSv, paramLabelSv } from '../signals/param-texts';
import { signalTitle } from '../signals/titles';

/**
 * One Swedish line per audit entry, for the Logg view, `insyn audit list` and the reports'
 * excerpt: what happened, to what, in words rather than the stored JSON (which stays available
 * as the raw record). Written for the details each action records (both spellings of the import
 * and analysis entries: the CLI's and the workbench job's).
 */
type Details = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const sum = (v: unknown): number => (v && typeof v === 'object' ? Object.values(v as Record<string, unknown>).reduce<number>((n, x) => n + (typeof x === 'number' ? x : 0), 0) : 0);

function caseChange(d: Details): string {
  const bits: string[] = [];
  const n = (k: string) => list(d[k]).length;
  if (n('hitsAdded')) bits.push(`${countSv(n('hitsAdded'), 'larm', 'larm')} tillagda`);
  if (n('hitsRemoved')) bits.push(`${countSv(n('hitsRemoved'), 'larm', 'larm')} borttagna`);
  if (n('entitiesAdded')) bits.push(`${countSv(n('entitiesAdded'), 'entitet', 'entiteter')} tillagda`);
  if (n('entitiesRemoved')) bits.push(`${countSv(n('entitiesRemoved'), 'entitet', 'entiteter')} borttagna`);
  if (str(d.name)) bits.unshift(`namn ”${str(d.name)}”`);
  return bits.join(', ');
}

/** An analysis run: id, as-of date (`as_of` from the CLI, `asOf` in older workbench entries), what it saw, hits. */
function runText(d: Details, seen: string): string {
  const hits = typeof d.hits === 'number' ? d.hits : typeof d.hitCount === 'number' ? d.hitCount : null;
  return `körning ${str(d.runId) ?? '–'} per ${str(d.as_of) ?? str(d.asOf) ?? '–'}${seen}${hits != null ? `, ${countSv(hits, 'larm', 'larm')}` : ''}`;
}

function scopeText(scope: unknown): string {
  const s = (scope ?? {}) as Details;
  if (str(s.subject)) return `nätverket kring ${str(s.subject)}`;
  if (str(s.case)) return `ärende ${str(s.case)}`;
  if (str(s.cluster)) return `kluster ${str(s.cluster)}`;
  return 'alla flaggade';
}

const DESCRIBE: Record<string, (d: Details) => string> = {
  import: (d) => `datamängd ${str(d.dataset) ?? '–'}: ${countSv(sum(d.rows), 'rad', 'rader')}, ${countSv(Number(d.quarantined ?? 0), 'rad', 'rader')} i karantän`,
  analysis_run: (d) => runText(d, ''),
  status_change: (d) => `${countSv(list(d.hitKeys).length, 'larm', 'larm')} satt till ”${labelSv(HIT_STATUS_SV, str(d.status), '–')}”${str(d.reason) ? ` – skäl: ${str(d.reason)}` : ''}`,
  export: (d) => {
    const format = str(d.format) === 'audit-csv' ? 'granskningsloggen som CSV' : `${(str(d.format) ?? '').toUpperCase()} av ${scopeText(d.scope)}`;
    return `${format}, ${countSv(list(d.files).length, 'fil', 'filer')}${d.pseudonymised ? ', pseudonymiserad' : ''}${str(d.dir) ? ` till ${str(d.dir)}` : ''}`;
  },
  search: (d) => `”${str(d.q) ?? ''}” (${countSv(Number(d.results ?? 0), 'träff', 'träffar')})`,
  open_profile: (d) => `${d.kind ? `${labelSv(SUBJECT_KIND_SV, str(d.kind), '')} ` : ''}${str(d.id) ?? '–'}`,
  case_create: (d) => `ärende ${str(d.caseId) ?? '–'} ”${str(d.name) ?? ''}”`,
  case_edit: (d) => `ärende ${str(d.caseId) ?? '–'}${caseChange(d) ? `: ${caseChange(d)}` : ''}`,
  case_delete: (d) => `ärende ${str(d.caseId) ?? '–'} ”${str(d.name) ?? ''}”`,
  case_note: (d) => `ny anteckning i ärende ${str(d.caseId) ?? '–'}`,
  case_view: (d) => d.deleted
    ? `vy ${str(d.viewId) ?? '–'} borttagen ur ärende ${str(d.caseId) ?? '–'}`
    : `vy ”${str(d.name) ?? ''}” i ärende ${str(d.caseId) ?? '–'}${list(d.entitiesAdded).length ? `, ${countSv(list(d.entitiesAdded).length, 'entitet', 'entiteter')} tillagda` : ''}`,
  dossier: (d) => `${str(d.orgNr) ?? '–'}${str(d.licenceId) ? ` (tillstånd ${str(d.licenceId)})` : ''} per ${str(d.asOf) ?? '–'}: ${countSv(Number(d.findings ?? 0), 'uppgift', 'uppgifter')}, ${countSv(list(d.undeclared).length, 'ej anmäld', 'ej anmälda')}`,
  audit_anchor: (d) => `${countSv(Number(d.unkeyedEntries ?? 0), 'tidigare post', 'tidigare poster')} utan nyckel förankrade${d.manual ? ' på användarens ord (insyn audit anchor)' : ''}`,
  analysis_as_known: (d) => runText(d, ` som känt efter datamängd ${str(d.asKnown) ?? '–'}`),
  watch_add: (d) => `${str(d.id) ?? '–'}${str(d.note) ? ` – ”${str(d.note)}”` : ''}${d.inStore === false ? ' (finns ännu inte i databasen)' : ''}`,
  watch_remove: (d) => str(d.id) ?? '–',
  match_decision: (d) => `${str(d.a) ?? '–'} och ${str(d.b) ?? '–'}: ${d.decision === 'confirmed' ? 'samma' : d.decision === 'rejected' ? 'inte samma' : str(d.decision) ?? '–'}${str(d.note) ? ` – ”${str(d.note)}”` : ''}`,
  match_undo: (d) => `${str(d.a) ?? '–'} och ${str(d.b) ?? '–'}: beslutet ${d.undone === 'confirmed' ? '”samma”' : d.undone === 'rejected' ? '”inte samma”' : str(d.undone) ?? ''} ångrat`,
  config_change: (d) => {
    // issue 13: the import and export folders are settings too.
    if (d.fileRoots && typeof d.fileRoots === 'object') {
      const r = d.fileRoots as Details;
      return [str(r.importRoot) && `importmapp ${str(r.importRoot)}`, str(r.exportRoot) && `exportmapp ${str(r.exportRoot)}`].filter(Boolean).join(', ');
    }
    const params = (d.params ?? {}) as Details;
    const values = Object.entries(params).map(([k, v]) => `${paramLabelSv(k)} = ${paramValueSv(k, v)}`);
    return `${signalTitle(str(d.signal) ?? '')}${values.length ? `: ${values.join('; ')}` : ''}`;
  },
};

/** The entry's action in Swedish and what it concerned. */
export function auditSummarySv(action: string, details: unknown): { label: string; text: string } {
  const d = (details && typeof details === 'object' ? details : {}) as Details;
  const describe = DESCRIBE[action];
  let text: string;
  try {
    text = describe ? describe(d) : genericText(d);
  } catch {
    text = genericText(d);
  }
  return { label: labelSv(AUDIT_ACTION_DISPLAY_SV, action, '–'), text };
}

function genericText(d: Details): string {
  return Object.entries(d)
    .filter(([, v]) => v != null && typeof v !== 'object')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(', ');
}

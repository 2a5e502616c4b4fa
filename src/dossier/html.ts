import { escapeHtml, htmlPage, sev, table } from '../export/html-kit';
import { ROLE_SV, labelSv } from '../model/labels-sv';
import type { Dossier } from './types';
import type { AuditHead } from '../audit/log';
import { describeHead } from '../audit/receipt';

const roles = (r: string | null): string => (r ?? '').split(',').map((x) => labelSv(ROLE_SV, x.trim(), '')).join(', ');

/** The dossier as a self-contained HTML report, in the export report's style. */
export function renderDossierHtml(d: Omit<Dossier, 'html'>, auditHead?: AuditHead | null): string {
  const title = `Underlag för ägar- och ledningsprövning: ${d.applicant.name ?? d.applicant.orgNr}`;
  const parts: string[] = [];
  parts.push(`<header class="report"><h1>${escapeHtml(title)}</h1><div class="meta">Organisationsnummer ${escapeHtml(d.applicant.orgNr)}${
    d.licenceId ? ` · ansökan/tillstånd ${escapeHtml(d.licenceId)}` : ''
  } · per ${escapeHtml(d.asOf)}${d.applicant.inStore ? '' : ' · <span class="badge warn">finns inte i databasen</span>'}</div>${
    auditHead !== undefined ? `<div class="meta" data-audit-head>Granskningsloggen när underlaget skapades: ${escapeHtml(describeHead(auditHead))}</div>` : ''
  }</header>`);

  const personSections = d.sections.slice(1);
  parts.push(`<section><h2>Personkrets</h2>${table(
    ['Person', 'Roll', 'Anmäld', 'Allvarligaste fynd'],
    personSections.map((s) => {
      const worst = s.findings.reduce<number | null>((m, f) => (f.severity != null && (m == null || f.severity > m) ? f.severity : m), null);
      return [`${escapeHtml(s.subject.label)} <span class="src">${escapeHtml(s.subject.id)}</span>`, escapeHtml(roles(s.role)), s.declared ? 'ja' : '<span class="unresolved">nej – ej anmäld</span>', worst != null ? sev(worst) : '–'];
    }),
  )}</section>`);

  if (d.undeclared.length > 0) {
    parts.push(`<section><h2>Ej anmälda personer med bestämmande inflytande</h2>${table(
      ['Person', 'Roll enligt registret', 'Källa'],
      d.undeclared.map((u) => [`${escapeHtml(u.label)} <span class="src">${escapeHtml(u.id)}</span>`, escapeHtml(roles(u.role)), `<span class="src">${escapeHtml(u.source)}</span>`]),
    )}</section>`);
  }

  for (const s of d.sections) {
    const heading = s.subject.kind === 'company' ? `Sökanden: ${s.subject.label}` : `${s.subject.label}${s.role ? ` (${roles(s.role)})` : ''}${s.declared ? '' : ' – ej anmäld'}`;
    parts.push(`<section><h2>${escapeHtml(heading)} <span class="src">${escapeHtml(s.subject.id)}</span></h2>${table(
      ['Allvar', 'Uppgift', 'Källa'],
      s.findings.map((f) => [
        f.severity != null ? sev(f.severity) : '–',
        `${f.unresolved ? '<span class="unresolved">' : ''}${escapeHtml(f.text)}${f.unresolved ? '</span>' : ''}`,
        f.sources.map((x) => `<span class="src">${escapeHtml(x)}</span>`).join('<br>'),
      ]),
    )}</section>`);
  }
  parts.push('<footer>Insyn – underlag för ägar- och ledningsprövning. Uppgifterna är hämtade ur de importerade registren med källa (fil:rad) och ska verifieras mot originalhandlingarna.</footer>');
  return htmlPage(title, parts.join('\n'));
}

import { nodeIdOf } from '../graph/types';
import { escapeHtml, htmlPage, sev, table } from './html-kit';
import { countSv, HIT_STATUS_SV, OFFENCE_SV, SANCTION_KIND_SV, SUBJECT_KIND_DISPLAY_SV, labelSv } from '../model/labels-sv';
import { signalTitle } from '../signals/titles';
import { paramLabelSv, paramValueSv } from '../signals/param-texts';
import { legend, networkSvg } from './svg';
import type { ExportBundle } from './types';
import { describeHead } from '../audit/receipt';

/**
 * The self-contained HTML report: case summary, hits with evidence and sources, the network
 * picture, the run's parameters and data version, and an excerpt of the audit log. Every piece of
 * data goes through escapeHtml.
 */
export function writeHtmlReport(bundle: ExportBundle): string {
  const labels = new Map(bundle.graph.nodes.map((n) => [n.id, n.label]));
  const name = (id: string) => (labels.get(id) && labels.get(id) !== id ? `${escapeHtml(labels.get(id))} <span class="src">${escapeHtml(id)}</span>` : escapeHtml(id));
  const parts: string[] = [];
  parts.push(`<header class="report"><h1>${escapeHtml(bundle.title)}</h1>
<div class="meta">Skapad ${escapeHtml(bundle.generatedAt.replace('T', ' ').slice(0, 19))} UTC · Urval: ${escapeHtml(bundle.scopeLabel)}${
    bundle.run ? ` · Analys ${escapeHtml(bundle.run.id)} per ${escapeHtml(bundle.run.as_of)}` : ''
  }</div>
${bundle.pseudonymised ? '<p><span class="badge warn">Pseudonymiserad</span> Personnummer, personnamn och bostadsadresser är ersatta med nyckelade pseudonymer.</p>' : ''}
${bundle.auditHead !== undefined ? `<div class="meta" data-audit-head>Granskningsloggen när rapporten skapades: ${escapeHtml(describeHead(bundle.auditHead))}</div>` : ''}</header>`);

  if (bundle.caseInfo) {
    const c = bundle.caseInfo;
    parts.push(`<section><h2>Ärende</h2><p><strong>${escapeHtml(c.name)}</strong></p>${c.description ? `<p class="note">${escapeHtml(c.description)}</p>` : ''}
<h3>Anteckningar</h3>${
      c.notes.length === 0
        ? '<p class="empty">Inga anteckningar.</p>'
        : c.notes.map((n) => `<div class="note"><div class="meta">${escapeHtml(n.at.replace('T', ' ').slice(0, 16))} · ${escapeHtml(n.author)}</div>${escapeHtml(n.text)}</div>`).join('')
    }</section>`);
  }

  const bySignal = new Map<string, number>();
  for (const h of bundle.hits) bySignal.set(h.signal, (bySignal.get(h.signal) ?? 0) + 1);
  const byKind = new Map<string, number>();
  for (const n of bundle.graph.nodes) byKind.set(n.kind, (byKind.get(n.kind) ?? 0) + 1);
  parts.push(`<section><h2>Sammanfattning</h2>
<p>${countSv(bundle.graph.nodes.length, 'nod', 'noder')} (${[...byKind].map(([k, v]) => `${escapeHtml(labelSv(SUBJECT_KIND_DISPLAY_SV, k, '–'))}: ${v}`).join(', ') || 'inga'}), ${countSv(bundle.graph.edges.length, 'koppling', 'kopplingar')}, ${countSv(bundle.hits.length, 'larm', 'larm')}.</p>
${table(['Signal', 'Antal larm'], [...bySignal].sort((a, b) => b[1] - a[1]).map(([s, n]) => [`${escapeHtml(signalTitle(s))} <span class="src">${escapeHtml(s)}</span>`, String(n)]), { numeric: [1] })}
</section>`);

  const highlight = new Set(bundle.hits.flatMap((h) => [h.subject_id, nodeIdOf(h.subject_kind, h.subject_id)]));
  parts.push(`<section><h2>Nätverksbild</h2><figure class="network">${networkSvg(bundle.graph, { highlight })}<figcaption>${legend(bundle.graph)} Röd ring = föremål för larm.</figcaption></figure></section>`);

  const hits = [...bundle.hits].sort((a, b) => b.severity - a.severity || a.signal.localeCompare(b.signal) || a.subject_id.localeCompare(b.subject_id));
  parts.push(`<section><h2>Larm med underlag</h2>${
    hits.length === 0
      ? '<p class="empty">Inga larm i urvalet.</p>'
      : table(
          ['Allvar', 'Signal', 'Gäller', 'Status', 'Underlag (källa)'],
          hits.map((h) => [
            sev(h.severity),
            `${escapeHtml(signalTitle(h.signal))}<br><span class="src">${escapeHtml(h.signal)}</span>`,
            `${escapeHtml(labelSv(SUBJECT_KIND_DISPLAY_SV, h.subject_kind, '–'))}: ${name(labels.has(h.subject_id) ? h.subject_id : nodeIdOf(h.subject_kind, h.subject_id))}${
              h.related_ids.length ? `<br><span class="meta">Kopplade: ${h.related_ids.map(name).join(', ')}</span>` : ''
            }`,
            `${escapeHtml(labelSv(HIT_STATUS_SV, h.status, '–'))}${h.changed ? ' <span class="badge warn">nytt underlag</span>' : ''}${h.status_reason ? `<br><span class="meta">${escapeHtml(h.status_reason)}</span>` : ''}`,
            `<ul class="evidence">${h.evidence.map((e) => `<li>${escapeHtml(e.text)} <span class="src">${escapeHtml(e.source)}</span></li>`).join('')}</ul>`,
          ]),
        )
  }</section>`);

  if (bundle.sanctions && bundle.sanctions.length > 0) {
    parts.push(`<section><h2>Sanktioner i urvalet</h2>${table(
      ['Gäller', 'Typ', 'Brott', 'Från', 'Till', 'Källa'],
      bundle.sanctions.map((s) => [name(s.subject_id), escapeHtml(labelSv(SANCTION_KIND_SV, s.kind, '–')), escapeHtml(labelSv(OFFENCE_SV, s.offence, '')), escapeHtml(s.from ?? ''), escapeHtml(s.to ?? ''), `<span class="src">${escapeHtml(s.source)}</span>`]),
    )}</section>`);
  }

  parts.push(`<section><h2>Analysparametrar och dataversion</h2>${
    bundle.run
      ? `<p>Analyskörning ${escapeHtml(bundle.run.id)}, per ${escapeHtml(bundle.run.as_of)}, dataversion <code>${escapeHtml(bundle.run.data_version)}</code>${
          bundle.run.finished_at ? `, körd ${escapeHtml(bundle.run.finished_at.replace('T', ' ').slice(0, 19))}` : ''
        }.</p>${paramsTable(bundle.run.params)}`
      : '<p class="empty">Ingen analyskörning finns i databasen.</p>'
  }</section>`);

  parts.push(`<section><h2>Utdrag ur granskningsloggen</h2>${table(
    ['Nr', 'Tid', 'Användare', 'Händelse'],
    bundle.audit.map((a) => [String(a.seq), escapeHtml(a.at.replace('T', ' ').slice(0, 19)), escapeHtml(a.actor), escapeHtml(a.summary)]),
    { numeric: [0] },
  )}</section>`);

  parts.push('<footer>Insyn – riskanalys av vårdgivare. Rapporten är fristående: den hämtar inget från nätet. Larm är underlag för utredning, inte slutsatser.</footer>');
  return htmlPage(bundle.title, parts.join('\n'));
}

/** Parameters per signal as one compact row each (prints on a page or two, unlike raw JSON). */
function paramsTable(params: unknown): string {
  if (!params || typeof params !== 'object') return `<pre>${escapeHtml(JSON.stringify(params, null, 2))}</pre>`;
  return table(
    ['Signal', 'Parametrar'],
    Object.entries(params as Record<string, unknown>).map(([signal, p]) => [
      `${escapeHtml(signalTitle(signal))}<br><span class="src">${escapeHtml(signal)}</span>`,
      p && typeof p === 'object' && Object.keys(p).length > 0
        ? Object.entries(p as Record<string, unknown>).map(([k, v]) => `${escapeHtml(paramLabelSv(k))}: ${escapeHtml(paramValueSv(k, v))} <span class="src">${escapeHtml(k)}</span>`).join('<br>')
        : '<span class="empty">standard</span>',
    ]),
  );
}

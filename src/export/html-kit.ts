/**
 * Shared pieces of Insyn's self-contained HTML reports (export report, dossier): escaping, one
 * inline stylesheet that prints well, and the page shell. No external resources of any kind:
 * no scripts, fonts, images or links leave the file.
 */
export function escapeHtml(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const CSS = `
:root { --ink:#1d2430; --muted:#5b6574; --line:#d6dbe3; --accent:#1f4e8c; --warn:#a33a00; --bg:#f6f7f9; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0; background: #fff; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 48px; }
header.report { border-bottom: 3px solid var(--accent); margin-bottom: 16px; padding-bottom: 8px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.meta { color: var(--muted); font-size: 12px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 11px; background: var(--bg); border: 1px solid var(--line); margin-right: 4px; }
.badge.warn { background: #fff1e8; border-color: #f0b48c; color: var(--warn); }
.sev { display: inline-block; min-width: 22px; text-align: center; border-radius: 4px; color: #fff; font-weight: 600; font-size: 12px; }
.sev1 { background: #6b8f71; } .sev2 { background: #8a9a3c; } .sev3 { background: #c28a1e; } .sev4 { background: #c2571e; } .sev5 { background: #a31e1e; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; text-align: left; }
th { background: var(--bg); font-weight: 600; font-size: 12px; }
td.num { text-align: right; white-space: nowrap; }
ul.evidence { margin: 4px 0 0 16px; padding: 0; }
ul.evidence li { margin: 2px 0; }
.src { color: var(--muted); font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; white-space: nowrap; }
.unresolved { color: var(--warn); font-weight: 600; }
pre { background: var(--bg); border: 1px solid var(--line); padding: 8px; font-size: 11px; white-space: pre-wrap; word-break: break-word; }
figure.network { margin: 8px 0; border: 1px solid var(--line); background: #fcfcfd; }
figure.network svg { display: block; width: 100%; height: auto; }
figcaption { font-size: 12px; color: var(--muted); padding: 4px 8px; }
.legend span { margin-right: 12px; white-space: nowrap; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; vertical-align: middle; }
.note { border-left: 3px solid var(--line); padding: 2px 10px; margin: 6px 0; white-space: pre-wrap; }
.empty { color: var(--muted); font-style: italic; }
footer { margin-top: 32px; color: var(--muted); font-size: 11px; border-top: 1px solid var(--line); padding-top: 6px; }
@media print {
  body { font-size: 11px; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  table, figure, .note, li { break-inside: avoid; }
  figure.network { border: none; }
  .badge, .sev { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  @page { size: A4; margin: 15mm; }
}
`;

export function htmlPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="Insyn">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

export function table(headers: string[], rows: string[][], opts: { numeric?: number[] } = {}): string {
  if (rows.length === 0) return '<p class="empty">Inga uppgifter.</p>';
  const num = new Set(opts.numeric ?? []);
  return `<table><thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => `<td${num.has(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

export function sev(n: number | null | undefined): string {
  if (n == null) return '';
  const v = Math.max(1, Math.min(5, Math.round(n)));
  return `<span class="sev sev${v}">${v}</span>`;
}

export function formatSek(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return '–';
  return `${Math.round(n).toLocaleString('sv-SE').replace(/\u00a0/g, ' ')} kr`;
}

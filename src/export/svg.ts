import type { ExportGraph } from './types';
import { escapeHtml } from './html-kit';

/**
 * The network picture for reports: inline SVG drawn from the graph payload with a small
 * deterministic force layout (seeded on a circle in id order), so the same export always draws
 * the same picture. Large graphs fall back to the circle.
 */
export const KIND_COLOURS: Record<string, string> = {
  company: '#1f4e8c', person: '#c2571e', licence: '#2e7d4f', foster_home: '#8a3fa0', address: '#7a7f87',
};
export const KIND_SV: Record<string, string> = {
  company: 'Företag', person: 'Person', licence: 'Tillstånd', foster_home: 'Familjehem', address: 'Adress',
};

export interface Positions {
  [id: string]: { x: number; y: number };
}

export function layout(graph: ExportGraph, iterations = 200): Positions {
  const ids = [...new Set(graph.nodes.map((n) => n.id))].sort();
  const n = ids.length;
  const pos = ids.map((_, i) => ({ x: Math.cos((2 * Math.PI * i) / Math.max(n, 1)), y: Math.sin((2 * Math.PI * i) / Math.max(n, 1)) }));
  const index = new Map(ids.map((id, i) => [id, i]));
  const links = graph.edges.map((e) => [index.get(e.source), index.get(e.target)] as const).filter((l): l is readonly [number, number] => l[0] !== undefined && l[1] !== undefined && l[0] !== l[1]);
  if (n > 2 && n <= 400) {
    const k = Math.sqrt(4 / n);
    let temp = 0.1;
    for (let it = 0; it < iterations; it++) {
      const disp = pos.map(() => ({ x: 0, y: 0 }));
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const dx = pos[i]!.x - pos[j]!.x;
          const dy = pos[i]!.y - pos[j]!.y;
          const d2 = Math.max(dx * dx + dy * dy, 1e-6);
          const f = (k * k) / d2;
          disp[i]!.x += dx * f; disp[i]!.y += dy * f;
          disp[j]!.x -= dx * f; disp[j]!.y -= dy * f;
        }
      }
      for (const [a, b] of links) {
        const dx = pos[a]!.x - pos[b]!.x;
        const dy = pos[a]!.y - pos[b]!.y;
        const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1e-3);
        const f = d / k;
        disp[a]!.x -= dx * f; disp[a]!.y -= dy * f;
        disp[b]!.x += dx * f; disp[b]!.y += dy * f;
      }
      for (let i = 0; i < n; i++) {
        // Gentle pull to the centre keeps disconnected parts on the canvas.
        disp[i]!.x -= pos[i]!.x * 0.05;
        disp[i]!.y -= pos[i]!.y * 0.05;
        const d = Math.max(Math.sqrt(disp[i]!.x ** 2 + disp[i]!.y ** 2), 1e-9);
        const step = Math.min(d, temp);
        pos[i]!.x += (disp[i]!.x / d) * step;
        pos[i]!.y += (disp[i]!.y / d) * step;
      }
      temp *= 0.98;
    }
  }
  const out: Positions = {};
  ids.forEach((id, i) => (out[id] = pos[i]!));
  return out;
}

export function networkSvg(graph: ExportGraph, opts: { width?: number; height?: number; highlight?: Set<string> } = {}): string {
  const W = opts.width ?? 1000;
  const H = opts.height ?? 620;
  const pad = 60;
  const pos = layout(graph);
  const pts = Object.values(pos);
  if (pts.length === 0) return '<p class="empty">Nätverket är tomt.</p>';
  const minX = Math.min(...pts.map((p) => p.x));
  const maxX = Math.max(...pts.map((p) => p.x));
  const minY = Math.min(...pts.map((p) => p.y));
  const maxY = Math.max(...pts.map((p) => p.y));
  const sx = (x: number) => pad + ((x - minX) / Math.max(maxX - minX, 1e-9)) * (W - 2 * pad);
  const sy = (y: number) => pad / 2 + ((y - minY) / Math.max(maxY - minY, 1e-9)) * (H - 1.5 * pad);
  const labels = graph.nodes.length <= 80;
  const edges = graph.edges
    .filter((e) => pos[e.source] && pos[e.target])
    .map((e) => {
      const a = pos[e.source]!;
      const b = pos[e.target]!;
      const ended = e.to != null;
      return `<line x1="${sx(a.x).toFixed(1)}" y1="${sy(a.y).toFixed(1)}" x2="${sx(b.x).toFixed(1)}" y2="${sy(b.y).toFixed(1)}" stroke="#9aa3ae" stroke-width="1.2"${ended ? ' stroke-dasharray="4 3"' : ''}><title>${escapeHtml(`${e.kind}${e.attributes.role ? ` (${String(e.attributes.role)})` : ''} ${e.from ?? '…'} – ${e.to ?? ''}`)}</title></line>`;
    });
  const seen = new Set<string>();
  const nodes = graph.nodes
    .filter((n) => !seen.has(n.id) && seen.add(n.id))
    .map((n) => {
      const p = pos[n.id]!;
      const x = sx(p.x);
      const y = sy(p.y);
      const hl = opts.highlight?.has(n.id);
      const colour = KIND_COLOURS[n.kind] ?? '#555';
      const label = n.label.length > 28 ? `${n.label.slice(0, 27)}…` : n.label;
      return `<g><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${hl ? 9 : 6}" fill="${colour}"${hl ? ' stroke="#a31e1e" stroke-width="3"' : ''}><title>${escapeHtml(`${KIND_SV[n.kind] ?? n.kind}: ${n.label} (${n.id})`)}</title></circle>${
        labels ? `<text x="${(x + 10).toFixed(1)}" y="${(y + 4).toFixed(1)}" font-size="11" fill="#1d2430">${escapeHtml(label)}</text>` : ''
      }</g>`;
    });
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Nätverksbild">${edges.join('')}${nodes.join('')}</svg>`;
}

export function legend(graph: ExportGraph): string {
  const kinds = [...new Set(graph.nodes.map((n) => n.kind))].sort();
  return `<div class="legend">${kinds.map((k) => `<span><i style="background:${KIND_COLOURS[k] ?? '#555'}"></i>${escapeHtml(KIND_SV[k] ?? k)}</span>`).join('')}<span>streckad linje = avslutad koppling</span></div>`;
}

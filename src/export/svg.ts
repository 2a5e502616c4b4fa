import type { ExportGraph } from './types';
import { escapeHtml } from './html-kit';
import { EDGE_KIND_SV, ROLE_SV, SUBJECT_KIND_DISPLAY_SV, labelSv } from '../model/labels-sv';

/**
 * The network picture for reports: inline SVG drawn from the graph payload with a small
 * deterministic force layout (seeded on a circle in id order), so the same export always draws
 * the same picture. Large graphs fall back to the circle.
 */
export const KIND_COLOURS: Record<string, string> = {
  company: '#1f4e8c', person: '#c2571e', licence: '#2e7d4f', foster_home: '#8a3fa0', address: '#7a7f87',
};

export interface Positions {
  [id: string]: { x: number; y: number };
}

export function layout(graph: ExportGraph, iterations = 200): Positions {
  const ids = [...new Set(graph.nodes.map((n) => n.id))].sort();
  const n = ids.length;
  // Flat typed arrays: this loop is O(n² · iterations), so it has to be tight.
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = Math.cos((2 * Math.PI * i) / Math.max(n, 1));
    y[i] = Math.sin((2 * Math.PI * i) / Math.max(n, 1));
  }
  const index = new Map(ids.map((id, i) => [id, i]));
  const pairs: number[] = [];
  for (const e of graph.edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a !== undefined && b !== undefined && a !== b) pairs.push(a, b);
  }
  if (n > 2 && n <= 600) {
    const k2 = 4 / n;
    const k = Math.sqrt(k2);
    const dx = new Float64Array(n);
    const dy = new Float64Array(n);
    let temp = 0.1;
    for (let it = 0; it < iterations; it++) {
      dx.fill(0);
      dy.fill(0);
      for (let i = 0; i < n; i++) {
        const xi = x[i]!;
        const yi = y[i]!;
        for (let j = i + 1; j < n; j++) {
          const ddx = xi - x[j]!;
          const ddy = yi - y[j]!;
          const f = k2 / Math.max(ddx * ddx + ddy * ddy, 1e-6);
          dx[i]! += ddx * f; dy[i]! += ddy * f;
          dx[j]! -= ddx * f; dy[j]! -= ddy * f;
        }
      }
      for (let p = 0; p < pairs.length; p += 2) {
        const a = pairs[p]!;
        const b = pairs[p + 1]!;
        const ddx = x[a]! - x[b]!;
        const ddy = y[a]! - y[b]!;
        const f = Math.max(Math.sqrt(ddx * ddx + ddy * ddy), 1e-3) / k;
        dx[a]! -= ddx * f; dy[a]! -= ddy * f;
        dx[b]! += ddx * f; dy[b]! += ddy * f;
      }
      for (let i = 0; i < n; i++) {
        // Gentle pull to the centre keeps disconnected parts on the canvas.
        const mx = dx[i]! - x[i]! * 0.05;
        const my = dy[i]! - y[i]! * 0.05;
        const d = Math.max(Math.sqrt(mx * mx + my * my), 1e-9);
        const step = Math.min(d, temp);
        x[i]! += (mx / d) * step;
        y[i]! += (my / d) * step;
      }
      temp *= 0.98;
    }
  }
  const out: Positions = {};
  ids.forEach((id, i) => (out[id] = { x: x[i]!, y: y[i]! }));
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
      return `<line x1="${sx(a.x).toFixed(1)}" y1="${sy(a.y).toFixed(1)}" x2="${sx(b.x).toFixed(1)}" y2="${sy(b.y).toFixed(1)}" stroke="#9aa3ae" stroke-width="1.2"${ended ? ' stroke-dasharray="4 3"' : ''}><title>${escapeHtml(`${labelSv(EDGE_KIND_SV, e.kind, '–')}${typeof e.attributes.role === 'string' ? ` (${labelSv(ROLE_SV, e.attributes.role, '')})` : ''} ${e.from ?? '…'} – ${e.to ?? ''}`)}</title></line>`;
    });
  const seen = new Set<string>();
  const placed: Box[] = [];
  const nodes = graph.nodes
    .filter((n) => !seen.has(n.id) && seen.add(n.id))
    .map((n) => {
      const p = pos[n.id]!;
      const x = sx(p.x);
      const y = sy(p.y);
      const hl = opts.highlight?.has(n.id);
      const colour = KIND_COLOURS[n.kind] ?? '#555';
      const label = n.label.length > 28 ? `${n.label.slice(0, 27)}…` : n.label;
      const spot = labels ? labelSpot(x, y, label, W, placed) : null;
      return `<g><circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${hl ? 9 : 6}" fill="${colour}"${hl ? ' stroke="#a31e1e" stroke-width="3"' : ''}><title>${escapeHtml(`${labelSv(SUBJECT_KIND_DISPLAY_SV, n.kind, '–')}: ${n.label} (${n.id})`)}</title></circle>${
        spot ? `<text x="${spot.x.toFixed(1)}" y="${spot.y.toFixed(1)}" font-size="11" fill="#1d2430"${spot.right ? '' : ' text-anchor="end"'}>${escapeHtml(label)}</text>` : ''
      }</g>`;
    });
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Nätverksbild">${edges.join('')}${nodes.join('')}</svg>`;
}

interface Box { x0: number; x1: number; y0: number; y1: number }

/** Rough width of an 11px label; the picture only needs to keep labels apart, not to measure type. */
const labelWidth = (text: string): number => text.length * 6.3;

/**
 * Where a node's label goes: pointing inwards first (right of nodes on the left half, left of
 * nodes on the right half, so none is cut at the edge), then the other side, then a line above or
 * below, whichever overlaps no label placed before; else the inward spot.
 */
function labelSpot(x: number, y: number, text: string, width: number, placed: Box[]): { x: number; y: number; right: boolean } {
  const w = labelWidth(text);
  const inward = x <= width / 2;
  const candidates = [0, 14, -14, 26, -26].flatMap((dy) => [inward, !inward].map((right) => ({ right, dy })));
  const fits = (b: Box) => b.x0 >= 0 && b.x1 <= width && !placed.some((p) => b.x0 < p.x1 && p.x0 < b.x1 && b.y0 < p.y1 && p.y0 < b.y1);
  const boxOf = (right: boolean, dy: number): Box => {
    const x0 = right ? x + 10 : x - 10 - w;
    return { x0, x1: x0 + w, y0: y + dy - 8, y1: y + dy + 5 };
  };
  const pick = candidates.find((c) => fits(boxOf(c.right, c.dy))) ?? { right: inward, dy: 0 };
  placed.push(boxOf(pick.right, pick.dy));
  return { x: pick.right ? x + 10 : x - 10, y: y + 4 + pick.dy, right: pick.right };
}

export function legend(graph: ExportGraph): string {
  const kinds = [...new Set(graph.nodes.map((n) => n.kind))].sort();
  return `<div class="legend">${kinds.map((k) => `<span><i style="background:${KIND_COLOURS[k] ?? '#555'}"></i>${escapeHtml(labelSv(SUBJECT_KIND_DISPLAY_SV, k, '–'))}</span>`).join('')}<span>streckad linje = avslutad koppling</span></div>`;
}

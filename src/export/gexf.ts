import Graph from 'graphology';
import gexf from 'graphology-gexf';
import { flattenEdges, flattenNodes } from './attributes';
import type { ExportBundle } from './types';
import { describeHead } from '../audit/receipt';

/**
 * GEXF 1.3 for Gephi, written by graphology-gexf. The writer knows no time, so the graph is
 * switched to dynamic mode (`timeformat="date"`) and each edge gets its period as `start`/`end`
 * afterwards; `from`/`to` are also kept as ordinary attributes so nothing depends on the
 * reader's support for dynamics.
 */
export function writeGexf(bundle: ExportBundle): string {
  const g = new Graph({ multi: true, type: 'directed', allowSelfLoops: true });
  g.setAttribute('creator', 'Insyn');
  g.setAttribute('description', bundle.auditHead !== undefined ? `${bundle.title}. Granskningsloggen vid exporten: ${describeHead(bundle.auditHead)}.` : bundle.title);
  const nodes = flattenNodes(bundle.graph.nodes);
  const edges = flattenEdges(bundle.graph.edges);
  for (const n of bundle.graph.nodes) if (!g.hasNode(n.id)) g.addNode(n.id, nodes.values.get(n.id));
  const periods = new Map<string, { from: string | null; to: string | null }>();
  for (const e of bundle.graph.edges) {
    if (!g.hasNode(e.source) || !g.hasNode(e.target) || g.hasEdge(e.id)) continue;
    g.addEdgeWithKey(e.id, e.source, e.target, edges.values.get(e.id));
    periods.set(e.id, { from: e.from, to: e.to });
  }
  const xml = gexf.write(g, {
    version: '1.3',
    formatNode: (_key, attrs) => {
      const { label, ...rest } = attrs as Record<string, unknown>;
      return { label: String(label ?? ''), attributes: rest };
    },
    // Gephi merges parallel edges of the same kind; role and start date keep them apart.
    formatEdge: (_key, attrs) => {
      const a = attrs as Record<string, unknown>;
      const kind = `${String(a.kind ?? '')}${a.role ? `:${String(a.role)}` : ''}${a.from ? `@${String(a.from)}` : ''}`;
      return { label: String(a.kind ?? ''), attributes: a, kind };
    },
  });
  return addTime(xml, periods);
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (m) => ENTITIES[m] ?? m);
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function addTime(xml: string, periods: Map<string, { from: string | null; to: string | null }>): string {
  const withMode = xml.replace(/<graph /, '<graph mode="dynamic" timeformat="date" ');
  return withMode.replace(/<edge id="([^"]*)"/g, (m, rawId: string) => {
    const p = periods.get(unescapeXml(rawId));
    if (!p) return m;
    let extra = '';
    if (p.from && ISO.test(p.from)) extra += ` start="${p.from}"`;
    if (p.to && ISO.test(p.to)) extra += ` end="${p.to}"`;
    return m + extra;
  });
}

// The canvas bench's graph (built only by test/bench/canvas.bench.ts): the same deterministic
// 20 k-node / 50 k-edge register-like network for bare sigma and for the app, as plain data.

export interface BenchNode { id: string; kind: string; label: string; x: number; y: number; score: number }
export interface BenchEdge { id: string; source: string; target: string; kind: string; role: string; from: string; to: string | null }

const KINDS = ['company', 'person', 'person', 'licence', 'address'];
const ROLES = ['board_member', 'ceo', 'chair', 'owner'];

export function syntheticGraph(n: number, e: number): { nodes: BenchNode[]; edges: BenchEdge[] } {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const side = Math.ceil(Math.sqrt(n));
  const nodes: BenchNode[] = [];
  for (let i = 0; i < n; i++) {
    // A grid with jitter: layout quality is irrelevant for frame times.
    const score = rnd() < 0.05 ? rnd() : 0;
    nodes.push({ id: `n${i}`, kind: KINDS[i % KINDS.length]!, label: `Nod ${i}`, x: (i % side) + rnd() * 0.8, y: Math.floor(i / side) + rnd() * 0.8, score });
  }
  const edges: BenchEdge[] = [];
  for (let i = 0; i < e; i++) {
    const a = Math.floor(rnd() * n);
    // Mostly local edges, like a real register network (clustered).
    const b = rnd() < 0.8 ? (a + 1 + Math.floor(rnd() * 50)) % n : Math.floor(rnd() * n);
    edges.push({ id: `e${i}`, source: `n${a}`, target: `n${b}`, kind: 'role', role: ROLES[i % ROLES.length]!, from: '2015-01-01', to: rnd() < 0.3 ? '2020-01-01' : null });
  }
  return { nodes, edges };
}

/**
 * Ego-network benchmark (`npx tsx test/bench/ego.bench.ts`): egoNetwork (2 hops, limit 2000),
 * graphExpand (1 hop) and shortestPath (random pairs, mostly unconnected = worst case; and pairs
 * two hops apart) latency on a national-scale store, p50/p95/max, written
 * to test/bench/results/latest/ego.json. `benchEgo(db, ids)` is exported for bench:analyze.
 *
 * The national dataset (eval's seed) is generated once with `insyn demo-data --scale national` into
 * test/bench/cache/ego-national-data; the imported store is cached as
 * test/bench/cache/ego-national.sqlite. Sample: licence holders, their licences, persons with
 * roles in them, foster homes, and random companies and persons from the whole register.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, schemaVersion, type Db } from '../../src/store/db';
import { MIGRATIONS } from '../../src/store/migrations/index';
import { importPath } from '../../src/import/importer';
import { egoNetwork, graphExpand } from '../../src/graph/ego';
import { shortestPath } from '../../src/graph/path';
import { homeNode, licenceNode } from '../../src/graph/types';
import { buildGraph, WELFARE_HOPS } from '../../src/graph/build';
import { loadFacts } from '../../src/analysis/facts';
import { RESULTS_DIR } from './results-dir';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE = path.join(ROOT, 'test/bench/cache');
const RESULTS = RESULTS_DIR;
const SEED = 20261101;

export interface LatencyStats { n: number; p50_ms: number; p95_ms: number; p99_ms: number; max_ms: number; mean_ms: number }
export interface EgoBenchResult { ego2: LatencyStats & { mean_nodes: number; mean_edges: number; truncated: number }; expand: LatencyStats; path?: LatencyStats & { found: number }; path_connected?: LatencyStats & { found: number } }

function stats(times: number[]): LatencyStats {
  const s = [...times].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  const r = (x: number) => Math.round(x * 100) / 100;
  return { n: s.length, p50_ms: r(q(0.5)), p95_ms: r(q(0.95)), p99_ms: r(q(0.99)), max_ms: r(s[s.length - 1] ?? 0), mean_ms: r(s.reduce((a, b) => a + b, 0) / Math.max(1, s.length)) };
}

/** Times egoNetwork (2 hops) and graphExpand for each id, and shortestPath between id pairs. */
export function benchEgo(db: Db, ids: readonly string[], opts: { asOf?: string; paths?: number } = {}): EgoBenchResult {
  for (const id of ids.slice(0, 20)) egoNetwork(db, id, { hops: 2, asOf: opts.asOf }); // warm the page cache and statements
  const ego: number[] = [];
  const expand: number[] = [];
  let nodes = 0, edges = 0, truncated = 0;
  const connected: [string, string][] = [];
  for (const id of ids) {
    let t = performance.now();
    const g = egoNetwork(db, id, { hops: 2, asOf: opts.asOf, limit: 2000 });
    ego.push(performance.now() - t);
    const far = g.nodes.find((n) => n.attributes.hops === 2);
    if (far) connected.push([id, far.id]);
    nodes += g.nodes.length;
    edges += g.edges.length;
    if (g.truncated) truncated++;
    t = performance.now();
    graphExpand(db, id, { asOf: opts.asOf });
    expand.push(performance.now() - t);
  }
  const result: EgoBenchResult = {
    ego2: { ...stats(ego), mean_nodes: Math.round(nodes / Math.max(1, ids.length)), mean_edges: Math.round(edges / Math.max(1, ids.length)), truncated },
    expand: stats(expand),
  };
  const pairs = Math.min(opts.paths ?? 50, Math.floor(ids.length / 2));
  if (pairs > 0) {
    const times: number[] = [];
    let found = 0;
    for (let i = 0; i < pairs; i++) {
      const t = performance.now();
      if (shortestPath(db, ids[2 * i]!, ids[2 * i + 1]!, { asOf: opts.asOf, maxHops: 6 })) found++;
      times.push(performance.now() - t);
    }
    result.path = { ...stats(times), found };
    // Pairs known to be two hops apart: the search ends early, as an investigator's usually does.
    const ctimes: number[] = [];
    let cfound = 0;
    for (const [a, b] of connected.slice(0, pairs)) {
      const t = performance.now();
      if (shortestPath(db, a, b, { asOf: opts.asOf, maxHops: 6 })) cfound++;
      ctimes.push(performance.now() - t);
    }
    result.path_connected = { ...stats(ctimes), found: cfound };
  }
  return result;
}

/** Times the welfare-sector graph build (graphology) from a loaded snapshot. */
export function benchBuild(db: Db): { load_facts_s: number; build_s: number; nodes: number; edges: number; hops: number; rss_mb: number } {
  let t = performance.now();
  const facts = loadFacts(db);
  const load = (performance.now() - t) / 1000;
  t = performance.now();
  const g = buildGraph(facts);
  const build = (performance.now() - t) / 1000;
  return { load_facts_s: Math.round(load * 10) / 10, build_s: Math.round(build * 10) / 10, nodes: g.order, edges: g.size, hops: WELFARE_HOPS, rss_mb: Math.round(process.memoryUsage().rss / 1e6) };
}

/** A deterministic mixed sample of entity ids from the store. */
export function sampleIds(db: Db, n: number): string[] {
  const pick = (sql: string, k: number) => (db.prepare(sql).all(k) as { id: string }[]).map((r) => r.id);
  // Every k-th row by row_id keeps the sample deterministic and spread over the table.
  const every = (table: string, col: string, k: number, where = '1') => {
    const total = (db.prepare(`SELECT count(*) AS c FROM ${table} WHERE ${where}`).get() as { c: number }).c;
    const step = Math.max(1, Math.floor(total / Math.max(1, k)));
    return pick(`SELECT ${col} AS id FROM ${table} WHERE ${where} AND (row_id % ${step}) = 0 LIMIT ?`, k);
  };
  const share = Math.ceil(n / 6);
  const ids = [
    ...every('licences', 'DISTINCT org_nr', share),
    ...every('licences', 'licence_id', share).map(licenceNode),
    ...every('roles', 'holder_id', share, "holder_kind = 'person'"),
    ...every('foster_homes', 'home_id', share).map(homeNode),
    ...every('companies', 'org_nr', share),
    ...every('persons', 'person_id', share),
  ];
  // Interleave kinds so path pairs mix them.
  const out: string[] = [];
  for (let i = 0; out.length < ids.length; i++) for (let k = 0; k < 6; k++) { const id = ids[k * share + i]; if (id != null) out.push(id); }
  return [...new Set(out)].slice(0, n);
}

/**
 * The bench's own copy of the national dataset (others regenerate eval-national in place, which
 * must not happen under a running import). Generated with the eval seed when missing.
 */
function ensureDataset(): string {
  const dir = path.join(CACHE, 'ego-national-data');
  if (fs.existsSync(path.join(dir, 'truth_meta.json'))) return dir;
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.mkdirSync(tmp, { recursive: true });
  console.error(`genererar nationell datamängd i ${tmp} …`);
  const r = spawnSync(process.execPath, [path.join(ROOT, 'src/cli/bin.js'), 'demo-data', tmp, '--scale', 'national', '--seed', String(SEED)], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`demo-data --scale national failed (exit ${r.status})`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(tmp, dir);
  return dir;
}

async function ensureStore(): Promise<Db> {
  const file = path.join(CACHE, 'ego-national.sqlite');
  const done = file + '.done';
  if (fs.existsSync(file) && fs.existsSync(done)) {
    const db = openDb(file);
    if (schemaVersion(db) === MIGRATIONS[MIGRATIONS.length - 1]!.version) return db;
    db.close();
  }
  for (const ext of ['', '-wal', '-shm', '.done']) fs.rmSync(file + ext, { force: true });
  const dir = ensureDataset();
  const db = openDb(file);
  const t = performance.now();
  console.error('importerar …');
  const res = await importPath(db, dir);
  console.error(`import klar: ${Object.values(res.rows).reduce((a, b) => a + b, 0)} rader på ${((performance.now() - t) / 1000).toFixed(1)} s`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  fs.writeFileSync(done, new Date().toISOString());
  return db;
}

async function main(): Promise<void> {
  const db = await ensureStore();
  const counts = Object.fromEntries(['companies', 'persons', 'roles', 'licences', 'employments', 'foster_homes', 'placements', 'residences', 'relations'].map((t) => [t, (db.prepare(`SELECT count(*) AS c FROM ${t}`).get() as { c: number }).c]));
  const ids = sampleIds(db, 600);
  const all = benchEgo(db, ids, { paths: 100 });
  const asOf = benchEgo(db, ids.slice(0, 300), { asOf: '2024-01-01', paths: 0 });
  const build = process.argv.includes('--no-build') ? null : benchBuild(db);
  const out = { at: new Date().toISOString(), machine: { cpus: os.cpus().length, loadavg: os.loadavg().map((x) => Math.round(x * 10) / 10) }, store: counts, sample: ids.length, target: 'ego 2 hops p95 ≤ 50 ms', all_time: all, as_of_2024_01_01: asOf, welfare_graph_build: build };
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'ego.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(JSON.stringify(out, null, 2));
  db.close();
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await main();

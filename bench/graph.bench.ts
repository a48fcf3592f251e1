/**
 * Graph benchmark: graphology construction and Louvain next to python3-igraph (Debian) on the same seeded
 * planted-partition edge list, plus the co-retweet projection on 10M seeded shares.
 * Run: npm run bench:graph [-- --small] (needs /usr/bin/python3 with igraph for the comparison).
 * Targets (issue 4): construction ≤ 2× igraph Read_Edgelist; detection ≤ 1.5× community_leiden(modularity)
 * with modularity within 0.005; heap ≤ 1 GB at 1M nodes / 5M edges; co-retweet on 10M shares < 60 s.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRng } from '../src/shared/graph/rng';
import { toGraphology } from '../src/shared/graph/to-graphology';
import { detectCommunities } from '../src/shared/analysis/communities';
import { coactionFromShares } from '../src/shared/analysis/coaction';
import type { EdgeList } from '../src/shared/graph/edge-list';
import type { ShareTable } from '../src/shared/analysis/coaction-shares';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (b: number) => (b / 2 ** 20).toFixed(0) + ' MB';
const heap = () => (gc(), process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers);

/** Planted partition: communities of ~100 nodes, 80 % of edges inside; no duplicate or self edges. */
function plantedPartition(n: number, m: number, seed: number): EdgeList {
  const rng = createRng(seed);
  const size = 100;
  const seen = new Set<number>();
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  let e = 0;
  while (e < m) {
    const a = Math.floor(rng() * n);
    let b: number;
    if (rng() < 0.8) {
      const base = a - (a % size);
      b = Math.min(n - 1, base + Math.floor(rng() * size));
    } else b = Math.floor(rng() * n);
    if (a === b) continue;
    const key = a < b ? a * n + b : b * n + a;
    if (seen.has(key)) continue;
    seen.add(key);
    source[e] = a;
    target[e] = b;
    e++;
  }
  return { nodeCount: n, directed: false, source, target, weight: new Float64Array(m).fill(1) };
}

function igraph(file: string, n: number): { read: number; leiden: number; modularity: number } | null {
  const script = `
import igraph, time, json, sys
t=time.perf_counter(); g=igraph.Graph.Read_Edgelist(sys.argv[1], directed=False); r=time.perf_counter()-t
g.add_vertices(max(0, ${n}-g.vcount()))
t=time.perf_counter(); c=g.community_leiden(objective_function='modularity', n_iterations=-1); l=time.perf_counter()-t
print(json.dumps({'read': r*1000, 'leiden': l*1000, 'modularity': g.modularity(c.membership)}))`;
  try {
    return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 1 << 20 }));
  } catch (err) {
    console.error('igraph comparison unavailable:', (err as Error).message.split('\n')[0]);
    return null;
  }
}

function benchGraph(n: number, m: number, dir: string): void {
  console.log(`\n== planted partition: ${n} nodes, ${m} edges ==`);
  const g = plantedPartition(n, m, 42);
  const file = path.join(dir, `edges-${n}.txt`);
  const lines: string[] = [];
  for (let e = 0; e < m; e++) lines.push(g.source[e] + ' ' + g.target[e]);
  writeFileSync(file, lines.join('\n') + '\n');
  lines.length = 0;
  const base = heap();
  let t = performance.now();
  const graph = toGraphology(g);
  const build = performance.now() - t;
  const graphHeap = heap() - base;
  console.log(`graphology graph: ${graph.order} nodes, ${graph.size} edges`);
  t = performance.now();
  const r = detectCommunities(g, { seed: 1, runs: 1 });
  const louvain = performance.now() - t;
  const peak = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const ig = igraph(file, n);
  const row = (label: string, ours: string, theirs: string, target: string) =>
    console.log(label.padEnd(28) + ours.padStart(14) + theirs.padStart(14) + '   ' + target);
  row('', 'graphology', 'igraph', 'target');
  row('construction ms', build.toFixed(0), ig ? ig.read.toFixed(0) : '-', ig ? `≤ ${(2 * ig.read).toFixed(0)}` : '');
  row(
    'detection ms (incl. build)',
    louvain.toFixed(0),
    ig ? ig.leiden.toFixed(0) : '-',
    ig ? `≤ ${(1.5 * ig.leiden).toFixed(0)}` : '',
  );
  row('  of which Louvain ms', r.timings.louvain.toFixed(0), '', '');
  row(
    'modularity',
    r.modularity.toFixed(4),
    ig ? ig.modularity.toFixed(4) : '-',
    ig ? `≥ ${(ig.modularity - 0.005).toFixed(4)}` : '',
  );
  row('graph heap', mb(graphHeap), '', '');
  row('heap after detection', mb(peak), '', '≤ 1024 MB');
}

function benchCoretweet(shareCount: number): void {
  console.log(`\n== co-retweet projection: ${shareCount} shares ==`);
  const rng = createRng(7);
  const accounts = 1_000_000;
  const objects = 1_000_000;
  const shares: ShareTable = {
    count: shareCount,
    objectCount: objects,
    object: new Int32Array(shareCount),
    account: new Int32Array(shareCount),
    time: new Float64Array(shareCount),
    post: new Int32Array(shareCount),
  };
  // Object popularity is skewed (Zipf-like); each object's shares within an hour, objects spread over 30 days.
  for (let i = 0; i < shareCount; i++) {
    const o = Math.floor(objects * rng() ** 3);
    shares.object[i] = o;
    shares.account[i] = Math.floor(rng() * accounts);
    shares.time[i] = (o % 1000) * 2592 + Math.floor(rng() * 3600);
    shares.post[i] = i;
  }
  const t = performance.now();
  const g = coactionFromShares(shares, accounts, { windowSeconds: 60, minParticipation: 2 });
  const ms = performance.now() - t;
  console.log(
    `co-retweet Δt 60 s: ${ms.toFixed(0)} ms, ${g.edges.source.length} edges, heap ${mb(heap())}   target < 60000 ms`,
  );
}

const small = process.argv.includes('--small');
const dir = mkdtempSync(path.join(tmpdir(), 'claque-bench-'));
try {
  benchGraph(100_000, 500_000, dir);
  if (!small) benchGraph(1_000_000, 5_000_000, dir);
  benchCoretweet(small ? 1_000_000 : 10_000_000);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

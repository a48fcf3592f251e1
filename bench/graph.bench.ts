/**
 * Graph benchmark: community detection on the EdgeListGraph view (Claque's path) beside the same library on a
 * graphology Graph built edge by edge (the old path) and python3-igraph (Debian) on the same seeded
 * planted-partition edge list; then the co-retweet projection on seeded, realistically shaped shares.
 * Each measurement runs in a fresh child process, so its max RSS is its own.
 * Run: npm run bench:graph [-- --small] [-- --graphology-big] (igraph needs /usr/bin/python3 with igraph).
 * Targets (issue 4): construction ≤ 2× igraph Read_Edgelist; detection ≤ 1.5× community_leiden(modularity)
 * with modularity within 0.005; heap ≤ 1 GB at 1M nodes / 5M edges; co-retweet on 10M shares < 60 s.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import louvain from 'graphology-communities-louvain';
import { detectCommunities } from '../src/shared/analysis/communities';
import type { EdgeList } from '../src/shared/graph/edge-list';
import { EdgeListGraph } from '../src/shared/graph/edge-list-graph';
import { plantedPartition } from '../src/shared/graph/planted-partition';
import { createRng } from '../src/shared/graph/rng';
import { toGraphology } from '../src/shared/graph/to-graphology';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const heap = () => (gc(), process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers);
const maxRss = () => process.resourceUsage().maxRSS * 1024;
const mb = (b: number) => (b / 2 ** 20).toFixed(0);

interface Measured {
  build: number;
  detect: number;
  modularity: number;
  graphHeap: number;
  maxRss: number;
}

/** Child process: read the binary edge list, build one kind of graph, run Louvain once (seed 1). */
function measure(kind: 'view' | 'graphology', file: string, n: number): Measured {
  const buf = readFileSync(file);
  const m = buf.length / 8;
  const pairs = new Int32Array(buf.buffer, buf.byteOffset, m * 2);
  const g: EdgeList = {
    nodeCount: n,
    directed: false,
    source: new Int32Array(m),
    target: new Int32Array(m),
    weight: new Float64Array(m).fill(1),
  };
  for (let e = 0; e < m; e++) {
    g.source[e] = pairs[2 * e];
    g.target[e] = pairs[2 * e + 1];
  }
  const base = heap();
  if (kind === 'view') {
    let t = performance.now();
    const graph = new EdgeListGraph(g);
    const build = performance.now() - t;
    const graphHeap = heap() - base;
    void graph;
    t = performance.now();
    const r = detectCommunities(g, { seed: 1, runs: 1 });
    return { build, detect: performance.now() - t, modularity: r.modularity, graphHeap, maxRss: maxRss() };
  }
  let t = performance.now();
  const graph = toGraphology(g);
  const build = performance.now() - t;
  const graphHeap = heap() - base;
  t = performance.now();
  const weight = g.weight;
  const r = louvain.detailed(graph, { rng: createRng(1), getEdgeWeight: (e: string) => weight[+e] });
  return { build, detect: performance.now() - t, modularity: r.modularity, graphHeap, maxRss: maxRss() };
}

function child(kind: 'view' | 'graphology', file: string, n: number): Measured | null {
  const self = fileURLToPath(import.meta.url);
  try {
    const out = execFileSync(process.execPath, [...process.execArgv, self, '--child', kind, file, String(n)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    return JSON.parse(out.trim().split('\n').pop()!);
  } catch (err) {
    console.error(`${kind} run failed:`, (err as Error).message.split('\n')[0]);
    return null;
  }
}

interface Igraph {
  read: number;
  leiden: number;
  modularity: number;
  maxRss: number;
}

function igraph(file: string, n: number): Igraph | null {
  const script = `
import igraph, time, json, sys, resource
t=time.perf_counter(); g=igraph.Graph.Read_Edgelist(sys.argv[1], directed=False); r=time.perf_counter()-t
g.add_vertices(max(0, ${n}-g.vcount()))
t=time.perf_counter(); c=g.community_leiden(objective_function='modularity', n_iterations=-1); l=time.perf_counter()-t
rss=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss*1024
print(json.dumps({'read': r*1000, 'leiden': l*1000, 'modularity': g.modularity(c.membership), 'maxRss': rss}))`;
  try {
    return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8', maxBuffer: 1 << 20 }));
  } catch (err) {
    console.error('igraph comparison unavailable:', (err as Error).message.split('\n')[0]);
    return null;
  }
}

let failures = 0;
const verdict = (ok: boolean) => {
  if (!ok) failures++;
  return ok ? 'PASS' : 'FAIL';
};

function benchGraph(n: number, m: number, dir: string, withGraphology: boolean): void {
  console.log(`\n== planted partition: ${n} nodes, ${m} edges (blocks of 100, 80 % inside) ==`);
  const g = plantedPartition(n, m, 42);
  const text = path.join(dir, `edges-${n}.txt`);
  const bin = path.join(dir, `edges-${n}.bin`);
  const lines: string[] = [];
  for (let e = 0; e < m; e++) lines.push(g.source[e] + ' ' + g.target[e]);
  writeFileSync(text, lines.join('\n') + '\n');
  lines.length = 0;
  const pairs = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    pairs[2 * e] = g.source[e];
    pairs[2 * e + 1] = g.target[e];
  }
  writeFileSync(bin, pairs);
  const view = child('view', bin, n);
  const old = withGraphology ? child('graphology', bin, n) : null;
  const ig = igraph(text, n);
  const cell = (v: number | undefined, f: (x: number) => string) => (v === undefined ? '-' : f(v));
  const ms = (x: number) => x.toFixed(0);
  const row = (label: string, a: string, b: string, c: string, target: string) =>
    console.log(label.padEnd(24) + a.padStart(12) + b.padStart(14) + c.padStart(10) + '   ' + target);
  row('', 'EdgeListGraph', 'graphology', 'igraph', 'target');
  row(
    'construction ms',
    cell(view?.build, ms),
    cell(old?.build, ms),
    cell(ig?.read, ms),
    ig && view ? `≤ ${ms(2 * ig.read)} ${verdict(view.build <= 2 * ig.read)}` : '',
  );
  row(
    'detection ms',
    cell(view?.detect, ms),
    cell(old?.detect, ms),
    cell(ig?.leiden, ms),
    ig && view ? `≤ ${ms(1.5 * ig.leiden)} ${verdict(view.detect <= 1.5 * ig.leiden)}` : '',
  );
  const q = (x: number) => x.toFixed(4);
  row(
    'modularity',
    cell(view?.modularity, q),
    cell(old?.modularity, q),
    cell(ig?.modularity, q),
    ig && view ? `≥ ${q(ig.modularity - 0.005)} ${verdict(view.modularity >= ig.modularity - 0.005)}` : '',
  );
  row('graph heap MB', cell(view?.graphHeap, mb), cell(old?.graphHeap, mb), '', '');
  row(
    'process max RSS MB',
    cell(view?.maxRss, mb),
    cell(old?.maxRss, mb),
    cell(ig?.maxRss, mb),
    view ? `≤ 1024 ${verdict(view.maxRss <= 2 ** 30)}` : '',
  );
}

/** bench/coretweet.bench.ts in its own process, so its peak RSS is its own. */
function benchCoretweet(shareCount: number): void {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./coretweet.bench.ts', import.meta.url)), String(shareCount)],
    {
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) failures++;
}

const argv = process.argv;
if (argv[2] === '--child') {
  console.log(JSON.stringify(measure(argv[3] as 'view' | 'graphology', argv[4], Number(argv[5]))));
} else {
  const small = argv.includes('--small');
  const dir = mkdtempSync(path.join(tmpdir(), 'claque-bench-'));
  try {
    benchGraph(100_000, 500_000, dir, true);
    if (!small) benchGraph(1_000_000, 5_000_000, dir, argv.includes('--graphology-big'));
    benchCoretweet(small ? 1_000_000 : 10_000_000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(failures ? `\n${failures} target(s) missed` : '\nall targets met');
}

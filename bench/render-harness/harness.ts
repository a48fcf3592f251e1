/**
 * Page for bench/render.bench.ts's ForceAtlas2 measurement: a generated graph (community-clustered, seeded)
 * shown by sigma with the app's settings while graphology's FA2 web worker lays it out with Barnes–Hut at
 * θ = 1.2 (Gephi's default), with or without sigma drawing it. Counts the worker's iterations (one message per iteration) and the page's long
 * tasks (the UI thread busy over 50 ms), which include copying each iteration's positions into the graph.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import { EdgeLineProgram } from 'sigma/rendering';
import { createRng } from '../../src/shared/graph/rng';

export interface Fa2Result {
  nodes: number;
  edges: number;
  buildMs: number;
  iterations: number;
  seconds: number;
  iterationsPerSecond: number;
  longTasks: number;
  longestTaskMs: number;
  barnesHutTheta: number;
  /** Whether sigma drew the graph meanwhile (each iteration's positions trigger a redraw). */
  withMap: boolean;
}

function buildGraph(n: number, m: number, seed: number): Graph {
  const rng = createRng(seed);
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  const k = Math.max(1, Math.round(n / 500));
  const community = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    community[i] = Math.floor(k * rng() * rng());
    graph.addNode(i, { x: rng() * 1000, y: rng() * 1000, size: 2, color: '#5b7aa6' });
  }
  const byCommunity: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) byCommunity[community[i]].push(i);
  while (graph.size < m) {
    const a = Math.floor(rng() * n);
    const own = byCommunity[community[a]];
    const b = rng() < 0.9 ? own[Math.floor(rng() * own.length)] : Math.floor(rng() * n);
    if (a !== b && !graph.hasEdge(a, b)) graph.addEdge(a, b, { size: 0.5, color: '#d0d0d0' });
  }
  return graph;
}

async function fa2(n: number, m: number, seconds: number, withMap: boolean): Promise<Fa2Result> {
  const t0 = performance.now();
  const graph = buildGraph(n, m, 7);
  const buildMs = performance.now() - t0;
  const container = document.getElementById('map')!;
  const sigma = withMap
    ? new Sigma(graph, container, {
        hideEdgesOnMove: true,
        hideLabelsOnMove: true,
        defaultEdgeType: 'line',
        edgeProgramClasses: { line: EdgeLineProgram },
        labelRenderedSizeThreshold: 9,
      })
    : null;
  // Count the layout worker's messages: FA2's supervisor asks for one iteration per message.
  let iterations = 0;
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', () => iterations++);
    }
  };
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: true, barnesHutTheta: 1.2 };
  const layout = new FA2Layout(graph, { settings });
  window.Worker = NativeWorker;
  const start = performance.now();
  layout.start();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  layout.stop();
  const elapsed = (performance.now() - start) / 1000;
  // Long tasks are reported after they end; give the last one a moment to arrive.
  await new Promise((r) => setTimeout(r, 200));
  observer.disconnect();
  layout.kill();
  sigma?.kill();
  return {
    nodes: graph.order,
    edges: graph.size,
    buildMs: Math.round(buildMs),
    iterations,
    seconds: elapsed,
    iterationsPerSecond: iterations / elapsed,
    longTasks: longTasks.length,
    longestTaskMs: Math.round(Math.max(0, ...longTasks)),
    barnesHutTheta: settings.barnesHutTheta,
    withMap,
  };
}

(window as unknown as { claqueBench: unknown }).claqueBench = { fa2 };

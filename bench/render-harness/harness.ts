/**
 * Page for bench/render.bench.ts's ForceAtlas2 measurement: a generated graph (community-clustered, seeded)
 * laid out by the app's layout controller (src/renderer/graph/layout-controller.ts: FA2 in a worker, Barnes–Hut
 * θ = 1.2, positions written back at most every 100 ms), with or without sigma drawing it; with, sigma shows
 * the nodes without edges while the layout runs, as the map does. Reports the worker's iterations and the
 * page's long tasks (the UI thread busy over 50 ms), which include writing positions and sigma's redraws.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import {
  LayoutController,
  layoutSettings,
  nodesOnly,
  writePositions,
  type LayoutEdges,
} from '../../src/renderer/graph/layout-controller';
import { sigmaSettings } from '../../src/renderer/graph/sigma-settings';
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
  /** Whether sigma drew the graph meanwhile (each position update triggers a redraw). */
  withMap: boolean;
  /** Position updates written into the graph. */
  updates: number;
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

/** The graph's edges as indexes into its node order, as MapModel.layoutEdges gives them to the controller. */
function edgesOf(graph: Graph): LayoutEdges {
  const index = new Map<string, number>();
  graph.forEachNode((node) => index.set(node, index.size));
  const edges = {
    source: new Int32Array(graph.size),
    target: new Int32Array(graph.size),
    weight: new Float64Array(graph.size),
  };
  let i = 0;
  graph.forEachEdge((_e, _a, s, t) => {
    edges.source[i] = index.get(s)!;
    edges.target[i] = index.get(t)!;
    edges.weight[i++] = 1;
  });
  return edges;
}

async function fa2(n: number, m: number, seconds: number, withMap: boolean): Promise<Fa2Result> {
  const t0 = performance.now();
  const graph = buildGraph(n, m, 7);
  const buildMs = performance.now() - t0;
  const container = document.getElementById('map')!;
  // As MapView does while the layout runs: sigma shows the nodes without edges, each update redraws nodes only.
  const display = nodesOnly(graph);
  const sigma = withMap ? new Sigma(display, container, sigmaSettings()) : null;
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const settings = layoutSettings(graph.order);
  let updates = 0;
  const layout = new LayoutController(graph, edgesOf(graph), {
    settings,
    onUpdate: (positions) => {
      updates++;
      if (sigma) writePositions(display, positions);
    },
  });
  const start = performance.now();
  layout.start();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  layout.stop();
  const elapsed = (performance.now() - start) / 1000;
  // The worker reports its count with the positions it sends after 'stop' (at most one iteration was in
  // flight); long tasks are reported after they end. Give both a moment to arrive.
  await new Promise((r) => setTimeout(r, 1000));
  observer.disconnect();
  const iterations = layout.iterations;
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
    barnesHutTheta: settings.barnesHutTheta ?? 1.2,
    withMap,
    updates,
  };
}

(window as unknown as { claqueBench: unknown }).claqueBench = { fa2 };

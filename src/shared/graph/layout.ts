/**
 * ForceAtlas2 positions for an EdgeList (Jacomy, Venturini, Heymann & Bastian 2014, "ForceAtlas2, a
 * continuous graph layout algorithm for handy network visualization", PLoS ONE 9(6)), through
 * graphology-layout-forceatlas2. Start positions come from a seeded rng, so a seed gives the same picture;
 * Barnes–Hut (θ = 0.5) switches on from `barnesHutThreshold` nodes, making a step O(n log n). The library
 * runs on an {@link EdgeListGraph} view of the typed arrays: it copies the graph into byte arrays once, so a
 * graphology Graph built edge by edge would only be read and thrown away.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { EdgeList } from './edge-list';
import { createRng } from './rng';
import { EdgeListGraph } from './edge-list-graph';
import { symmetrize } from './to-graphology';

export interface LayoutOptions {
  seed?: number;
  iterations?: number;
  /** Node count from which the Barnes–Hut approximation is used. */
  barnesHutThreshold?: number;
  /** 0 ignores weights, 1 uses them as they are. */
  edgeWeightInfluence?: number;
}

export const LAYOUT_DEFAULTS: Required<LayoutOptions> = {
  seed: 1,
  iterations: 100,
  barnesHutThreshold: 2000,
  edgeWeightInfluence: 1,
};

export interface Layout {
  x: Float32Array;
  y: Float32Array;
}

export function forceAtlas2Layout(g: EdgeList, options: LayoutOptions = {}): Layout {
  const o = { ...LAYOUT_DEFAULTS, ...options };
  const list = symmetrize(g);
  const n = list.nodeCount;
  const rng = createRng(o.seed);
  // Start in a square whose side grows with √n, as Gephi does, so early repulsion is not explosive.
  const r = Math.sqrt(n) * 10;
  const start = { x: new Float64Array(n), y: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    start.x[i] = (rng() * 2 - 1) * r;
    start.y[i] = (rng() * 2 - 1) * r;
  }
  const graph = new EdgeListGraph(list, start);
  const settings = {
    ...forceAtlas2.inferSettings(n),
    barnesHutOptimize: n >= o.barnesHutThreshold,
    barnesHutTheta: 0.5,
    edgeWeightInfluence: o.edgeWeightInfluence,
  };
  const weight = list.weight;
  // assign() writes the positions back through updateEachNodeAttributes, into graph.x / graph.y.
  forceAtlas2.assign(graph as unknown as Parameters<typeof forceAtlas2.assign>[0], {
    iterations: o.iterations,
    settings,
    getEdgeWeight: (edge: string) => weight[edge as unknown as number],
  });
  const x = Float32Array.from(graph.x);
  const y = Float32Array.from(graph.y);
  return { x, y };
}

/**
 * ForceAtlas2 positions for an EdgeList (Jacomy, Venturini, Heymann & Bastian 2014, "ForceAtlas2, a
 * continuous graph layout algorithm for handy network visualization", PLoS ONE 9(6)), through
 * graphology-layout-forceatlas2. Start positions come from a seeded rng, so a seed gives the same picture;
 * Barnes–Hut (θ = 0.5) switches on from `barnesHutThreshold` nodes, making a step O(n log n).
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { EdgeList } from './edge-list';
import { createRng } from './rng';
import { edgeWeightGetter, symmetrize, toGraphology } from './to-graphology';

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
  const graph = toGraphology(list);
  const rng = createRng(o.seed);
  // Start in a square whose side grows with √n, as Gephi does, so early repulsion is not explosive.
  const r = Math.sqrt(list.nodeCount) * 10;
  graph.forEachNode((node) => {
    graph.mergeNodeAttributes(node, { x: (rng() * 2 - 1) * r, y: (rng() * 2 - 1) * r });
  });
  const settings = {
    ...forceAtlas2.inferSettings(list.nodeCount),
    barnesHutOptimize: list.nodeCount >= o.barnesHutThreshold,
    barnesHutTheta: 0.5,
    edgeWeightInfluence: o.edgeWeightInfluence,
  };
  const positions = forceAtlas2(graph, {
    iterations: o.iterations,
    settings,
    getEdgeWeight: edgeWeightGetter(list.weight),
  });
  const x = new Float32Array(list.nodeCount);
  const y = new Float32Array(list.nodeCount);
  for (let i = 0; i < list.nodeCount; i++) {
    const p = positions[String(i)];
    x[i] = p.x;
    y[i] = p.y;
  }
  return { x, y };
}

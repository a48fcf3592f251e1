/**
 * ForceAtlas2 positions for an EdgeList (Jacomy, Venturini, Heymann & Bastian 2014, "ForceAtlas2, a
 * continuous graph layout algorithm for handy network visualization", PLoS ONE 9(6)), through
 * graphology-layout-forceatlas2. Start positions come from a seeded rng, so a seed gives the same picture;
 * Barnes–Hut (see barnesHutTheta) switches on from `barnesHutThreshold` nodes, making a step O(n log n). The library
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
  /**
   * Barnes–Hut accuracy. The library opens a region unless 2·size/distance < θ, i.e. its θ is twice Gephi's
   * (size/distance < θ): 1.2 here is Gephi's 0.6, stricter than Gephi's default 1.2, and 3–4× faster per
   * iteration than the library's default 0.5 (Gephi's 0.25) on 5k–50k nodes.
   */
  barnesHutTheta?: number;
  /**
   * Community per node (0 … k-1, e.g. from detectCommunities): nodes then start around their community's
   * centre instead of anywhere, so the few iterations a big graph can afford already show the communities
   * apart, where random starts would still be a hairball.
   */
  community?: Int32Array;
}

export const LAYOUT_DEFAULTS: Required<Omit<LayoutOptions, 'community'>> = {
  seed: 1,
  iterations: 100,
  barnesHutThreshold: 2000,
  edgeWeightInfluence: 1,
  barnesHutTheta: 1.2,
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
  const start = options.community ? communityStart(options.community, n, rng) : squareStart(n, rng);
  const graph = new EdgeListGraph(list, start);
  const settings = {
    ...forceAtlas2.inferSettings(n),
    barnesHutOptimize: n >= o.barnesHutThreshold,
    barnesHutTheta: o.barnesHutTheta,
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

/** Uniform in a square whose side grows with √n, as Gephi does, so early repulsion is not explosive. */
function squareStart(n: number, rng: () => number): { x: Float64Array; y: Float64Array } {
  const r = Math.sqrt(n) * 10;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = (rng() * 2 - 1) * r;
    y[i] = (rng() * 2 - 1) * r;
  }
  return { x, y };
}

/**
 * Each community a disk of area ∝ its size, centres on a golden-angle (Vogel) spiral in the order given —
 * communities numbered by decreasing size put the big ones in the middle — and members uniform in their disk.
 * Total area matches squareStart's, so FA2's forces start at the same scale.
 */
function communityStart(community: Int32Array, n: number, rng: () => number): { x: Float64Array; y: Float64Array } {
  if (community.length !== n) throw new Error(`forceAtlas2Layout: ${community.length} communities for ${n} nodes`);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (!(community[i] >= 0)) throw new Error(`forceAtlas2Layout: node ${i} has community ${community[i]}`);
    if (community[i] + 1 > k) k = community[i] + 1;
  }
  const size = new Float64Array(k);
  for (let i = 0; i < n; i++) size[community[i]]++;
  // Node density of squareStart: n nodes in a (20√n)² square → 400 area units per node.
  const cx = new Float64Array(k);
  const cy = new Float64Array(k);
  const radius = new Float64Array(k);
  const golden = Math.PI * (3 - Math.sqrt(5));
  let area = 0;
  for (let c = 0; c < k; c++) {
    radius[c] = Math.sqrt((400 * size[c]) / Math.PI);
    // Place the centre where the spiral has swept the area of the communities before it plus this one's half.
    const r = Math.sqrt((area + (400 * size[c]) / 2) / Math.PI);
    area += 400 * size[c];
    cx[c] = r * Math.cos(c * golden);
    cy[c] = r * Math.sin(c * golden);
  }
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = community[i];
    const d = radius[c] * Math.sqrt(rng());
    const a = rng() * 2 * Math.PI;
    x[i] = cx[c] + d * Math.cos(a);
    y[i] = cy[c] + d * Math.sin(a);
  }
  return { x, y };
}

/**
 * The sigma graph, derived from an AnalysisOutput (never the source of truth): one node per analysed
 * account keyed by its dataset index, positioned by the pipeline's layout, coloured by community rank, with
 * the metrics the size selector offers precomputed as attributes. Parallel edges are merged, weights summed.
 */
import Graph from 'graphology';
import type { AnalysisOutput } from '../../shared/analysis/result';
import { communityColor } from '../../shared/io/community-colors';
import { showBidiControls } from '../../shared/io/visible-controls';

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  /** The screen name (else account id) for display: bidi controls shown as visible markers (visible-controls.ts). */
  label: string;
  accountId: string;
  community: number;
  /** The node's community is flagged. */
  flagged: boolean;
  score: number;
  degree: number;
  weightedDegree: number;
}

export interface EdgeAttributes {
  weight: number;
  kind: string;
  size: number;
  color: string;
}

export interface MapModel {
  graph: Graph<NodeAttributes, EdgeAttributes>;
  /** Largest value of each size metric, for scaling. */
  maxima: { degree: number; weightedDegree: number; score: number };
  maxWeight: number;
  edgeKinds: string[];
  /** Node keys per community id. */
  members: Map<number, string[]>;
  /** Merged edges in the analysis; the graph holds fewer when the overview is thinned (see OVERVIEW_EDGE_BUDGET). */
  edgesTotal: number;
  /** Every merged edge as indexes into the graph's node order, for the layout worker (thinned or not). */
  layoutEdges: { source: Int32Array; target: Int32Array; weight: Float64Array };
}

export const EDGE_COLOR = '#c8c8c8';

/**
 * Above this many merged edges the map draws, for every node, only its heaviest edges (as many per node as the
 * budget allows, at least one): 500k software-drawn lines cost seconds per frame and hide the structure anyway.
 * Degrees, weighted degrees and the layout still count every edge; the map says how many it draws.
 */
export const OVERVIEW_EDGE_BUDGET = 200_000;

/** How many heaviest edges per node a thinned overview keeps (at least one). */
export const overviewEdgesPerNode = (nodes: number, budget = OVERVIEW_EDGE_BUDGET): number =>
  Math.max(1, Math.floor(budget / Math.max(1, nodes)));

/**
 * Builds the map model in bulk: parallel edges are merged and degrees counted in typed arrays first, so the
 * graphology graph receives each node and merged edge exactly once with its final attributes (no lookups,
 * attribute updates or per-node edge walks on the graph: 500k edges build in well under a second).
 */
export function buildMapModel(output: AnalysisOutput, edgeBudget = OVERVIEW_EDGE_BUDGET): MapModel {
  const g = output.graph;
  const n = g.nodes.length;
  const accounts = new Map(output.accounts.map((a) => [a.index, a]));
  const communities = new Map(output.communities.map((c, rank) => [c.id, { rank, flagged: c.flagged }]));
  const members = new Map<number, string[]>();
  const keys: string[] = new Array(n);
  // A node listed twice is one node: later positions alias the first (graphology would merge them).
  const canonical = new Int32Array(n);
  const seen = new Map<string, number>();
  for (let p = 0; p < n; p++) {
    const key = String(g.nodes[p]);
    keys[p] = key;
    const first = seen.get(key);
    canonical[p] = first ?? p;
    if (first === undefined) seen.set(key, p);
  }

  // Merge parallel edges by unordered pair, in first-seen order; weights summed, differing kinds → 'mixed'.
  const m = g.edges.length;
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const weight = new Float64Array(m);
  const kind = new Int32Array(m);
  const kindIds = new Map<string, number>();
  const kindNames: string[] = [];
  const slotOf = new Map<number, number>();
  let count = 0;
  for (let i = 0; i < m; i++) {
    const e = g.edges[i];
    if (!(e.source >= 0 && e.source < n && e.target >= 0 && e.target < n)) continue;
    const a = canonical[e.source];
    const b = canonical[e.target];
    if (a === b) continue;
    let k = kindIds.get(e.kind);
    if (k === undefined) {
      k = kindNames.length;
      kindIds.set(e.kind, k);
      kindNames.push(e.kind);
    }
    // n ≤ 2^26 keeps lo·n + hi an exact double.
    const pair = a < b ? a * n + b : b * n + a;
    const slot = slotOf.get(pair);
    if (slot === undefined) {
      slotOf.set(pair, count);
      src[count] = a;
      dst[count] = b;
      weight[count] = e.weight;
      kind[count] = k;
      count++;
    } else {
      weight[slot] += e.weight;
      if (kind[slot] !== k) kind[slot] = -1;
    }
  }
  slotOf.clear();

  const degree = new Int32Array(n);
  const weighted = new Float64Array(n);
  let maxWeight = 0;
  for (let i = 0; i < count; i++) {
    degree[src[i]]++;
    degree[dst[i]]++;
    weighted[src[i]] += weight[i];
    weighted[dst[i]] += weight[i];
    if (weight[i] > maxWeight) maxWeight = weight[i];
  }

  const keep = count > edgeBudget ? heaviestPerNode(src, dst, weight, count, n, edgeBudget) : null;

  const graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false });
  const position = new Int32Array(n);
  let order = 0;
  const maxima = { degree: 0, weightedDegree: 0, score: 0 };
  const colors = new Map<number, string>();
  for (let p = 0; p < n; p++) {
    if (canonical[p] !== p) continue;
    position[p] = order++;
    const key = keys[p];
    const account = accounts.get(g.nodes[p]);
    const community = communities.get(g.community[p]);
    const rank = community?.rank ?? -1;
    let color = colors.get(rank);
    if (color === undefined) colors.set(rank, (color = communityColor(rank)));
    const score = account?.score ?? 0;
    graph.addNode(key, {
      x: g.x[p],
      y: g.y[p],
      size: 3,
      color,
      label: showBidiControls(account?.screenName ?? account?.accountId ?? key),
      accountId: account?.accountId ?? key,
      community: g.community[p],
      flagged: community?.flagged ?? false,
      score,
      degree: degree[p],
      weightedDegree: weighted[p],
    });
    if (degree[p] > maxima.degree) maxima.degree = degree[p];
    if (weighted[p] > maxima.weightedDegree) maxima.weightedDegree = weighted[p];
    if (score > maxima.score) maxima.score = score;
    const list = members.get(g.community[p]);
    if (list) list.push(key);
    else members.set(g.community[p], [key]);
  }

  // Thin edges that thicken with weight on a log scale: heavy co-action ties stand out without blotting.
  // Edge keys are their merge order: given keys skip graphology's key generator and its collision checks.
  const logMax = Math.log1p(maxWeight || 1);
  for (let i = 0; i < count; i++) {
    if (keep && !keep[i]) continue;
    graph.addUndirectedEdgeWithKey(String(i), keys[src[i]], keys[dst[i]], {
      weight: weight[i],
      kind: kind[i] < 0 ? 'mixed' : kindNames[kind[i]],
      size: 0.5 + 2 * (Math.log1p(weight[i]) / logMax),
      color: EDGE_COLOR,
    });
  }

  const layoutEdges = { source: new Int32Array(count), target: new Int32Array(count), weight: weight.slice(0, count) };
  for (let i = 0; i < count; i++) {
    layoutEdges.source[i] = position[src[i]];
    layoutEdges.target[i] = position[dst[i]];
  }
  return { graph, maxima, maxWeight, edgeKinds: [...kindNames].sort(), members, edgesTotal: count, layoutEdges };
}

/**
 * Marks, for each node, its k heaviest edges, k = budget / nodes (at least 1): edges taken heaviest first, each
 * kept while one of its ends still has fewer than k — so every node keeps its own k heaviest, and at most
 * k·nodes edges are kept.
 */
function heaviestPerNode(
  src: Int32Array,
  dst: Int32Array,
  weight: Float64Array,
  count: number,
  nodes: number,
  budget: number,
): Uint8Array {
  const k = overviewEdgesPerNode(nodes, budget);
  const byWeight = new Uint32Array(count);
  for (let i = 0; i < count; i++) byWeight[i] = i;
  byWeight.sort((a, b) => weight[b] - weight[a] || a - b);
  const kept = new Int32Array(nodes);
  const keep = new Uint8Array(count);
  for (let j = 0; j < count; j++) {
    const i = byWeight[j];
    if (kept[src[i]] < k || kept[dst[i]] < k) {
      keep[i] = 1;
      kept[src[i]]++;
      kept[dst[i]]++;
    }
  }
  return keep;
}

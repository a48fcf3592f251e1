/**
 * Large analyses on the map: above a node threshold the map shows one node per community (sized by its
 * members, coloured by its verdict) joined by the summed weight of the edges between communities, and a
 * community opens on its own (its members and the edges among them) — never hundreds of thousands of raw
 * nodes in one WebGL scene. Pure functions of the AnalysisOutput, over typed arrays.
 */
import type { AnalysisOutput } from '../../shared/analysis/result';

/** Above this many nodes the map opens as the community meta-graph: the account map stays fluid to 100k nodes / 500k edges (bench:render), beyond that sigma is not the tool. */
export const META_GRAPH_THRESHOLD = 150_000;

export interface MetaNode {
  community: number;
  members: number;
  flagged: boolean;
  score: number;
  /** Rank among the analysis's communities (its colour elsewhere in the UI); -1 when unranked. */
  rank: number;
  /** Centroid of the members' layout positions. */
  x: number;
  y: number;
  /** Account edges with both ends in this community, and their summed weight (the meta-graph draws neither). */
  internalEdges: number;
  internalWeight: number;
}

export interface MetaEdge {
  source: number;
  target: number;
  /** Summed weight of the account edges between the two communities. */
  weight: number;
  /** How many account edges were merged. */
  edges: number;
}

export interface MetaGraph {
  nodes: MetaNode[];
  edges: MetaEdge[];
  /** Account edges inside one community, which the meta-graph does not draw. */
  internalEdges: number;
}

export const needsMetaGraph = (output: AnalysisOutput, threshold = META_GRAPH_THRESHOLD): boolean =>
  output.graph.nodes.length > threshold;

export function buildMetaGraph(output: AnalysisOutput): MetaGraph {
  const g = output.graph;
  const n = g.nodes.length;
  // Community ids are small non-negative integers from Louvain; index them densely anyway.
  const slot = new Map<number, number>();
  const nodeSlot = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    const c = g.community[p];
    let s = slot.get(c);
    if (s === undefined) {
      s = slot.size;
      slot.set(c, s);
    }
    nodeSlot[p] = s;
  }
  const k = slot.size;
  const members = new Float64Array(k);
  const innerEdges = new Float64Array(k);
  const innerWeight = new Float64Array(k);
  const sx = new Float64Array(k);
  const sy = new Float64Array(k);
  for (let p = 0; p < n; p++) {
    const s = nodeSlot[p];
    members[s]++;
    sx[s] += g.x[p];
    sy[s] += g.y[p];
  }
  // Pairs keyed a*k+b (a<b) in one number: exact while k² < 2^53, i.e. up to ~94 million communities.
  const pairs = new Map<number, { weight: number; edges: number }>();
  let internalEdges = 0;
  for (const e of g.edges) {
    const a = nodeSlot[e.source];
    const b = nodeSlot[e.target];
    if (a === undefined || b === undefined) continue;
    if (a === b) {
      internalEdges++;
      innerEdges[a]++;
      innerWeight[a] += e.weight;
      continue;
    }
    const key = a < b ? a * k + b : b * k + a;
    const acc = pairs.get(key);
    if (acc) {
      acc.weight += e.weight;
      acc.edges++;
    } else pairs.set(key, { weight: e.weight, edges: 1 });
  }
  const ranked = new Map(output.communities.map((c, rank) => [c.id, { c, rank }]));
  const nodes: MetaNode[] = [];
  for (const [community, s] of slot) {
    const r = ranked.get(community);
    nodes[s] = {
      community,
      members: members[s],
      flagged: r?.c.flagged ?? false,
      score: r?.c.score ?? 0,
      rank: r?.rank ?? -1,
      x: sx[s] / members[s],
      y: sy[s] / members[s],
      internalEdges: innerEdges[s],
      internalWeight: innerWeight[s],
    };
  }
  const edges: MetaEdge[] = [];
  for (const [key, acc] of pairs) {
    const a = Math.floor(key / k);
    edges.push({ source: nodes[a].community, target: nodes[key - a * k].community, ...acc });
  }
  return { nodes, edges, internalEdges };
}

/** One community's part of the analysis, for the drill-down map: its members and the edges among them. */
export function communityOutput(output: AnalysisOutput, community: number): AnalysisOutput {
  const g = output.graph;
  const keep = new Int32Array(g.nodes.length).fill(-1);
  const nodes: number[] = [];
  const x: number[] = [];
  const y: number[] = [];
  const comm: number[] = [];
  for (let p = 0; p < g.nodes.length; p++) {
    if (g.community[p] !== community) continue;
    keep[p] = nodes.length;
    nodes.push(g.nodes[p]);
    x.push(g.x[p]);
    y.push(g.y[p]);
    comm.push(community);
  }
  const edges = [];
  for (const e of g.edges) {
    const s = keep[e.source];
    const t = keep[e.target];
    if (s >= 0 && t >= 0) edges.push({ ...e, source: s, target: t });
  }
  return {
    ...output,
    graph: { directed: g.directed, nodes, x, y, community: comm, edges },
  };
}

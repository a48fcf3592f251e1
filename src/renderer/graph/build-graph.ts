/**
 * The sigma graph, derived from an AnalysisOutput (never the source of truth): one node per analysed
 * account keyed by its dataset index, positioned by the pipeline's layout, coloured by community rank, with
 * the metrics the size selector offers precomputed as attributes. Parallel edges are merged, weights summed.
 */
import Graph from 'graphology';
import type { AnalysisOutput } from '../../shared/analysis/result';
import { communityColor } from '../../shared/io/community-colors';

export interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
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
}

export const EDGE_COLOR = '#c8c8c8';

export function buildMapModel(output: AnalysisOutput): MapModel {
  const g = output.graph;
  const graph = new Graph<NodeAttributes, EdgeAttributes>({ type: 'undirected', multi: false, allowSelfLoops: false });
  const accounts = new Map(output.accounts.map((a) => [a.index, a]));
  const communities = new Map(output.communities.map((c, rank) => [c.id, { rank, flagged: c.flagged }]));
  const members = new Map<number, string[]>();
  const keys: string[] = new Array(g.nodes.length);

  for (let p = 0; p < g.nodes.length; p++) {
    const key = String(g.nodes[p]);
    keys[p] = key;
    const account = accounts.get(g.nodes[p]);
    const community = communities.get(g.community[p]);
    graph.mergeNode(key, {
      x: g.x[p],
      y: g.y[p],
      size: 3,
      color: communityColor(community?.rank ?? -1),
      label: account?.screenName ?? account?.accountId ?? key,
      accountId: account?.accountId ?? key,
      community: g.community[p],
      flagged: community?.flagged ?? false,
      score: account?.score ?? 0,
      degree: 0,
      weightedDegree: 0,
    });
    const list = members.get(g.community[p]);
    if (list) list.push(key);
    else members.set(g.community[p], [key]);
  }

  let maxWeight = 0;
  const kinds = new Set<string>();
  for (const e of g.edges) {
    const s = keys[e.source];
    const t = keys[e.target];
    if (s === undefined || t === undefined || s === t) continue;
    kinds.add(e.kind);
    const existing = graph.edge(s, t);
    if (existing !== undefined) {
      const w = graph.getEdgeAttribute(existing, 'weight') + e.weight;
      graph.setEdgeAttribute(existing, 'weight', w);
      if (graph.getEdgeAttribute(existing, 'kind') !== e.kind) graph.setEdgeAttribute(existing, 'kind', 'mixed');
    } else {
      graph.addEdge(s, t, { weight: e.weight, kind: e.kind, size: 1, color: EDGE_COLOR });
    }
  }

  const maxima = { degree: 0, weightedDegree: 0, score: 0 };
  graph.forEachEdge((edge, attr) => {
    maxWeight = Math.max(maxWeight, attr.weight);
  });
  graph.forEachNode((node, attr) => {
    let weighted = 0;
    graph.forEachEdge(node, (_e, ea) => {
      weighted += ea.weight;
    });
    const degree = graph.degree(node);
    graph.mergeNodeAttributes(node, { degree, weightedDegree: weighted });
    maxima.degree = Math.max(maxima.degree, degree);
    maxima.weightedDegree = Math.max(maxima.weightedDegree, weighted);
    maxima.score = Math.max(maxima.score, attr.score);
  });
  // Thin edges that thicken with weight on a log scale: heavy co-action ties stand out without blotting.
  const logMax = Math.log1p(maxWeight || 1);
  graph.forEachEdge((edge, attr) => graph.setEdgeAttribute(edge, 'size', 0.5 + 2 * (Math.log1p(attr.weight) / logMax)));

  return { graph, maxima, maxWeight, edgeKinds: [...kinds].sort(), members };
}

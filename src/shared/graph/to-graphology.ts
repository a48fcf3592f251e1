/**
 * Derives a graphology graph from an EdgeList, for the libraries that need one (Louvain, ForceAtlas2, GEXF
 * export) and for the map. Node keys are the decimal node ids "0" … "n-1" in order; edge keys are the edge
 * positions, so per-edge data stays in the EdgeList's typed arrays and is read back by key. Attributes are
 * written only when asked: one object per edge is what makes graphology construction slow and heavy.
 */
import Graph from 'graphology';
import type { EdgeList } from './edge-list';

export interface ToGraphologyOptions {
  /** Write `weight` as an edge attribute (default false: read weights with {@link edgeWeightGetter}). */
  weightAttribute?: boolean;
  /** Force an undirected graph from a directed list, summing the weights of u→v and v→u (default false). */
  undirected?: boolean;
}

export function toGraphology(g: EdgeList, options: ToGraphologyOptions = {}): Graph {
  const undirected = options.undirected || !g.directed;
  const list = undirected && g.directed ? symmetrize(g) : g;
  const graph = new Graph({ type: undirected ? 'undirected' : 'directed', multi: false, allowSelfLoops: true });
  // Key strings made once per node: converting ids inside the edge loop doubled construction time.
  const keys = new Array<string>(list.nodeCount);
  for (let i = 0; i < list.nodeCount; i++) graph.addNode((keys[i] = String(i)));
  const m = list.source.length;
  const withWeight = options.weightAttribute === true;
  for (let e = 0; e < m; e++) {
    const s = keys[list.source[e]];
    const t = keys[list.target[e]];
    if (withWeight) graph.addEdgeWithKey(String(e), s, t, { weight: list.weight[e] });
    else graph.addEdgeWithKey(String(e), s, t);
  }
  return graph;
}

/** Edge weight getter for graphology algorithms over a graph made by toGraphology (keys are edge positions). */
export function edgeWeightGetter(weight: Float64Array): (edge: string) => number {
  return (edge: string) => weight[+edge];
}

/** Undirected copy of a directed list: u→v and v→u merged into one edge with the summed weight. */
export function symmetrize(g: EdgeList): EdgeList {
  if (!g.directed) return g;
  const m = g.source.length;
  const keys = new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const a = g.source[e];
    const b = g.target[e];
    keys[e] = a < b ? a * g.nodeCount + b : b * g.nodeCount + a;
  }
  const order = sortedOrder(keys);
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  const weight = new Float64Array(m);
  let n = -1;
  let last = -1;
  for (let k = 0; k < m; k++) {
    const e = order[k];
    if (keys[e] !== last) {
      n++;
      last = keys[e];
      source[n] = Math.min(g.source[e], g.target[e]);
      target[n] = Math.max(g.source[e], g.target[e]);
    }
    weight[n] += g.weight[e];
  }
  n++;
  return {
    nodeCount: g.nodeCount,
    directed: false,
    source: source.slice(0, n),
    target: target.slice(0, n),
    weight: weight.slice(0, n),
  };
}

/** Positions 0 … n-1 ordered by ascending key (stable). */
export function sortedOrder(keys: Float64Array): Int32Array {
  const n = keys.length;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => keys[a] - keys[b] || a - b);
  return idx;
}

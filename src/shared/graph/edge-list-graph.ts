/**
 * A graphology-shaped view of an undirected EdgeList, for graphology-communities-louvain and
 * graphology-layout-forceatlas2 without building a graphology Graph.
 *
 * Why: both libraries copy the graph into typed arrays of their own first (graphology-indices'
 * UndirectedLouvainIndex, forceatlas2's graphToByteArrays) through a handful of read methods, then never look
 * at the graph again. Building a real graphology Graph edge by edge costs one node record, one edge record and
 * several Map entries per edge — 85 s and 1.6 GB for 5M edges — only to be read once. This class answers
 * exactly those reads from the EdgeList's typed arrays:
 *   - graphology-utils isGraph / inferType: `addUndirectedEdgeWithKey`, `dropNode` (functions), `multi`,
 *     `type`;
 *   - louvain: `order`, `size`, `selfLoopCount`, `forEachNode`, `undirectedDegreeWithoutSelfLoops`,
 *     `forEachEdge`;
 *   - forceatlas2: `order`, `size`, `forEachNode` (attributes x, y, size, fixed), `forEachEdge`, and
 *     `updateEachNodeAttributes` for `forceAtlas2.assign`, which writes positions back into `x` / `y`.
 * Node keys are the numbers 0 … n-1 and edge keys the edge positions, in EdgeList order, which is the order a
 * graphology Graph built by toGraphology iterates — so a seeded run gives the same result on either.
 *
 * Attribute objects handed to callbacks are flyweights reused between calls (no per-node or per-edge objects):
 * a callback must read them, not keep them. Everything that would modify the graph throws.
 */
import type { EdgeList } from './edge-list';

/** Node attributes as the callbacks see them. */
export interface NodeView {
  x: number;
  y: number;
}

/** Edge attributes as the callbacks see them: the edge's weight. */
export interface EdgeView {
  weight: number;
}

type NodeCallback = (node: number, attributes: NodeView) => void;
type EdgeCallback = (
  edge: number,
  attributes: EdgeView,
  source: number,
  target: number,
  sourceAttributes: NodeView,
  targetAttributes: NodeView,
  undirected: boolean,
) => void;

export class EdgeListGraph {
  readonly type = 'undirected';
  readonly multi = false;
  readonly allowSelfLoops = true;
  readonly order: number;
  readonly size: number;
  readonly selfLoopCount: number;
  /** Positions read by forEachNode and written by updateEachNodeAttributes (ForceAtlas2). */
  readonly x: Float64Array;
  readonly y: Float64Array;
  private readonly list: EdgeList;
  private readonly degree: Int32Array;

  constructor(list: EdgeList, positions?: { x: ArrayLike<number>; y: ArrayLike<number> }) {
    if (list.directed) throw new Error('EdgeListGraph: expects an undirected EdgeList (symmetrize it first)');
    const n = list.nodeCount;
    const m = list.source.length;
    if (list.target.length !== m || list.weight.length !== m) {
      throw new Error(
        `EdgeListGraph: source, target and weight lengths differ (${m}, ${list.target.length}, ${list.weight.length})`,
      );
    }
    this.list = list;
    this.order = n;
    this.size = m;
    const degree = new Int32Array(n);
    let loops = 0;
    for (let e = 0; e < m; e++) {
      const a = list.source[e];
      const b = list.target[e];
      if (!(a >= 0 && a < n && b >= 0 && b < n)) {
        throw new Error(`EdgeListGraph: edge ${e} (${a}, ${b}) names a node outside 0 … ${n - 1}`);
      }
      if (a === b) loops++;
      else {
        degree[a]++;
        degree[b]++;
      }
    }
    this.degree = degree;
    this.selfLoopCount = loops;
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    if (positions) {
      this.x.set(positions.x);
      this.y.set(positions.y);
    }
  }

  /** Number of edges at `node` other than self-loops (each parallel edge counts), as graphology defines it. */
  undirectedDegreeWithoutSelfLoops(node: number): number {
    return this.degree[node];
  }

  forEachNode(callback: NodeCallback): void {
    const view: NodeView = { x: 0, y: 0 };
    for (let i = 0; i < this.order; i++) {
      view.x = this.x[i];
      view.y = this.y[i];
      callback(i, view);
    }
  }

  /** Calls back with each node's attributes and stores the x / y of what the updater returns. */
  updateEachNodeAttributes(updater: (node: number, attributes: NodeView) => NodeView): void {
    const view: NodeView = { x: 0, y: 0 };
    for (let i = 0; i < this.order; i++) {
      view.x = this.x[i];
      view.y = this.y[i];
      const out = updater(i, view);
      this.x[i] = out.x;
      this.y[i] = out.y;
    }
  }

  forEachEdge(callback: EdgeCallback): void {
    const { source, target, weight } = this.list;
    const edge: EdgeView = { weight: 0 };
    const sa: NodeView = { x: 0, y: 0 };
    const ta: NodeView = { x: 0, y: 0 };
    for (let e = 0; e < this.size; e++) {
      const s = source[e];
      const t = target[e];
      edge.weight = weight[e];
      sa.x = this.x[s];
      sa.y = this.y[s];
      ta.x = this.x[t];
      ta.y = this.y[t];
      callback(e, edge, s, t, sa, ta, true);
    }
  }

  /** Node keys in order (graphology API; allocates one array). */
  nodes(): number[] {
    return Array.from({ length: this.order }, (_, i) => i);
  }

  addUndirectedEdgeWithKey(): never {
    throw new Error('EdgeListGraph is read-only');
  }

  dropNode(): never {
    throw new Error('EdgeListGraph is read-only');
  }

  setNodeAttribute(): never {
    throw new Error('EdgeListGraph is read-only');
  }
}

/**
 * The bulk form of every graph Claque builds: parallel typed arrays, one slot per edge, nodes being dense
 * integers (dataset account indexes unless a builder says otherwise). Builders aggregate into it with
 * {@link PairAccumulator}; graphology graphs are derived from it only where a library or the map needs them.
 */

export interface EdgeList {
  /** Nodes are 0 … nodeCount-1; nodes without edges are allowed. */
  nodeCount: number;
  directed: boolean;
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
  /** Optional per-edge kind code (e.g. an index into INTERACTION_KIND_CODES; MIXED_KIND = several kinds). */
  kind?: Uint8Array;
}

/** Kind code of an edge that aggregates several interaction kinds. */
export const MIXED_KIND = 255;

export function edgeCount(g: EdgeList): number {
  return g.source.length;
}

/**
 * Aggregates (a, b) pairs into distinct edges with summed weights using an open-addressing hash on the
 * pair key a·n + b (exact in a double while n² < 2^53, i.e. up to ~94M nodes). Linear time, no per-pair
 * objects; edges come out in first-seen order, so results are deterministic for a deterministic input.
 * Undirected accumulators store each pair as (min, max).
 */
export class PairAccumulator {
  readonly nodeCount: number;
  readonly directed: boolean;
  private keys: Float64Array;
  private slots: Int32Array;
  private mask: number;
  size = 0;
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
  /** Number of add() calls per edge. */
  count: Int32Array;
  /** Optional per-edge sum of a second quantity (e.g. |Δt|), kept only when `withSum`. */
  sum: Float64Array | null;
  kind: Uint8Array | null;

  constructor(
    nodeCount: number,
    directed: boolean,
    opts: { capacity?: number; withSum?: boolean; withKind?: boolean } = {},
  ) {
    if (nodeCount * nodeCount >= 2 ** 53)
      throw new Error(`PairAccumulator: ${nodeCount} nodes is too many for exact pair keys`);
    this.nodeCount = nodeCount;
    this.directed = directed;
    const cap = Math.max(16, opts.capacity ?? 1024);
    let tableSize = 16;
    while (tableSize < cap * 2) tableSize *= 2;
    this.keys = new Float64Array(tableSize);
    this.slots = new Int32Array(tableSize).fill(-1);
    this.mask = tableSize - 1;
    this.source = new Int32Array(cap);
    this.target = new Int32Array(cap);
    this.weight = new Float64Array(cap);
    this.count = new Int32Array(cap);
    this.sum = opts.withSum ? new Float64Array(cap) : null;
    this.kind = opts.withKind ? new Uint8Array(cap) : null;
  }

  /** Adds weight w to edge (a, b); returns the edge's index. An edge seen with two kinds becomes MIXED_KIND. */
  add(a: number, b: number, w: number, extra = 0, kind = 0): number {
    if (!this.directed && a > b) {
      const t = a;
      a = b;
      b = t;
    }
    const key = a * this.nodeCount + b;
    let h = hashPair(a, b) & this.mask;
    for (;;) {
      const s = this.slots[h];
      if (s < 0) break;
      if (this.keys[h] === key) {
        this.weight[s] += w;
        this.count[s]++;
        if (this.sum) this.sum[s] += extra;
        if (this.kind && this.kind[s] !== kind) this.kind[s] = MIXED_KIND;
        return s;
      }
      h = (h + 1) & this.mask;
    }
    const e = this.size;
    if (e === this.source.length) this.grow();
    this.keys[h] = key;
    this.slots[h] = e;
    this.source[e] = a;
    this.target[e] = b;
    this.weight[e] = w;
    this.count[e] = 1;
    if (this.sum) this.sum[e] = extra;
    if (this.kind) this.kind[e] = kind;
    this.size = e + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    return e;
  }

  private grow(): void {
    const cap = this.source.length * 2;
    this.source = resizeI32(this.source, cap);
    this.target = resizeI32(this.target, cap);
    this.count = resizeI32(this.count, cap);
    this.weight = resizeF64(this.weight, cap);
    if (this.sum) this.sum = resizeF64(this.sum, cap);
    if (this.kind) {
      const k = new Uint8Array(cap);
      k.set(this.kind);
      this.kind = k;
    }
  }

  private rehash(): void {
    const tableSize = this.slots.length * 2;
    this.keys = new Float64Array(tableSize);
    this.slots = new Int32Array(tableSize).fill(-1);
    this.mask = tableSize - 1;
    for (let e = 0; e < this.size; e++) {
      const a = this.source[e];
      const b = this.target[e];
      let h = hashPair(a, b) & this.mask;
      while (this.slots[h] >= 0) h = (h + 1) & this.mask;
      this.keys[h] = a * this.nodeCount + b;
      this.slots[h] = e;
    }
  }

  /** Edges passing `keep` (default: all), trimmed to size, with the kept accumulator indexes for side arrays. */
  toEdgeList(keep?: (e: number) => boolean): { edges: EdgeList; kept: Int32Array } {
    let n = 0;
    const kept = new Int32Array(this.size);
    for (let e = 0; e < this.size; e++) if (!keep || keep(e)) kept[n++] = e;
    const source = new Int32Array(n);
    const target = new Int32Array(n);
    const weight = new Float64Array(n);
    const kind = this.kind ? new Uint8Array(n) : undefined;
    for (let i = 0; i < n; i++) {
      const e = kept[i];
      source[i] = this.source[e];
      target[i] = this.target[e];
      weight[i] = this.weight[e];
      if (kind) kind[i] = this.kind![e];
    }
    const edges: EdgeList = { nodeCount: this.nodeCount, directed: this.directed, source, target, weight };
    if (kind) edges.kind = kind;
    return { edges, kept: kept.slice(0, n) };
  }
}

function hashPair(a: number, b: number): number {
  return Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b) ^ (b >>> 15);
}

function resizeI32(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a.subarray(0, Math.min(a.length, n)));
  return b;
}

function resizeF64(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a.subarray(0, Math.min(a.length, n)));
  return b;
}

/** Picks entries of a typed array by index (for side arrays aligned with PairAccumulator edges). */
export function pick(values: Float64Array, indexes: Int32Array): Float64Array {
  const out = new Float64Array(indexes.length);
  for (let i = 0; i < indexes.length; i++) out[i] = values[indexes[i]];
  return out;
}

/** Drops nodes without edges: returns the compacted edge list and, per new node, its original id. */
export function compactNodes(g: EdgeList): { edges: EdgeList; original: Int32Array } {
  const map = new Int32Array(g.nodeCount).fill(-1);
  const original = new Int32Array(g.nodeCount);
  let n = 0;
  const m = g.source.length;
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const a = g.source[e];
    if (map[a] < 0) {
      original[n] = a;
      map[a] = n++;
    }
    const b = g.target[e];
    if (map[b] < 0) {
      original[n] = b;
      map[b] = n++;
    }
    source[e] = map[a];
    target[e] = map[b];
  }
  const edges: EdgeList = { nodeCount: n, directed: g.directed, source, target, weight: g.weight };
  if (g.kind) edges.kind = g.kind;
  return { edges, original: original.slice(0, n) };
}

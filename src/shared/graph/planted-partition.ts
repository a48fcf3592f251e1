/**
 * Seeded planted-partition graphs (blocks of `blockSize` consecutive nodes, a share `inside` of the edges
 * within a block, the rest uniform), for benchmarks and for tests that compare community detection paths on
 * graphs with a known structure. Simple: no self-loops, no duplicate pairs.
 */
import type { EdgeList } from './edge-list';
import { createRng } from './rng';

export interface PlantedPartitionOptions {
  blockSize?: number;
  /** Share of edges drawn inside a block (default 0.8). */
  inside?: number;
  /** Random weights in 1 … maxWeight (default 1: unweighted). */
  maxWeight?: number;
}

export function plantedPartition(n: number, m: number, seed: number, options: PlantedPartitionOptions = {}): EdgeList {
  const size = options.blockSize ?? 100;
  const inside = options.inside ?? 0.8;
  const maxWeight = options.maxWeight ?? 1;
  if (m > (n * (n - 1)) / 4) throw new Error(`plantedPartition: ${m} edges is too dense for ${n} nodes`);
  const rng = createRng(seed);
  const seen = new Set<number>();
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  const weight = new Float64Array(m);
  let e = 0;
  while (e < m) {
    const a = Math.floor(rng() * n);
    let b: number;
    if (rng() < inside) {
      const base = a - (a % size);
      b = Math.min(n - 1, base + Math.floor(rng() * size));
    } else b = Math.floor(rng() * n);
    if (a === b) continue;
    const key = a < b ? a * n + b : b * n + a;
    if (seen.has(key)) continue;
    seen.add(key);
    source[e] = a;
    target[e] = b;
    weight[e] = maxWeight > 1 ? 1 + Math.floor(rng() * maxWeight) : 1;
    e++;
  }
  return { nodeCount: n, directed: false, source, target, weight };
}

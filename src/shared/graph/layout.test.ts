import { describe, expect, it } from 'vitest';
import { forceAtlas2Layout, type Layout } from './layout';
import { plantedPartition } from './planted-partition';

/** Mean distance of nodes to their own block's centroid over the mean distance between block centroids. */
function separation(layout: Layout, block: Int32Array, k: number): number {
  const sx = new Float64Array(k);
  const sy = new Float64Array(k);
  const count = new Float64Array(k);
  for (let i = 0; i < block.length; i++) {
    sx[block[i]] += layout.x[i];
    sy[block[i]] += layout.y[i];
    count[block[i]]++;
  }
  for (let c = 0; c < k; c++) {
    sx[c] /= count[c];
    sy[c] /= count[c];
  }
  let inside = 0;
  for (let i = 0; i < block.length; i++) inside += Math.hypot(layout.x[i] - sx[block[i]], layout.y[i] - sy[block[i]]);
  let between = 0;
  let pairs = 0;
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      between += Math.hypot(sx[a] - sx[b], sy[a] - sy[b]);
      pairs++;
    }
  }
  return inside / block.length / (between / pairs);
}

describe('forceAtlas2Layout with community starts', () => {
  const n = 3_000;
  const g = plantedPartition(n, 15_000, 8, { blockSize: 150, inside: 0.9 });
  const block = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 150));

  it('after a few iterations, communities sit apart far more clearly than from random starts', () => {
    const random = forceAtlas2Layout(g, { seed: 2, iterations: 5 });
    const seeded = forceAtlas2Layout(g, { seed: 2, iterations: 5, community: block });
    const r = separation(random, block, 20);
    const s = separation(seeded, block, 20);
    expect(s).toBeLessThan(0.5 * r);
    expect(seeded.x.every(Number.isFinite) && seeded.y.every(Number.isFinite)).toBe(true);
  });

  it('is seeded and checks its input', () => {
    const a = forceAtlas2Layout(g, { seed: 3, iterations: 3, community: block });
    const b = forceAtlas2Layout(g, { seed: 3, iterations: 3, community: block });
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(() => forceAtlas2Layout(g, { community: block.subarray(1) })).toThrow(/2999 communities for 3000 nodes/);
    const bad = block.slice();
    bad[7] = -1;
    expect(() => forceAtlas2Layout(g, { community: bad })).toThrow(/node 7 has community -1/);
  });
});

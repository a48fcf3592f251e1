import { describe, expect, it } from 'vitest';
import { detectCommunities, modularity } from '../../src/shared/analysis/communities';
import { connectedComponents } from '../../src/shared/graph/components';
import { forceAtlas2Layout } from '../../src/shared/graph/layout';
import type { EdgeList } from '../../src/shared/graph/edge-list';
import { karate } from '../fixtures/karate/karate';

describe('communities on Zachary karate club', () => {
  const g = karate();

  it('fixture has the known invariants', () => {
    expect(g.source.length).toBe(78);
    const degree = new Int32Array(34);
    for (let e = 0; e < 78; e++) {
      degree[g.source[e]]++;
      degree[g.target[e]]++;
    }
    expect(degree[33]).toBe(17);
    expect(degree[0]).toBe(16);
  });

  it('best-of-20 Louvain modularity ≥ 0.419, as reported and as recomputed', () => {
    const r = detectCommunities(g, { seed: 42, runs: 20 });
    expect(r.modularity).toBeGreaterThanOrEqual(0.419);
    expect(modularity(g, r.community)).toBeCloseTo(r.modularity, 9);
    expect(r.runModularities).toHaveLength(20);
    expect(Math.max(...r.runModularities)).toBe(r.modularity);
    expect(r.count).toBeGreaterThanOrEqual(3);
  });

  it('same seed ⇒ same partition; communities numbered by size', () => {
    const a = detectCommunities(g, { seed: 5, runs: 3 });
    const b = detectCommunities(g, { seed: 5, runs: 3 });
    expect(Array.from(a.community)).toEqual(Array.from(b.community));
    const sizes = Array.from({ length: a.count }, (_, c) => a.community.filter((x) => x === c).length);
    expect([...sizes].sort((x, y) => y - x)).toEqual(sizes);
  });

  it('a directed list is symmetrised', () => {
    const d: EdgeList = { ...g, directed: true, source: g.target, target: g.source };
    expect(detectCommunities(d, { seed: 42, runs: 20 }).modularity).toBeGreaterThanOrEqual(0.419);
  });

  it('ForceAtlas2 layout: finite, seeded, reproducible', () => {
    const a = forceAtlas2Layout(g, { seed: 3, iterations: 50 });
    const b = forceAtlas2Layout(g, { seed: 3, iterations: 50 });
    expect(a.x).toHaveLength(34);
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(a.x.every(Number.isFinite) && a.y.every(Number.isFinite)).toBe(true);
    expect(Array.from(forceAtlas2Layout(g, { seed: 4, iterations: 50 }).x)).not.toEqual(Array.from(a.x));
  });
});

describe('connectedComponents', () => {
  it('finds components, largest first, isolated nodes alone', () => {
    const g: EdgeList = {
      nodeCount: 7,
      directed: true,
      source: Int32Array.from([5, 0, 1]),
      target: Int32Array.from([6, 1, 2]),
      weight: new Float64Array(3).fill(1),
    };
    const c = connectedComponents(g);
    expect(c.count).toBe(4);
    expect(Array.from(c.sizes)).toEqual([3, 2, 1, 1]);
    expect(Array.from(c.component)).toEqual([0, 0, 0, 2, 3, 1, 1]);
  });
});

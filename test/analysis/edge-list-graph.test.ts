import louvain from 'graphology-communities-louvain';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { describe, expect, it } from 'vitest';
import { detectCommunities, modularity } from '../../src/shared/analysis/communities';
import type { EdgeList } from '../../src/shared/graph/edge-list';
import { EdgeListGraph } from '../../src/shared/graph/edge-list-graph';
import { plantedPartition } from '../../src/shared/graph/planted-partition';
import { createRng } from '../../src/shared/graph/rng';
import { toGraphology } from '../../src/shared/graph/to-graphology';
import { karate } from '../fixtures/karate/karate';

type AnyGraph = Parameters<typeof louvain.detailed>[0];

/** Louvain on a real graphology Graph and on the EdgeListGraph view, same seed: everything it reports. */
function bothLouvains(g: EdgeList, seed: number, resolution = 1) {
  const run = (graph: AnyGraph, key: (i: number) => string | number) => {
    const weight = g.weight;
    const res = louvain.detailed(graph, {
      rng: createRng(seed),
      resolution,
      getEdgeWeight: (edge: string) => weight[+edge],
    });
    const map = res.communities as unknown as Record<string | number, number>;
    return {
      community: Array.from({ length: g.nodeCount }, (_, i) => map[key(i)]),
      modularity: res.modularity,
      count: res.count,
      moves: res.moves,
      deltaComputations: res.deltaComputations,
      nodesVisited: res.nodesVisited,
    };
  };
  return {
    graphology: run(toGraphology(g), String),
    view: run(new EdgeListGraph(g) as unknown as AnyGraph, (i) => i),
  };
}

describe('EdgeListGraph: Louvain on the typed-array view is the library run on a graphology Graph', () => {
  it('karate club, several seeds and resolutions: identical partitions, moves and modularity', () => {
    const g = karate();
    for (const seed of [1, 2, 3, 42, 99]) {
      for (const resolution of [0.5, 1, 2]) {
        const { graphology, view } = bothLouvains(g, seed, resolution);
        expect(view).toEqual(graphology);
      }
    }
  });

  it('planted partitions, weighted and unweighted: identical, and the blocks are found', () => {
    for (const [n, m, maxWeight] of [
      [2_000, 10_000, 1],
      [5_000, 30_000, 5],
    ]) {
      const g = plantedPartition(n, m, 7, { maxWeight });
      const { graphology, view } = bothLouvains(g, 11);
      expect(view).toEqual(graphology);
      expect(view.modularity).toBeGreaterThan(0.6);
      expect(modularity(g, Int32Array.from(view.community))).toBeCloseTo(view.modularity, 9);
    }
  });

  it('self-loops count as graphology counts them', () => {
    const g = karate();
    const loops: EdgeList = {
      ...g,
      source: Int32Array.from([...g.source, 0, 33]),
      target: Int32Array.from([...g.target, 0, 33]),
      weight: Float64Array.from([...g.weight, 3, 2]),
    };
    expect(new EdgeListGraph(loops).selfLoopCount).toBe(2);
    const { graphology, view } = bothLouvains(loops, 5);
    expect(view).toEqual(graphology);
  });

  it('detectCommunities keeps its reference values on the view', () => {
    expect(detectCommunities(karate(), { seed: 42, runs: 20 }).modularity).toBeGreaterThanOrEqual(0.419);
    const g = plantedPartition(3_000, 15_000, 3);
    const r = detectCommunities(g, { seed: 1, runs: 2 });
    expect(r.modularity).toBeCloseTo(modularity(g, r.community), 9);
  });
});

describe('EdgeListGraph: ForceAtlas2 on the view matches the library on a graphology Graph', () => {
  for (const [label, g, barnesHut] of [
    ['karate, exact forces', karate(), false],
    ['planted 3000 nodes, Barnes–Hut', plantedPartition(3_000, 12_000, 5, { maxWeight: 3 }), true],
  ] as const) {
    it(label, () => {
      const rng = createRng(9);
      const x = Float64Array.from({ length: g.nodeCount }, () => rng() * 100);
      const y = Float64Array.from({ length: g.nodeCount }, () => rng() * 100);
      const settings = { ...forceAtlas2.inferSettings(g.nodeCount), barnesHutOptimize: barnesHut };
      const weight = g.weight;
      const getEdgeWeight = (edge: string) => weight[+edge];

      const graph = toGraphology(g);
      graph.forEachNode((node) => graph.mergeNodeAttributes(node, { x: x[+node], y: y[+node] }));
      const expected = forceAtlas2(graph, { iterations: 20, settings, getEdgeWeight });

      const view = new EdgeListGraph(g, { x, y });
      forceAtlas2.assign(view as unknown as AnyGraph, { iterations: 20, settings, getEdgeWeight });
      for (let i = 0; i < g.nodeCount; i++) {
        expect(view.x[i]).toBe(expected[String(i)].x);
        expect(view.y[i]).toBe(expected[String(i)].y);
      }
    });
  }
});

describe('EdgeListGraph input checks', () => {
  it('refuses directed lists, ragged arrays and out-of-range nodes, and cannot be modified', () => {
    const g = karate();
    expect(() => new EdgeListGraph({ ...g, directed: true })).toThrow(/undirected/);
    expect(() => new EdgeListGraph({ ...g, weight: new Float64Array(3) })).toThrow(/lengths differ/);
    expect(() => new EdgeListGraph({ ...g, nodeCount: 10 })).toThrow(/outside 0 … 9/);
    expect(() => new EdgeListGraph(g).addUndirectedEdgeWithKey()).toThrow(/read-only/);
  });
});

import { describe, expect, it } from 'vitest';
import type { AnalysisOutput } from '../../shared/analysis/result';
import { generateLargeOutput } from '../../../test/fixtures/large-graph/generate';
import { buildMapModel, overviewEdgesPerNode } from './build-graph';
import { layoutMatrices } from './layout-controller';

/** A hand-made output: 4 accounts, parallel edges of two kinds, a self-loop and an edge to a missing node. */
function tiny(): AnalysisOutput {
  const edge = (source: number, target: number, weight: number, kind: string) => ({ source, target, weight, kind });
  return {
    summary: {} as AnalysisOutput['summary'],
    communities: [],
    accounts: [],
    cascades: [],
    graph: {
      nodes: [10, 11, 12, 13],
      community: [0, 0, 1, 1],
      x: [0, 1, 2, 3],
      y: [0, 1, 2, 3],
      edges: [
        edge(0, 1, 2, 'retweet'),
        edge(1, 0, 3, 'retweet'),
        edge(1, 2, 1, 'retweet'),
        edge(2, 1, 4, 'reply'),
        edge(2, 3, 7, 'reply'),
        edge(3, 3, 9, 'reply'),
        edge(0, 9, 9, 'reply'),
      ],
    } as unknown as AnalysisOutput['graph'],
  };
}

describe('buildMapModel in bulk', () => {
  it('merges parallel edges (weights summed, differing kinds mixed) and counts degrees over merged edges', () => {
    const model = buildMapModel(tiny());
    const { graph } = model;
    expect(graph.order).toBe(4);
    expect(graph.size).toBe(3);
    expect(graph.getEdgeAttributes(graph.edge('10', '11')!)).toMatchObject({ weight: 5, kind: 'retweet' });
    expect(graph.getEdgeAttributes(graph.edge('11', '12')!)).toMatchObject({ weight: 5, kind: 'mixed' });
    expect(graph.getNodeAttributes('11')).toMatchObject({ degree: 2, weightedDegree: 10 });
    expect(graph.getNodeAttributes('13')).toMatchObject({ degree: 1, weightedDegree: 7 });
    expect(model.maxima).toMatchObject({ degree: 2, weightedDegree: 12 });
    expect(model.maxWeight).toBe(7);
    expect(model.edgeKinds).toEqual(['reply', 'retweet']);
    expect(model.edgesTotal).toBe(3);
    expect([...model.layoutEdges.source]).toEqual([0, 1, 2]);
    expect([...model.layoutEdges.target]).toEqual([1, 2, 3]);
    // The heaviest merged edge is drawn thickest: 0.5 + 2 · log1p(w) / log1p(max).
    expect(graph.getEdgeAttribute(graph.edge('12', '13')!, 'size')).toBeCloseTo(2.5);
  });

  it('thins a dense overview to each node’s heaviest edges, keeping every edge for degrees and layout', () => {
    const output = generateLargeOutput({ nodes: 2000, communities: 10, edgesPerNode: 6, seed: 3 });
    const full = buildMapModel(output, Infinity);
    const budget = 4000;
    const thin = buildMapModel(output, budget);
    const k = overviewEdgesPerNode(2000, budget);
    expect(k).toBe(2);
    expect(thin.edgesTotal).toBe(full.graph.size);
    expect(thin.graph.size).toBeLessThan(full.graph.size);
    expect(thin.graph.size).toBeLessThanOrEqual(k * 2000);
    expect(thin.layoutEdges.source.length).toBe(full.graph.size);
    full.graph.forEachNode((node, attr) => {
      expect(thin.graph.getNodeAttributes(node)).toEqual(attr);
      // Each node keeps min(k, degree) edges, and they are its heaviest.
      const weights = full.graph.mapEdges(node, (_e, a) => a.weight).sort((a, b) => b - a);
      const kept = thin.graph.mapEdges(node, (_e, a) => a.weight).sort((a, b) => b - a);
      expect(kept.length).toBeGreaterThanOrEqual(Math.min(k, weights.length));
      for (let i = 0; i < Math.min(k, weights.length); i++) expect(kept[i]).toBe(weights[i]);
    });
  });

  it('gives the layout worker positions, sizes and masses (1 + weighted degree) in node order', () => {
    const model = buildMapModel(tiny());
    const { nodes, edges } = layoutMatrices(model.graph, model.layoutEdges);
    expect([nodes[0], nodes[1], nodes[10], nodes[11]]).toEqual([0, 0, 1, 1]);
    expect([nodes[6], nodes[16], nodes[26], nodes[36]]).toEqual([6, 11, 13, 8]);
    expect([...edges.slice(0, 3)]).toEqual([0, 10, 5]);
  });
});

import { describe, expect, it } from 'vitest';
import { generateLargeOutput } from '../../../test/fixtures/large-graph/generate';
import { buildMetaGraph, communityOutput, needsMetaGraph } from './meta-graph';

const largeOutput = (nodes: number, communities: number) => generateLargeOutput({ nodes, communities });

describe('community meta-graph for large analyses', () => {
  const output = largeOutput(200_000, 400);

  it('opens a 200k-node analysis as one node per community', () => {
    expect(needsMetaGraph(output)).toBe(true);
    const meta = buildMetaGraph(output);
    const present = new Set(output.graph.community);
    expect(meta.nodes).toHaveLength(present.size);
    expect(meta.nodes.reduce((s, m) => s + m.members, 0)).toBe(200_000);
    // Every account edge is either inside a community or merged into exactly one meta-edge.
    expect(meta.internalEdges + meta.edges.reduce((s, e) => s + e.edges, 0)).toBe(output.graph.edges.length);
    expect(meta.edges.every((e) => e.source !== e.target)).toBe(true);
    const keys = new Set(meta.edges.map((e) => `${Math.min(e.source, e.target)}-${Math.max(e.source, e.target)}`));
    expect(keys.size).toBe(meta.edges.length);
  });

  it('carries each community’s verdict, rank and centroid', () => {
    const meta = buildMetaGraph(output);
    const top = output.communities[0];
    const node = meta.nodes.find((m) => m.community === top.id)!;
    expect(node).toMatchObject({ flagged: true, rank: 0, members: top.size });
    const members = output.graph.community.flatMap((c, p) => (c === top.id ? [p] : []));
    const cx = members.reduce((s, p) => s + output.graph.x[p], 0) / members.length;
    expect(node.x).toBeCloseTo(cx, 6);
    expect(meta.nodes.filter((m) => m.flagged)).toHaveLength(5);
  });

  it('drills into one community: its members and only the edges among them', () => {
    const c = output.communities[3].id;
    const sub = communityOutput(output, c);
    expect(sub.graph.nodes).toHaveLength(output.communities[3].size);
    expect(new Set(sub.graph.community)).toEqual(new Set([c]));
    const inside = output.graph.edges.filter(
      (e) => output.graph.community[e.source] === c && output.graph.community[e.target] === c,
    ).length;
    expect(sub.graph.edges).toHaveLength(inside);
    for (const e of sub.graph.edges) {
      expect(e.source).toBeLessThan(sub.graph.nodes.length);
      expect(e.target).toBeLessThan(sub.graph.nodes.length);
    }
    expect(needsMetaGraph(sub)).toBe(false);
  });

  it('leaves small analyses alone', () => {
    expect(needsMetaGraph(largeOutput(1000, 10))).toBe(false);
  });
});

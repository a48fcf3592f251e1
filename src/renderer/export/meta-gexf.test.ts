import { DOMParser } from '@xmldom/xmldom';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { generateLargeOutput } from '../../../test/fixtures/large-graph/generate';
import { buildMetaGraph } from '../graph/meta-graph';
import { VERDICT_COLORS } from '../graph/meta-style';
import { metaGraphToGexf } from './meta-gexf';

describe('metaGraphToGexf', () => {
  const output = generateLargeOutput({ nodes: 20_000, communities: 60, edgesPerNode: 2, flagged: 4 });
  const meta = buildMetaGraph(output);
  const xml = metaGraphToGexf(meta, 'Claque community meta-graph <test> & "quotes"');

  it('is well-formed GEXF 1.3 with one node per community and one edge per linked pair', () => {
    const errors: string[] = [];
    const doc = new DOMParser({ onError: (level, msg) => void errors.push(`${level}: ${msg}`) }).parseFromString(
      xml,
      'text/xml',
    );
    expect(errors).toEqual([]);
    const root = doc.documentElement!;
    expect(root.tagName).toBe('gexf');
    expect(root.getAttribute('version')).toBe('1.3');
    expect(doc.getElementsByTagName('description')[0].textContent).toBe(
      'Claque community meta-graph <test> & "quotes"',
    );
    expect(doc.getElementsByTagName('graph')[0].getAttribute('defaultedgetype')).toBe('undirected');
    expect(doc.getElementsByTagName('node')).toHaveLength(meta.nodes.length);
    expect(doc.getElementsByTagName('edge')).toHaveLength(meta.edges.length);
  });

  it('reads back in graphology-gexf (what Gephi-bound tooling sees): attributes, colour, size, position, weights', () => {
    const g = parseGexf(Graph, xml);
    expect(g.type).toBe('undirected');
    expect(g.order).toBe(meta.nodes.length);
    expect(g.size).toBe(meta.edges.length);
    const top = output.communities[0];
    const node = g.getNodeAttributes(String(top.id));
    const m = meta.nodes.find((x) => x.community === top.id)!;
    expect(node).toMatchObject({
      label: `Community #${top.id}`,
      community: top.id,
      members: top.size,
      flagged: true,
      verdict: 'flagged',
      rank: 0,
      internal_edges: m.internalEdges,
      color: 'rgb(198,40,40)', // VERDICT_COLORS.flagged
    });
    expect(VERDICT_COLORS.flagged).toBe('#c62828');
    expect(node.score).toBeCloseTo(top.score, 3);
    expect(node.x).toBeCloseTo(m.x, 2);
    expect(node.y).toBeCloseTo(m.y, 2);
    expect(node.size).toBeCloseTo(25, 3); // the largest community gets the largest circle, as on the map
    expect(g.filterNodes((_n, a) => a.flagged === true)).toHaveLength(4);
    expect(g.filterNodes((_n, a) => a.verdict === 'organic').length).toBe(meta.nodes.length - 4);

    // Members and edges add up to the analysis: every account once, every account edge inside or between.
    expect(g.reduceNodes((s, _n, a) => s + (a.members as number), 0)).toBe(20_000);
    const between = g.reduceEdges((s, _e, a) => s + (a.account_edges as number), 0);
    const inside = g.reduceNodes((s, _n, a) => s + (a.internal_edges as number), 0);
    expect(between + inside).toBe(output.graph.edges.length);
    const e = meta.edges.reduce((a, b) => (b.weight > a.weight ? b : a));
    expect(g.getEdgeAttribute(g.edge(String(e.source), String(e.target))!, 'weight')).toBe(e.weight);
  });

  it('counts inside-community edges and weight per community', () => {
    const c = output.communities[2].id;
    const inside = output.graph.edges.filter(
      (x) => output.graph.community[x.source] === c && output.graph.community[x.target] === c,
    );
    const m = meta.nodes.find((x) => x.community === c)!;
    expect(m.internalEdges).toBe(inside.length);
    expect(m.internalWeight).toBe(inside.reduce((s, x) => s + x.weight, 0));
    expect(meta.nodes.reduce((s, x) => s + x.internalEdges, 0)).toBe(meta.internalEdges);
  });
});

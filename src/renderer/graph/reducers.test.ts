import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnalysisOutput } from '../../shared/analysis/result';
import {
  initialFilters,
  setFlaggedOnly,
  setMinWeight,
  setSearch,
  showOnlyCommunities,
  toggleCommunity,
} from '../state/filters/producers';
import { hoverNode, initialSelection, selectCommunity, selectNode } from '../state/selection/producers';
import { buildMapModel } from './build-graph';
import { frameFor } from './camera';
import { focusNeighbourhood, makeReducers, mutedFocusSize, MUTED_NODE, nodeSize } from './reducers';

const REPO = resolve(import.meta.dirname, '../../..');
const output = JSON.parse(
  readFileSync(join(REPO, 'test/fixtures/analysis/output-small.json'), 'utf8'),
) as AnalysisOutput;
const model = buildMapModel(output);
const { graph } = model;

const shown = (r: ReturnType<typeof makeReducers>) => graph.filterNodes((n, a) => !r.nodeReducer(n, a).hidden);
const shownEdges = (r: ReturnType<typeof makeReducers>) => graph.filterEdges((e, a) => !r.edgeReducer(e, a).hidden);

describe('buildMapModel', () => {
  it('derives one node per analysed account with community colour, metrics and merged edges', () => {
    expect(graph.order).toBe(output.graph.nodes.length);
    expect(graph.size).toBe(output.graph.edges.length); // the fixture has no parallel edges
    const first = output.communities[0];
    const member = model.members.get(first.id)![0];
    expect(graph.getNodeAttribute(member, 'flagged')).toBe(first.flagged);
    expect(graph.getNodeAttribute(member, 'color')).toBe('#4e79a7'); // rank 0's colour
    const degreeSum = graph.reduceNodes((s, _n, a) => s + a.degree, 0);
    expect(degreeSum).toBe(2 * graph.size);
    expect(model.maxima.degree).toBeGreaterThan(0);
  });
});

describe('makeReducers', () => {
  it('shows everything by default, sized by the chosen metric', () => {
    const r = makeReducers(model, initialFilters, initialSelection);
    expect(shown(r)).toHaveLength(graph.order);
    expect(shownEdges(r)).toHaveLength(graph.size);
    const hub = graph.nodes().reduce((a, b) => (graph.degree(a) >= graph.degree(b) ? a : b));
    expect(r.nodeReducer(hub, graph.getNodeAttributes(hub)).size).toBe(14);
  });

  it('filters by community, flagged only and minimum weight, hiding edges of hidden nodes', () => {
    const ring = output.communities[0].id;
    const only = makeReducers(model, showOnlyCommunities([ring])(initialFilters), initialSelection);
    expect(shown(only).sort()).toEqual([...model.members.get(ring)!].sort());
    for (const e of shownEdges(only))
      for (const n of graph.extremities(e)) expect(model.members.get(ring)).toContain(n);

    const flagged = makeReducers(model, setFlaggedOnly(true)(initialFilters), initialSelection);
    const flaggedSize = output.communities.filter((c) => c.flagged).reduce((s, c) => s + c.size, 0);
    expect(shown(flagged)).toHaveLength(flaggedSize);

    const heavy = makeReducers(model, setMinWeight(10)(initialFilters), initialSelection);
    expect(shownEdges(heavy).every((e) => graph.getEdgeAttribute(e, 'weight') >= 10)).toBe(true);
    expect(shownEdges(heavy).length).toBeLessThan(graph.size);
  });

  it('toggling a community from "all" hides just that one, toggling it back shows all', () => {
    const all = output.communities.map((c) => c.id);
    const off = toggleCommunity(all[1], all)(initialFilters);
    expect(off.communities).toEqual(all.filter((c) => c !== all[1]));
    expect(toggleCommunity(all[1], all)(off).communities).toBeNull();
  });

  it('hovering a node emphasises it and its neighbours and keeps only its edges', () => {
    const node = model.members.get(output.communities[0].id)![0];
    const r = makeReducers(model, initialFilters, hoverNode(node)(initialSelection));
    const neighbours = new Set(graph.neighbors(node));
    graph.forEachNode((n, a) => {
      const d = r.nodeReducer(n, a);
      if (n === node || neighbours.has(n)) expect(d.color).toBe(a.color);
      else {
        // Muted, and shrunk so the focused node's edges are not hidden under the crowd.
        expect(d.color).toBe(MUTED_NODE);
        expect(d.size).toBe(mutedFocusSize(nodeSize(a, 'degree', model.maxima)));
        expect(d.size).toBeLessThan(nodeSize(a, 'degree', model.maxima));
      }
    });
    expect(shownEdges(r)).toHaveLength(graph.degree(node));
    // Graph attributes are untouched: reducers only change what is drawn.
    expect(graph.getNodeAttribute(node, 'color')).not.toBe(MUTED_NODE);
  });

  it('search and community selection mute everything else', () => {
    const search = makeReducers(model, setSearch('BOOST_')(initialFilters), initialSelection);
    graph.forEachNode((n, a) => {
      const muted = search.nodeReducer(n, a).color === MUTED_NODE;
      expect(muted).toBe(!a.label.toLowerCase().includes('boost_'));
    });
    const id = output.communities[1].id;
    const picked = makeReducers(model, initialFilters, selectCommunity(id)(initialSelection));
    graph.forEachNode((n, a) => expect(picked.nodeReducer(n, a).color === MUTED_NODE).toBe(a.community !== id));
    // Only a focused node shrinks the others: a community or a search keeps everything at its size.
    graph.forEachNode((n, a) => expect(picked.nodeReducer(n, a).size).toBe(nodeSize(a, 'degree', model.maxima)));
  });
});

describe('hover on a thinned overview', () => {
  // The same analysis drawn with an edge budget small enough to thin it: every node stays, most edges go.
  const thinned = buildMapModel(output, Math.floor(graph.order / 2));
  const hub = graph.nodes().reduce((a, b) => (graph.degree(a) >= graph.degree(b) ? a : b));
  const all = new Set(graph.neighbors(hub));

  it('thins the graph but keeps every node', () => {
    expect(thinned.graph.order).toBe(graph.order);
    expect(thinned.graph.size).toBeLessThan(thinned.edgesTotal);
    expect(thinned.graph.degree(hub)).toBeLessThan(all.size);
  });

  it('finds every neighbour from the full adjacency, and how many of its links are drawn', () => {
    const around = focusNeighbourhood(thinned, hub)!;
    expect(new Set(around.neighbours)).toEqual(all);
    expect(around.neighbours).toHaveLength(all.size);
    expect(around.drawnEdges).toBe(thinned.graph.degree(hub));
    expect(focusNeighbourhood(model, hub)).toEqual({ neighbours: graph.neighbors(hub), drawnEdges: all.size });
    expect(focusNeighbourhood(thinned, 'no such node')).toBeNull();
  });

  it('emphasises all neighbours, drawn edge or not, on hover and on click alike', () => {
    for (const selection of [hoverNode(hub)(initialSelection), selectNode(hub)(initialSelection)]) {
      const r = makeReducers(thinned, initialFilters, selection);
      expect(r.focus).toMatchObject({ node: hub, drawnEdges: thinned.graph.degree(hub) });
      thinned.graph.forEachNode((n, a) => {
        const d = r.nodeReducer(n, a);
        expect(d.color === MUTED_NODE).toBe(n !== hub && !all.has(n));
      });
      const edges = thinned.graph.filterEdges((e, a) => !r.edgeReducer(e, a).hidden);
      expect(edges).toHaveLength(thinned.graph.degree(hub));
    }
  });

  it('still hides what the filters hide, and has no focus for a hidden node', () => {
    const flaggedOnly = setFlaggedOnly(true)(initialFilters);
    const r = makeReducers(thinned, flaggedOnly, hoverNode(hub)(initialSelection));
    const hubFlagged = thinned.graph.getNodeAttribute(hub, 'flagged');
    expect(r.focus === null).toBe(!hubFlagged);
    for (const n of all) {
      const a = thinned.graph.getNodeAttributes(n);
      expect(r.nodeReducer(n, a).hidden === true).toBe(!a.flagged);
    }
  });
});

describe('nodeSize and frameFor', () => {
  it('scales by square root between 2 and 14, uniform is constant', () => {
    const attr = graph.getNodeAttributes(graph.nodes()[0]);
    expect(nodeSize({ ...attr, degree: 0 }, 'degree', model.maxima)).toBe(2);
    expect(nodeSize({ ...attr, degree: model.maxima.degree / 4 }, 'degree', model.maxima)).toBe(8);
    expect(nodeSize(attr, 'uniform', model.maxima)).toBe(4);
  });
  it('frames a box with padding, clamped to the whole graph', () => {
    expect(frameFor([])).toBeNull();
    expect(
      frameFor([
        { x: 0.2, y: 0.4 },
        { x: 0.4, y: 0.5 },
      ]),
    ).toEqual({ x: 0.30000000000000004, y: 0.45, ratio: 0.26 });
    expect(
      frameFor([
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ])!.ratio,
    ).toBe(1);
  });
});

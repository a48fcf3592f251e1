import { describe, expect, it } from 'vitest';
import { generateLargeOutput } from '../../../test/fixtures/large-graph/generate';
import { initialFilters, setFlaggedOnly, setSearch } from '../state/filters/producers';
import { initialSelection } from '../state/selection/producers';
import { buildMapModel } from '../graph/build-graph';
import { communityOutput } from '../graph/meta-graph';
import { makeReducers } from '../graph/reducers';
import { viewMask, visibleEdgeCount, visibleNodePositions } from './view-nodes';

describe('viewMask', () => {
  it('sets bit p of byte p >> 3 for each shown position, base64-encoded', () => {
    const bytes = Uint8Array.from(atob(viewMask([0, 3, 8, 17], 18)), (c) => c.charCodeAt(0));
    expect(Array.from(bytes)).toEqual([0b1001, 0b1, 0b10]);
    expect(atob(viewMask([], 0))).toBe('');
  });

  it('encodes a million-node view well under the HTTP API body limit', () => {
    const n = 1_000_000;
    const all = Array.from({ length: n }, (_, p) => p);
    const mask = viewMask(all, n);
    expect(mask.length).toBeLessThan(200_000);
    expect(atob(mask).charCodeAt(n / 8 - 1)).toBe(255);
  });
});

describe('the view of a community opened from the meta-graph', () => {
  const output = generateLargeOutput({ nodes: 8_000, communities: 30, edgesPerNode: 2, flagged: 2 });
  const flaggedId = output.communities[0].id;
  const otherId = output.communities[5].id;

  it("is exactly that community's accounts, as positions in the whole analysis", () => {
    const sub = communityOutput(output, otherId);
    const model = buildMapModel(sub);
    const map = { model, reducers: makeReducers(model, initialFilters, initialSelection) };
    const positions = visibleNodePositions(output, map);
    const expected = output.graph.community.flatMap((c, p) => (c === otherId ? [p] : []));
    expect(positions).toEqual(expected);
    // Edges on its map: those with both ends inside, parallel ones merged.
    const inside = new Set(
      sub.graph.edges.filter((e) => e.source !== e.target).map((e) => [e.source, e.target].sort().join('-')),
    );
    expect(visibleEdgeCount(map)).toBe(inside.size);
  });

  it('keeps applying the filters: flagged-only empties an unflagged community, keeps a flagged one', () => {
    const flaggedOnly = setFlaggedOnly(true)(initialFilters);
    for (const [id, kept] of [
      [otherId, 0],
      [flaggedId, output.communities[0].size],
    ] as const) {
      const model = buildMapModel(communityOutput(output, id));
      const map = { model, reducers: makeReducers(model, flaggedOnly, initialSelection) };
      expect(visibleNodePositions(output, map)).toHaveLength(kept);
      if (kept === 0) expect(visibleEdgeCount(map)).toBe(0);
    }
    // Search emphasises but does not hide: the view stays the whole community.
    const model = buildMapModel(communityOutput(output, otherId));
    const searched = { model, reducers: makeReducers(model, setSearch('zzz')(initialFilters), initialSelection) };
    expect(visibleNodePositions(output, searched)).toHaveLength(output.communities[5].size);
  });
});

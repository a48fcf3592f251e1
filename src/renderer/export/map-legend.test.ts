import { describe, expect, it } from 'vitest';
import { generateLargeOutput } from '../../../test/fixtures/large-graph/generate';
import { communityColor } from '../../shared/io/community-colors';
import { buildMetaGraph } from '../graph/meta-graph';
import { VERDICT_COLORS } from '../graph/meta-style';
import {
  communityCaption,
  communityLegend,
  defaultCaption,
  metaCaption,
  verdictLegend,
  wrapCaption,
} from './map-legend';

const output = generateLargeOutput({ nodes: 5_000, communities: 40, edgesPerNode: 2, flagged: 3 });
const day = new Date('2024-05-06T12:00:00Z');

describe('map legends', () => {
  it('names the top communities in their map colours, then "other"', () => {
    const legend = communityLegend(output);
    expect(legend).toHaveLength(11);
    expect(legend[0]).toEqual({
      color: communityColor(0),
      text: `#${output.communities[0].id} · ${output.communities[0].size.toLocaleString('en-US')} accounts · flagged`,
      flagged: true,
    });
    expect(legend[3].flagged).toBe(false);
    expect(legend[10].text).toBe('unranked / other');
  });

  it('names only the opened community on its drill-down map', () => {
    const c = output.communities[4];
    expect(communityLegend(output, c.id)).toEqual([
      { color: communityColor(4), text: `#${c.id} · ${c.size} accounts`, flagged: false },
    ]);
    expect(communityLegend(output, 99_999)).toEqual([{ color: '#999999', text: '#99999 · unranked', flagged: false }]);
  });

  it('gives the meta-graph one entry per verdict with its community count', () => {
    const meta = buildMetaGraph(output);
    expect(verdictLegend(meta)).toEqual([
      { color: VERDICT_COLORS.flagged, text: 'flagged · 3 communities', flagged: true },
      { color: VERDICT_COLORS.organic, text: `not flagged · ${meta.nodes.length - 3} communities`, flagged: false },
    ]);
    const unranked = {
      ...meta,
      nodes: [...meta.nodes, { ...meta.nodes[0], community: 777, flagged: false, rank: -1 }],
    };
    expect(verdictLegend(unranked)[2]).toEqual({
      color: VERDICT_COLORS.unranked,
      text: 'unranked · 1 community',
      flagged: false,
    });
  });
});

describe('map captions', () => {
  it('says what the meta-graph shows', () => {
    const meta = buildMetaGraph(output);
    expect(metaCaption(meta, output, '/cases/big.claque', day)).toBe(
      `Community meta-graph: 1 node per community, ${meta.nodes.length} communities, 3 flagged (5,000 accounts; ` +
        'area ∝ members, lines = summed edge weight between communities) · big.claque · graph default, resolution 1, ' +
        'seed 1 · 2024-05-06 — Claque',
    );
  });

  it('says which community a drill-down shows and its verdict', () => {
    const c = output.communities[0];
    const text = communityCaption(output, c.id, { nodes: c.size, edges: 321 }, null, day);
    expect(text).toContain(`Community #${c.id} (flagged, score 1): ${c.size} accounts shown, 321 edges among them`);
    expect(text).toContain(`one of ${output.communities.length} communities in 5,000 accounts · unsaved project`);
    expect(defaultCaption(output, 'a/b.claque', 12, day)).toContain('Claque · b.claque · 12 of 5,000 accounts shown');
  });
});

describe('wrapCaption', () => {
  const chars = (t: string) => t.length;
  it('keeps a short caption on one line and breaks a long one at its separators', () => {
    expect(wrapCaption('a · b · c', 100, chars)).toEqual(['a · b · c']);
    expect(wrapCaption('alpha · beta · gamma · delta', 14, chars)).toEqual(['alpha · beta ·', 'gamma · delta']);
    expect(wrapCaption('a-very-long-part · x', 5, chars)).toEqual(['a-very-long-part ·', 'x']);
  });
});

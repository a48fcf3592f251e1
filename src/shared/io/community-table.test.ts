import { describe, expect, it } from 'vitest';
import type { AnalysisOutput, CommunitySummary, Evidence } from '../analysis/result';
import { COMMENT_TARGET_COLUMNS, communityTable } from './community-table';
import { csvLine } from './csv-writer';

const evidence = (key: string, value: number, insufficient = false): Evidence => ({
  key,
  label: key,
  value,
  unit: 'share',
  strength: insufficient ? 0 : value,
  reason: `${key} reason`,
  ...(insufficient ? { insufficient: true as const } : {}),
});

const community = (id: number, over: Partial<CommunitySummary> = {}): CommunitySummary => ({
  id,
  size: 10,
  score: 0.8,
  flagged: true,
  evidence: [evidence('synchrony', 0.5), evidence('creation_clustering', 0.9, true)],
  reasons: ['Flagged: three kinds', 'second'],
  sampleMembers: [],
  ...over,
});

const output = (communities: CommunitySummary[]) => ({ communities }) as unknown as AnalysisOutput;

describe('communityTable', () => {
  it('has no comment columns for other data, blanks thin evidence and lists its key', () => {
    const t = communityTable(output([community(3)]));
    expect(t.columns).toEqual([
      'community',
      'rank',
      'size',
      'score',
      'flagged',
      'creation_clustering',
      'synchrony',
      'not_enough_data',
      'reasons',
    ]);
    expect(t.rows).toEqual([
      [3, 1, 10, 0.8, true, undefined, 0.5, 'creation_clustering', 'Flagged: three kinds; second'],
    ]);
  });

  it('adds the top Page and post with the members’ share of their comments for comment data', () => {
    const ring = community(4, {
      evidence: [evidence('comment_domination', 0.93)],
      commentTargets: {
        pages: [
          { accountId: '100044', name: '=HYPERLINK("x")', comments: 468, memberComments: 430, share: 0.919 },
          { accountId: '100028', name: 'Second', comments: 419, memberComments: 376, share: 0.897 },
        ],
        posts: [{ postId: '3001518', pageId: '100044', comments: 13, memberComments: 13, share: 1 }],
      },
    });
    const t = communityTable(
      output([ring, community(9, { flagged: false, commentTargets: { pages: [], posts: [] } })]),
    );
    expect(t.columns.slice(-1 - COMMENT_TARGET_COLUMNS.length, -1)).toEqual(COMMENT_TARGET_COLUMNS);
    const at = (row: unknown[], column: string) => row[t.columns.indexOf(column)];
    expect(COMMENT_TARGET_COLUMNS.map((k) => at(t.rows[0], k))).toEqual([
      '100044',
      '=HYPERLINK("x")',
      430,
      468,
      0.919,
      '3001518',
      13,
      13,
      1,
    ]);
    // A community with no comments left blank; a Page's name is imported text, neutralised in the CSV.
    expect(COMMENT_TARGET_COLUMNS.map((k) => at(t.rows[1], k))).toEqual(COMMENT_TARGET_COLUMNS.map(() => undefined));
    expect(csvLine(t.rows[0])).toContain(`,"'=HYPERLINK(""x"")",430,468,0.919,3001518,13,13,1,`);
  });
});

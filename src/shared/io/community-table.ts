/**
 * The communities table (the app's communities CSV): one row per ranked community with its verdict, one column
 * per evidence key seen in any community (so the numbers behind each verdict line up), and, for comment data,
 * where the community comments: the Page it writes most under with the share of that Page's comments it
 * writes, and the post whose comment section it fills most.
 */
import type { AnalysisOutput, CommunitySummary } from '../analysis/result';

type Cell = string | number | boolean | null | undefined;

/** Comment-data columns, present when any community has comment targets. */
export const COMMENT_TARGET_COLUMNS = [
  'top_page_id',
  'top_page',
  'top_page_member_comments',
  'top_page_comments',
  'top_page_share',
  'top_post_id',
  'top_post_member_comments',
  'top_post_comments',
  'top_post_share',
];

export interface CommunityTable {
  columns: string[];
  rows: Cell[][];
}

function targetCells(c: CommunitySummary): Cell[] {
  const page = c.commentTargets?.pages[0];
  const post = c.commentTargets?.posts[0];
  return [
    page?.accountId,
    page?.name,
    page?.memberComments,
    page?.comments,
    page?.share,
    post?.postId,
    post?.memberComments,
    post?.comments,
    post?.share,
  ];
}

export function communityTable(output: AnalysisOutput): CommunityTable {
  const keys = [...new Set(output.communities.flatMap((c) => c.evidence.map((e) => e.key)))].sort();
  const comments = output.communities.some((c) => c.commentTargets !== undefined);
  // A number measured on too little data (evidence.insufficient) is left blank and its key listed in
  // not_enough_data, so a spreadsheet never sorts it among the findings.
  const columns = [
    'community',
    'rank',
    'size',
    'score',
    'flagged',
    ...keys,
    'not_enough_data',
    ...(comments ? COMMENT_TARGET_COLUMNS : []),
    'reasons',
  ];
  const rows = output.communities.map((c, rank) => {
    const byKey = new Map(c.evidence.filter((e) => !e.insufficient).map((e) => [e.key, e.value]));
    const thin = c.evidence.filter((e) => e.insufficient).map((e) => e.key);
    return [
      c.id,
      rank + 1,
      c.size,
      c.score,
      c.flagged,
      ...keys.map((k) => byKey.get(k)),
      thin.join('; '),
      ...(comments ? targetCells(c) : []),
      c.reasons.join('; '),
    ];
  });
  return { columns, rows };
}

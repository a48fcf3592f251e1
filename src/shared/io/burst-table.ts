/**
 * bursts.csv: every hashtag burst the analysis found (src/shared/analysis/bursts.ts), most posts first, with
 * the community that posted most inside it — "100 accounts posted #cleanwatersnow 412 times within 47
 * minutes, 411 of them by community 5" as a row a reader can sort and check.
 */
import type { BurstRow } from '../analysis/result';

export const BURST_COLUMNS = [
  'hashtag',
  'start',
  'end',
  'minutes',
  'posts',
  'accounts',
  'peak_z',
  'usual_posts_per_bin',
  'bin_seconds',
  'top_community',
  'top_community_posts',
  'reason',
];

const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');

export function burstCells(b: BurstRow): (string | number | null)[] {
  return [
    b.hashtag,
    iso(b.start),
    iso(b.end),
    Math.round((b.end - b.start) / 6) / 10,
    b.posts,
    b.accounts,
    Math.round(b.peakZ * 100) / 100,
    b.baselinePerBin,
    b.binSeconds,
    b.topCommunity,
    b.topCommunityPosts,
    b.reason,
  ];
}

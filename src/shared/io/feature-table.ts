/**
 * features.csv: one row per analysed account with the numbers behind the evidence, for the CLI's outputs and
 * the app's CSV export alike. Times are written as ISO 8601 (UTC) so a spreadsheet reads them as dates.
 */
import type { AccountFeatureRow, AccountResult } from '../analysis/result';

export const FEATURE_COLUMNS = [
  'account_id',
  'screen_name',
  'community',
  'posts',
  'active_days',
  'first_post',
  'last_post',
  'posts_per_active_day',
  'weekday_share',
  'shift_coverage',
  'shift_utc_offset',
  'quiet_hours_share',
  'round_the_clock',
  'handle_score',
  'top_client',
  'top_client_share',
  'text_posts',
  'duplicate_posts',
  'near_duplicate_posts',
  'engagements',
  'distinct_targets',
  'top_target_share',
  'median_latency_s',
] as const;

const iso = (t: number | null) => (t === null ? null : new Date(t * 1000).toISOString().replace('.000Z', 'Z'));

/** The cells of one account's row, in FEATURE_COLUMNS order; null cells are written empty. */
export function featureCells(a: AccountResult): (string | number | boolean | null)[] {
  const f: Partial<AccountFeatureRow> = a.features ?? {};
  return [
    a.accountId,
    a.screenName,
    a.community,
    f.posts ?? a.posts ?? null,
    f.activeDays ?? null,
    iso(f.firstPost ?? null),
    iso(f.lastPost ?? null),
    f.activityRate ?? null,
    f.weekdayShare ?? null,
    f.shiftCoverage ?? null,
    f.shiftUtcOffset ?? null,
    f.quietShare ?? null,
    f.roundTheClock ?? null,
    f.handleScore ?? null,
    f.topClient ?? null,
    f.clientTopShare ?? null,
    f.textPosts ?? null,
    f.duplicatePosts ?? null,
    f.nearDuplicatePosts ?? null,
    f.engagements ?? null,
    f.distinctTargets ?? null,
    f.topTargetShare ?? null,
    f.medianLatencyS ?? null,
  ];
}

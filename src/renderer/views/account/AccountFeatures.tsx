import type { AccountFeatureRow } from '../../../shared/analysis/result';
import { formatUtcOffset } from '../../../shared/analysis/shift';
import { count, fixed } from '../format';
import { Imported } from '../Imported';

const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(0)} %`);
const day = (t: number | null) => (t === null ? '–' : new Date(t * 1000).toISOString().slice(0, 10));

/**
 * The account's own numbers behind its community's evidence (the row of features.csv), so a reader can check
 * what the account contributes: its schedule, handle, client, texts, targets and reaction time.
 */
export function AccountFeatures({ f }: { f: AccountFeatureRow }) {
  const timing = f.shiftCoverage === null ? 'too few posts to judge' : null;
  return (
    <details className="account-features" data-testid="account-features">
      <summary>Numbers behind the evidence</summary>
      <dl>
        <dt>Activity</dt>
        <dd>
          {count(f.posts)} posts on {count(f.activeDays)} days ({fixed(f.activityRate, 1)} per active day),{' '}
          {day(f.firstPost)} – {day(f.lastPost)}
        </dd>
        <dt>Working hours</dt>
        <dd>
          {timing ??
            `${pct(f.shiftCoverage)} in a weekday 9-hour window at ${formatUtcOffset(f.shiftUtcOffset ?? 0)}; ` +
              `${pct(f.weekdayShare)} on weekdays; ${pct(f.quietShare)} in the quietest 6 h` +
              (f.roundTheClock ? '; round the clock for months' : '')}
        </dd>
        <dt>Handle</dt>
        <dd>{fixed(f.handleScore)} generated-looking (0–1)</dd>
        <dt>Client</dt>
        <dd>
          {f.topClient === null ? (
            'unknown'
          ) : (
            <>
              {pct(f.clientTopShare)} from <Imported text={f.topClient} />
            </>
          )}
        </dd>
        <dt>Texts</dt>
        <dd>
          {count(f.textPosts)} own; {count(f.duplicatePosts)} copies of another account's, {count(f.nearDuplicatePosts)}{' '}
          near copies
        </dd>
        <dt>Targets</dt>
        <dd>
          {count(f.engagements)} engagements with {count(f.distinctTargets)} accounts
          {f.topTargetShare === null ? '' : `, ${pct(f.topTargetShare)} with the top one`}
        </dd>
        <dt>Reaction time</dt>
        <dd>{f.medianLatencyS === null ? '–' : `median ${count(f.medianLatencyS)} s after the original`}</dd>
      </dl>
    </details>
  );
}

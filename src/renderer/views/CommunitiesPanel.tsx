import type { AnalysisOutput } from '../../shared/analysis/result';
import { describeWindowEstimate } from '../../shared/analysis/auto-window';
import { describeTimeRange, hasTimeRange } from '../../shared/analysis/slice-dataset';
import { communityColor } from '../../shared/io/community-colors';
import { selectCommunity, zoomToCommunity } from '../state/selection/producers';
import { store, useAppState } from '../state/store';
import { EvidenceValue } from './EvidenceValue';
import { byFinding, count, fixed } from './format';
import { Imported } from './Imported';

/** Communities ranked by coordination score, each with its strongest evidence numbers and reasons. */
export function CommunitiesPanel({ output }: { output: AnalysisOutput }) {
  const selected = useAppState((s) => s.selection.selectedCommunity);
  const { counts } = output.summary;
  return (
    <aside className="panel communities" aria-label="Communities">
      <h2>Communities</h2>
      <p className="muted" data-testid="analysis-summary">
        {count(counts.communities)} communities, <strong>{count(counts.flagged)} flagged</strong> (
        {count(counts.flaggedAccounts)} accounts) · {count(counts.nodes)} accounts, {count(counts.edges)} edges ·
        modularity {fixed(output.summary.modularity, 3)}
        {hasTimeRange(output.summary.parameters) && (
          <span data-testid="analysis-period"> · {describeTimeRange(output.summary.parameters)}</span>
        )}
        {output.summary.windowEstimate && (
          <span title={describeWindowEstimate(output.summary.windowEstimate)}>
            {' '}
            · window {output.summary.windowEstimate.windowSeconds} s (estimated)
          </span>
        )}
      </p>
      <ol className="community-list">
        {output.communities.map((c, rank) => {
          // Evidence on too little data, and context (insularity, where members comment), is no finding of
          // coordination: neither takes one of the three places.
          const top = c.evidence
            .filter((e) => !e.insufficient && e.family !== 'context')
            .sort(byFinding)
            .slice(0, 3);
          return (
            <li
              key={c.id}
              className={`community${c.flagged ? ' flagged' : ''}${selected === c.id ? ' selected' : ''}`}
              data-testid="community"
              data-community={c.id}
            >
              <button
                type="button"
                className="community-head"
                onClick={() => store.update('selection', selectCommunity(c.id))}
              >
                <span className="swatch" style={{ background: communityColor(rank) }} />
                <span className="name">
                  #{c.id} · {count(c.size)} accounts
                </span>
                {c.flagged && <span className="badge">flagged</span>}
                <span className="score" title="Coordination score">
                  {fixed(c.score)}
                </span>
              </button>
              <div className="scorebar">
                <span style={{ width: `${Math.round(100 * c.score)}%` }} />
              </div>
              {top.length > 0 && (
                <dl className="evidence-mini">
                  {top.map((e) => (
                    <div key={e.key}>
                      <dt>{e.label}</dt>
                      <dd>
                        <EvidenceValue e={e} />
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
              {c.reasons.length > 0 && (
                <p className="reason">
                  <Imported text={c.reasons[0]} />
                </p>
              )}
              <button type="button" className="link" onClick={() => store.update('selection', zoomToCommunity(c.id))}>
                Zoom to
              </button>
            </li>
          );
        })}
      </ol>
    </aside>
  );
}

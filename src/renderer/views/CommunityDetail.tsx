import type { AnalysisOutput } from '../../shared/analysis/result';
import { communityColor } from '../../shared/io/community-colors';
import { showBidiControls } from '../../shared/io/visible-controls';
import { showOnlyCommunities } from '../state/filters/producers';
import { selectCommunity, zoomToCommunity } from '../state/selection/producers';
import { store } from '../state/store';
import { EvidenceValue } from './EvidenceValue';
import { byFinding, count, fixed } from './format';
import { CommunityCharts } from './community/CommunityCharts';
import { CommentTargets } from './community/CommentTargets';
import { HourHeatmap } from './HourHeatmap';
import { Imported } from './Imported';
import { MembersTable } from './MembersTable';

/** One community explained: verdict, every number behind it with its reason, when members act, who they are. */
export function CommunityDetail({ output, id }: { output: AnalysisOutput; id: number }) {
  const rank = output.communities.findIndex((c) => c.id === id);
  const c = output.communities[rank];
  if (!c) {
    return (
      <aside className="panel detail" aria-label="Community detail">
        <p>Community #{id} is too small to be ranked.</p>
      </aside>
    );
  }
  const evidence = [...c.evidence].sort(byFinding);
  return (
    <aside className="panel detail" aria-label="Community detail" data-testid="community-detail">
      <header className="row">
        <span className="swatch big" style={{ background: communityColor(rank) }} />
        <h2>Community #{c.id}</h2>
        <span className="spacer" />
        <button
          type="button"
          aria-label="Close detail"
          onClick={() => store.update('selection', selectCommunity(null))}
        >
          ×
        </button>
      </header>
      <p className={c.flagged ? 'verdict flagged' : 'verdict'} data-testid="verdict">
        {c.flagged ? 'Flagged as likely coordinated' : 'Not flagged'} · score {fixed(c.score)} · {count(c.size)}{' '}
        accounts · rank {rank + 1} of {output.communities.length}
      </p>
      <div className="row">
        <button type="button" onClick={() => store.update('selection', zoomToCommunity(c.id))}>
          Zoom to
        </button>
        <button type="button" onClick={() => store.update('filters', showOnlyCommunities([c.id]))}>
          Show only this
        </button>
      </div>
      {c.reasons.length > 0 && (
        <>
          <h3>Why</h3>
          <ul className="reasons" data-testid="reasons">
            {c.reasons.map((r, i) => (
              <li key={i}>
                <Imported text={r} />
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Evidence</h3>
      <table className="evidence" data-testid="evidence">
        <thead>
          <tr>
            <th>Signal</th>
            <th>Value</th>
            <th>Strength</th>
          </tr>
        </thead>
        <tbody>
          {evidence.map((e) => (
            <tr
              key={e.key}
              className={e.insufficient ? 'insufficient' : e.family === 'context' ? 'context' : undefined}
              data-key={e.key}
              title={showBidiControls(e.reason)}
            >
              <td>
                {e.label}
                <div className="muted small">
                  <Imported text={e.reason} />
                </div>
              </td>
              <td className="num">
                <EvidenceValue e={e} />
              </td>
              <td>
                {e.family === 'context' && !e.insufficient ? (
                  // Context describes organic and coordinated communities alike: no strength bar to read as a finding.
                  <span className="context-tag" title="Context: describes the community, never counts towards a flag">
                    context
                  </span>
                ) : (
                  <div
                    className="strength"
                    aria-label={
                      e.insufficient ? 'strength: not enough data' : `strength ${Math.round(100 * e.strength)} %`
                    }
                  >
                    <span style={{ width: `${Math.round(100 * e.strength)}%` }} />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {c.commentTargets && <CommentTargets community={c.id} targets={c.commentTargets} />}
      {c.hourOfWeek && (
        <>
          <h3>
            Activity by hour of week (UTC)
            {c.shiftUtcOffset !== undefined
              ? ` · shift fits UTC${c.shiftUtcOffset >= 0 ? '+' : ''}${c.shiftUtcOffset}`
              : ''}
          </h3>
          <HourHeatmap counts={c.hourOfWeek} />
        </>
      )}
      <h3>Members</h3>
      <MembersTable output={output} community={c.id} />
      <CommunityCharts id={c.id} />
    </aside>
  );
}

import type { AnalysisOutput } from '../../shared/analysis/result';
import { communityColor } from '../../shared/io/community-colors';
import { toggleCommunity } from '../state/filters/producers';
import { store, useAppState } from '../state/store';
import { verdictLegend } from '../export/map-legend';
import { currentMap, useCurrentMapKind } from '../graph/current-map';
import type { MetaGraph } from '../graph/meta-graph';

const SHOWN = 12;

/**
 * Colour key of the map on screen: on the community meta-graph (large graphs) the verdict colours it is drawn
 * in; otherwise the highest-ranked communities, where clicking an entry shows or hides that community.
 */
export function Legend({ output }: { output: AnalysisOutput }) {
  const kind = useCurrentMapKind();
  const map = currentMap();
  if (kind === 'meta' && map?.kind === 'meta') return <VerdictLegend meta={map.meta} />;
  return <CommunityLegend output={output} />;
}

function VerdictLegend({ meta }: { meta: MetaGraph }) {
  return (
    <ul className="legend" aria-label="Legend" data-testid="verdict-legend">
      {verdictLegend(meta).map((item) => (
        <li key={item.text}>
          <span className="swatch" style={{ background: item.color }} />
          {item.text}
        </li>
      ))}
      <li className="more">one circle per community, area ∝ members</li>
    </ul>
  );
}

function CommunityLegend({ output }: { output: AnalysisOutput }) {
  const shown = useAppState((s) => s.filters.communities);
  const flaggedOnly = useAppState((s) => s.filters.flaggedOnly);
  const all = output.communities.map((c) => c.id);
  const top = output.communities.slice(0, SHOWN);
  return (
    <ul className="legend" aria-label="Legend">
      {top.map((c, rank) => {
        const visible = (shown === null || shown.includes(c.id)) && (!flaggedOnly || c.flagged);
        return (
          <li key={c.id} className={visible ? '' : 'off'}>
            <button
              type="button"
              onClick={() => store.update('filters', toggleCommunity(c.id, all))}
              title="Show or hide"
            >
              <span className="swatch" style={{ background: communityColor(rank) }} />#{c.id} · {c.size}
              {c.flagged && <span className="flag"> flagged</span>}
            </button>
          </li>
        );
      })}
      {output.communities.length > SHOWN && <li className="more">+ {output.communities.length - SHOWN} more</li>}
      <li>
        <span className="swatch" style={{ background: communityColor(-1) }} /> unranked
      </li>
    </ul>
  );
}

import { useMemo, useState } from 'react';
import type { AnalysisOutput } from '../../shared/analysis/result';
import { MapView } from './MapView';
import { MetaMapView } from './MetaMapView';
import { communityOutput, needsMetaGraph } from './meta-graph';

/**
 * The map, whatever the analysis's size: the account graph as it is up to META_GRAPH_THRESHOLD nodes; above
 * it the community meta-graph, from which one community at a time opens as its own account map.
 */
export function LargeGraphMap({ output }: { output: AnalysisOutput }) {
  const [open, setOpen] = useState<{ output: AnalysisOutput; community: number } | null>(null);
  // A drill-down belongs to the analysis it was made in; a new analysis starts from the overview.
  const drilled = open?.output === output ? open.community : null;
  const sub = useMemo(() => (drilled === null ? null : communityOutput(output, drilled)), [output, drilled]);

  if (!needsMetaGraph(output)) return <MapView output={output} />;
  if (sub === null || drilled === null)
    return <MetaMapView output={output} onOpen={(community) => setOpen({ output, community })} />;
  return (
    <div className="map drilled">
      <div className="meta-banner" data-testid="drill-banner">
        <button type="button" onClick={() => setOpen(null)}>
          ← All communities
        </button>{' '}
        Community #{drilled}: {sub.graph.nodes.length.toLocaleString('en')} accounts,{' '}
        {sub.graph.edges.length.toLocaleString('en')} edges among them.
      </div>
      <MapView output={sub} community={drilled} />
    </div>
  );
}

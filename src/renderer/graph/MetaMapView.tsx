import Graph from 'graphology';
import { useEffect, useMemo, useRef } from 'react';
import Sigma from 'sigma';
import { EdgeLineProgram } from 'sigma/rendering';
import type { AnalysisOutput } from '../../shared/analysis/result';
import { selectCommunity } from '../state/selection/producers';
import { store } from '../state/store';
import { clearCurrentMap, setCurrentMap, type CommunityMetaMap } from './current-map';
import { buildMetaGraph } from './meta-graph';
import {
  META_EDGE_COLOR,
  metaEdgeSize,
  metaNodeColor,
  metaNodeLabel,
  metaNodeSize,
  metaScales,
  VERDICT_COLORS,
} from './meta-style';

interface MetaNodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  community: number;
}

/**
 * The community meta-graph of a large analysis (meta-graph.ts): one node per community, area by members,
 * red when flagged; clicking a community selects it (its panel opens) and `onOpen` drills into it.
 */
export function MetaMapView({ output, onOpen }: { output: AnalysisOutput; onOpen: (community: number) => void }) {
  const container = useRef<HTMLDivElement>(null);
  const meta = useMemo(() => buildMetaGraph(output), [output]);
  const openRef = useRef(onOpen);
  useEffect(() => {
    openRef.current = onOpen;
  }, [onOpen]);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const graph = new Graph<MetaNodeAttributes>({ type: 'undirected', allowSelfLoops: false });
    const { maxMembers, maxWeight } = metaScales(meta.nodes, meta.edges);
    for (const m of meta.nodes) {
      graph.addNode(`c${m.community}`, {
        x: m.x,
        y: m.y,
        size: metaNodeSize(m, maxMembers),
        color: metaNodeColor(m),
        label: metaNodeLabel(m),
        community: m.community,
      });
    }
    for (const e of meta.edges) {
      graph.addEdge(`c${e.source}`, `c${e.target}`, { size: metaEdgeSize(e, maxWeight), color: META_EDGE_COLOR });
    }
    let frames = 0;
    const sigma = new Sigma(graph, el, {
      defaultEdgeType: 'line',
      edgeProgramClasses: { line: EdgeLineProgram },
      hideEdgesOnMove: true,
      labelRenderedSizeThreshold: 6,
      // Labels ("#217 · 233 accounts") are wider than sigma's default 100 px label cell: larger cells keep them apart.
      labelGridCellSize: 180,
      labelFont: 'system-ui, sans-serif',
      zIndex: true,
    });
    sigma.on('clickNode', ({ node }) => {
      const community = graph.getNodeAttribute(node, 'community');
      store.update('selection', selectCommunity(community));
      openRef.current(community);
    });
    sigma.on('afterRender', () => {
      frames++;
      el.dataset.frames = String(frames);
    });
    // Sigma draws its first frame inside the constructor, before this listener existed.
    frames++;
    el.dataset.frames = String(frames);
    const registered: CommunityMetaMap = { kind: 'meta', sigma: sigma as unknown as Sigma, meta };
    setCurrentMap(registered);
    return () => {
      clearCurrentMap(registered);
      sigma.kill();
    };
  }, [meta]);

  const flagged = meta.nodes.filter((m) => m.flagged).length;
  return (
    <div className="map">
      <div className="meta-banner" data-testid="meta-banner">
        {output.graph.nodes.length.toLocaleString('en')} accounts are too many to draw one by one: each circle is a
        community ({meta.nodes.length.toLocaleString('en')}, {flagged} flagged{' '}
        <span className="swatch" style={{ background: VERDICT_COLORS.flagged }} />
        ). Click one to open it, or open a flagged one:{' '}
        {meta.nodes
          .filter((m) => m.flagged)
          .sort((a, b) => a.rank - b.rank)
          .slice(0, 8)
          .map((m) => (
            <button
              key={m.community}
              type="button"
              className="link"
              data-testid="open-community"
              onClick={() => {
                store.update('selection', selectCommunity(m.community));
                openRef.current(m.community);
              }}
            >
              #{m.community}
            </button>
          ))}
      </div>
      <div ref={container} className="map-canvas" data-testid="meta-map" aria-label="Community map" />
    </div>
  );
}

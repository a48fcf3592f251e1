import { useEffect, useMemo, useRef, useState } from 'react';
import type Graph from 'graphology';
import Sigma from 'sigma';
import type { AnalysisOutput } from '../../shared/analysis/result';
import { hoverNode, selectCommunity, selectNode } from '../state/selection/producers';
import { store, useAppState } from '../state/store';
import {
  buildMapModel,
  OVERVIEW_EDGE_BUDGET,
  overviewEdgesPerNode,
  type EdgeAttributes,
  type MapModel,
  type NodeAttributes,
} from './build-graph';
import { frameFor } from './camera';
import { clearCurrentMap, setCurrentMap, type AccountMap } from './current-map';
import { LayoutController, nodesOnly, writePositions } from './layout-controller';
import { makeReducers } from './reducers';
import { sigmaSettings } from './sigma-settings';

function positionsOf(graph: Graph<NodeAttributes, EdgeAttributes>): Float32Array {
  const out = new Float32Array(graph.order * 2);
  let i = 0;
  graph.forEachNode((_key, attr) => {
    out[i++] = attr.x;
    out[i++] = attr.y;
  });
  return out;
}

const HOVER_DELAY_MS = 80;

const THINNED_NOTE_STYLE = {
  position: 'absolute',
  left: 8,
  bottom: 8,
  padding: '2px 6px',
  background: 'rgba(255,255,255,0.85)',
  fontSize: 12,
} as const;

// Bottom left, above the thinned-overview note: the top corners hold the legend and the drill-down banner.
const FOCUS_CARD_STYLE = {
  position: 'absolute',
  left: 8,
  bottom: 36,
  maxWidth: 320,
  padding: '4px 8px',
  background: 'rgba(255,255,255,0.92)',
  border: '1px solid #dcdcd8',
  borderRadius: 4,
  fontSize: 12,
  pointerEvents: 'none',
} as const;

/**
 * The map: one Sigma instance per analysis over the derived graph. State changes only swap the reducers;
 * hovering, clicking and the camera write back into the store. Sigma's performance levers are in
 * sigma-settings.ts; very dense analyses are drawn thinned (build-graph.ts) and say so on the map.
 */
export function MapView({ output, community = null }: { output: AnalysisOutput; community?: number | null }) {
  const container = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma<NodeAttributes, EdgeAttributes> | null>(null);
  const layoutRef = useRef<LayoutController | null>(null);
  const displayRef = useRef<Graph<NodeAttributes, EdgeAttributes> | null>(null);
  const [layoutRunning, setLayoutRunning] = useState(false);
  const model: MapModel = useMemo(() => buildMapModel(output), [output]);
  const filters = useAppState((s) => s.filters);
  const selection = useAppState((s) => s.selection);
  const reducers = useMemo(() => makeReducers(model, filters, selection), [model, filters, selection]);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    let frames = 0;
    const sigma = new Sigma<NodeAttributes, EdgeAttributes>(model.graph, el, sigmaSettings());
    // Hover emphasis re-reduces the whole graph, so it waits until the pointer rests on a node (HOVER_DELAY_MS)
    // and is skipped while the stage is dragged or the camera moves: a pan over a dense map would otherwise
    // redraw everything for every node it crosses.
    let hoverTimer: ReturnType<typeof setTimeout> | undefined;
    const moving = () => sigma.getMouseCaptor().isMouseDown || sigma.getCamera().isAnimated();
    sigma.on('enterNode', ({ node }) => {
      clearTimeout(hoverTimer);
      if (moving()) return;
      hoverTimer = setTimeout(() => store.update('selection', hoverNode(node)), HOVER_DELAY_MS);
    });
    sigma.on('leaveNode', () => {
      clearTimeout(hoverTimer);
      if (store.get().selection.hoveredNode !== null) store.update('selection', hoverNode(null));
    });
    sigma.on('clickNode', ({ node }) => {
      store.update('selection', selectNode(node));
      store.update('selection', selectCommunity(model.graph.getNodeAttribute(node, 'community')));
    });
    sigma.on('clickStage', () => store.update('selection', selectNode(null)));
    // Tests and screenshots wait for a drawn frame; the count tells them a redraw happened.
    sigma.on('afterRender', () => {
      frames++;
      el.dataset.frames = String(frames);
    });
    sigmaRef.current = sigma;
    return () => {
      clearTimeout(hoverTimer);
      layoutRef.current?.kill();
      layoutRef.current = null;
      displayRef.current = null;
      setLayoutRunning(false);
      sigma.kill();
      sigmaRef.current = null;
    };
  }, [model]);

  useEffect(() => {
    const sigma = sigmaRef.current;
    if (!sigma) return;
    sigma.setSetting('nodeReducer', reducers.nodeReducer);
    sigma.setSetting('edgeReducer', reducers.edgeReducer);
    const registered: AccountMap = { kind: 'accounts', sigma, model, reducers, community };
    setCurrentMap(registered);
    return () => clearCurrentMap(registered);
  }, [reducers, model, community]);

  // Zoom to a community when asked (the request counter changes), framing its visible members.
  const { zoomRequest, selectedCommunity } = selection;
  useEffect(() => {
    const sigma = sigmaRef.current;
    if (!sigma || zoomRequest === 0 || selectedCommunity === null) return;
    const nodes = (model.members.get(selectedCommunity) ?? []).filter((n) => !reducers.isHidden(n));
    const points = nodes.map((n) => sigma.getNodeDisplayData(n)).filter((d) => d !== undefined);
    const frame = frameFor(points);
    if (frame) void sigma.getCamera().animate(frame, { duration: 400 });
    // Only a new request moves the camera, not filter changes afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [zoomRequest]);

  // While the layout runs, sigma shows a copy of the nodes without edges (each update then redraws nodes
  // only); the controller writes every update into the model's graph, which sigma shows again on stop.
  const toggleLayout = () => {
    const sigma = sigmaRef.current;
    if (!sigma) return;
    if (!layoutRef.current) {
      const display = nodesOnly(model.graph);
      layoutRef.current = new LayoutController(model.graph, model.layoutEdges, {
        onUpdate: (positions) => {
          if (sigma.getGraph() === display) writePositions(display, positions);
        },
      });
      displayRef.current = display;
    }
    if (layoutRef.current.isRunning()) {
      layoutRef.current.stop();
      sigma.setGraph(model.graph);
    } else {
      writePositions(displayRef.current!, positionsOf(model.graph));
      sigma.setGraph(displayRef.current!);
      layoutRef.current.start();
    }
    setLayoutRunning(layoutRef.current.isRunning());
  };

  return (
    <div className="map">
      <div ref={container} className="map-canvas" data-testid="map" aria-label="Network map" />
      {model.graph.size < model.edgesTotal && (
        <div className="map-note" data-testid="map-thinned" style={THINNED_NOTE_STYLE}>
          Overview: each account&apos;s {overviewEdgesPerNode(model.graph.order)} heaviest edges shown (
          {model.graph.size.toLocaleString('en')} of {model.edgesTotal.toLocaleString('en')}).
        </div>
      )}
      {reducers.focus && (
        <div className="map-note" data-testid="focus-card" style={FOCUS_CARD_STYLE} role="status">
          <strong>{model.graph.getNodeAttribute(reducers.focus.node, 'label')}</strong>:{' '}
          {reducers.focus.neighbours.length.toLocaleString('en')} neighbours, all highlighted.
          {reducers.focus.drawnEdges < reducers.focus.neighbours.length && (
            <>
              {' '}
              {reducers.focus.drawnEdges.toLocaleString('en')} of its{' '}
              {reducers.focus.neighbours.length.toLocaleString('en')} links are drawn: above{' '}
              {OVERVIEW_EDGE_BUDGET.toLocaleString('en')} edges the map draws each account&apos;s{' '}
              {overviewEdgesPerNode(model.graph.order)} heaviest.
            </>
          )}
        </div>
      )}
      <div className="map-controls">
        <button type="button" onClick={toggleLayout}>
          {layoutRunning ? 'Stop layout' : 'Run layout'}
        </button>
        <button type="button" onClick={() => void sigmaRef.current?.getCamera().animatedReset({ duration: 300 })}>
          Fit
        </button>
      </div>
    </div>
  );
}

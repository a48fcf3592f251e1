import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { useEffect, useMemo, useRef, useState } from 'react';
import Sigma from 'sigma';
import { EdgeLineProgram } from 'sigma/rendering';
import type { AnalysisOutput } from '../../shared/analysis/result';
import { hoverNode, selectCommunity, selectNode } from '../state/selection/producers';
import { store, useAppState } from '../state/store';
import { buildMapModel, type EdgeAttributes, type MapModel, type NodeAttributes } from './build-graph';
import { frameFor } from './camera';
import { setCurrentMap } from './current-map';
import { makeReducers } from './reducers';

/**
 * The map: one Sigma instance per analysis over the derived graph. State changes only swap the reducers;
 * hovering, clicking and the camera write back into the store. Performance levers from sigma's docs:
 * edges and labels hidden while the camera moves, the light line program for edges, labels only for
 * nodes drawn large enough.
 */
export function MapView({ output }: { output: AnalysisOutput }) {
  const container = useRef<HTMLDivElement>(null);
  const sigmaRef = useRef<Sigma<NodeAttributes, EdgeAttributes> | null>(null);
  const layoutRef = useRef<FA2Layout | null>(null);
  const [layoutRunning, setLayoutRunning] = useState(false);
  const model: MapModel = useMemo(() => buildMapModel(output), [output]);
  const filters = useAppState((s) => s.filters);
  const selection = useAppState((s) => s.selection);
  const reducers = useMemo(() => makeReducers(model, filters, selection), [model, filters, selection]);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    let frames = 0;
    const sigma = new Sigma<NodeAttributes, EdgeAttributes>(model.graph, el, {
      hideEdgesOnMove: true,
      hideLabelsOnMove: true,
      defaultEdgeType: 'line',
      edgeProgramClasses: { line: EdgeLineProgram },
      labelRenderedSizeThreshold: 9,
      labelFont: 'system-ui, sans-serif',
      zIndex: true,
      minCameraRatio: 0.01,
      maxCameraRatio: 4,
    });
    sigma.on('enterNode', ({ node }) => store.update('selection', hoverNode(node)));
    sigma.on('leaveNode', () => store.update('selection', hoverNode(null)));
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
      layoutRef.current?.kill();
      layoutRef.current = null;
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
    setCurrentMap({ sigma, model, reducers });
    return () => setCurrentMap(null);
  }, [reducers, model]);

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

  const toggleLayout = () => {
    if (!layoutRef.current) {
      // Gephi's defaults scaled to the graph (Barnes–Hut above a few thousand nodes), in a web worker.
      layoutRef.current = new FA2Layout(model.graph, { settings: forceAtlas2.inferSettings(model.graph) });
    }
    if (layoutRef.current.isRunning()) layoutRef.current.stop();
    else layoutRef.current.start();
    setLayoutRunning(layoutRef.current.isRunning());
  };

  return (
    <div className="map">
      <div ref={container} className="map-canvas" data-testid="map" aria-label="Network map" />
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

/**
 * Sigma's settings for the account map (also used by bench/render-harness, so the benchmark draws what the app
 * draws). Performance levers from sigma's docs: edges and labels hidden while the camera moves, the light line
 * program for edges, no edge labels or edge events, labels only for nodes drawn large enough.
 */
import type { Settings } from 'sigma/settings';
import { EdgeLineProgram } from 'sigma/rendering';

export function sigmaSettings(): Partial<Settings> {
  return {
    hideEdgesOnMove: true,
    hideLabelsOnMove: true,
    renderEdgeLabels: false,
    enableEdgeEvents: false,
    defaultEdgeType: 'line',
    edgeProgramClasses: { line: EdgeLineProgram },
    labelRenderedSizeThreshold: 9,
    labelFont: 'system-ui, sans-serif',
    zIndex: true,
    minCameraRatio: 0.01,
    maxCameraRatio: 4,
  };
}

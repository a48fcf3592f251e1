import type { AnalysisOutput } from '../../shared/analysis/result';
import type { CurrentMap } from '../graph/current-map';

/**
 * Node positions (indexes into output.graph.nodes) that the map shows now: the same `isHidden` the map's
 * reducers use, so the GEXF of the view holds exactly what is on screen (filters, not the camera).
 */
export function visibleNodePositions(output: AnalysisOutput, map: Pick<CurrentMap, 'reducers' | 'model'>): number[] {
  const out: number[] = [];
  const { nodes } = output.graph;
  for (let p = 0; p < nodes.length; p++) {
    const key = String(nodes[p]);
    if (map.model.graph.hasNode(key) && !map.reducers.isHidden(key)) out.push(p);
  }
  return out;
}

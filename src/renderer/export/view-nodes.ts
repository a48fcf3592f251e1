import type { AnalysisOutput } from '../../shared/analysis/result';
import type { AccountMap } from '../graph/current-map';

/**
 * Node positions (indexes into output.graph.nodes) that the map shows now: the same `isHidden` the map's
 * reducers use, so the GEXF of the view holds exactly what is on screen (filters, not the camera). `output` is
 * the whole analysis even when the map shows one community opened from the meta-graph: node keys are dataset
 * indexes in both, so the positions are the whole analysis's, as export.gexf expects.
 */
export function visibleNodePositions(output: AnalysisOutput, map: Pick<AccountMap, 'reducers' | 'model'>): number[] {
  const out: number[] = [];
  const { nodes } = output.graph;
  for (let p = 0; p < nodes.length; p++) {
    const key = String(nodes[p]);
    if (map.model.graph.hasNode(key) && !map.reducers.isHidden(key)) out.push(p);
  }
  return out;
}

/** Edges the map's graph holds between two nodes the filters show (a thinned overview holds fewer than exist). */
export function visibleEdgeCount(map: Pick<AccountMap, 'reducers' | 'model'>): number {
  const { graph } = map.model;
  let n = 0;
  graph.forEachEdge((_e, _a, s, t) => {
    if (!map.reducers.isHidden(s) && !map.reducers.isHidden(t)) n++;
  });
  return n;
}

/** The export.gexf `view` bitmask of node positions (bit p of byte p >> 3), base64-encoded. */
export function viewMask(positions: number[], nodeCount: number): string {
  const bits = new Uint8Array(Math.ceil(nodeCount / 8));
  for (const p of positions) bits[p >> 3] |= 1 << (p & 7);
  let binary = '';
  // Chunks keep String.fromCharCode's argument list small.
  for (let i = 0; i < bits.length; i += 0x8000) binary += String.fromCharCode(...bits.subarray(i, i + 0x8000));
  return btoa(binary);
}

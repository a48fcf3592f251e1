/**
 * The map on screen, for exporters that need the live sigma instance (PNG) or the current view's visible
 * nodes (GEXF of the view). MapView registers itself; null while no map is drawn.
 */
import type Sigma from 'sigma';
import type { EdgeAttributes, MapModel, NodeAttributes } from './build-graph';
import type { Reducers } from './reducers';

export interface CurrentMap {
  sigma: Sigma<NodeAttributes, EdgeAttributes>;
  model: MapModel;
  reducers: Reducers;
}

let current: CurrentMap | null = null;

export function setCurrentMap(map: CurrentMap | null): void {
  current = map;
}

export function currentMap(): CurrentMap | null {
  return current;
}

/**
 * The map on screen, for exporters that need the live sigma instance (PNG) or what the view holds (GEXF of
 * the view): the account map (MapView; `community` set when it is one community opened from the meta-graph)
 * or the community meta-graph (MetaMapView). Each view registers itself; null while no map is drawn. The
 * export bar subscribes to relabel its buttons for the kind of map it would export.
 */
import { useSyncExternalStore } from 'react';
import type Sigma from 'sigma';
import type { EdgeAttributes, MapModel, NodeAttributes } from './build-graph';
import type { MetaGraph } from './meta-graph';
import type { Reducers } from './reducers';

export interface AccountMap {
  kind: 'accounts';
  sigma: Sigma<NodeAttributes, EdgeAttributes>;
  model: MapModel;
  reducers: Reducers;
  /** The community drilled into from the meta-graph; null when the map is the whole analysis. */
  community: number | null;
}

export interface CommunityMetaMap {
  kind: 'meta';
  // The meta-graph's node attributes are its own (meta-graph.ts); exporters only redraw it.
  sigma: Sigma;
  meta: MetaGraph;
}

export type CurrentMap = AccountMap | CommunityMetaMap;

let current: CurrentMap | null = null;
const listeners = new Set<() => void>();

export function setCurrentMap(map: CurrentMap | null): void {
  if (current === map) return;
  current = map;
  for (const l of listeners) l();
}

/** Unregisters `map` if it is still the current one (a newer map may already have registered). */
export function clearCurrentMap(map: CurrentMap): void {
  if (current === map) setCurrentMap(null);
}

export function currentMap(): CurrentMap | null {
  return current;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** What the map on screen is, as React state: 'accounts', 'community' (drilled down), 'meta', or null. */
export function useCurrentMapKind(): 'accounts' | 'community' | 'meta' | null {
  return useSyncExternalStore(subscribe, () =>
    current === null ? null : current.kind === 'meta' ? 'meta' : current.community === null ? 'accounts' : 'community',
  );
}

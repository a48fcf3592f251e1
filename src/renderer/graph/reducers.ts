/**
 * What the map shows, as sigma reducers over the derived graph: filters hide, hover/click/search/community
 * selection emphasise (a focused node with all its neighbours, even those whose edge a thinned overview does not
 * draw), the size metric sizes. Pure functions of (model, filters, selection) — sigma's
 * recommended way, so the graph itself is never rewritten for display. Every set is built once per state
 * change; the reducers then cost O(1) per node and edge.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { FiltersState, SizeMetric } from '../state/filters/producers';
import type { SelectionState } from '../state/selection/producers';
import type { EdgeAttributes, MapModel, NodeAttributes } from './build-graph';

export const MUTED_NODE = '#e4e4e4';
export const HIGHLIGHT_EDGE = '#555555';
const MIN_SIZE = 2;
const MAX_SIZE = 14;
const MAX_FORCED_LABELS = 12;
/** Size of a node outside a hovered or selected node's neighbourhood. */
export const mutedFocusSize = (size: number) => Math.max(1, size * 0.4);

export function nodeSize(attr: NodeAttributes, metric: SizeMetric, maxima: MapModel['maxima']): number {
  if (metric === 'uniform') return 4;
  const max = maxima[metric];
  const value = attr[metric];
  // Square root: area, not radius, grows with the metric.
  return max > 0 ? MIN_SIZE + (MAX_SIZE - MIN_SIZE) * Math.sqrt(value / max) : MIN_SIZE;
}

export function searchMatches(model: MapModel, query: string): Set<string> | null {
  const q = query.trim().toLowerCase();
  if (q.length === 0) return null;
  const found = new Set<string>();
  model.graph.forEachNode((node, attr) => {
    if (attr.label.toLowerCase().includes(q) || attr.accountId.toLowerCase().includes(q)) found.add(node);
  });
  return found;
}

/** Node keys in the graph's order (the order layoutEdges indexes) and back, per model. */
const nodeOrders = new WeakMap<MapModel, { keys: string[]; position: Map<string, number> }>();

function nodeOrder(model: MapModel) {
  let order = nodeOrders.get(model);
  if (!order) {
    const keys = model.graph.nodes();
    order = { keys, position: new Map(keys.map((k, i) => [k, i])) };
    nodeOrders.set(model, order);
  }
  return order;
}

export interface Neighbourhood {
  /** Every neighbour of the node in the analysis (all merged edges), drawn edge or not. */
  neighbours: string[];
  /** How many of the node's edges the map draws (fewer than neighbours.length when the overview is thinned). */
  drawnEdges: number;
}

/**
 * A node's neighbours from the full adjacency. A thinned overview (build-graph.ts) keeps only each node's
 * heaviest edges in the sigma graph, but every node: the neighbours behind the dropped edges are on the map, so
 * the reducers emphasise them all, and the hover card says how many of the links are drawn. The dropped edges
 * are found in model.layoutEdges (every merged edge) by one linear pass over two Int32Arrays — about a
 * millisecond per million edges, once per focus change.
 */
export function focusNeighbourhood(model: MapModel, node: string): Neighbourhood | null {
  const { graph } = model;
  if (!graph.hasNode(node)) return null;
  const drawnEdges = graph.degree(node);
  if (graph.size >= model.edgesTotal) return { neighbours: graph.neighbors(node), drawnEdges };
  const { keys, position } = nodeOrder(model);
  const p = position.get(node)!;
  const { source, target } = model.layoutEdges;
  const neighbours: string[] = [];
  for (let i = 0; i < source.length; i++) {
    if (source[i] === p) neighbours.push(keys[target[i]]);
    else if (target[i] === p) neighbours.push(keys[source[i]]);
  }
  return { neighbours, drawnEdges };
}

export interface Reducers {
  nodeReducer: (node: string, data: NodeAttributes) => Partial<NodeDisplayData>;
  edgeReducer: (edge: string, data: EdgeAttributes) => Partial<EdgeDisplayData>;
  /** Whether filters hide a node (also used by the camera and the search box). */
  isHidden: (node: string) => boolean;
  /** The hovered (else selected) node and its whole neighbourhood, when it is shown; for the hover card. */
  focus: ({ node: string } & Neighbourhood) | null;
}

export function makeReducers(model: MapModel, filters: FiltersState, selection: SelectionState): Reducers {
  const { graph } = model;
  const shownCommunities = filters.communities ? new Set(filters.communities) : null;
  const hiddenKinds = new Set(filters.hiddenEdgeKinds);
  const nodeFilterOn = shownCommunities !== null || filters.flaggedOnly;
  const isHidden = (node: string) => {
    if (!nodeFilterOn) return false;
    const attr = graph.getNodeAttributes(node);
    return (
      (shownCommunities !== null && !shownCommunities.has(attr.community)) || (filters.flaggedOnly && !attr.flagged)
    );
  };

  const focus = selection.hoveredNode ?? selection.selectedNode;
  const around = focus && graph.hasNode(focus) && !isHidden(focus) ? focusNeighbourhood(model, focus) : null;
  const focusSet = around ? new Set([focus!, ...around.neighbours]) : null;
  const matches = searchMatches(model, filters.search);
  const community = selection.selectedCommunity;
  // What is emphasised, strongest cue first: the node under focus and its neighbours, else search hits,
  // else the selected community; everything else is muted.
  const emphasised = (node: string, attr: NodeAttributes): boolean | null => {
    if (focusSet) return focusSet.has(node);
    if (matches) return matches.has(node);
    if (community !== null) return attr.community === community;
    return null;
  };

  return {
    isHidden,
    focus: around ? { node: focus!, ...around } : null,
    nodeReducer(node, attr) {
      if (isHidden(node)) return { ...attr, hidden: true };
      const size = nodeSize(attr, filters.sizeMetric, model.maxima);
      const e = emphasised(node, attr);
      if (e === null) return { ...attr, size };
      // Sigma draws every edge below every node, so on a dense map the focused node's edges would run under the
      // muted crowd: while a node is in focus the others also shrink (keeping their relative sizes as context).
      if (!e)
        return { ...attr, size: focusSet ? mutedFocusSize(size) : size, color: MUTED_NODE, label: null, zIndex: 0 };
      const isFocus = node === focus;
      // Forced labels ignore sigma's collision grid: force the focus node's own, and search hits only while
      // few enough to stay legible; neighbours get labels where sigma's grid finds room.
      const forceLabel = isFocus || (!focusSet && matches !== null && matches.size <= MAX_FORCED_LABELS);
      return { ...attr, size: isFocus ? size * 1.3 : size, zIndex: 1, forceLabel, highlighted: isFocus };
    },
    edgeReducer(edge, attr) {
      if (attr.weight < filters.minWeight || hiddenKinds.has(attr.kind)) return { ...attr, hidden: true };
      // Extremities are looked up only when a node filter is on: on 500k edges the lookup is most of the cost.
      if (nodeFilterOn) {
        const [s, t] = graph.extremities(edge);
        if (isHidden(s) || isHidden(t)) return { ...attr, hidden: true };
      }
      if (focusSet) {
        const [s, t] = graph.extremities(edge);
        if (s !== focus && t !== focus) return { ...attr, hidden: true };
        return { ...attr, color: HIGHLIGHT_EDGE, size: attr.size + 0.5, zIndex: 1 };
      }
      return attr;
    },
  };
}

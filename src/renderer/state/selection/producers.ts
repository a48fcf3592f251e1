export interface SelectionState {
  /** Graph node key under the pointer. */
  hoveredNode: string | null;
  /** Graph node key clicked. */
  selectedNode: string | null;
  /** Community whose detail panel is open. */
  selectedCommunity: number | null;
  /** Bumped to ask the map to frame `selectedCommunity` (a request, not a state of the camera). */
  zoomRequest: number;
}

export const initialSelection: SelectionState = {
  hoveredNode: null,
  selectedNode: null,
  selectedCommunity: null,
  zoomRequest: 0,
};

export const hoverNode =
  (node: string | null) =>
  (s: SelectionState): SelectionState =>
    s.hoveredNode === node ? s : { ...s, hoveredNode: node };

export const selectNode =
  (node: string | null) =>
  (s: SelectionState): SelectionState => ({ ...s, selectedNode: node });

export const selectCommunity =
  (id: number | null) =>
  (s: SelectionState): SelectionState => ({
    ...s,
    selectedCommunity: id,
  });

export const zoomToCommunity =
  (id: number) =>
  (s: SelectionState): SelectionState => ({
    ...s,
    selectedCommunity: id,
    zoomRequest: s.zoomRequest + 1,
  });

export const clearSelection = () => (): SelectionState => initialSelection;

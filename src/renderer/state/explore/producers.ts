/** What the analysis panels show: the centre view (map, cascades, timelines), an open account, a cascade. */
export type ExploreTab = 'map' | 'cascades' | 'timelines';

export interface ExploreState {
  tab: ExploreTab;
  /** Account id whose detail panel is open. */
  account: string | null;
  /** Root post id of the cascade drawn in the cascade view. */
  cascade: string | null;
}

export const initialExplore: ExploreState = { tab: 'map', account: null, cascade: null };

export const openTab =
  (tab: ExploreTab) =>
  (s: ExploreState): ExploreState =>
    s.tab === tab ? s : { ...s, tab };

export const openAccount =
  (account: string | null) =>
  (s: ExploreState): ExploreState =>
    s.account === account ? s : { ...s, account };

export const openCascade =
  (cascade: string | null) =>
  (s: ExploreState): ExploreState => ({ ...s, cascade, tab: cascade === null ? s.tab : 'cascades' });

export const resetExplore = () => (): ExploreState => initialExplore;

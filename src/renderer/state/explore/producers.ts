/**
 * What the analysis panels show: the centre view (map, cascades, timelines, a comment thread), an open account,
 * a cascade, a thread.
 */
export type ExploreTab = 'map' | 'cascades' | 'timelines' | 'thread';

/** A comment thread to show: a post (or a comment in it, shown highlighted), with one community's members marked. */
export interface ThreadRef {
  postId: string;
  community: number | null;
}

export interface ExploreState {
  tab: ExploreTab;
  /** Account id whose detail panel is open. */
  account: string | null;
  /** Root post id of the cascade drawn in the cascade view. */
  cascade: string | null;
  /** The thread drawn in the thread view. */
  thread: ThreadRef | null;
}

export const initialExplore: ExploreState = { tab: 'map', account: null, cascade: null, thread: null };

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

/** Opens a thread in the centre view; the side panels stay as they are. Closing it returns to the map. */
export const openThread =
  (thread: ThreadRef | null) =>
  (s: ExploreState): ExploreState =>
    thread === null ? { ...s, thread: null, tab: s.tab === 'thread' ? 'map' : s.tab } : { ...s, thread, tab: 'thread' };

export const resetExplore = () => (): ExploreState => initialExplore;

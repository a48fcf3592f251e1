/**
 * Responses of the exploration channels (account.get, cascade.get, timeline.get, community.get): plain JSON
 * read from the project and the last analysis by src/main/server/explore.ts. Every list is bounded; the
 * bound and the full count travel together so a panel can say "showing 50 of 1 234".
 */
import type { Timeline } from '../analysis/bursts';
import type { AccountFeatureRow, CascadeResult } from '../analysis/result';

export interface AccountPost {
  id: string;
  /** Unix seconds, or null when unknown. */
  time: number | null;
  kind: string;
  text: string | null;
  parentId: string | null;
}

export interface AccountTie {
  accountId: string;
  screenName: string | null;
  kind: string;
  count: number;
  weight: number;
}

export interface AccountDetail {
  accountId: string;
  platform: string | null;
  screenName: string | null;
  displayName: string | null;
  /** Unix seconds. */
  createdAt: number | null;
  followers: number | null;
  following: number | null;
  description: string | null;
  location: string | null;
  language: string | null;
  /** False when the account is in the analysis but not (or no longer) in the project's tables. */
  inProject: boolean;
  /** The verdict on the account and on its community, from the last analysis (null without one). */
  analysis: {
    community: number;
    score: number;
    flagged: boolean;
    reasons: string[];
    communityFlagged: boolean;
    communityReasons: string[];
    /** The account's numbers behind the evidence (features.csv's row), when the analysis has them. */
    features: AccountFeatureRow | null;
  } | null;
  /** Posts per hour of week (168 counts, Monday 00:00 UTC first). */
  hourOfWeek: number[];
  postCount: number;
  postsOffset: number;
  posts: AccountPost[];
  /** Strongest ties by count, at most `tiesLimit` each way. */
  interactionsOut: AccountTie[];
  interactionsIn: AccountTie[];
  interactionsOutTotal: number;
  interactionsInTotal: number;
}

export interface CascadeDetail {
  result: CascadeResult;
  /** Parent of node k (node 0 = root, 1… = sharers in time order); parent[0] = −1. */
  parent: number[];
  /** Seconds after the root, per node. */
  offset: number[];
  /** Account id and screen name per node (node 0 = the root's author). */
  accounts: string[];
  screenNames: (string | null)[];
  /** Community per node from the last analysis (−1 = not in the analysed graph). */
  community: number[];
  /** Nodes beyond `maxNodes` are left out; `truncated` says so. */
  truncated: boolean;
}

export interface TimelineSet {
  kind: 'hashtag' | 'term';
  timelines: Timeline[];
  /** How many keys had enough posts before the list was cut to `limit`. */
  total: number;
}

export interface CountBin {
  /** Bin start, Unix seconds. */
  start: number;
  count: number;
}

export interface CommunityExtra {
  id: number;
  /** Member accounts created per month (months without creations are zero-filled). */
  creation: CountBin[];
  /** Members' posts per bin (`binSeconds` wide). */
  activity: CountBin[];
  binSeconds: number;
  /** Accounts the members interact with most (members included), with how many members reach each. */
  topTargets: {
    accountId: string;
    screenName: string | null;
    member: boolean;
    interactions: number;
    members: number;
  }[];
  /** Texts (normalised) posted by more than one member, most members first. */
  repeatedTexts: { text: string; posts: number; accounts: number; first: number | null; last: number | null }[];
}

/**
 * The in-memory form of a project that every analysis step reads: columns in typed arrays, indexed by
 * dense integers (account index, post index), so a million posts cost tens of megabytes and no objects
 * per row. Built from a project by src/main/analysis/load-dataset.ts, or directly by test generators.
 */
import type { InteractionKind, ObjectKind, PostKind } from '../model/records';

export const POST_KINDS: readonly PostKind[] = ['original', 'retweet', 'reply', 'quote', 'comment', 'share'];
export const INTERACTION_KIND_CODES: readonly InteractionKind[] = [
  'retweet',
  'reply',
  'mention',
  'quote',
  'comment',
  'follow',
  'share',
  'edge',
];
export const OBJECT_KINDS: readonly ObjectKind[] = ['post', 'object', 'url', 'domain', 'hashtag', 'image', 'page'];

export interface AccountTable {
  count: number;
  /** Project row id (accounts.id), for joining results back to the store. */
  rowId: Int32Array;
  platform: string[];
  /** The platform's own id. */
  extId: string[];
  screenName: (string | null)[];
  displayName: (string | null)[];
  /** Unix seconds; NaN when unknown. */
  createdAt: Float64Array;
  /** NaN when unknown. */
  followers: Float64Array;
  following: Float64Array;
  description: (string | null)[];
  /** 'user', 'page', 'group', 'channel' where the source tells (accounts.account_type), else null. */
  accountType: (string | null)[];
}

export interface PostTable {
  count: number;
  extId: string[];
  /** Account index of the author. */
  author: Int32Array;
  /** Unix seconds; NaN when unknown. */
  time: Float64Array;
  /** Index into POST_KINDS. */
  kind: Uint8Array;
  text: (string | null)[];
  client: (string | null)[];
  /** The platform id of the post this one retweets / replies to / quotes / comments on, or null. */
  parentExtId: (string | null)[];
  /** Account index of the parent's author, or -1. */
  parentAuthor: Int32Array;
}

/** What posts act on: one row per (post, object). Object values are interned per kind into `values`. */
export interface ObjectTable {
  count: number;
  post: Int32Array;
  /** Index into OBJECT_KINDS. */
  kind: Uint8Array;
  /** Index into `values`. */
  value: Int32Array;
  /** Distinct "kind:value" strings. */
  values: string[];
}

export interface InteractionTable {
  count: number;
  source: Int32Array;
  target: Int32Array;
  /** Index into INTERACTION_KIND_CODES. */
  kind: Uint8Array;
  /** Post index of the carrying post, or -1. */
  post: Int32Array;
  /** Unix seconds; NaN when unknown. */
  time: Float64Array;
  weight: Float64Array;
}

export interface FollowTable {
  count: number;
  follower: Int32Array;
  followed: Int32Array;
}

export interface Dataset {
  accounts: AccountTable;
  posts: PostTable;
  objects: ObjectTable;
  interactions: InteractionTable;
  follows: FollowTable;
}

export function kindCode<T extends string>(list: readonly T[], kind: T): number {
  const i = list.indexOf(kind);
  if (i < 0) throw new Error(`unknown kind ${kind}`);
  return i;
}

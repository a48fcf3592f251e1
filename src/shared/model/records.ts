/**
 * Normalised records: what every importer produces and the project store consumes.
 * Ids are the platform's own ids as strings (X ids overflow 2^53, so never numbers).
 * Times are Unix seconds (integers); undefined where the source gives none.
 */

export type Platform = 'twitter' | 'facebook' | 'instagram' | 'vk' | 'telegram' | 'youtube' | 'tiktok' | 'generic';

export const PLATFORMS: readonly Platform[] = [
  'twitter',
  'facebook',
  'instagram',
  'vk',
  'telegram',
  'youtube',
  'tiktok',
  'generic',
];

/** original post; retweet/share of another post; reply; quote; comment on a post or page. */
export type PostKind = 'original' | 'retweet' | 'reply' | 'quote' | 'comment' | 'share';

/** Directed account → account relations. `comment` = commented on the target's post or page. */
export type InteractionKind = 'retweet' | 'reply' | 'mention' | 'quote' | 'comment' | 'follow' | 'share' | 'edge';

export const INTERACTION_KINDS: readonly InteractionKind[] = [
  'retweet',
  'reply',
  'mention',
  'quote',
  'comment',
  'follow',
  'share',
  'edge',
];

/**
 * Things a post acts on, for co-action graphs: `post` = the post it retweets/shares (platform id),
 * `object` = an opaque shared object from a share table, `url`, `domain`, `hashtag` (lower-cased, no #),
 * `image` (perceptual hash id), `page` = the page/post a comment was left on.
 */
export type ObjectKind = 'post' | 'object' | 'url' | 'domain' | 'hashtag' | 'image' | 'page';

export interface AccountRecord {
  platform: Platform;
  id: string;
  screenName?: string;
  displayName?: string;
  createdAt?: number;
  followers?: number;
  following?: number;
  description?: string;
  location?: string;
  language?: string;
  verified?: boolean;
  profileImageUrl?: string;
  /** Kind of account where the source says: 'user', 'page', 'group', 'channel'. */
  accountType?: string;
}

export interface PostObject {
  kind: ObjectKind;
  value: string;
}

export interface PostRecord {
  platform: Platform;
  id: string;
  authorId: string;
  time?: number;
  text?: string;
  language?: string;
  client?: string;
  kind: PostKind;
  /** The post this one retweets / replies to / quotes / comments on. */
  parentId?: string;
  parentAuthorId?: string;
  /** Thread root for replies/comments where known. */
  rootId?: string;
  objects?: PostObject[];
  /** Reactions (likes) the post received, as the export counted them (comment exports give them per comment). */
  reactions?: number;
  /** Replies or comments the post received, as the export counted them. */
  replyCount?: number;
}

export interface InteractionRecord {
  platform: Platform;
  sourceId: string;
  targetId: string;
  kind: InteractionKind;
  /** The post that carries this interaction (e.g. the retweet), when there is one. */
  postId?: string;
  time?: number;
  weight?: number;
}

export interface FollowRecord {
  platform: Platform;
  followerId: string;
  followedId: string;
  time?: number;
}

/** What one input row turns into. Every field is optional; importers fill what the row has. */
export interface RecordBatch {
  accounts?: AccountRecord[];
  posts?: PostRecord[];
  interactions?: InteractionRecord[];
  follows?: FollowRecord[];
}

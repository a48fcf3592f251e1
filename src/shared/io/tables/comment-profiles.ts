/**
 * Canonical fields of a comment/page row, and the known exports mapped onto them automatically.
 *
 * Sources of the column names (looked up, not guessed):
 * - 4CAT Telegram: `SearchTelegram.map_item` in github digitalmethodsinitiative/4cat,
 *   datasources/telegram/search_telegram.py (id, thread_id, chat, author, author_username, author_name,
 *   body, reply_to, timestamp, unix_timestamp, …).
 * - 4CAT, any data source: every 4CAT item carries id, thread_id, author, body, timestamp (the columns its
 *   CSV export always has); a row whose thread_id differs from its id replies within that thread.
 * - CrowdTangle API posts as written by minet (github medialab/minet, minet/crowdtangle/constants.py,
 *   CROWDTANGLE_POST_CSV_HEADERS: id, platform, date, datetime, link, post_url, message, account_id,
 *   account_name, account_handle, account_platform, …).
 * - CrowdTangle dashboard "Historical data" CSV (Facebook: Page Name, User Name, Facebook Id, …, Post Created,
 *   …, URL, Message, Link; Instagram: Account, User Name, …, Post Created, …, URL, Link, …, Description).
 *   CrowdTangle never exported comments (its codebook: comment content is not tracked), so its rows are
 *   posts made by the page itself: no target, stored as original posts with their link as url/domain objects.
 */
import type { Platform } from '../../model/records';

export const COMMENT_FIELDS = [
  'commenter_id',
  'commenter_name',
  'commenter_handle',
  'target_id',
  'target_name',
  'post_id',
  'comment_id',
  'time',
  'text',
  'url',
  'platform',
] as const;

export type CommentField = (typeof COMMENT_FIELDS)[number];

export const COMMENT_FIELD_HELP: Record<CommentField, string> = {
  commenter_id: 'who commented (required)',
  commenter_name: "commenter's display name",
  commenter_handle: "commenter's user name",
  target_id: 'page/account commented on',
  target_name: "that page's name",
  post_id: 'the post commented on',
  comment_id: 'the comment itself (derived from the row when absent)',
  time: 'when',
  text: 'what was written',
  url: 'a link the comment shares',
  platform: 'facebook, instagram, vk, telegram, …',
};

export interface CommentProfile {
  name: string;
  /** Columns (lower-case) that must all be present for the profile to apply. */
  requires: readonly string[];
  /** Canonical field → candidate columns (lower-case), first present wins. */
  fields: Partial<Record<CommentField, readonly string[]>>;
  platform?: Platform;
  /** Message ids are unique only within their chat (Telegram): prefix comment and post ids with the target. */
  idsScopedByTarget?: boolean;
  /** A row whose post_id equals its comment_id starts a thread rather than replying (4CAT's thread_id). */
  postIdSameAsCommentMeansOriginal?: boolean;
  confidence: number;
}

export const COMMENT_PROFILES: readonly CommentProfile[] = [
  {
    name: 'claque',
    requires: ['commenter_id'],
    fields: Object.fromEntries(COMMENT_FIELDS.map((f) => [f, [f]])),
    confidence: 0.9,
  },
  {
    name: '4cat-telegram',
    requires: ['id', 'chat', 'author', 'body', 'reply_to'],
    fields: {
      comment_id: ['id'],
      commenter_id: ['author'],
      commenter_handle: ['author_username'],
      commenter_name: ['author_name'],
      target_id: ['chat'],
      post_id: ['reply_to'],
      time: ['unix_timestamp', 'timestamp'],
      text: ['body'],
    },
    platform: 'telegram',
    idsScopedByTarget: true,
    confidence: 0.9,
  },
  {
    name: 'crowdtangle-api',
    requires: ['account_id', 'account_name', 'post_url', 'id'],
    fields: {
      comment_id: ['id'],
      commenter_id: ['account_id'],
      commenter_name: ['account_name'],
      commenter_handle: ['account_handle'],
      time: ['datetime', 'date'],
      text: ['message', 'description'],
      url: ['link'],
      platform: ['platform', 'account_platform'],
    },
    confidence: 0.85,
  },
  {
    name: 'crowdtangle-facebook',
    requires: ['facebook id', 'page name', 'post created', 'url'],
    fields: {
      comment_id: ['url'],
      commenter_id: ['facebook id'],
      commenter_name: ['page name'],
      commenter_handle: ['user name'],
      time: ['post created'],
      text: ['message'],
      url: ['link', 'final link'],
    },
    platform: 'facebook',
    confidence: 0.9,
  },
  {
    name: 'crowdtangle-instagram',
    requires: ['account', 'user name', 'post created', 'url'],
    fields: {
      comment_id: ['url'],
      commenter_id: ['user name'],
      commenter_handle: ['user name'],
      commenter_name: ['account'],
      time: ['post created'],
      text: ['description'],
      url: ['link'],
    },
    platform: 'instagram',
    confidence: 0.85,
  },
  {
    name: '4cat',
    requires: ['id', 'thread_id', 'author', 'body', 'timestamp'],
    fields: {
      comment_id: ['id'],
      post_id: ['thread_id'],
      commenter_id: ['author'],
      commenter_name: ['author_fullname', 'author_name'],
      time: ['unix_timestamp', 'timestamp'],
      text: ['body'],
    },
    postIdSameAsCommentMeansOriginal: true,
    confidence: 0.7,
  },
];

/** The first known profile whose required columns are all in the header. */
export function matchCommentProfile(header: readonly string[]): CommentProfile | undefined {
  const lower = new Set(header.map((h) => h.trim().toLowerCase()));
  return COMMENT_PROFILES.find((p) => p.requires.every((c) => lower.has(c)));
}

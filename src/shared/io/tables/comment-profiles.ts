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
 *   Their accounts are Pages (the dashboard's "Page Name"; the API's account_type, e.g. facebook_page).
 * - minet's Facebook comments, mobile scraper (github medialab/minet, minet/facebook/constants.py,
 *   FACEBOOK_COMMENT_CSV_HEADERS, filled in minet/facebook/mobile_scraper.py scrape_comments): post_id, id,
 *   user_id, user_handle, user_url, user_label, text, html, formatted_date, date, reactions, replies,
 *   in_reply_to. `formatted_date` is Facebook's display text ("January 11 at 6:18 AM") and is never read;
 *   `date` is dateparser's reading of it, a zone-less local time. `in_reply_to` is the parent comment's id.
 *   `minet fb comments` appends these columns to the investigator's own, so they are found by name, and where
 *   a name occurs twice the last (minet's) column is taken.
 * - minet's Facebook comments, emulated (GraphQL) scraper (minet/facebook/types.py, FacebookComment flattened
 *   by casanova's TabularRecord as `author_<field>`): id, fbid, depth, parent_id, author_name,
 *   author_short_name, author_gender, author_url, author_is_verified, created_time, text, reactions, replies.
 *   `id` and `parent_id` are GraphQL ids (base64 of comment:POST_COMMENT), decoded to the numeric ids.
 * - Facepager's CSV export of Facebook Graph API nodes (github strohne/Facepager; its columns: level, id,
 *   parent_id, object_id, object_type, object_key, query_status, query_time, query_type, then the fields the
 *   preset asked for, named by their JSON path: message, created_time, from.id, from.name, like_count,
 *   comment_count, parent.id, permalink_url). Facepager's `id`/`parent_id` are its own node numbers: a row's
 *   parent node is the post (or comment) it was fetched from, found by number in the same file.
 * - 4CAT's Instagram export (digitalmethodsinitiative/4cat, datasources/instagram/search_instagram.py): id,
 *   thread_id, parent_id, body, author, timestamp, …, num_likes, num_comments; an answer's parent_id is the
 *   comment it answers, a top-level comment's is the thread (post).
 * exportcomments.com is not profiled: its column names could not be checked against a published source, so
 * its files are read through --map (or the mapping form), like any other table.
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
  'parent_comment_id',
  'commenter_url',
  'commenter_type',
  'reactions',
  'reply_count',
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
  parent_comment_id: 'the comment this one replies to (a reply thread)',
  commenter_url: "commenter's profile link (profile.php?id=…, facebook.com/handle)",
  commenter_type: "'page' or 'user', where the export tells Pages from people",
  reactions: 'reactions (likes) the comment received',
  reply_count: 'replies the comment received',
};

export interface CommentProfile {
  name: string;
  /** What a file of this profile is, in words, for messages ("minet's Facebook comments CSV"). */
  label: string;
  /** Columns (lower-case) that must all be present for the profile to apply. */
  requires: readonly string[];
  /** Canonical field → candidate columns (lower-case), first present wins. */
  fields: Partial<Record<CommentField, readonly string[]>>;
  platform?: Platform;
  /** Message ids are unique only within their chat (Telegram): prefix comment and post ids with the target. */
  idsScopedByTarget?: boolean;
  /** A row whose post_id equals its comment_id starts a thread rather than replying (4CAT's thread_id). */
  postIdSameAsCommentMeansOriginal?: boolean;
  /** Columns appended to the user's own (minet): where a name occurs twice, the last column is the profile's. */
  appended?: boolean;
  /** Comment and parent ids are Facebook GraphQL ids, decoded to numeric ids (minet's emulated scraper). */
  graphqlIds?: boolean;
  /** Facepager's node table: a row's parent is the row whose `id` is its `parent_id`. */
  facepager?: boolean;
  /** Account type of every row's author where the export holds only one kind (CrowdTangle: Pages). */
  accountType?: string;
  /** Post ids are Facebook post references, keyed by their numeric post id (facebook-ids.ts). */
  facebookPostIds?: boolean;
  /**
   * The export writes its times in UTC without saying so (CrowdTangle's API: "date … in UTC", kept as is by
   * minet): read as UTC whatever --tz says for the other files, and not counted as zone-less.
   */
  timesInUtc?: boolean;
  confidence: number;
}

export const COMMENT_PROFILES: readonly CommentProfile[] = [
  {
    name: 'claque',
    label: "a comment table with Claque's column names",
    requires: ['commenter_id'],
    fields: Object.fromEntries(COMMENT_FIELDS.map((f) => [f, [f]])),
    confidence: 0.9,
  },
  {
    name: 'minet-facebook-comments',
    label: "minet's Facebook comments CSV",
    requires: ['post_id', 'id', 'user_id', 'user_handle', 'user_url', 'user_label', 'formatted_date', 'in_reply_to'],
    fields: {
      comment_id: ['id'],
      post_id: ['post_id'],
      commenter_id: ['user_id'],
      commenter_handle: ['user_handle'],
      commenter_url: ['user_url'],
      commenter_name: ['user_label'],
      time: ['date'],
      text: ['text'],
      parent_comment_id: ['in_reply_to'],
      reactions: ['reactions'],
      reply_count: ['replies'],
    },
    platform: 'facebook',
    appended: true,
    facebookPostIds: true,
    confidence: 0.95,
  },
  {
    name: 'minet-facebook-comments-graphql',
    label: "minet's Facebook comments CSV (GraphQL scraper)",
    requires: ['id', 'fbid', 'depth', 'parent_id', 'author_name', 'author_url', 'created_time', 'text'],
    fields: {
      comment_id: ['id'],
      parent_comment_id: ['parent_id'],
      commenter_url: ['author_url'],
      commenter_name: ['author_name'],
      time: ['created_time'],
      text: ['text'],
      reactions: ['reactions'],
      reply_count: ['replies'],
    },
    platform: 'facebook',
    appended: true,
    graphqlIds: true,
    confidence: 0.95,
  },
  {
    name: 'facepager',
    label: "Facepager's CSV export",
    requires: ['level', 'id', 'parent_id', 'object_id', 'object_type', 'query_status', 'query_type'],
    fields: {
      comment_id: ['object_id'],
      commenter_id: ['from.id'],
      commenter_name: ['from.name'],
      time: ['created_time'],
      text: ['message'],
      url: ['link'],
      parent_comment_id: ['parent.id'],
      reactions: ['like_count', 'reactions.summary.total_count'],
      reply_count: ['comment_count', 'comments.summary.total_count'],
    },
    platform: 'facebook',
    facepager: true,
    facebookPostIds: true,
    confidence: 0.9,
  },
  {
    name: '4cat-telegram',
    label: "4CAT's Telegram export",
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
    label: 'CrowdTangle API posts (as written by minet)',
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
      commenter_type: ['account_type'],
      reply_count: ['actual_comment_count'],
    },
    facebookPostIds: true,
    timesInUtc: true,
    confidence: 0.85,
  },
  {
    name: 'crowdtangle-facebook',
    label: "CrowdTangle's Facebook historical-data CSV",
    requires: ['facebook id', 'page name', 'post created', 'url'],
    fields: {
      comment_id: ['url'],
      commenter_id: ['facebook id'],
      commenter_name: ['page name'],
      commenter_handle: ['user name'],
      time: ['post created'],
      text: ['message'],
      url: ['link', 'final link'],
      reactions: ['likes'],
      reply_count: ['comments'],
    },
    platform: 'facebook',
    accountType: 'page',
    facebookPostIds: true,
    confidence: 0.9,
  },
  {
    name: 'crowdtangle-instagram',
    label: "CrowdTangle's Instagram historical-data CSV",
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
    label: 'a 4CAT export',
    requires: ['id', 'thread_id', 'author', 'body', 'timestamp'],
    fields: {
      comment_id: ['id'],
      post_id: ['thread_id'],
      parent_comment_id: ['parent_id'],
      commenter_id: ['author'],
      commenter_name: ['author_fullname', 'author_name'],
      time: ['unix_timestamp', 'timestamp'],
      text: ['body'],
      reactions: ['num_likes'],
      reply_count: ['num_comments'],
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

/**
 * Zeeschuimer's NDJSON (github digitalmethodsinitiative/zeeschuimer, js/zs-background.js: one captured item per
 * line as {nav_index, item_id, timestamp_collected, source_platform, source_platform_url, source_url,
 * user_agent, data}) and 4CAT's NDJSON of the same items (the item itself, its capture fields under
 * `__import_meta`). Read here: the comment modules.
 * - Instagram comments (modules/instagram-comments.js): data = Instagram's comment with id, text, created_at,
 *   comment_like_count, child_comment_count, and the module's own fields: user {id, unique_id (username),
 *   nickname (full name), verified}, post_id (the media id), post_shortcode, post_url, parent_comment_id.
 * - Facebook comments (modules/facebook-comments.js): data = a GraphQL Feedback node, id `feedback:POSTID`,
 *   its comments under comment_rendering_instance_for_feed_location.comments.edges[].node. A comment node (as
 *   minet's minet/facebook/types.py reads it): id (GraphQL, base64 of comment:POST_COMMENT), legacy_fbid,
 *   depth, author {__typename User|Page, id, name, url}, body/preferred_body.text, created_time,
 *   feedback.reactors.count, feedback.replies_fields.total_count / total_comment_count, comment_parent.id.
 *   The author's __typename tells Pages from people.
 * - Instagram posts (modules/instagram.js, 4CAT's datasources/instagram): media with pk or id, code,
 *   taken_at, user {pk, username, full_name}, caption.text, like_count, comment_count: the posts the comments
 *   are under, as original posts by their account.
 * Other captures (TikTok, X, …) are refused per line, naming what was found.
 */
import { resolveAccount } from '../account-ref';
import type { CommentAccount, CommentRow } from './comment-row';
import { decodeGraphqlId } from './facebook-ids';
import { arr, idOf, isObject, num, obj, str, unixTime, type Json } from './json-values';

/** The captured item and where it was captured, from either layout. */
function unwrap(value: unknown): { data: Json; source: string } | undefined {
  if (!isObject(value)) return undefined;
  if (isObject(value.data) && ('item_id' in value || 'source_platform' in value)) {
    return {
      data: value.data,
      source: `${str(value, 'source_platform') ?? ''} ${str(value, 'source_platform_url') ?? ''}`,
    };
  }
  const meta = obj(value, '__import_meta');
  if (meta)
    return { data: value, source: `${str(meta, 'source_platform') ?? ''} ${str(meta, 'source_platform_url') ?? ''}` };
  return undefined;
}

export function isZeeschuimerValue(v: unknown): boolean {
  return unwrap(v) !== undefined;
}

export function zeeschuimerToRows(value: unknown): CommentRow[] | string {
  const item = unwrap(value);
  if (!item) return 'expected a Zeeschuimer item ({item_id, source_platform, data}) or a 4CAT item with __import_meta';
  const { data, source } = item;
  if (data.__typename === 'Feedback' || obj(data, 'comment_rendering_instance_for_feed_location')) {
    return facebookFeedback(data);
  }
  if (/instagram/i.test(source) || isObject(data.user) || isObject(data.owner)) {
    if (typeof data.text === 'string' && (isObject(data.user) || isObject(data.owner))) return instagramComment(data);
    if ('taken_at' in data && (str(data, 'code') || idOf(data, 'pk'))) return instagramPost(data);
  }
  return `a Zeeschuimer capture Claque does not read (${source.trim() || 'unknown source'}): expected Instagram or Facebook comments, or Instagram posts`;
}

/** Instagram media ids come as `MEDIAPK` or `MEDIAPK_OWNERPK`: the media pk is the post. */
function mediaKey(id: string): string {
  return id.split('_')[0];
}

function instagramComment(d: Json): CommentRow[] | string {
  const id = idOf(d, 'id') ?? idOf(d, 'pk');
  const user = obj(d, 'user') ?? obj(d, 'owner');
  const userId = idOf(user, 'id') ?? idOf(user, 'pk');
  const username = str(user, 'unique_id') ?? str(user, 'username');
  if (!id) return 'an Instagram comment without id';
  const who = resolveAccount('instagram', { id: userId, handle: username });
  if (!who) return `Instagram comment ${id}: no user id or username`;
  const post = idOf(d, 'post_id') ?? idOf(d, 'media_id');
  return [
    {
      platform: 'instagram',
      id,
      author: { ...who, displayName: str(user, 'nickname') ?? str(user, 'full_name'), accountType: 'user' },
      postId: post ? mediaKey(post) : undefined,
      parentCommentId: idOf(d, 'parent_comment_id'),
      time: unixTime(d, 'created_at_utc') ?? unixTime(d, 'created_at'),
      text: str(d, 'text'),
      reactions: num(d, 'comment_like_count'),
      replyCount: num(d, 'child_comment_count'),
    },
  ];
}

function instagramPost(d: Json): CommentRow[] | string {
  const pk = idOf(d, 'pk') ?? idOf(d, 'id');
  const user = obj(d, 'user') ?? obj(d, 'owner');
  const who = resolveAccount('instagram', { id: idOf(user, 'pk') ?? idOf(user, 'id'), handle: str(user, 'username') });
  if (!pk || !who) return 'an Instagram post without id or user';
  return [
    {
      platform: 'instagram',
      id: mediaKey(pk),
      author: { ...who, displayName: str(user, 'full_name'), accountType: 'user' },
      time: unixTime(d, 'taken_at'),
      text: str(obj(d, 'caption'), 'text'),
      reactions: num(d, 'like_count'),
      replyCount: num(d, 'comment_count'),
    },
  ];
}

function facebookFeedback(d: Json): CommentRow[] | string {
  const feedbackId = str(d, 'id') ?? '';
  // Zeeschuimer decodes the Feedback id itself (`feedback:POSTID`); 4CAT may keep the base64.
  const post = /^feedback:(\d+)/.exec(feedbackId)?.[1] ?? decodeGraphqlId(feedbackId)?.postId;
  const rows: CommentRow[] = [];
  const edges = arr(obj(obj(d, 'comment_rendering_instance_for_feed_location'), 'comments'), 'edges');
  for (const edge of edges) {
    const problem = facebookComment(obj(edge, 'node'), post, rows);
    if (problem) return problem;
  }
  return rows;
}

function facebookComment(
  node: Json | undefined,
  post: string | undefined,
  rows: CommentRow[],
  underComment?: string,
): string | undefined {
  if (!node) return undefined;
  const decoded = decodeGraphqlId(str(node, 'id') ?? '');
  const id = str(node, 'legacy_fbid') ?? decoded?.commentId;
  if (!id) return 'a Facebook comment node without legacy_fbid or a comment id';
  const a = obj(node, 'author');
  const who = resolveAccount('facebook', { id: idOf(a, 'id'), url: str(a, 'url') });
  if (!who) return `Facebook comment ${id}: no author id or profile link`;
  const type = str(a, '__typename');
  const author: CommentAccount = {
    ...who,
    displayName: str(a, 'name'),
    accountType: type === 'Page' ? 'page' : type === 'User' ? 'user' : undefined,
  };
  const parent = decodeGraphqlId(str(obj(node, 'comment_parent'), 'id') ?? '')?.commentId;
  const feedback = obj(node, 'feedback');
  const linkTime = arr(node, 'comment_action_links')
    .map((l) => unixTime(obj(l, 'comment'), 'created_time'))
    .find((t) => t !== undefined);
  rows.push({
    platform: 'facebook',
    id,
    author,
    postId: post ?? decoded?.postId,
    parentCommentId: parent ?? underComment,
    time: unixTime(node, 'created_time') ?? linkTime,
    text: str(obj(node, 'preferred_body'), 'text') ?? str(obj(node, 'body'), 'text'),
    reactions: num(obj(feedback, 'reactors'), 'count'),
    replyCount: num(obj(feedback, 'replies_fields'), 'total_count') ?? num(feedback, 'total_comment_count'),
  });
  // Replies Facebook already sent with their comment sit under the comment's own feedback.
  for (const key of ['replies_connection', 'display_comments']) {
    for (const edge of arr(obj(feedback, key), 'edges')) {
      const problem = facebookComment(obj(edge, 'node'), post ?? decoded?.postId, rows, id);
      if (problem) return problem;
    }
  }
  return undefined;
}

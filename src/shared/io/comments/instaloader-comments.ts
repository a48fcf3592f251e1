/**
 * Instaloader's comment files (github instaloader/instaloader, instaloader/instaloader.py, update_comments:
 * `<post>_comments.json`, a JSON array of {id, created_at, text, owner, likes_count, answers}, each answer
 * the same without `answers`; `created_at` is Unix seconds UTC, `owner` is the profile node: id, username,
 * is_verified, profile_pic_url). Answers are replies to the comment they sit under, whose author is known.
 * The post is not in the file: Instaloader names the file after the post (`2021-09-01_08-00-00_UTC_comments.json`),
 * so the caller passes that name, which the post's other files share.
 */
import type { CommentAccount, CommentRow } from './comment-row';
import { arr, idOf, isObject, num, obj, str, unixTime } from './json-values';

export function isInstaloaderCommentValue(v: unknown): boolean {
  return isObject(v) && isObject(v.owner) && 'created_at' in v && ('answers' in v || 'likes_count' in v);
}

export function instaloaderCommentToRows(value: unknown, postId: string | undefined): CommentRow[] | string {
  const top = one(value, postId, undefined, undefined);
  if (typeof top === 'string') return top;
  const rows = [top];
  for (const answer of arr(value, 'answers')) {
    const row = one(answer, postId, top.id, top.author.id);
    if (typeof row === 'string') return `answer to ${top.id}: ${row}`;
    rows.push(row);
  }
  return rows;
}

function one(
  c: unknown,
  postId: string | undefined,
  parent: string | undefined,
  parentAuthor: string | undefined,
): CommentRow | string {
  const id = idOf(c, 'id');
  const owner = obj(c, 'owner');
  const ownerId = idOf(owner, 'id');
  const username = str(owner, 'username');
  if (!id) return 'no id: expected an Instaloader comment';
  if (!ownerId && !username) return `comment ${id}: no owner id or username`;
  const author: CommentAccount = {
    id: ownerId ?? username!.toLowerCase(),
    screenName: username,
    accountType: 'user',
  };
  return {
    platform: 'instagram',
    id,
    author,
    postId,
    parentCommentId: parent,
    parentAuthorId: parentAuthor,
    time: unixTime(c, 'created_at'),
    text: str(c, 'text'),
    reactions: num(c, 'likes_count'),
    replyCount: parent === undefined ? arr(c, 'answers').length : undefined,
  };
}

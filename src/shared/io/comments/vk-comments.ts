/**
 * VK API `wall.getComments` responses (dev.vk.com/method/wall.getComments; the comment object as in
 * vk-io's WallWallComment: id, from_id, owner_id, post_id, date, text, reply_to_user, reply_to_comment,
 * parents_stack, likes.count, thread.count / thread.items; with extended=1 the response adds `profiles`
 * (users: id, first_name, last_name, screen_name) and `groups` (id, name, screen_name, type)).
 * A file holds one response (`{"response": {...}}` or the response itself), one per line, or comment objects.
 *
 * VK comment ids are unique per wall, so comments and posts are keyed `OWNER_ID` (as vk.com/wall-4040_771
 * writes a post). Negative ids are communities (groups, public pages): accountType 'page'. A thread item
 * (in `thread.items`) answers reply_to_comment when it names one, else the thread's top comment.
 */
import type { CommentAccount, CommentRow } from './comment-row';
import { arr, idOf, isObject, num, obj, str, unixTime, type Json } from './json-values';

export function isVkCommentsValue(v: unknown): boolean {
  const page = obj(v, 'response') ?? (isObject(v) ? v : undefined);
  const first = arr(page, 'items')[0] ?? page;
  return idOf(first, 'from_id') !== undefined && num(first, 'date') !== undefined;
}

/** The comments of one response (or one comment object); an error string when it holds none. */
export function vkCommentsToRows(value: unknown): CommentRow[] | string {
  const page = obj(value, 'response') ?? (isObject(value) ? value : undefined);
  if (!page) return 'expected a wall.getComments response or a comment object';
  if (isObject(value) && isObject(value.error)) {
    return `a VK API error: ${str(value.error, 'error_msg') ?? JSON.stringify(value.error).slice(0, 200)}`;
  }
  const names = new Map<string, CommentAccount>();
  for (const p of arr(page, 'profiles')) {
    const id = idOf(p, 'id');
    if (!id) continue;
    const displayName = [str(p, 'first_name'), str(p, 'last_name')].filter(Boolean).join(' ') || undefined;
    names.set(id, { id, screenName: str(p, 'screen_name'), displayName, accountType: 'user' });
  }
  for (const g of arr(page, 'groups')) {
    const id = idOf(g, 'id');
    if (!id) continue;
    const key = id.startsWith('-') ? id : `-${id}`;
    names.set(key, { id: key, screenName: str(g, 'screen_name'), displayName: str(g, 'name'), accountType: 'page' });
  }
  const items = Array.isArray(page.items) ? page.items : [page];
  const rows: CommentRow[] = [];
  for (const item of items) collect(item, undefined, names, rows);
  if (rows.length === 0 && items.length > 0 && !Array.isArray(page.items)) return 'a comment without from_id or date';
  return rows;
}

function account(id: string, names: Map<string, CommentAccount>): CommentAccount {
  return names.get(id) ?? { id, accountType: id.startsWith('-') ? 'page' : 'user' };
}

function collect(
  item: unknown,
  topId: string | undefined,
  names: Map<string, CommentAccount>,
  rows: CommentRow[],
): void {
  if (!isObject(item)) return;
  const c = item as Json;
  const id = idOf(c, 'id');
  const from = idOf(c, 'from_id');
  // Deleted comments keep their place in a thread but have no author or text.
  if (id && from && c.deleted !== true && c.deleted !== 1) {
    const owner = idOf(c, 'owner_id');
    const post = idOf(c, 'post_id');
    const key = (x: string) => (owner ? `${owner}_${x}` : x);
    const stack = arr(c, 'parents_stack');
    const inThread =
      idOf(c, 'reply_to_comment') ?? topId ?? (stack.length > 0 ? String(stack[stack.length - 1]) : undefined);
    const replyToUser = idOf(c, 'reply_to_user');
    rows.push({
      platform: 'vk',
      id: key(id),
      author: account(from, names),
      target: owner ? account(owner, names) : undefined,
      postId: post ? key(post) : undefined,
      parentCommentId: inThread ? key(inThread) : undefined,
      parentAuthorId: inThread && replyToUser ? replyToUser : undefined,
      time: unixTime(c, 'date'),
      text: str(c, 'text'),
      reactions: num(obj(c, 'likes'), 'count'),
      replyCount: num(obj(c, 'thread'), 'count'),
    });
  }
  for (const reply of arr(obj(c, 'thread'), 'items')) collect(reply, id, names, rows);
}

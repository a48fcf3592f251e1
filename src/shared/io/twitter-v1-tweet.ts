/**
 * Maps an X API v1.1 tweet object (as in the streaming API, search, and most archives of the 2010s) to
 * records. Embedded `retweeted_status` / `quoted_status` become posts and accounts too, so a file of
 * retweets still tells who was retweeted, when, and with what. Ids come from the `*_str` fields.
 */
import type { AccountRecord, InteractionRecord, PostKind, PostObject, PostRecord, RecordBatch } from '../model/records';
import { parseTime } from './time';
import { clientName, count, entityObjects, entityText, text, xId } from './tweet-fields';

type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function arr(value: unknown): Json[] {
  return Array.isArray(value) ? (value.map(obj).filter(Boolean) as Json[]) : [];
}

function idOf(o: Json, field: string, where: string): string | undefined {
  return xId(o[`${field}_str`] ?? o[field], `${where}${field}_str`);
}

/** A v1.1 user object as an account. */
export function v1UserToAccount(user: unknown, where = 'user.'): AccountRecord {
  const u = obj(user);
  if (!u) throw new Error(`${where.replace(/\.$/, '')}: missing user object`);
  const id = idOf(u, 'id', where);
  if (!id) throw new Error(`${where}id_str: missing`);
  const created = typeof u.created_at === 'string' ? parseTime(u.created_at) : undefined;
  return {
    platform: 'twitter',
    id,
    screenName: text(u.screen_name),
    displayName: text(u.name),
    createdAt: created,
    followers: count(u.followers_count, `${where}followers_count`),
    following: count(u.friends_count, `${where}friends_count`),
    description: text(u.description),
    location: text(u.location),
    language: text(u.lang),
    verified: typeof u.verified === 'boolean' ? u.verified : undefined,
    profileImageUrl: text(u.profile_image_url_https) ?? text(u.profile_image_url),
  };
}

/** Records for one v1.1 tweet, including the statuses it embeds. Throws on a malformed tweet. */
export function v1TweetToBatch(tweet: unknown): RecordBatch {
  const out = new BatchBuilder();
  addTweet(out, tweet, '', 0);
  return out.batch();
}

class BatchBuilder {
  private readonly accounts = new Map<string, AccountRecord>();
  readonly posts: PostRecord[] = [];
  readonly interactions: InteractionRecord[] = [];

  account(a: AccountRecord): void {
    const known = this.accounts.get(a.id);
    this.accounts.set(a.id, known ? mergeAccounts(known, a) : a);
  }

  batch(): RecordBatch {
    return { accounts: [...this.accounts.values()], posts: this.posts, interactions: this.interactions };
  }
}

/** Fields already known win; a mention-only record only fills gaps, never blanks a full profile. */
export function mergeAccounts(known: AccountRecord, extra: AccountRecord): AccountRecord {
  const merged: AccountRecord = { ...known };
  for (const [k, v] of Object.entries(extra) as [keyof AccountRecord, unknown][]) {
    if (v !== undefined && merged[k] === undefined) (merged as unknown as Record<string, unknown>)[k] = v;
  }
  return merged;
}

function addTweet(out: BatchBuilder, value: unknown, where: string, depth: number): PostRecord {
  const t = obj(value);
  if (!t) throw new Error(`${where || 'tweet'}: expected a tweet object`);
  const id = idOf(t, 'id', where);
  if (!id) throw new Error(`${where}id_str: missing`);
  const author = v1UserToAccount(t.user, `${where}user.`);
  out.account(author);
  const time = typeof t.created_at === 'string' ? parseTime(t.created_at) : undefined;
  if (time === undefined) {
    throw new Error(
      `${where}created_at: expected a time like "Wed Oct 10 20:19:24 +0000 2018", found ${JSON.stringify(t.created_at)}`,
    );
  }
  const extended = obj(t.extended_tweet);
  const entities = obj(extended?.entities) ?? obj(t.entities) ?? {};

  // Embedded statuses are themselves posts (one level deep: a retweet of a quote still yields the quote).
  const retweeted =
    depth < 2 && obj(t.retweeted_status)
      ? addTweet(out, t.retweeted_status, `${where}retweeted_status.`, depth + 1)
      : undefined;
  const quoted =
    depth < 2 && obj(t.quoted_status) ? addTweet(out, t.quoted_status, `${where}quoted_status.`, depth + 1) : undefined;
  const quotedId = quoted?.id ?? idOf(t, 'quoted_status_id', where);
  const replyId = idOf(t, 'in_reply_to_status_id', where);
  const replyUser = idOf(t, 'in_reply_to_user_id', where);

  let kind: PostKind = 'original';
  let parentId: string | undefined;
  let parentAuthorId: string | undefined;
  if (retweeted) {
    kind = 'retweet';
    parentId = retweeted.id;
    parentAuthorId = retweeted.authorId;
  } else if (replyId) {
    kind = 'reply';
    parentId = replyId;
    parentAuthorId = replyUser;
  } else if (quotedId) {
    kind = 'quote';
    parentId = quotedId;
    parentAuthorId = quoted?.authorId;
  }

  const objects: PostObject[] = [];
  if (retweeted) objects.push({ kind: 'post', value: retweeted.id });
  if (quotedId && !retweeted) objects.push({ kind: 'post', value: quotedId });
  objects.push(
    ...entityObjects(
      arr(entities.hashtags).map((h) => entityText(h.text ?? h.tag)),
      arr(entities.urls).map((u) => entityText(u.expanded_url ?? u.url)),
    ),
  );

  const post: PostRecord = {
    platform: 'twitter',
    id,
    authorId: author.id,
    time,
    text: text(extended?.full_text) ?? text(t.full_text) ?? text(t.text),
    language: text(t.lang),
    client: clientName(t.source),
    kind,
    parentId,
    parentAuthorId,
    objects,
  };
  out.posts.push(post);

  const link = (k: InteractionRecord['kind'], target: string) =>
    out.interactions.push({ platform: 'twitter', sourceId: author.id, targetId: target, kind: k, postId: id, time });
  if (retweeted) link('retweet', retweeted.authorId);
  else {
    if (replyId && replyUser) link('reply', replyUser);
    if (quoted) link('quote', quoted.authorId);
  }
  const seen = new Set<string>();
  arr(entities.user_mentions).forEach((m, i) => {
    const target = xId(m.id_str ?? m.id, `${where}entities.user_mentions[${i}].id_str`);
    if (!target || seen.has(target) || (retweeted && target === retweeted.authorId)) return;
    seen.add(target);
    out.account({ platform: 'twitter', id: target, screenName: text(m.screen_name), displayName: text(m.name) });
    link('mention', target);
  });
  return post;
}

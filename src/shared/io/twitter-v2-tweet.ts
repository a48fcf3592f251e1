/**
 * Maps X API v2 tweets (as written by twarc2) to records: response pages `{data, includes, meta}` and
 * twarc2's flattened tweets (`author`, expanded `referenced_tweets`, `__twarc`). The referenced tweets a
 * page carries in includes.tweets become posts too; their authors (includes.users) resolve who was
 * retweeted or quoted. A mention without an id is resolved by username within the page, or skipped:
 * an account is never invented.
 */
import type { AccountRecord, InteractionRecord, PostKind, PostObject, PostRecord, RecordBatch } from '../model/records';
import { parseTime } from './time';
import { count, entityObjects, entityText, requireXId, text, xId } from './tweet-fields';
import { mergeAccounts } from './twitter-v1-tweet';

type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function arr(value: unknown): Json[] {
  return Array.isArray(value) ? (value.map(obj).filter(Boolean) as Json[]) : [];
}

/** Users and tweets a page (or a flattened tweet) carries, by id and by lower-cased username. */
export interface V2Lookup {
  users: Map<string, Json>;
  usersByName: Map<string, string>;
  tweets: Map<string, Json>;
}

export function emptyV2Lookup(): V2Lookup {
  return { users: new Map(), usersByName: new Map(), tweets: new Map() };
}

function addUser(lookup: V2Lookup, value: unknown): void {
  const u = obj(value);
  if (!u) return;
  const id = safeId(u.id);
  if (!id) return;
  lookup.users.set(id, { ...lookup.users.get(id), ...u });
  if (typeof u.username === 'string') lookup.usersByName.set(u.username.toLowerCase(), id);
}

function safeId(value: unknown): string | undefined {
  try {
    return xId(value, 'id');
  } catch {
    return undefined;
  }
}

/** Indexes a page's `includes` (users and tweets). Unusable entries are left out, not guessed at. */
export function indexV2Includes(includes: unknown, into: V2Lookup = emptyV2Lookup()): V2Lookup {
  const inc = obj(includes) ?? {};
  for (const u of arr(inc.users)) addUser(into, u);
  for (const t of arr(inc.tweets)) {
    const id = safeId(t.id);
    if (id) into.tweets.set(id, t);
  }
  return into;
}

/** True for a twarc2 page (`data` array or object next to `includes`/`meta`) rather than a tweet. */
export function isV2Page(value: unknown): boolean {
  const o = obj(value);
  return !!o && 'data' in o && !('author_id' in o) && !('text' in o);
}

/** A v2 user object as an account. */
export function v2UserToAccount(user: Json, where = 'user.'): AccountRecord {
  const id = requireXId(user.id, `${where}id`);
  const metrics = obj(user.public_metrics) ?? {};
  return {
    platform: 'twitter',
    id,
    screenName: text(user.username),
    displayName: text(user.name),
    createdAt: typeof user.created_at === 'string' ? parseTime(user.created_at) : undefined,
    followers: count(metrics.followers_count, `${where}public_metrics.followers_count`),
    following: count(metrics.following_count, `${where}public_metrics.following_count`),
    description: text(user.description),
    location: text(user.location),
    verified: typeof user.verified === 'boolean' ? user.verified : undefined,
    profileImageUrl: text(user.profile_image_url),
  };
}

/** Collects one row's records, each account once. */
class V2Builder {
  private readonly accounts = new Map<string, AccountRecord>();
  readonly posts: PostRecord[] = [];
  readonly interactions: InteractionRecord[] = [];

  constructor(readonly lookup: V2Lookup) {}

  account(id: string, where: string): void {
    const user = this.lookup.users.get(id);
    const a: AccountRecord = user ? v2UserToAccount(user, where) : { platform: 'twitter', id };
    const known = this.accounts.get(id);
    this.accounts.set(id, known ? mergeAccounts(known, a) : a);
  }

  batch(): RecordBatch {
    return { accounts: [...this.accounts.values()], posts: this.posts, interactions: this.interactions };
  }
}

/** Records for one v2 tweet, resolving the users and tweets it refers to through `lookup`. */
export function v2TweetToBatch(tweet: unknown, lookup: V2Lookup = emptyV2Lookup()): RecordBatch {
  const b = new V2Builder(lookup);
  addV2Tweet(b, tweet, '');
  return b.batch();
}

/**
 * Records for one twarc2-flattened tweet: its `author`, `in_reply_to_user`, mentioned users and expanded
 * `referenced_tweets` (each with its own `author`) serve as the lookup, and referenced tweets become posts.
 */
export function v2FlatTweetToBatch(tweet: unknown): RecordBatch {
  const t = obj(tweet);
  if (!t) throw new Error('expected a tweet object');
  const lookup = emptyV2Lookup();
  const refs: Json[] = [];
  const collect = (x: Json) => {
    addUser(lookup, x.author);
    addUser(lookup, x.in_reply_to_user);
    for (const m of arr(obj(x.entities)?.mentions)) if ('id' in m && 'username' in m) addUser(lookup, m);
  };
  collect(t);
  for (const r of arr(t.referenced_tweets)) {
    if (!('author_id' in r) && !obj(r.author)) continue; // an unexpanded reference: only {type, id}
    collect(r);
    const id = safeId(r.id);
    if (id) {
      lookup.tweets.set(id, r);
      refs.push(r);
    }
  }
  const b = new V2Builder(lookup);
  addV2Tweet(b, t, '');
  refs.forEach((r, i) => addV2Tweet(b, r, `referenced_tweets[${i}].`));
  return b.batch();
}

/** One result per tweet of a page: data tweets first, then the referenced tweets in includes.tweets. */
export function v2PageToResults(page: unknown): Array<{ batch: RecordBatch } | { error: string }> {
  const p = obj(page);
  if (!p) return [{ error: 'expected a twarc2 page object' }];
  const lookup = indexV2Includes(p.includes);
  const data = Array.isArray(p.data) ? p.data : p.data === undefined ? [] : [p.data];
  const seen = new Set<string>();
  const results: Array<{ batch: RecordBatch } | { error: string }> = [];
  const one = (t: unknown, where: string) => {
    try {
      const b = new V2Builder(lookup);
      addV2Tweet(b, t, '');
      results.push({ batch: b.batch() });
    } catch (err) {
      results.push({ error: `${where}: ${(err as Error).message}` });
    }
  };
  data.forEach((t, i) => {
    const id = safeId(obj(t)?.id);
    if (id) seen.add(id);
    one(t, `data[${i}]`);
  });
  arr(obj(p.includes)?.tweets).forEach((t, i) => {
    const id = safeId(t.id);
    if (id && seen.has(id)) return;
    if (id) seen.add(id);
    one(t, `includes.tweets[${i}]`);
  });
  return results;
}

function addV2Tweet(b: V2Builder, value: unknown, where: string): void {
  const t = obj(value);
  if (!t) throw new Error(`${where || 'tweet'}: expected a tweet object`);
  const id = requireXId(t.id, `${where}id`);
  const authorId = xId(t.author_id ?? obj(t.author)?.id, `${where}author_id`);
  if (!authorId) throw new Error(`${where}author_id: missing (request the author_id expansion)`);
  const time = typeof t.created_at === 'string' ? parseTime(t.created_at) : undefined;
  if (time === undefined)
    throw new Error(`${where}created_at: expected an ISO 8601 time, found ${JSON.stringify(t.created_at)}`);
  b.account(authorId, `${where}author.`);

  let retweeted: string | undefined;
  let quoted: string | undefined;
  let repliedTo: string | undefined;
  arr(t.referenced_tweets).forEach((r, i) => {
    const refId = requireXId(r.id, `${where}referenced_tweets[${i}].id`);
    if (r.type === 'retweeted') retweeted = refId;
    else if (r.type === 'quoted') quoted = refId;
    else if (r.type === 'replied_to') repliedTo = refId;
    else
      throw new Error(
        `${where}referenced_tweets[${i}].type: expected retweeted, replied_to or quoted, found ${JSON.stringify(r.type)}`,
      );
  });
  const authorOf = (tweetId: string | undefined) => {
    const ref = tweetId === undefined ? undefined : b.lookup.tweets.get(tweetId);
    return ref ? safeId(ref.author_id ?? obj(ref.author)?.id) : undefined;
  };
  const replyUser = xId(t.in_reply_to_user_id, `${where}in_reply_to_user_id`) ?? authorOf(repliedTo);
  const retweetedAuthor = authorOf(retweeted);
  const quotedAuthor = authorOf(quoted);

  let kind: PostKind = 'original';
  let parentId: string | undefined;
  let parentAuthorId: string | undefined;
  if (retweeted) [kind, parentId, parentAuthorId] = ['retweet', retweeted, retweetedAuthor];
  else if (repliedTo) [kind, parentId, parentAuthorId] = ['reply', repliedTo, replyUser];
  else if (quoted) [kind, parentId, parentAuthorId] = ['quote', quoted, quotedAuthor];

  // A retweet's entities are those of the retweeted text; the full text lives in the referenced tweet.
  const entities = obj(t.entities) ?? {};
  const objects: PostObject[] = [];
  if (retweeted) objects.push({ kind: 'post', value: retweeted });
  if (quoted && !retweeted) objects.push({ kind: 'post', value: quoted });
  objects.push(
    ...entityObjects(
      arr(entities.hashtags).map((h) => entityText(h.tag)),
      arr(entities.urls).map((u) => entityText(u.unwound_url ?? u.expanded_url ?? u.url)),
    ),
  );
  b.posts.push({
    platform: 'twitter',
    id,
    authorId,
    time,
    text: text(t.text),
    language: text(t.lang),
    client: text(t.source),
    kind,
    parentId,
    parentAuthorId,
    rootId: safeId(t.conversation_id),
    objects,
  });

  const link = (k: InteractionRecord['kind'], target: string) => {
    b.account(target, `${where}${k}.`);
    b.interactions.push({ platform: 'twitter', sourceId: authorId, targetId: target, kind: k, postId: id, time });
  };
  if (retweeted) {
    if (retweetedAuthor) link('retweet', retweetedAuthor);
  } else {
    if (repliedTo && replyUser) link('reply', replyUser);
    if (quoted && quotedAuthor) link('quote', quotedAuthor);
  }
  const seen = new Set<string>();
  arr(entities.mentions).forEach((m, i) => {
    const target =
      xId(m.id, `${where}entities.mentions[${i}].id`) ??
      (typeof m.username === 'string' ? b.lookup.usersByName.get(m.username.toLowerCase()) : undefined);
    if (!target || seen.has(target) || (retweeted && target === retweetedAuthor)) return;
    seen.add(target);
    if (!b.lookup.users.has(target) && typeof m.username === 'string') {
      addUser(b.lookup, { id: target, username: m.username });
    }
    link('mention', target);
  });
}

/**
 * Row mappers for X/Twitter's Information Operations archives (transparency.x.com, "tweets" and "users"
 * CSV files). Pure: a row's cells in, a RecordBatch out; a malformed row throws an Error naming the column.
 * Times: tweet_time has minute precision, so the snowflake id gives the second when it agrees with it.
 */
import type { AccountRecord, InteractionRecord, PostKind, PostObject, PostRecord, RecordBatch } from '../model/records';
import { parsePythonList } from './python-list';
import { refineMinuteWithSnowflake } from './snowflake';
import { hasMinutePrecisionOnly, parseTime } from './time';
import { count, entityObjects, requireXId, text, xId } from './tweet-fields';

/** The account columns, shared by the tweets and the users files, as published. */
export const IO_USER_COLUMNS = [
  'userid',
  'user_display_name',
  'user_screen_name',
  'user_reported_location',
  'user_profile_description',
  'user_profile_url',
  'follower_count',
  'following_count',
  'account_creation_date',
  'account_language',
] as const;

/** The tweets file's columns, as published (poll_choices appears in some releases only). */
export const IO_TWEET_COLUMNS = [
  'tweetid',
  ...IO_USER_COLUMNS,
  'tweet_language',
  'tweet_text',
  'tweet_time',
  'tweet_client_name',
  'in_reply_to_userid',
  'in_reply_to_tweetid',
  'quoted_tweet_tweetid',
  'is_retweet',
  'retweet_userid',
  'retweet_tweetid',
  'latitude',
  'longitude',
  'quote_count',
  'reply_count',
  'like_count',
  'retweet_count',
  'hashtags',
  'urls',
  'user_mentions',
] as const;

export const IO_TWEET_OPTIONAL_COLUMNS = ['poll_choices'] as const;

/** Column name → cell index, as resolved from the header. */
export type ColumnIndex = Readonly<Record<string, number>>;

function cell(cells: readonly string[], col: ColumnIndex, name: string): string {
  const i = col[name];
  return i === undefined ? '' : (cells[i] ?? '').trim();
}

/**
 * User ids in IO archives are numeric, or hashed (base64 of a digest) for accounts under 5,000 followers;
 * both are kept as given. Anything with spaces is a shifted or broken row.
 */
function userId(value: string, field: string): string | undefined {
  if (value === '') return undefined;
  if (/\s/.test(value))
    throw new Error(`${field}: expected a user id (number or hash), found ${JSON.stringify(value)}`);
  return value;
}

function bool(value: string, field: string): boolean {
  const v = value.toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0' || v === '') return false;
  throw new Error(`${field}: expected True or False, found ${JSON.stringify(value)}`);
}

function listCell(value: string, field: string): string[] {
  try {
    return parsePythonList(value);
  } catch (err) {
    throw new Error(`${field}: ${(err as Error).message}`);
  }
}

function time(value: string, field: string): number | undefined {
  if (value === '') return undefined;
  const t = parseTime(value);
  if (t === undefined)
    throw new Error(`${field}: expected a time like 2018-01-01 12:34, found ${JSON.stringify(value)}`);
  return t;
}

/** An IO archive account from the user columns of a tweets or users row. */
export function ioAccount(cells: readonly string[], col: ColumnIndex): AccountRecord {
  const id = userId(cell(cells, col, 'userid'), 'userid');
  if (id === undefined) throw new Error('userid: missing');
  return {
    platform: 'twitter',
    id,
    screenName: text(cell(cells, col, 'user_screen_name')),
    displayName: text(cell(cells, col, 'user_display_name')),
    location: text(cell(cells, col, 'user_reported_location')),
    description: text(cell(cells, col, 'user_profile_description')),
    followers: count(cell(cells, col, 'follower_count'), 'follower_count'),
    following: count(cell(cells, col, 'following_count'), 'following_count'),
    createdAt: time(cell(cells, col, 'account_creation_date'), 'account_creation_date'),
    language: text(cell(cells, col, 'account_language')),
  };
}

/** One row of an IO archive users file. */
export function ioUserRowToBatch(cells: readonly string[], col: ColumnIndex): RecordBatch {
  return { accounts: [ioAccount(cells, col)] };
}

/** One row of an IO archive tweets file: the account, the post, its objects and its interactions. */
export function ioTweetRowToBatch(cells: readonly string[], col: ColumnIndex): RecordBatch {
  const account = ioAccount(cells, col);
  const id = requireXId(cell(cells, col, 'tweetid'), 'tweetid');
  const rawTime = cell(cells, col, 'tweet_time');
  let t = time(rawTime, 'tweet_time');
  if (t === undefined) throw new Error('tweet_time: missing');
  if (hasMinutePrecisionOnly(rawTime)) t = refineMinuteWithSnowflake(id, t);

  const isRetweet = bool(cell(cells, col, 'is_retweet'), 'is_retweet');
  const retweetId = xId(cell(cells, col, 'retweet_tweetid'), 'retweet_tweetid');
  const retweetUser = userId(cell(cells, col, 'retweet_userid'), 'retweet_userid');
  const replyId = xId(cell(cells, col, 'in_reply_to_tweetid'), 'in_reply_to_tweetid');
  const replyUser = userId(cell(cells, col, 'in_reply_to_userid'), 'in_reply_to_userid');
  const quotedId = xId(cell(cells, col, 'quoted_tweet_tweetid'), 'quoted_tweet_tweetid');
  const mentions = listCell(cell(cells, col, 'user_mentions'), 'user_mentions');

  let kind: PostKind = 'original';
  let parentId: string | undefined;
  let parentAuthorId: string | undefined;
  if (isRetweet) {
    if (!retweetId) throw new Error('retweet_tweetid: missing on a row with is_retweet True');
    kind = 'retweet';
    parentId = retweetId;
    parentAuthorId = retweetUser;
  } else if (replyId || replyUser) {
    kind = 'reply';
    parentId = replyId;
    parentAuthorId = replyUser;
  } else if (quotedId) {
    kind = 'quote';
    parentId = quotedId;
  }

  const objects: PostObject[] = [];
  if (kind === 'retweet' && retweetId) objects.push({ kind: 'post', value: retweetId });
  if (quotedId) objects.push({ kind: 'post', value: quotedId });
  objects.push(
    ...entityObjects(listCell(cell(cells, col, 'hashtags'), 'hashtags'), listCell(cell(cells, col, 'urls'), 'urls')),
  );

  const post: PostRecord = {
    platform: 'twitter',
    id,
    authorId: account.id,
    time: t,
    text: text(cell(cells, col, 'tweet_text')),
    language: text(cell(cells, col, 'tweet_language')),
    client: text(cell(cells, col, 'tweet_client_name')),
    kind,
    parentId,
    parentAuthorId,
    objects,
  };

  const interactions: InteractionRecord[] = [];
  const link = (kindOf: InteractionRecord['kind'], target: string) =>
    interactions.push({
      platform: 'twitter',
      sourceId: account.id,
      targetId: target,
      kind: kindOf,
      postId: id,
      time: t,
    });
  if (kind === 'retweet' && retweetUser) link('retweet', retweetUser);
  if (replyUser) link('reply', replyUser);
  const seen = new Set<string>();
  for (const m of mentions) {
    const target = userId(m, 'user_mentions');
    // A retweet's text starts "RT @author:", so its mention of the retweeted author is the retweet itself.
    if (!target || seen.has(target) || (kind === 'retweet' && target === retweetUser)) continue;
    seen.add(target);
    link('mention', target);
  }
  return { accounts: [account], posts: [post], interactions };
}

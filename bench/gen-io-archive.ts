/**
 * Seeded generator of an X/Twitter Information Operations archive tweets CSV, with the exact published columns,
 * for the import benchmark. Same seed and row count → byte-identical file. Written streaming (a bounded buffer
 * and backpressure), so a million rows never sit in memory.
 *
 * The mix follows what the real archives look like: about one account per 20 tweets, activity and popularity
 * heavy-tailed, ~60 % retweets ("RT @author: …"), ~12 % replies, ~4 % quotes; hashtags, urls and mentions as
 * Python list cells; hashed user ids for small accounts (the archives hash accounts under 5,000 followers);
 * snowflake tweet ids whose embedded time falls in the row's tweet_time minute; True/False booleans; text with
 * commas, quotes and the odd newline so the CSV quoting is exercised.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export const IO_TWEET_HEADER = [
  'tweetid',
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

/** mulberry32: tiny, fast, good enough for synthetic data, and identical on every platform. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Account {
  id: string;
  screenName: string;
  displayName: string;
  location: string;
  description: string;
  url: string;
  followers: number;
  following: number;
  created: string;
  language: string;
}

const TWEPOCH_MS = 1288834974657n;
const WORDS =
  'the of and to in is for on that with this are be at from by not we have you they will all about people new now news government election vote truth media real support today must never stop share breaking watch video read more'.split(
    ' ',
  );
const TAGS = 'maga,resist,breaking,news,election2020,covid19,stopthesteal,usa,freedom,truth,fakenews,россия,مصر'.split(
  ',',
);
const DOMAINS = ['bit.ly', 'youtube.com', 'rt.com', 'example-news.net', 'twitter.com', 'facebook.com', 'ow.ly'];
const CLIENTS = ['Twitter for Android', 'Twitter Web App', 'Twitter for iPhone', 'TweetDeck', 'Twitter Web Client'];
const LANGS = ['en', 'en', 'en', 'ru', 'ar', 'es', 'und'];
const LOCATIONS = ['', '', 'USA', 'Moscow, Russia', 'New York, NY', 'Cairo', 'Texas, USA', 'Earth'];
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? '"' + v.replaceAll('"', '""') + '"' : v;
}

function pyList(items: string[]): string {
  return items.length === 0 ? '' : '[' + items.map((s) => "'" + s + "'").join(', ') + ']';
}

function pad(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** "YYYY-MM-DD HH:MM", UTC, as the archives write tweet_time. */
function minuteString(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export interface GenerateOptions {
  rows: number;
  seed?: number;
  /** Accounts in the file; defaults to one per 20 rows (50,000 for a million rows). */
  accounts?: number;
}

export interface GenerateResult {
  rows: number;
  accounts: number;
  bytes: number;
}

/** Writes the CSV to `file`. */
export async function generateIoArchive(file: string, options: GenerateOptions): Promise<GenerateResult> {
  const rand = mulberry32(options.seed ?? 20240601);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const nAccounts = options.accounts ?? Math.max(50, Math.round(options.rows / 20));

  const accounts: Account[] = [];
  const usedIds = new Set<string>();
  for (let i = 0; i < nAccounts; i++) {
    // Heavy-tailed followers: most accounts small (hashed ids), a few large (numeric ids).
    const followers = Math.floor(Math.pow(rand(), 6) * 200_000);
    let id: string;
    do {
      id =
        followers < 5000
          ? Array.from({ length: 43 }, () => B64[int(64)]).join('') + '='
          : String(100_000_000 + int(1_400_000_000)) + (rand() < 0.3 ? String(int(1e9)).padStart(9, '0') : '');
    } while (usedIds.has(id));
    usedIds.add(id);
    const created = Date.UTC(2009, 0, 1) + int(10 * 365) * 86_400_000;
    const screenName = followers < 5000 ? id : `${pick(WORDS)}_${pick(WORDS)}${int(10_000)}`;
    accounts.push({
      id,
      screenName,
      displayName: followers < 5000 ? id : `${pick(WORDS)} ${pick(WORDS)}`.toUpperCase(),
      location: pick(LOCATIONS),
      description:
        rand() < 0.6 ? `${words(4 + int(10))}, "${pick(WORDS)}" ${rand() < 0.05 ? '\n' : ''}#${pick(TAGS)}` : '',
      url: rand() < 0.2 ? `https://t.co/${Array.from({ length: 10 }, () => B64[int(62)]).join('')}` : '',
      followers,
      following: int(5000),
      created: new Date(created).toISOString().slice(0, 10),
      language: pick(LANGS),
    });
  }
  // Activity is heavy-tailed too: a few accounts post most of the tweets, a few are retweeted most.
  const author = () => accounts[Math.floor(Math.pow(rand(), 2.5) * nAccounts)];
  const amplified = () => accounts[Math.floor(Math.pow(rand(), 4) * nAccounts)];

  // Recent tweets (id and author) that later rows retweet, reply to and quote.
  const RECENT = 4096;
  const recentIds: string[] = [];
  const recentAuthors: Account[] = [];

  const out = createWriteStream(file, { highWaterMark: 1 << 20 });
  let bytes = 0;
  const write = async (s: string) => {
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write(IO_TWEET_HEADER.join(',') + '\n');

  let timeMs = Date.UTC(2020, 0, 1);
  const cells: string[] = new Array(IO_TWEET_HEADER.length);
  let chunk = '';
  for (let r = 0; r < options.rows; r++) {
    timeMs += 1 + int(6000); // ~3 s apart on average: a million rows span about a month
    const a = author();
    const tweetId = ((BigInt(timeMs) - TWEPOCH_MS) << 22n) | BigInt(int(1 << 22));
    const id = tweetId.toString();
    const roll = rand();
    const isRetweet = roll < 0.6 && recentIds.length > 0;
    const isReply = !isRetweet && roll < 0.72 && recentIds.length > 0;
    const isQuote = !isRetweet && !isReply && roll < 0.76 && recentIds.length > 0;
    let parent = -1;
    if (isRetweet || isReply || isQuote) parent = int(recentIds.length);
    const target = isRetweet ? (rand() < 0.7 ? amplified() : recentAuthors[parent]) : undefined;

    const tags = rand() < 0.3 ? Array.from({ length: 1 + int(3) }, () => pick(TAGS)) : [];
    const urls = rand() < 0.2 ? [`https://${pick(DOMAINS)}/${int(1e6).toString(36)}`] : [];
    const mentioned: Account[] = [];
    if (target) mentioned.push(target);
    if (isReply) mentioned.push(recentAuthors[parent]);
    if (rand() < 0.15) mentioned.push(amplified());
    let body = words(6 + int(14));
    if (rand() < 0.1) body += `, "${pick(WORDS)}"`;
    if (rand() < 0.01) body += '\n' + words(3);
    if (tags.length) body += ' ' + tags.map((t) => '#' + t).join(' ');
    if (urls.length) body += ' ' + urls[0];
    const textValue = target
      ? `RT @${target.screenName}: ${body}`
      : isReply
        ? `@${recentAuthors[parent].screenName} ${body}`
        : body;

    cells[0] = id;
    cells[1] = a.id;
    cells[2] = a.displayName;
    cells[3] = a.screenName;
    cells[4] = a.location;
    cells[5] = a.description;
    cells[6] = a.url;
    cells[7] = String(a.followers);
    cells[8] = String(a.following);
    cells[9] = a.created;
    cells[10] = a.language;
    cells[11] = pick(LANGS);
    cells[12] = textValue;
    cells[13] = minuteString(timeMs);
    cells[14] = pick(CLIENTS);
    cells[15] = isReply ? recentAuthors[parent].id : '';
    cells[16] = isReply ? recentIds[parent] : '';
    cells[17] = isQuote ? recentIds[parent] : '';
    cells[18] = isRetweet ? 'True' : 'False';
    cells[19] = target ? target.id : '';
    cells[20] = isRetweet ? recentIds[parent] : '';
    cells[21] = 'absent';
    cells[22] = 'absent';
    cells[23] = String(isRetweet ? 0 : int(3));
    cells[24] = String(isRetweet ? 0 : int(5));
    cells[25] = String(isRetweet ? 0 : Math.floor(Math.pow(rand(), 4) * 500));
    cells[26] = String(isRetweet ? 0 : Math.floor(Math.pow(rand(), 4) * 300));
    cells[27] = pyList(tags);
    cells[28] = pyList(urls);
    cells[29] = pyList(mentioned.map((m) => m.id));
    for (let c = 0; c < cells.length; c++) chunk += (c ? ',' : '') + csvCell(cells[c]);
    chunk += '\n';
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }

    if (recentIds.length < RECENT) {
      recentIds.push(id);
      recentAuthors.push(a);
    } else {
      const slot = int(RECENT);
      recentIds[slot] = id;
      recentAuthors[slot] = a;
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
  return { rows: options.rows, accounts: nAccounts, bytes };
}

/**
 * One account is one account however an export names it. Comment scrapers write a commenter as a numeric id
 * (`100004`), a profile link (`https://www.facebook.com/profile.php?id=100004`, `https://m.facebook.com/jane.doe/`,
 * `facebook.com/people/Jane-Doe/100004`), a bare vanity handle (`jane.doe`, `@jane.doe`), or several of these
 * in different columns of the same row (minet: user_id, user_handle, user_url). This resolves them all to the
 * one id the store keys the account by:
 * - a numeric id, wherever it is found (a column, a profile.php?id= link, a /people/…/N link), is the account;
 *   the handle, when the row also gives one, is its screen name;
 * - when only a handle is known, the handle lower-cased is the id (vanity names are case-insensitive on every
 *   platform handled here), and the handle as written is the screen name.
 * The URL shapes are those the platforms serve: Facebook www./m./mbasic./web. hosts and fb.com; VK's
 * vk.com/idN (user N) and vk.com/clubN|publicN|eventN (community -N, the API's sign for communities);
 * Instagram instagram.com/handle; YouTube /channel/UC… (a case-sensitive channel id), /@handle and /user/name.
 */
import type { Platform } from '../model/records';

export interface AccountNaming {
  /** The column the export calls the id; may hold a link or a handle as well. */
  id?: string;
  /** A user name / vanity handle. */
  handle?: string;
  /** A profile link. */
  url?: string;
}

export interface ResolvedAccount {
  id: string;
  screenName?: string;
}

type Token = { id: string } | { handle: string };

/** The account the naming points to, or undefined when every part is empty. */
export function resolveAccount(platform: Platform, naming: AccountNaming): ResolvedAccount | undefined {
  const tokens: Token[] = [];
  for (const value of [naming.id, naming.handle, naming.url]) {
    const v = value?.trim();
    if (!v) continue;
    const t = readToken(platform, v);
    if (t) tokens.push(t);
  }
  const id = tokens.find((t): t is { id: string } => 'id' in t)?.id;
  const handle = tokens.find((t): t is { handle: string } => 'handle' in t)?.handle;
  if (id !== undefined) return handle === undefined ? { id } : { id, screenName: handle };
  if (handle === undefined) return undefined;
  return { id: handleKey(platform, handle), screenName: handle };
}

/** The id an account known only by its handle gets: lower-cased, except where case is not the platform's. */
export function handleKey(platform: Platform, handle: string): string {
  return platform === 'generic' ? handle : handle.toLowerCase();
}

const FACEBOOK_HOST = /^(?:(?:www|m|mbasic|web|touch|business)\.)?(?:facebook\.com|fb\.com)$/;
const VK_HOST = /^(?:(?:www|m)\.)?vk\.(?:com|ru)$/;
const INSTAGRAM_HOST = /^(?:www\.)?instagram\.com$/;
const YOUTUBE_HOST = /^(?:(?:www|m)\.)?youtube\.com$/;
/** First path segments that are Facebook features, not accounts. */
const FACEBOOK_RESERVED = new Set(['groups', 'watch', 'events', 'photo', 'photo.php', 'story.php', 'permalink.php']);

function readToken(platform: Platform, value: string): Token | undefined {
  const url = parseLink(value);
  if (url) return fromLink(url);
  const number = /^(-?\d+)(?:\.0+)?$/.exec(value);
  if (number) return { id: number[1] };
  // A YouTube channel id is an id, not a vanity name, in whatever column it comes.
  if (platform === 'youtube' && /^UC[\w-]{22}$/.test(value)) return { id: value };
  if (platform === 'vk') {
    const vk = vkNumeric(value);
    if (vk) return { id: vk };
  }
  // Anything else, even in an id column, is a handle (4CAT's `author` is a user name).
  const handle = value.replace(/^@/, '');
  return handle ? { handle } : undefined;
}

function vkNumeric(segment: string): string | undefined {
  const m = /^(id|club|public|event)(\d+)$/.exec(segment);
  if (!m) return undefined;
  return m[1] === 'id' ? m[2] : `-${m[2]}`;
}

interface Link {
  host: string;
  segments: string[];
  query: Map<string, string>;
}

/** A link with or without its scheme (`facebook.com/handle` is how many exports write it). */
function parseLink(value: string): Link | undefined {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([a-z0-9.-]+\.[a-z]{2,})(\/[^?#]*)?(?:\?([^#]*))?/i.exec(value);
  if (!m || (!/:\/\//.test(value) && m[2] === undefined)) return undefined;
  const query = new Map<string, string>();
  for (const part of (m[3] ?? '').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) query.set(part.slice(0, eq), decodeSafely(part.slice(eq + 1)));
  }
  const segments = (m[2] ?? '').split('/').filter(Boolean).map(decodeSafely);
  return { host: m[1].toLowerCase(), segments, query };
}

function decodeSafely(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function fromLink(link: Link): Token | undefined {
  const [first, second, third] = link.segments;
  if (FACEBOOK_HOST.test(link.host)) {
    const id = link.query.get('id');
    if (id && /^\d+$/.test(id)) return { id };
    if (first === 'people' && third && /^\d+$/.test(third)) return { id: third };
    if ((first === 'pages' || first === 'pg') && second) {
      const last = link.segments[link.segments.length - 1];
      return /^\d+$/.test(last) ? { id: last } : { handle: second };
    }
    if (!first || FACEBOOK_RESERVED.has(first.toLowerCase())) return undefined;
    return /^\d+$/.test(first) ? { id: first } : { handle: first };
  }
  if (VK_HOST.test(link.host)) {
    if (!first) return undefined;
    const id = vkNumeric(first);
    return id ? { id } : { handle: first };
  }
  if (INSTAGRAM_HOST.test(link.host)) return first ? { handle: first } : undefined;
  if (YOUTUBE_HOST.test(link.host)) {
    if (first === 'channel' && second) return { id: second };
    if (first?.startsWith('@')) return { handle: first.slice(1) };
    if ((first === 'user' || first === 'c') && second) return { handle: second };
    return undefined;
  }
  // Another site: the link itself, without scheme, query or trailing slash, names the account.
  return { handle: [link.host.replace(/^www\./, ''), ...link.segments].join('/') };
}

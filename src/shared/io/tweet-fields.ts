/**
 * Field readers shared by the X/Twitter row mappers. Each throws an Error whose message says which field was
 * wrong and what was expected; the importer adds the file and line.
 */
import type { PostObject } from '../model/records';

/**
 * An X id as a string. Ids overflow 2^53, so a JSON number is accepted only while it is a safe integer (then
 * it cannot have been rounded); larger numbers are refused: read the `*_str` field instead.
 */
export function xId(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    const s = value.trim();
    if (!/^\d{1,20}$/.test(s)) throw new Error(`${field}: expected a numeric id, found ${JSON.stringify(value)}`);
    return s;
  }
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'number') {
    throw new Error(`${field}: id ${String(value)} is not a string and not exact as a JSON number (ids overflow 2^53)`);
  }
  throw new Error(
    `${field}: expected an id (a string of digits), found ${JSON.stringify(value)?.slice(0, 60) ?? typeof value}`,
  );
}

export function requireXId(value: unknown, field: string): string {
  const id = xId(value, field);
  if (id === undefined) throw new Error(`${field}: missing id`);
  return id;
}

/** A non-negative count from a CSV cell or JSON value ("12", "12.0", 12); undefined when absent. */
export function count(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  // Only numbers and strings: String() of an arbitrary object can run (or fail in) its own toString.
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) {
    throw new Error(`${field}: expected a non-negative whole number, found ${JSON.stringify(value)}`);
  }
  return n;
}

/** A hashtag or URL entity field as text: strings and numbers as written, anything else (objects, arrays) as ''. */
export function entityText(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : '';
}

/** Empty strings become undefined, so they never overwrite a known value. */
export function text(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return value === '' ? undefined : value;
}

/** Host of a URL, lower-cased, without credentials, port or a leading "www."; undefined when it has none. */
export function urlDomain(url: string): string | undefined {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?([^/?#:]+)/i.exec(url.trim());
  if (!m) return undefined;
  const host = m[1].toLowerCase().replace(/\.$/, '');
  return host.replace(/^www\./, '') || undefined;
}

/** Post objects for a post's hashtags (lower-cased, no '#') and URLs (each with its domain), deduplicated. */
export function entityObjects(hashtags: Iterable<string>, urls: Iterable<string>): PostObject[] {
  const out: PostObject[] = [];
  const seen = new Set<string>();
  const add = (kind: PostObject['kind'], value: string) => {
    const key = kind + '\0' + value;
    if (value === '' || seen.has(key)) return;
    seen.add(key);
    out.push({ kind, value });
  };
  for (const h of hashtags) add('hashtag', h.replace(/^[#＃]/, '').toLowerCase());
  for (const u of urls) {
    const url = u.trim();
    add('url', url);
    const domain = urlDomain(url);
    if (domain) add('domain', domain);
  }
  return out;
}

/** The client name from v1.1's HTML `source` (`<a href="…">Twitter for iPhone</a>`), or the text as given. */
export function clientName(source: unknown): string | undefined {
  if (typeof source !== 'string' || source === '') return undefined;
  const m = /<a\b[^>]*>([\s\S]*?)<\/a>/i.exec(source);
  const name = (m ? m[1] : source).replace(/<[^>]*>/g, '').trim();
  return name === '' ? undefined : decodeEntities(name);
}

function decodeEntities(s: string): string {
  return s.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? _,
  );
}

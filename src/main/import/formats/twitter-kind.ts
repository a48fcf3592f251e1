import { isV2Page } from '../../../shared/io/twitter-v2-tweet';

/**
 * Which X/Twitter API a JSON value is from, by its own fields: v1.1 tweets carry `id_str` and a `user` object,
 * v2 tweets an `author_id`, v2 response pages a `data` member. Detection asks it of a file's first value, so
 * that a file whose second line is of the other API is read as its first line says and that second line is
 * the one blamed (issue 16, item 7), instead of both formats declining the file because of it.
 */
export type TwitterKind = 'v1' | 'v2' | 'v2-page';

export function twitterKind(value: unknown): TwitterKind | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  if ('author_id' in o) return 'v2';
  if (typeof o.id_str === 'string' && o.user !== null && typeof o.user === 'object') return 'v1';
  if (isV2Page(o) || '__twarc' in o) return 'v2-page';
  return undefined;
}

const NAMES: Record<TwitterKind, string> = {
  v1: 'an X/Twitter API v1.1 tweet (it has id_str and a user object)',
  v2: 'an X/Twitter API v2 tweet (it has author_id)',
  'v2-page': 'an X/Twitter API v2 response page',
};

/** The row error for a value of the other API than the file's, or undefined when it is not one. */
export function otherApi(value: unknown, fileIs: 'v1' | 'v2'): string | undefined {
  const kind = twitterKind(value);
  if (kind === undefined || (fileIs === 'v1' ? kind === 'v1' : kind !== 'v1')) return undefined;
  const file = fileIs === 'v1' ? 'v1.1' : 'v2';
  return (
    `${NAMES[kind]}, in a file read as ${file} (as its first record is): one file holds one format. ` +
    `Import the ${kind === 'v1' ? 'v1.1' : 'v2'} lines as a file of their own`
  );
}

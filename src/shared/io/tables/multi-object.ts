/**
 * The multi-object table of CooRTweet's german_elections data: `account_id, post_id, url_id, hashtag_id,
 * domain_id, phash_id, timestamp`; ids are integers (empty where a post has none), account ids carry the
 * platform as a prefix (`fb_…` Facebook, `tw_…` Twitter). A post with several objects comes as several rows.
 */
import type { Platform, PostObject } from '../../model/records';
import { cell, findColumn } from './columns';
import type { HeaderVerdict } from './table-parser';
import { fingerprint, integerId, requiredTime } from './values';

export const MULTI_OBJECT_COLUMNS = [
  'account_id',
  'post_id',
  'url_id',
  'hashtag_id',
  'domain_id',
  'phash_id',
  'timestamp',
] as const;

const OBJECT_COLUMNS: readonly [string, PostObject['kind']][] = [
  ['url_id', 'url'],
  ['hashtag_id', 'hashtag'],
  ['domain_id', 'domain'],
  ['phash_id', 'image'],
];

const PREFIXES: Record<string, Platform> = {
  fb_: 'facebook',
  tw_: 'twitter',
  ig_: 'instagram',
  vk_: 'vk',
  tg_: 'telegram',
};

/** Platform named by an account id's prefix; `fallback` (--platform, else generic) when it has none. */
export function platformOfPrefixedId(accountId: string, fallback: Platform): Platform {
  return PREFIXES[accountId.slice(0, 3).toLowerCase()] ?? fallback;
}

export function multiObjectParser(header: readonly string[], fallback: Platform): HeaderVerdict {
  const idx = Object.fromEntries(MULTI_OBJECT_COLUMNS.map((name) => [name, findColumn(header, [name])]));
  if (MULTI_OBJECT_COLUMNS.some((name) => idx[name] < 0)) return { expected: MULTI_OBJECT_COLUMNS.join(', ') };
  return {
    parser: {
      columns: header.length,
      reads: Object.values(idx),
      parse(cells) {
        const accountId = cell(cells, idx.account_id);
        if (!accountId) return { error: 'empty account_id' };
        const rawPost = cell(cells, idx.post_id);
        // A few rows carry no post id (german_elections has 3, with no objects either): they are still posts by
        // their account, so they get an id derived from the whole row, stable across re-imports.
        const postId = rawPost === undefined ? `row-${fingerprint(cells.join('\u0001'))}` : integerId(rawPost);
        if (!postId) return { error: `bad post_id ${JSON.stringify(rawPost)}: expected an integer` };
        const time = requiredTime(cell(cells, idx.timestamp), 'timestamp');
        if (typeof time === 'string') return { error: time };
        const objects: PostObject[] = [];
        for (const [column, kind] of OBJECT_COLUMNS) {
          const raw = cell(cells, idx[column]);
          if (raw === undefined) continue;
          const value = integerId(raw);
          if (value === undefined)
            return { error: `bad ${column} ${JSON.stringify(raw)}: expected an integer or nothing` };
          objects.push({ kind, value });
        }
        const platform = platformOfPrefixedId(accountId, fallback);
        return { batch: { posts: [{ platform, id: postId, authorId: accountId, time, kind: 'original', objects }] } };
      },
    },
  };
}

/**
 * CooRTweet's share table (github nicolarighetti/CooRTweet, `prep_data` output): one row per share,
 * `object_id` (what was shared), `account_id` (who shared), `content_id` (the share itself),
 * `timestamp_share` (Unix seconds). A share acting on several objects comes as several rows with the
 * same content_id: each adds one object to the same post.
 */
import type { Platform } from '../../model/records';
import { cell, findColumn } from './columns';
import type { HeaderVerdict } from './table-parser';
import { requiredTime } from './values';

export const SHARE_TABLE_COLUMNS = ['object_id', 'account_id', 'content_id', 'timestamp_share'] as const;

export function shareTableParser(header: readonly string[], platform: Platform): HeaderVerdict {
  const [o, a, c, t] = SHARE_TABLE_COLUMNS.map((name) => findColumn(header, [name]));
  if (o < 0 || a < 0 || c < 0 || t < 0) return { expected: SHARE_TABLE_COLUMNS.join(', ') };
  return {
    parser: {
      columns: header.length,
      reads: [o, a, c, t],
      parse(cells) {
        const objectId = cell(cells, o);
        const accountId = cell(cells, a);
        const contentId = cell(cells, c);
        if (!objectId) return { error: 'empty object_id' };
        if (!accountId) return { error: 'empty account_id' };
        if (!contentId) return { error: 'empty content_id' };
        const time = requiredTime(cell(cells, t), 'timestamp_share');
        if (typeof time === 'string') return { error: time };
        return {
          batch: {
            posts: [
              {
                platform,
                id: contentId,
                authorId: accountId,
                time,
                kind: 'share',
                // The share points at its object: CooRTweet's object_id is the retweeted post, so cascades
                // (grouped by parent) see every share of one object as one spread.
                parentId: objectId,
                objects: [{ kind: 'object', value: objectId }],
              },
            ],
          },
        };
      },
    },
  };
}

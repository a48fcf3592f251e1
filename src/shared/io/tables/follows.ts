/**
 * Follow lists: one row per "follower follows followed", with an optional time. Header names differ by
 * collector, so each role has aliases; the first pair found wins.
 */
import type { Platform } from '../../model/records';
import { cell, findColumn } from './columns';
import type { HeaderVerdict } from './table-parser';
import { optionalTime } from './values';

export const FOLLOWER_ALIASES = [
  'follower',
  'follower_id',
  'followerid',
  'user_id',
  'userid',
  'source',
  'source_id',
  'from',
];
export const FOLLOWED_ALIASES = [
  'followed',
  'followed_id',
  'following',
  'following_id',
  'friend',
  'friend_id',
  'followee',
  'followee_id',
  'target',
  'target_id',
  'to',
];
export const FOLLOW_TIME_ALIASES = ['time', 'timestamp', 'followed_at', 'created_at', 'date'];

export function followsParser(header: readonly string[], platform: Platform): HeaderVerdict {
  const follower = findColumn(header, FOLLOWER_ALIASES);
  const followed = findColumn(header, FOLLOWED_ALIASES);
  if (follower < 0 || followed < 0) {
    return {
      expected: `a follower column (${FOLLOWER_ALIASES.join(' | ')}) and a followed column (${FOLLOWED_ALIASES.join(' | ')}), optionally time`,
    };
  }
  const timeIndex = findColumn(header, FOLLOW_TIME_ALIASES);
  const followerName = header[follower].trim();
  const followedName = header[followed].trim();
  return {
    parser: {
      columns: header.length,
      parse(cells) {
        const followerId = cell(cells, follower);
        const followedId = cell(cells, followed);
        if (!followerId) return { error: `empty ${followerName}` };
        if (!followedId) return { error: `empty ${followedName}` };
        const time = optionalTime(cell(cells, timeIndex), header[timeIndex]?.trim() ?? 'time');
        if (typeof time === 'string') return { error: time };
        return { batch: { follows: [{ platform, followerId, followedId, time }] } };
      },
    },
  };
}

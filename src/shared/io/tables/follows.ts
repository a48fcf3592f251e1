/**
 * Follow lists: one row per "follower follows followed", with an optional time. Header names differ by
 * collector, so each role has aliases (the first found wins), and beyond them any column whose name plainly
 * names the role: `follower_userid` (IO archives), `Followed User ID`, `friendId`, `source_user_id`.
 */
import type { Platform } from '../../model/records';
import { cell, findColumn, normaliseHeader } from './columns';
import type { HeaderVerdict } from './table-parser';
import { optionalTime } from './values';

export const FOLLOWER_ALIASES = [
  'follower',
  'follower_id',
  'followerid',
  'follower_userid',
  'follower_user_id',
  'source_user_id',
  'source_userid',
  'user_id',
  'userid',
  'source',
  'source_id',
  'from',
  'from_id',
];
export const FOLLOWED_ALIASES = [
  'followed',
  'followed_id',
  'followed_userid',
  'followed_user_id',
  'following',
  'following_id',
  'friend',
  'friend_id',
  'followee',
  'followee_id',
  'target_user_id',
  'target_userid',
  'target',
  'target_id',
  'to',
  'to_id',
];
export const FOLLOW_TIME_ALIASES = ['time', 'timestamp', 'followed_at', 'created_at', 'date'];

/** Words a column name may be built on, per role; the generic ones are an edge list's too. */
const FOLLOWER_WORDS = new Set(['follower', 'source', 'from', 'src']);
const FOLLOWED_WORDS = new Set(['followed', 'followee', 'following', 'friend', 'target', 'to', 'dst']);
const GENERIC_WORDS = new Set(['source', 'from', 'src', 'target', 'to', 'dst', 'user']);

/**
 * The word a column name is built on, once its id suffix is taken off: `Follower User ID` → follower,
 * `friendId` → friend, `followed_userid` → followed. A count (`following_count`) or a name
 * (`follower_screen_name`) keeps its suffix and so names no account.
 */
export function followColumnWord(column: string): string {
  return column
    .trim()
    .toLowerCase()
    .replace(/[\s.-]+/g, '_')
    .replace(/_?(?:user|account)?_?(?:id_str|ids?|str)$/, '')
    .replace(/_?(?:user|account)$/, '');
}

export const isFollowerColumn = (column: string): boolean => FOLLOWER_WORDS.has(followColumnWord(column));
export const isFollowedColumn = (column: string): boolean => FOLLOWED_WORDS.has(followColumnWord(column));

/** Whether a follower or followed column is also what an edge list would call its source or target. */
export function isGenericFollowColumn(column: string): boolean {
  const lower = column.trim().toLowerCase();
  return lower === 'user_id' || lower === 'userid' || GENERIC_WORDS.has(followColumnWord(column));
}

/** Index of the role's column: its first alias present, else the first column that plainly names the role. */
export function followRoleColumn(header: readonly string[], role: 'follower' | 'followed'): number {
  const i = findColumn(header, role === 'follower' ? FOLLOWER_ALIASES : FOLLOWED_ALIASES);
  if (i >= 0) return i;
  const matches = role === 'follower' ? isFollowerColumn : isFollowedColumn;
  return normaliseHeader(header).findIndex((c) => matches(c));
}

export function followsParser(header: readonly string[], platform: Platform): HeaderVerdict {
  const follower = followRoleColumn(header, 'follower');
  const followed = followRoleColumn(header, 'followed');
  if (follower < 0 || followed < 0 || follower === followed) {
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
      reads: [follower, followed, timeIndex].filter((i) => i >= 0),
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

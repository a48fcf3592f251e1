/**
 * twarc2's `followers` and `following` output as follows (issue 16, item 8). Each line is one API response
 * page, `{data: [users], meta, __twarc: {url, version, retrieved_at}}`; the users do not say whom they follow
 * or who follows them: the request does. twarc2 appends the request's URL to the page (twarc/client2.py,
 * `_append_metadata`): `https://api.twitter.com/2/users/ID/followers?…` lists the accounts that follow ID,
 * `…/users/ID/following?…` those ID follows. `twarc2 flatten` writes one user per line with the page's
 * `__twarc`, read the same way. A users page of another request (`twarc2 users`) gives the accounts alone.
 */
import type { AccountRecord, FollowRecord } from '../model/records';
import { v2UserToAccount } from './twitter-v2-tweet';

type Json = Record<string, unknown>;

export interface FollowRequest {
  /** The account the request names. */
  account: string;
  /** followers: each listed user follows `account`; following: `account` follows each. */
  direction: 'followers' | 'following';
}

const FOLLOW_URL = /\/2\/users\/(\d{1,20})\/(followers|following)(?:[/?#]|$)/;

/** The account and direction a twarc2 request URL names; undefined for any other request. */
export function followRequestOf(url: unknown): FollowRequest | undefined {
  if (typeof url !== 'string') return undefined;
  const m = FOLLOW_URL.exec(url);
  return m ? { account: m[1], direction: m[2] as FollowRequest['direction'] } : undefined;
}

function obj(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

/** Whether a JSON value is a page of users, or one flattened user, rather than tweets. */
export function isV2UsersValue(value: unknown): boolean {
  const v = obj(value);
  if (!v) return false;
  const first = Array.isArray(v.data) ? obj(v.data[0]) : 'data' in v ? undefined : v;
  return !!first && typeof first.username === 'string' && !('text' in first) && !('author_id' in first);
}

export type UserRow = { accounts: AccountRecord[]; follows: FollowRecord[] } | { error: string };

/**
 * One result per user of a page (or the one flattened user): the account, and its follow when the request
 * names one. `warning` is set when users come without a follow request (accounts only).
 */
export function v2UsersToRows(value: unknown): { rows: UserRow[]; warning?: string } {
  const v = obj(value);
  if (!v) return { rows: [{ error: 'expected a page of users ({data: [users], __twarc}) or one user object' }] };
  const request = followRequestOf(obj(v.__twarc)?.url);
  const users = Array.isArray(v.data) ? v.data : 'data' in v ? [] : [v];
  const rows = users.map((u, i): UserRow => {
    const where = Array.isArray(v.data) ? `data[${i}].` : '';
    const user = obj(u);
    if (!user) return { error: `${where || 'user'}: expected a user object` };
    try {
      const account = v2UserToAccount(user, where);
      if (!request) return { accounts: [account], follows: [] };
      const follow: FollowRecord =
        request.direction === 'followers'
          ? { platform: 'twitter', followerId: account.id, followedId: request.account }
          : { platform: 'twitter', followerId: request.account, followedId: account.id };
      return { accounts: [account, { platform: 'twitter', id: request.account }], follows: [follow] };
    } catch (err) {
      return { error: (err as Error).message };
    }
  });
  const warning =
    !request && users.length > 0
      ? `users without a followers or following request (__twarc.url names none): kept as accounts; whom they follow is not known from them`
      : undefined;
  return { rows, warning };
}

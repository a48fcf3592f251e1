import { describe, expect, it } from 'vitest';
import type { RowResult } from './formats/format';
import { decodeRows, encodeRow, type Flat } from './row-codec';

const ROWS: RowResult[] = [
  {
    line: 2,
    batch: {
      accounts: [
        {
          platform: 'twitter',
          id: '10',
          screenName: 'alice',
          displayName: 'Alice',
          createdAt: 1_300_000_000,
          followers: 0,
          following: 12,
          description: 'says "hi",\nthen \u0001 leaves',
          location: '',
          language: 'en',
          verified: false,
          profileImageUrl: 'https://x/y.png',
          accountType: 'user',
        },
      ],
      posts: [
        {
          platform: 'twitter',
          id: '900000000000000000001',
          authorId: '10',
          time: 1_600_000_000,
          text: 'RT @bob: ünïcødé 🎉',
          kind: 'retweet',
          parentId: '5',
          parentAuthorId: '11',
          objects: [
            { kind: 'post', value: '5' },
            { kind: 'hashtag', value: 'x' },
          ],
        },
        { platform: 'facebook', id: 'p', authorId: 'q', kind: 'share', objects: [] },
        { platform: 'vk', id: 'r', authorId: 's', kind: 'comment', rootId: 't' },
      ],
      interactions: [
        { platform: 'twitter', sourceId: '10', targetId: '11', kind: 'retweet', postId: '9', time: 1, weight: 0.5 },
        { platform: 'generic', sourceId: 'a', targetId: 'b', kind: 'edge' },
      ],
      follows: [
        { platform: 'twitter', followerId: '10', followedId: '11', time: 7 },
        { platform: 'twitter', followerId: '1', followedId: '2' },
      ],
    },
  },
  { line: 3, error: 'tweet_time: expected a time like 2018-01-01 12:34, found "x"' },
  { line: 5, batch: {} },
  { line: 6, batch: { accounts: [], interactions: [] } },
  { line: 9, batch: { accounts: [{ platform: 'twitter', id: '12', verified: true }] } },
  // A comment with its counts, whose time had no zone.
  {
    line: 11,
    zonelessTime: true,
    batch: {
      posts: [
        {
          platform: 'facebook',
          id: '7002',
          authorId: '100002',
          kind: 'reply',
          parentId: '7004',
          reactions: 0,
          replyCount: 3,
        },
      ],
    },
  },
];

/** A record with its undefined fields dropped (JSON leaves them out): what the writer can tell apart. */
const defined = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('row codec', () => {
  it('gives back every row as it was, through JSON, empty and missing lists kept apart', () => {
    const flat: Flat = [];
    for (const r of ROWS) encodeRow(flat, r);
    expect(flat.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))).toBe(true);
    const back = [...decodeRows(JSON.parse(JSON.stringify(flat)) as Flat)];
    expect(back.map(defined)).toEqual(ROWS.map(defined));
    // Missing lists stay missing; empty ones stay empty.
    expect(back[2]).toEqual({ line: 5, batch: {} });
    expect('posts' in (back[3] as { batch: object }).batch).toBe(false);
    expect((back[3] as { batch: { accounts: unknown[] } }).batch.accounts).toEqual([]);
    // Falsy values survive: 0, '', false.
    const a = (back[0] as { batch: { accounts: { followers: number; location: string; verified: boolean }[] } }).batch
      .accounts[0];
    expect([a.followers, a.location, a.verified]).toEqual([0, '', false]);
    expect((back[0] as { batch: { posts: { objects?: unknown }[] } }).batch.posts[2].objects).toBeUndefined();
  });

  it('decodes nothing from an empty chunk', () => {
    expect([...decodeRows([])]).toEqual([]);
  });
});

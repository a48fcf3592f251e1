import { describe, expect, it } from 'vitest';
import { assembleThread, type AuthorVerdict, type ThreadInput, type ThreadPost, type ThreadRow } from './thread';

const POST: ThreadPost = {
  id: 'P',
  platform: 'facebook',
  imported: true,
  time: 1000,
  text: 'the post',
  page: { accountId: 'page', screenName: null, displayName: 'A Page', isPage: true },
  reactions: 5,
};

const row = (id: string, parentId: string | null, author: string, time: number | null): ThreadRow => ({
  id,
  kind: parentId === 'P' ? 'comment' : 'reply',
  parentId,
  time,
  text: `text of ${id}`,
  reactions: null,
  replyCount: null,
  author: { accountId: author, screenName: null, displayName: null, isPage: false },
});

const VERDICTS: Record<string, AuthorVerdict> = {
  ring1: { community: 4, flagged: true, communityFlagged: true },
  ring2: { community: 4, flagged: false, communityFlagged: true },
  fan: { community: 7, flagged: false, communityFlagged: false },
};

const input = (rows: ThreadRow[], over: Partial<ThreadInput> = {}): ThreadInput => ({
  post: POST,
  rows,
  limit: 2000,
  capped: false,
  verdictOf: (a) => VERDICTS[a],
  community: 4,
  focus: null,
  ...over,
});

describe('assembleThread', () => {
  it('puts each comment before its replies, siblings by time, and marks members and flagged authors', () => {
    const rows = [
      row('r2', 'c1', 'fan', 40),
      row('c2', 'P', 'fan', 20),
      row('r1', 'c1', 'ring2', 30),
      row('c1', 'P', 'ring1', 10),
      row('rr', 'r1', 'ring1', 35),
      row('c3', 'P', 'stranger', null),
    ];
    const t = assembleThread(input(rows, { focus: 'r1' }));
    expect(t.comments.map((c) => [c.id, c.depth])).toEqual([
      ['c1', 0],
      ['r1', 1],
      ['rr', 2],
      ['r2', 1],
      ['c2', 0],
      // No time: after the dated ones.
      ['c3', 0],
    ]);
    const c1 = t.comments[0];
    expect(c1).toMatchObject({ member: true, flagged: true, communityFlagged: true, community: 4, shownReplies: 2 });
    expect(t.comments.find((c) => c.id === 'c2')).toMatchObject({ member: false, flagged: false, community: 7 });
    expect(t.comments.find((c) => c.id === 'c3')).toMatchObject({ member: false, community: null });
    expect(t.counts).toEqual({
      comments: 6,
      topLevel: 3,
      replies: 3,
      accounts: 4,
      shown: 6,
      memberComments: 3,
      memberAccounts: 2,
      memberShare: 0.5,
      flaggedComments: 2,
      flaggedCommunityComments: 3,
    });
    expect(t.focus).toBe('r1');
    expect(t.capped).toBe(false);
  });

  it('counts a capped thread from the whole thread’s tally, not from the rows shown', () => {
    const rows = [row('c1', 'P', 'ring1', 10), row('c2', 'P', 'fan', 20)];
    const t = assembleThread(
      input(rows, {
        limit: 2,
        capped: true,
        focus: 'not-shown',
        tally: [
          { accountId: 'ring1', topLevel: 40, replies: 10 },
          { accountId: 'fan', topLevel: 30, replies: 20 },
          { accountId: 'nobody', topLevel: 0, replies: 0 },
        ],
      }),
    );
    expect(t.counts).toMatchObject({ comments: 100, topLevel: 70, replies: 30, accounts: 2, shown: 2 });
    expect(t.counts).toMatchObject({ memberComments: 50, memberAccounts: 1, memberShare: 0.5, flaggedComments: 50 });
    expect(t).toMatchObject({ capped: true, limit: 2, focus: null });
  });

  it('without a community, marks no member and gives no member share', () => {
    const t = assembleThread(input([row('c1', 'P', 'ring1', 10)], { community: null }));
    expect(t.comments[0]).toMatchObject({ member: false, flagged: true, community: 4 });
    expect(t.counts).toMatchObject({ memberComments: null, memberAccounts: null, memberShare: null });
  });

  it('keeps every row once: a missing parent, a loop, a self-parent, a duplicate and the root itself', () => {
    const rows = [
      row('c1', 'P', 'fan', 10),
      row('orphan', 'gone', 'fan', 5),
      row('a', 'b', 'fan', 50),
      row('b', 'a', 'fan', 60),
      row('self', 'self', 'fan', 70),
      row('c1', 'P', 'fan', 10),
      row('P', null, 'page', 0),
    ];
    const t = assembleThread(input(rows));
    expect(t.comments.map((c) => [c.id, c.depth, c.detached])).toEqual([
      ['orphan', 0, true],
      ['c1', 0, false],
      ['self', 0, true],
      ['a', 0, true],
      ['b', 1, false],
    ]);
    expect(t.counts).toMatchObject({ comments: 5, topLevel: 1, replies: 4, shown: 5 });
  });

  it('walks a 100,000-deep reply chain without recursion', () => {
    const rows = [row('c0', 'P', 'fan', 0)];
    for (let i = 1; i < 100_000; i++) rows.push(row(`c${i}`, `c${i - 1}`, 'fan', i));
    const t = assembleThread(input(rows, { limit: 100_000 }));
    expect(t.comments).toHaveLength(100_000);
    expect(t.comments[99_999]).toMatchObject({ id: 'c99999', depth: 99_999 });
  });

  it('an empty thread counts zero and a share of 0', () => {
    const t = assembleThread(input([]));
    expect(t.comments).toEqual([]);
    expect(t.counts).toMatchObject({ comments: 0, accounts: 0, memberComments: 0, memberShare: 0 });
  });
});

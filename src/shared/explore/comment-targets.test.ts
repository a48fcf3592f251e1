import { describe, expect, it } from 'vitest';
import { sharePercent, targetPosts } from './comment-targets';

describe('comment targets for panels', () => {
  it('names each post with its Page where the Page is listed', () => {
    const posts = targetPosts({
      pages: [{ accountId: 'p1', name: 'Ministry', comments: 10, memberComments: 9, share: 0.9 }],
      posts: [
        { postId: 'a', pageId: 'p1', comments: 10, memberComments: 9, share: 0.9 },
        { postId: 'b', pageId: 'p2', comments: 12, memberComments: 6, share: 0.5 },
        { postId: 'c', pageId: null, comments: 11, memberComments: 1, share: 0.091 },
      ],
    });
    expect(posts.map((p) => [p.postId, p.pageName])).toEqual([
      ['a', 'Ministry'],
      ['b', null],
      ['c', null],
    ]);
  });

  it('writes shares as whole percentages, never 0 % for some nor 100 % for not all', () => {
    expect([1, 0.919, 0.004, 0, 0.996, NaN].map(sharePercent)).toEqual(['100 %', '92 %', '<1 %', '0 %', '>99 %', '–']);
  });
});

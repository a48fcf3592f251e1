import { describe, expect, it } from 'vitest';
import type { PostRecord } from '../model/records';
import { hashtagTimelines, medianWithZeros, termTimelines } from './bursts';
import { datasetFromRecords } from './dataset-from-records';

const DAY = Date.UTC(2024, 1, 12) / 1000;

function campaign(): PostRecord[] {
  const posts: PostRecord[] = [];
  // Background: #daily once an hour for 48 hours.
  for (let h = 0; h < 48; h++) {
    posts.push({
      platform: 'twitter',
      id: 'd' + h,
      authorId: 'u' + (h % 7),
      time: DAY + h * 3600,
      kind: 'original',
      text: 'daily news',
      objects: [{ kind: 'hashtag', value: 'daily' }],
    });
  }
  // Campaign: 100 accounts post #x twice each, one post every 12 s from 24:00:30 on (199 × 12 s = 39.8 min).
  const start = DAY + 24 * 3600 + 30;
  for (let j = 0; j < 200; j++) {
    posts.push({
      platform: 'twitter',
      id: 'x' + j,
      authorId: 'r' + (j % 100),
      time: start + j * 12,
      kind: 'original',
      text: 'Breaking news: vote now',
      objects: [{ kind: 'hashtag', value: 'x' }],
    });
  }
  return posts;
}

describe('hashtagTimelines', () => {
  const ds = datasetFromRecords([{ posts: campaign() }]);
  const timelines = hashtagTimelines(ds);

  it('finds the campaign burst and reports it in numbers', () => {
    expect(timelines.map((t) => t.key)).toEqual(['x', 'daily']);
    const x = timelines[0];
    expect(x.posts).toBe(200);
    expect(x.accounts).toBe(100);
    expect(x.bursts).toHaveLength(1);
    const b = x.bursts[0];
    expect(b.posts).toBe(200);
    expect(b.accounts).toBe(100);
    expect(b.end - b.start).toBe(199 * 12);
    expect(b.baselinePerBin).toBe(0);
    expect(b.reason).toMatch(
      /^100 accounts posted #x 200 times within 40 minutes \(2024-02-13 00:00–2024-02-13 00:40 UTC/,
    );
    // 5-minute bins: 25 posts per full bin.
    expect(Math.max(...x.counts)).toBe(25);
    expect(x.counts.reduce((s, c) => s + c, 0)).toBe(200);
  });

  it('does not call steady use a burst', () => {
    expect(timelines[1].bursts).toEqual([]);
  });

  it('finds the same in text terms', () => {
    const t = termTimelines(ds, ['breaking news', 'nothing here']);
    expect(t[0].key).toBe('breaking news');
    expect(t[0].bursts[0].posts).toBe(200);
    expect(t[0].bursts[0].reason).toContain('"breaking news" 200 times');
    expect(t).toHaveLength(1); // 'nothing here' has fewer than minPosts posts
  });
});

describe('medianWithZeros', () => {
  it('counts implicit zeros', () => {
    expect(medianWithZeros([1, 2, 3], 2)).toBe(1);
    expect(medianWithZeros([5, 7], 1)).toBe(5);
    expect(medianWithZeros([1], 3)).toBe(0);
    expect(medianWithZeros([2, 4], 0)).toBe(3);
  });
});

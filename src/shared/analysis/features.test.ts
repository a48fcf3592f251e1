import { describe, expect, it } from 'vitest';
import type { RecordBatch } from '../model/records';
import { datasetFromRecords } from './dataset-from-records';
import { accountFeatures, featureRow } from './features';

const T = Date.UTC(2024, 0, 3, 12) / 1000; // a Wednesday, 12:00 UTC
const tw = 'twitter' as const;

function small(): RecordBatch[] {
  return [
    {
      accounts: [
        { platform: tw, id: 'off', screenName: 'minister', createdAt: T - 5000 * 86400 },
        { platform: tw, id: 'a1', screenName: 'maria83472615', createdAt: T - 30 * 86400 },
        { platform: tw, id: 'a2', screenName: 'john_smith' },
        { platform: tw, id: 'a3', screenName: 'xk7hq2pz' },
      ],
      posts: [
        {
          platform: tw,
          id: 'o1',
          authorId: 'off',
          time: T,
          kind: 'original',
          text: 'Today we open the new hospital in the north',
        },
        {
          platform: tw,
          id: 'r1',
          authorId: 'a1',
          time: T + 10,
          kind: 'retweet',
          parentId: 'o1',
          parentAuthorId: 'off',
          client: 'Web',
        },
        {
          platform: tw,
          id: 'r2',
          authorId: 'a2',
          time: T + 30,
          kind: 'retweet',
          parentId: 'o1',
          parentAuthorId: 'off',
          client: 'Android',
        },
        {
          platform: tw,
          id: 'rep1',
          authorId: 'a1',
          time: T + 100,
          kind: 'reply',
          parentId: 'o1',
          parentAuthorId: 'off',
          text: 'Nice work everyone here today',
          client: 'Web',
        },
        {
          platform: tw,
          id: 'x1',
          authorId: 'a3',
          time: T + 2 * 86400,
          kind: 'original',
          text: 'nice work, everyone here TODAY!',
          client: 'Web',
        },
      ],
      interactions: [
        { platform: tw, sourceId: 'a1', targetId: 'off', kind: 'retweet', postId: 'r1', time: T + 10 },
        { platform: tw, sourceId: 'a2', targetId: 'off', kind: 'retweet', postId: 'r2', time: T + 30 },
        { platform: tw, sourceId: 'a1', targetId: 'off', kind: 'reply', postId: 'rep1', time: T + 100 },
        { platform: tw, sourceId: 'a3', targetId: 'a1', kind: 'mention', postId: 'x1', time: T + 2 * 86400 },
      ],
    },
  ];
}

describe('accountFeatures', () => {
  const ds = datasetFromRecords(small());
  const f = accountFeatures(ds);
  const [off, a1, a2, a3] = [0, 1, 2, 3];

  it('counts posts, active days and rate', () => {
    expect(Array.from(f.posts)).toEqual([1, 2, 1, 1]);
    expect(Array.from(f.activeDays)).toEqual([1, 1, 1, 1]);
    expect(f.activityRate[a1]).toBe(2);
    expect(f.firstTime[a1]).toBe(T + 10);
    expect(f.lastTime[a1]).toBe(T + 100);
    // Wednesday 12:00 UTC = hour 2 × 24 + 12 of the week.
    expect(f.hourOfWeek[a1 * 168 + 60]).toBe(2);
  });

  it('measures reaction latency to parents in the dataset', () => {
    expect(f.postLatency[1]).toBe(10);
    expect(f.postLatency[0]).toBeNaN();
    expect(f.postParent[3]).toBe(0);
    expect(f.medianLatency[a1]).toBe(55); // (10 + 100) / 2
    expect(f.medianLatency[a2]).toBe(30);
    expect(f.medianLatency[off]).toBeNaN();
  });

  it('counts duplicate texts across accounts', () => {
    expect(Array.from(f.textPosts)).toEqual([1, 1, 0, 1]);
    expect(Array.from(f.duplicatePosts)).toEqual([0, 1, 0, 1]);
    expect(Array.from(f.nearDuplicatePosts)).toEqual([0, 1, 0, 1]);
  });

  it('measures target concentration and client share', () => {
    expect(f.engagements[a1]).toBe(2);
    expect(f.distinctTargets[a1]).toBe(1);
    expect(f.topTargetShare[a1]).toBe(1);
    expect(f.engagements[a3]).toBe(1);
    expect(f.engagements[off]).toBe(0);
    expect(f.clients[f.topClient[a1]]).toBe('Web');
    expect(f.clientTopShare[a1]).toBe(1);
    expect(f.clientTopShare[off]).toBeNaN();
  });

  it('scores handles and keeps creation times', () => {
    expect(f.handleScore[a1]).toBe(1);
    expect(f.handleScore[a2]).toBe(0);
    expect(f.handleScore[a3]).toBeGreaterThan(0.9);
    expect(f.createdAt[a1]).toBe(T - 30 * 86400);
    expect(f.createdAt[a2]).toBeNaN();
  });

  it('gives each account its numbers as plain JSON, null where they mean nothing', () => {
    expect(featureRow(f, a1)).toEqual({
      posts: 2,
      activeDays: 1,
      firstPost: T + 10,
      lastPost: T + 100,
      activityRate: 2,
      weekdayShare: null, // 2 posts: under the 20 timing needs
      shiftCoverage: null,
      shiftUtcOffset: null,
      quietShare: null,
      roundTheClock: false,
      handleScore: 1,
      topClient: 'Web',
      clientTopShare: 1,
      textPosts: 1,
      duplicatePosts: 1,
      nearDuplicatePosts: 1,
      engagements: 2,
      distinctTargets: 1,
      topTargetShare: 1,
      medianLatencyS: 55,
    });
    const row = featureRow(f, off);
    expect([row.medianLatencyS, row.topClient, row.clientTopShare, row.topTargetShare]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(JSON.parse(JSON.stringify(row))).toEqual(row);
  });

  it('falls back to parent authors when no interaction carries a share', () => {
    const batches = small();
    batches[0].interactions = [];
    const g = accountFeatures(datasetFromRecords(batches));
    expect(g.engagements[a1]).toBe(2);
    expect(g.engagements[a3]).toBe(0);
  });

  it('marks hourly posting for two months as round the clock, and not a sleeper', () => {
    const posts = [];
    for (let h = 0; h < 60 * 24; h++)
      posts.push({ platform: tw, id: 'b' + h, authorId: 'bot', time: T + h * 3600 + 60, kind: 'original' as const });
    for (let d = 0; d < 60; d++) {
      for (let h = 8; h < 23; h++)
        posts.push({
          platform: tw,
          id: `p${d}-${h}`,
          authorId: 'person',
          time: T + d * 86400 + (h - 12) * 3600,
          kind: 'original' as const,
        });
    }
    const g = accountFeatures(datasetFromRecords([{ posts }]));
    expect(g.quietShare[0]).toBe(0.25);
    expect(g.roundTheClock[0]).toBe(1);
    expect(g.quietShare[1]).toBe(0);
    expect(g.roundTheClock[1]).toBe(0);
    // 1,440 posts from day 0 12:01 to day 60 11:01: 61 distinct UTC days.
    expect(g.activityRate[0]).toBeCloseTo(1440 / 61, 4);
  });
});

import { describe, expect, it } from 'vitest';
import { createRng } from '../graph/rng';
import { tinyDataset, type TinyPost } from '../graph/test-dataset';
import type { InteractionKind } from '../model/records';
import { analyseDataset } from './analyse-dataset';
import type { Dataset } from './dataset';
import { describeTimeRange, sliceDataset } from './slice-dataset';

const DAY = 86_400;
type Interaction = [number, number, InteractionKind, number?];

/**
 * Ten days: each day a hub posts once with that day's hashtag; a ring of eight retweets it within seconds, a
 * crowd of twelve within hours; each retweet is also a retweet interaction. Every object belongs to one day,
 * so a dataset built from some days' rows alone interns its objects in the same order as a slice of all.
 */
function tenDays(): { posts: TinyPost[]; interactions: Interaction[]; follows: [number, number][] } {
  const rng = createRng(7);
  const posts: TinyPost[] = [];
  const interactions: Interaction[] = [];
  for (let d = 0; d < 10; d++) {
    const hub = d % 3;
    const t0 = d * DAY + 3_600;
    const root = `o${d}`;
    posts.push({ id: root, author: hub, time: t0, text: `news of day ${d}`, objects: [['hashtag', `day${d}`]] });
    const share = (account: number, t: number) => {
      posts.push({
        id: `rt${d}-${account}`,
        author: account,
        time: t,
        kind: 'retweet',
        parent: root,
        objects: [['post', root]],
      });
      interactions.push([account, hub, 'retweet', t]);
    };
    for (let a = 10; a < 18; a++) share(a, t0 + 2 + Math.floor(rng() * 20));
    for (let a = 18; a < 30; a++) share(a, t0 + 600 + Math.floor(rng() * 30_000));
  }
  // An untimed mention (an edge-list row): outside any period, so left out of a slice.
  interactions.push([3, 4, 'mention']);
  return {
    posts,
    interactions,
    follows: [
      [10, 11],
      [12, 13],
      [20, 0],
    ],
  };
}

const resolved = (ds: Dataset) => ({
  posts: Array.from({ length: ds.posts.count }, (_, p) => [
    ds.posts.extId[p],
    ds.posts.author[p],
    ds.posts.time[p],
    ds.posts.kind[p],
    ds.posts.parentExtId[p],
    ds.posts.parentAuthor[p],
    ds.posts.text[p],
  ]),
  objects: Array.from({ length: ds.objects.count }, (_, r) => [
    ds.posts.extId[ds.objects.post[r]],
    ds.objects.values[ds.objects.value[r]],
  ]),
  interactions: Array.from({ length: ds.interactions.count }, (_, r) => [
    ds.interactions.source[r],
    ds.interactions.target[r],
    ds.interactions.kind[r],
    ds.interactions.time[r],
  ]),
  follows: [Array.from(ds.follows.follower), Array.from(ds.follows.followed)],
});

describe('time range', () => {
  const all = tenDays();
  const whole = tinyDataset({ accounts: 30, ...all });
  const from = 3 * DAY;
  const to = 7 * DAY - 1;
  const inside = (t: number | undefined) => t !== undefined && t >= from && t <= to;
  // The same period built independently: only the rows whose time falls inside it.
  const period = tinyDataset({
    accounts: 30,
    posts: all.posts.filter((p) => inside(p.time)),
    interactions: all.interactions.filter((i) => inside(i[3])),
    follows: all.follows,
  });

  it('keeps exactly the posts, objects and interactions inside it, every account and every follow', () => {
    const slice = sliceDataset(whole, { from, to });
    expect(slice.posts.count).toBe(4 * 21);
    expect(resolved(slice)).toEqual(resolved(period));
    expect(slice.accounts).toBe(whole.accounts);
    expect(sliceDataset(whole, {})).toBe(whole);
  });

  it('an analysis of a period is the analysis of that period alone', async () => {
    const ranged = await analyseDataset(whole, { from, to }, { layoutIterations: 2 });
    const alone = await analyseDataset(period, {}, { layoutIterations: 2 });
    expect(ranged.summary.counts).toEqual(alone.summary.counts);
    expect(ranged.summary.parameters).toMatchObject({ from, to });
    expect(ranged.summary.modularity).toBe(alone.summary.modularity);
    expect(ranged.communities).toEqual(alone.communities);
    expect(ranged.accounts).toEqual(alone.accounts);
    expect(ranged.cascades).toEqual(alone.cascades);
    expect(ranged.graph.edges).toEqual(alone.graph.edges);
    const full = await analyseDataset(whole, {}, { layoutIterations: 2 });
    expect(full.summary.counts.posts).toBe(210);
    expect(full.cascades.length).toBe(10);
  });

  it('refuses a range that ends before it starts, and describes one in words', async () => {
    await expect(analyseDataset(whole, { from: to, to: from })).rejects.toThrow(/ends .* before it starts/);
    expect(describeTimeRange({})).toBe('all the data');
    expect(describeTimeRange({ from: 1632096000, to: 1632700799 })).toBe(
      '2021-09-20 00:00 UTC to 2021-09-26 23:59:59 UTC',
    );
    expect(describeTimeRange({ to: 1632700799 })).toBe('the start to 2021-09-26 23:59:59 UTC');
  });
});

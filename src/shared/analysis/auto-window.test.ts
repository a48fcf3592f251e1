import { describe, expect, it } from 'vitest';
import { tinyDataset, type TinyPost } from '../graph/test-dataset';
import { analyseDataset } from './analyse-dataset';
import { describeWindowEstimate, estimateWindow } from './auto-window';

/**
 * Ten posts, each retweeted by accounts 0, 1, 2, 3: account 1 one second after account 0 (so every post is
 * among the "quick" ones), account 2 after 5 + i s, account 3 after 100 s. CooRnet's estimate: the first share
 * past half (rank 3) comes at 5 … 14 s, whose median is 9.5 s → a 10 s window.
 */
function quickPosts(): TinyPost[] {
  const posts: TinyPost[] = [];
  for (let i = 0; i < 10; i++) {
    const object = `P${i}`;
    const t0 = i * 10_000;
    [0, 1, 5 + i, 100].forEach((dt, account) =>
      posts.push({
        id: `rt${i}-${account}`,
        author: account,
        time: t0 + dt,
        kind: 'retweet',
        parent: object,
        objects: [['post', object]],
      }),
    );
  }
  return posts;
}

describe('estimated co-action window', () => {
  it("reproduces estimate_coord_interval on the graph's objects and rounds up to whole seconds", () => {
    const w = estimateWindow(tinyDataset({ accounts: 4, posts: quickPosts() }), ['retweet'], 60);
    expect(w.objectsShared).toBe(10);
    expect(w.objectsQuick).toBe(10);
    expect(w.seconds).toBe(9.5);
    expect(w.windowSeconds).toBe(10);
    expect(w.fallback).toBe(false);
    expect(describeWindowEstimate(w)).toMatch(
      /^co-action window: 10 s, estimated from the data: of 10 objects shared twice or more, .* \(10\) took 9\.5 s/,
    );
  });

  it('falls back to the given window when no object was shared twice', () => {
    const once: TinyPost[] = [{ id: 'a', author: 0, time: 0, kind: 'retweet', parent: 'X', objects: [['post', 'X']] }];
    const w = estimateWindow(tinyDataset({ accounts: 1, posts: once }), ['retweet'], 60);
    expect(w).toMatchObject({ windowSeconds: 60, fallback: true, objectsShared: 0 });
    expect(describeWindowEstimate(w)).toContain('none could be estimated');
  });

  it('an analysis with autoWindow builds its co-action graph with the estimate and reports it', async () => {
    const ds = tinyDataset({ accounts: 4, posts: quickPosts() });
    const params = { graph: 'coaction' as const, coaction: 'retweet' as const, minParticipation: 2 };
    const fixed = await analyseDataset(ds, params, { layoutIterations: 1 });
    const auto = await analyseDataset(ds, { ...params, autoWindow: true }, { layoutIterations: 1 });
    expect(fixed.summary.windowEstimate).toBeUndefined();
    expect(auto.summary.windowEstimate?.windowSeconds).toBe(10);
    expect(auto.summary.parameters).toMatchObject({ autoWindow: true, windowSeconds: 10 });
    const weights = (o: typeof auto) =>
      Object.fromEntries(o.coactionEdges!.map((e) => [`${e.accountA}-${e.accountB}`, e.weight]));
    // 60 s: 0–1, 0–2 and 1–2 co-share every post. 10 s: 0–2 only while 5 + i ≤ 10, 1–2 while 4 + i ≤ 10.
    expect(weights(fixed)).toEqual({ 'u0-u1': 10, 'u0-u2': 10, 'u1-u2': 10 });
    expect(weights(auto)).toEqual({ 'u0-u1': 10, 'u0-u2': 6, 'u1-u2': 7 });
  });
});

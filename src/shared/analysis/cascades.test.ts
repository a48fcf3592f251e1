import { describe, expect, it } from 'vitest';
import { collectCascades, structuralViralityOf } from './cascades';
import { tinyDataset, type TinyPost } from '../graph/test-dataset';
import { createRng } from '../graph/rng';

function cascadeOf(n: number, follows: [number, number][], step = 10) {
  const posts: TinyPost[] = [{ id: 'root', author: 0, time: 1000 }];
  for (let k = 1; k < n; k++)
    posts.push({ id: 'rt' + k, author: k, time: 1000 + k * step, kind: 'retweet', parent: 'root' });
  return collectCascades(tinyDataset({ accounts: n, posts, follows }))[0];
}

/** All-pairs mean distance by BFS from every node. */
function bruteForce(parent: Int32Array): number {
  const n = parent.length;
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (let k = 1; k < n; k++) {
    adj[k].push(parent[k]);
    adj[parent[k]].push(k);
  }
  let total = 0;
  for (let s = 0; s < n; s++) {
    const dist = new Int32Array(n).fill(-1);
    dist[s] = 0;
    const queue = [s];
    for (let q = 0; q < queue.length; q++)
      for (const v of adj[queue[q]]) {
        if (dist[v] >= 0) continue;
        dist[v] = dist[queue[q]] + 1;
        queue.push(v);
      }
    for (let t = s + 1; t < n; t++) total += dist[t];
  }
  return total / ((n * (n - 1)) / 2);
}

describe('cascades', () => {
  it('star of n nodes without follow data: structural virality 2(n−1)/n, usedFollows false', () => {
    for (const n of [2, 5, 40]) {
      const c = cascadeOf(n, []);
      expect(c.result.usedFollows).toBe(false);
      expect(c.result.size).toBe(n);
      expect(c.result.depth).toBe(1);
      expect(c.result.maxBreadth).toBe(n - 1);
      expect(c.result.structuralVirality).toBeCloseTo((2 * (n - 1)) / n, 12);
    }
  });

  it('chain reconstructed from follows: structural virality (n+1)/3, depth n−1', () => {
    for (const n of [3, 10, 50]) {
      const follows: [number, number][] = [];
      for (let k = 1; k < n; k++) follows.push([k, k - 1]);
      // Distractors: everyone also follows a later sharer, who must not be chosen.
      for (let k = 1; k < n - 1; k++) follows.push([k, n - 1]);
      const c = cascadeOf(n, follows);
      expect(c.result.usedFollows).toBe(true);
      expect(Array.from(c.tree.parent)).toEqual([-1, ...Array.from({ length: n - 1 }, (_, k) => k)]);
      expect(c.result.depth).toBe(n - 1);
      expect(c.result.structuralVirality).toBeCloseTo((n + 1) / 3, 12);
    }
  });

  it('attaches to the most recent earlier sharer followed', () => {
    // 3 follows 1 and 2; 2 shared later than 1, so 3 hangs from 2.
    const c = cascadeOf(4, [
      [3, 1],
      [3, 2],
    ]);
    expect(Array.from(c.tree.parent)).toEqual([-1, 0, 0, 2]);
  });

  it('O(n) formula equals brute-force all-pairs distances on random trees', () => {
    const rng = createRng(7);
    for (let t = 0; t < 30; t++) {
      const n = 2 + Math.floor(rng() * 60);
      const parent = new Int32Array(n);
      parent[0] = -1;
      for (let k = 1; k < n; k++) parent[k] = Math.floor(rng() * k);
      expect(structuralViralityOf(parent)).toBeCloseTo(bruteForce(parent), 10);
    }
  });

  it('timing, first-minute shares, community share and shape labels', () => {
    // 60 shares within one minute of the root: a synchronised burst.
    const burst = cascadeOf(61, [], 1).result;
    expect(burst.sharesFirstMinute).toBe(60);
    expect(burst.secondsToHalf).toBe(30);
    expect(burst.secondsTo90).toBe(54);
    expect(burst.shape).toBe('synchronised_burst');
    // Shares an hour apart, all from the root: a star broadcast.
    expect(cascadeOf(10, [], 3600).result.shape).toBe('star_broadcast');
    expect(cascadeOf(3, []).result.shape).toBe('small');
    const chain: [number, number][] = Array.from({ length: 19 }, (_, k) => [k + 1, k]);
    expect(cascadeOf(20, chain, 3600).result.shape).toBe('multi_generation');
    const posts: TinyPost[] = [{ id: 'r', author: 0, time: 0 }];
    for (let k = 1; k <= 4; k++) posts.push({ id: 's' + k, author: k, time: k, kind: 'retweet', parent: 'r' });
    const membership = Int32Array.from([0, 1, 1, 1, 2]);
    const [c] = collectCascades(tinyDataset({ accounts: 5, posts }), { membership });
    expect(c.result.shareFromOneCommunity).toBeCloseTo(0.75, 12);
    expect(c.result.rootAccountId).toBe('u0');
  });

  it('keeps apart roots with the same id on two platforms, and roots outside the dataset', () => {
    const posts: TinyPost[] = [
      { id: '1', author: 0, time: 0 },
      { id: '1', author: 1, time: 5 },
      { id: 'a', author: 2, time: 10, kind: 'retweet', parent: '1' },
      { id: 'b', author: 3, time: 20, kind: 'share', parent: '1' },
      { id: 'c', author: 4, time: 30, kind: 'retweet', parent: 'gone' },
      { id: 'd', author: 2, time: 40, kind: 'retweet', parent: 'gone' },
    ];
    const ds = tinyDataset({ accounts: 5, posts });
    ds.accounts.platform[1] = ds.accounts.platform[3] = 'facebook';
    const list = collectCascades(ds);
    expect(list.map((c) => [c.result.rootPostId, c.result.rootAccountId, c.result.size])).toEqual([
      ['1', 'u0', 2],
      ['1', 'u1', 2],
      ['gone', '', 3],
    ]);
    expect(list.map((c) => Array.from(c.shares))).toEqual([[2], [3], [4, 5]]);
  });
});

import { describe, expect, it } from 'vitest';
import { buildCoactionGraph, coactionFromShares, synchronisedShares } from './coaction';
import { estimateCoordInterval } from './interval';
import { normaliseText } from './coaction-text';
import { tinyDataset, type TinyPost } from '../graph/test-dataset';
import { buildInteractionGraph, buildInteractionGraphsByKind } from '../graph/interaction-graph';
import { buildBipartite, projectBipartite } from '../graph/bipartite';
import { createRng } from '../graph/rng';
import type { ShareTable } from './coaction-shares';

const edgeMap = (g: { edges: { source: Int32Array; target: Int32Array; weight: Float64Array } }) =>
  Object.fromEntries(Array.from(g.edges.source, (s, e) => [`${s}-${g.edges.target[e]}`, g.edges.weight[e]]));

describe('co-action graphs', () => {
  it('co-retweet within Δt, inclusive, with min participation and average Δt', () => {
    const posts: TinyPost[] = [];
    const rt = (id: string, author: number, time: number, object: string) =>
      posts.push({ id, author, time, kind: 'retweet', parent: object, objects: [['post', object]] });
    rt('a1', 0, 0, 'X');
    rt('b1', 1, 10, 'X');
    rt('c1', 2, 100, 'X'); // outside 60 s
    rt('a2', 0, 0, 'Y');
    rt('b2', 1, 60, 'Y'); // exactly Δt
    rt('c2', 2, 500, 'Z');
    const g = buildCoactionGraph(tinyDataset({ accounts: 3, posts }), {
      objectKinds: ['retweet'],
      windowSeconds: 60,
      minParticipation: 2,
    });
    expect(edgeMap(g)).toEqual({ '0-1': 2 });
    expect(g.avgDelta[0]).toBe(35);
    expect(g.symmetry[0]).toBe(1);
    expect(Array.from(g.participation)).toEqual([2, 2, 0]);
    expect(Array.from(g.actions)).toEqual([2, 2, 2]);
  });

  it('co-text after normalisation, co-link, co-reply, near-duplicate text', () => {
    const text = 'Vote for the candidate today, the future is ours';
    const posts: TinyPost[] = [
      { id: 't1', author: 0, time: 0, text: text + ' https://x.co/a @alice!!' },
      { id: 't2', author: 1, time: 5, text: 'VOTE for the candidate today — the future is ours' },
      { id: 't3', author: 2, time: 9, text: 'Vote for the candidate today, the future is ours, friends' },
      { id: 'u1', author: 0, time: 0, objects: [['url', 'http://n.ws/1']] },
      { id: 'u2', author: 2, time: 30, objects: [['url', 'http://n.ws/1']] },
      { id: 'r1', author: 1, time: 0, kind: 'reply', parent: 'P' },
      { id: 'r2', author: 2, time: 3, kind: 'reply', parent: 'P' },
    ];
    const ds = tinyDataset({ accounts: 3, posts });
    const opts = { windowSeconds: 60, minParticipation: 1 };
    expect(normaliseText(posts[0].text!)).toBe('vote for the candidate today the future is ours');
    expect(edgeMap(buildCoactionGraph(ds, { ...opts, objectKinds: ['text'] }))).toEqual({ '0-1': 1 });
    expect(edgeMap(buildCoactionGraph(ds, { ...opts, objectKinds: ['url'] }))).toEqual({ '0-2': 1 });
    expect(edgeMap(buildCoactionGraph(ds, { ...opts, objectKinds: ['reply'] }))).toEqual({ '1-2': 1 });
    const near = edgeMap(buildCoactionGraph(ds, { ...opts, objectKinds: ['near_text'], similarity: 0.6 }));
    expect(near).toEqual({ '0-1': 1, '0-2': 1, '1-2': 1 });
  });

  it('sliding window equals all pairs on random shares; symmetry counts distinct earlier/later shares', () => {
    const rng = createRng(11);
    const n = 3000;
    const shares: ShareTable = {
      count: n,
      objectCount: 40,
      object: Int32Array.from({ length: n }, () => Math.floor(rng() * 40)),
      account: Int32Array.from({ length: n }, () => Math.floor(rng() * 60)),
      time: Float64Array.from({ length: n }, () => Math.floor(rng() * 20000)),
      post: Int32Array.from({ length: n }, (_, i) => i),
    };
    const W = 120;
    const g = coactionFromShares(shares, 60, { windowSeconds: W, minParticipation: 1 });
    const ref = new Map<string, { w: number; d: number; older: Set<number>; newer: Set<number> }>();
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        if (i === j || shares.object[i] !== shares.object[j] || shares.account[i] === shares.account[j]) continue;
        const [x, y] =
          shares.time[i] < shares.time[j] || (shares.time[i] === shares.time[j] && i < j) ? [i, j] : [j, i];
        if (x !== i || shares.time[y] - shares.time[x] > W) continue;
        const a = Math.min(shares.account[x], shares.account[y]);
        const b = Math.max(shares.account[x], shares.account[y]);
        const r = ref.get(`${a}-${b}`) ?? { w: 0, d: 0, older: new Set(), newer: new Set() };
        r.w++;
        r.d += shares.time[y] - shares.time[x];
        r.older.add(x);
        r.newer.add(y);
        ref.set(`${a}-${b}`, r);
      }
    expect(g.edges.source.length).toBe(ref.size);
    for (let e = 0; e < g.edges.source.length; e++) {
      const r = ref.get(`${g.edges.source[e]}-${g.edges.target[e]}`)!;
      expect(g.edges.weight[e]).toBe(r.w);
      expect(g.avgDelta[e]).toBeCloseTo(r.d / r.w, 9);
      expect(g.symmetry[e]).toBeCloseTo(
        Math.min(r.older.size, r.newer.size) / Math.max(r.older.size, r.newer.size),
        12,
      );
    }
    const sync = synchronisedShares(shares, 60, W);
    const total = sync.actions.reduce((s, v) => s + v, 0);
    expect(total).toBe(n);
    expect(sync.synchronised.reduce((s, v) => s + v, 0)).toBe(g.participation.reduce((s, v) => s + v, 0));
  });

  it('synchrony restricted to the same community', () => {
    const shares: ShareTable = {
      count: 3,
      objectCount: 1,
      object: Int32Array.from([0, 0, 0]),
      account: Int32Array.from([0, 1, 2]),
      time: Float64Array.from([0, 5, 10]),
      post: Int32Array.from([0, 1, 2]),
    };
    const s = synchronisedShares(shares, 3, 6, Int32Array.from([0, 1, 0]));
    expect(Array.from(s.synchronised)).toEqual([0, 0, 0]);
    expect(Array.from(synchronisedShares(shares, 3, 10, Int32Array.from([0, 1, 0])).synchronised)).toEqual([1, 0, 1]);
  });
});

describe('interaction and bipartite graphs', () => {
  const ds = tinyDataset({
    accounts: 4,
    interactions: [
      [0, 1, 'retweet', 100],
      [0, 1, 'retweet', 200],
      [0, 1, 'reply', 300],
      [1, 0, 'mention', 50],
      [2, 2, 'retweet', 10],
      [3, 0, 'quote', 1000],
    ],
    follows: [[2, 3]],
    posts: [
      { id: 'p1', author: 0, time: 1, objects: [['page', 'A']] },
      {
        id: 'p2',
        author: 1,
        time: 2,
        objects: [
          ['page', 'A'],
          ['page', 'B'],
        ],
      },
      {
        id: 'p3',
        author: 2,
        time: 3,
        objects: [
          ['page', 'B'],
          ['url', 'u'],
        ],
      },
      { id: 'p4', author: 0, time: 4, objects: [['page', 'B']] },
    ],
  });

  it('aggregates per pair, drops self-loops, filters time and weight, reads follows', () => {
    const g = buildInteractionGraph(ds);
    expect(g.directed).toBe(true);
    expect(edgeMap({ edges: g })).toEqual({ '0-1': 3, '1-0': 1, '3-0': 1 });
    expect(g.kind![0]).toBe(255);
    expect(edgeMap({ edges: buildInteractionGraph(ds, { from: 150, to: 1000 }) })).toEqual({ '0-1': 2, '3-0': 1 });
    expect(edgeMap({ edges: buildInteractionGraph(ds, { minWeight: 2 }) })).toEqual({ '0-1': 3 });
    expect(edgeMap({ edges: buildInteractionGraph(ds, { kinds: ['follow'] }) })).toEqual({ '2-3': 1 });
    const byKind = buildInteractionGraphsByKind(ds, { kinds: ['retweet', 'reply'] });
    expect(edgeMap({ edges: byKind.retweet! })).toEqual({ '0-1': 2 });
    expect(edgeMap({ edges: byKind.reply! })).toEqual({ '0-1': 1 });
  });

  it('account → page bipartite and its projection', () => {
    const bg = buildBipartite(ds, { objectKinds: ['page'] });
    expect(bg.targetCount).toBe(2);
    expect(bg.account.length).toBe(5);
    expect(edgeMap({ edges: projectBipartite(bg) })).toEqual({ '0-1': 2, '1-2': 1, '0-2': 1 });
    expect(edgeMap({ edges: projectBipartite(bg, { minShared: 2 }) })).toEqual({ '0-1': 2 });
  });
});

describe('estimateCoordInterval', () => {
  it('follows CooRnet: quick second shares, time to pass p of shares, p-quantile', () => {
    // Objects 1–4 shared 4 times; second share after 1, 2, 50, 100 s.
    const object: number[] = [];
    const time: number[] = [];
    const add = (o: number, ts: number[]) =>
      ts.forEach((t) => {
        object.push(o);
        time.push(t);
      });
    add(1, [0, 1, 10, 20]);
    add(2, [0, 2, 30, 40]);
    add(3, [0, 50, 60, 70]);
    add(4, [0, 100, 200, 300]);
    add(5, [0]);
    // q = 0.5: cut = quantile(1,2,50,100; 0.5) = 26 → objects 1, 2. p = 0.5: first rank r with r/4 > 0.5 is 3
    // → 10 s and 30 s; their 0.5-quantile is 20.
    const r = estimateCoordInterval(object, time, { q: 0.5, p: 0.5 });
    expect(r.objectsShared).toBe(4);
    expect(r.objectsQuick).toBe(2);
    expect(r.seconds).toBe(20);
    expect(r.summary.max).toBe(30);
  });
});

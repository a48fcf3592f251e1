/**
 * Co-action graphs: accounts linked when they act on the same object within Δt seconds — the "coordinated
 * link sharing" idea of Giglietto, Righetti, Rossi & Marino (2020, Information, Communication & Society
 * 23(6)), generalised to retweets, replies, links, hashtags, images and (near-)identical text.
 *
 * Each object's shares are sorted by time and a window slides over them, so the work is proportional to the
 * pairs that *are* within Δt, never to all pairs of an object's shares. Edge weight counts co-action
 * pairs, as CooRTweet's does; for the exact CooRTweet semantics use ./coortweet.ts.
 */
import type { Dataset } from './dataset';
import { PairAccumulator, pick, type EdgeList } from '../graph/edge-list';
import {
  groupByObject,
  sharesFromDataset,
  type NearTextIndex,
  type ShareOptions,
  type ShareTable,
} from './coaction-shares';
import { signatureSimilarity } from './coaction-text';

export interface CoactionOptions extends ShareOptions {
  /** Δt: two shares co-act when their times differ by at most this many seconds (inclusive). */
  windowSeconds?: number;
  /** Accounts with fewer shares, or with fewer shares taking part in a co-action, are left out. */
  minParticipation?: number;
  /** Edges with a lower weight (co-action count) are dropped. */
  minWeight?: number;
  /** near_text: estimated Jaccard similarity of word 3-shingles at or above which two texts match. */
  similarity?: number;
}

export const COACTION_DEFAULTS = { windowSeconds: 60, minParticipation: 2, minWeight: 1, similarity: 0.8 };

export interface CoactionGraph {
  /** Undirected; nodes are dataset account indexes; weight = number of co-action pairs. */
  edges: EdgeList;
  /** Mean |Δt| in seconds of each edge's co-actions. */
  avgDelta: Float64Array;
  /**
   * CooRTweet's edge symmetry: min(distinct earlier shares, distinct later shares) / max(…) over the edge's
   * co-actions (1 when each share pairs once; low when one account's many shares pair with one share of
   * the other). Distinctness is counted per object; exact for share kinds where a post has one object.
   */
  symmetry: Float64Array;
  /** Per account: shares considered (after the time filter). */
  actions: Int32Array;
  /** Per account: shares that took part in at least one co-action within Δt. */
  participation: Int32Array;
}

export function buildCoactionGraph(ds: Dataset, options: CoactionOptions): CoactionGraph {
  const { shares, nearText } = sharesFromDataset(ds, options);
  return coactionFromShares(shares, ds.accounts.count, { ...options, nearText });
}

export function coactionFromShares(
  shares: ShareTable,
  accountCount: number,
  options: Omit<CoactionOptions, 'objectKinds'> & { nearText?: NearTextIndex | null } = {},
): CoactionGraph {
  const o = { ...COACTION_DEFAULTS, ...options };
  const W = o.windowSeconds;
  const actions = new Int32Array(accountCount);
  for (let i = 0; i < shares.count; i++) if (shares.time[i] === shares.time[i]) actions[shares.account[i]]++;
  // Like CooRTweet's first step: accounts with too few shares cannot reach minParticipation; drop them early.
  const keep = new Uint8Array(shares.count);
  for (let i = 0; i < shares.count; i++) {
    keep[i] = shares.time[i] === shares.time[i] && actions[shares.account[i]] >= o.minParticipation ? 1 : 0;
  }
  const { order, start } = groupByObject(shares, keep);
  const acc = new PairAccumulator(accountCount, false, { capacity: Math.max(1024, shares.count), withSum: true });
  let older: Int32Array = new Int32Array(acc.source.length);
  let newer: Int32Array = new Int32Array(acc.source.length);
  const took = new Uint8Array(shares.count);
  // Previous position (in `order`) of the same account within the same object, or -1.
  const prev = new Int32Array(order.length);
  const lastPos = new Int32Array(accountCount).fill(-1);
  const lastObj = new Int32Array(accountCount).fill(-1);
  const near = o.nearText ?? null;
  const seenPostPairs = near ? new Set<number>() : null;
  const postCount = shares.post.reduce((m, p) => (p > m ? p : m), 0) + 1;
  const { account, time, post } = shares;
  for (let ob = 0; ob < shares.objectCount; ob++) {
    const s = start[ob];
    const e = start[ob + 1];
    if (e - s < 2) continue;
    for (let k = s; k < e; k++) {
      const a = account[order[k]];
      prev[k] = lastObj[a] === ob ? lastPos[a] : -1;
      lastObj[a] = ob;
      lastPos[a] = k;
    }
    for (let i = s; i < e; i++) {
      const si = order[i];
      const ai = account[si];
      const ti = time[si];
      for (let j = i + 1; j < e; j++) {
        const sj = order[j];
        const dt = time[sj] - ti;
        if (dt > W) break;
        const aj = account[sj];
        if (aj === ai) continue;
        if (near) {
          const pi = post[si];
          const pj = post[sj];
          const key = pi < pj ? pi * postCount + pj : pj * postCount + pi;
          if (seenPostPairs!.has(key)) continue;
          if (signatureSimilarity(near.signatures, near.row[pi], near.row[pj], near.size) < o.similarity) continue;
          seenPostPairs!.add(key);
        }
        const edge = acc.add(ai, aj, 1, dt);
        if (edge >= older.length) {
          older = grow(older, acc.source.length);
          newer = grow(newer, acc.source.length);
        }
        // i is a new earlier share for this pair unless a later share of aj before j already paired with it;
        // j is a new later share unless an earlier share of ai within Δt of j already paired with it.
        if (!(prev[j] > i)) older[edge]++;
        const p = prev[i];
        if (!(p >= 0 && time[sj] - time[order[p]] <= W)) newer[edge]++;
        took[si] = 1;
        took[sj] = 1;
      }
    }
  }
  const participation = new Int32Array(accountCount);
  for (let i = 0; i < shares.count; i++) if (took[i]) participation[account[i]]++;
  // Keep edges whose two accounts both reach minParticipation, then apply minWeight.
  const { edges, kept } = acc.toEdgeList(
    (e) =>
      participation[acc.source[e]] >= o.minParticipation &&
      participation[acc.target[e]] >= o.minParticipation &&
      acc.weight[e] >= o.minWeight,
  );
  const sum = pick(acc.sum!, kept);
  const avgDelta = new Float64Array(kept.length);
  const symmetry = new Float64Array(kept.length);
  for (let k = 0; k < kept.length; k++) {
    const e = kept[k];
    avgDelta[k] = sum[k] / acc.count[e];
    symmetry[k] = Math.min(older[e], newer[e]) / Math.max(older[e], newer[e]);
  }
  return { edges, avgDelta, symmetry, actions, participation };
}

function grow(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

export interface SynchronyCounts {
  /** Per account: shares with a time. */
  actions: Int32Array;
  /** Per account: shares within Δt of another account's share of the same object (same community if given). */
  synchronised: Int32Array;
}

/**
 * Synchrony evidence: for each account, how many of its shares fall within Δt of another account's share
 * of the same object — with `membership`, of another account in the same community (membership −1 = none).
 * The scan around each share stops at the first match or the window's edge.
 */
export function synchronisedShares(
  shares: ShareTable,
  accountCount: number,
  windowSeconds: number,
  membership?: Int32Array,
): SynchronyCounts {
  const actions = new Int32Array(accountCount);
  const synchronised = new Int32Array(accountCount);
  const { order, start } = groupByObject(
    shares,
    Uint8Array.from(shares.time, (t) => (t === t ? 1 : 0)),
  );
  const { account, time } = shares;
  const same = (a: number, b: number) =>
    a !== b && (!membership || (membership[a] >= 0 && membership[a] === membership[b]));
  for (let ob = 0; ob < shares.objectCount; ob++) {
    const s = start[ob];
    const e = start[ob + 1];
    for (let k = s; k < e; k++) {
      const a = account[order[k]];
      const t = time[order[k]];
      actions[a]++;
      let hit = false;
      for (let j = k - 1; j >= s && t - time[order[j]] <= windowSeconds && !hit; j--) hit = same(a, account[order[j]]);
      for (let j = k + 1; j < e && time[order[j]] - t <= windowSeconds && !hit; j++) hit = same(a, account[order[j]]);
      if (hit) synchronised[a]++;
    }
  }
  return { actions, synchronised };
}

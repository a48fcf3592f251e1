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
import type { EdgeList } from '../graph/edge-list';
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
  const actions = new Int32Array(accountCount);
  for (let i = 0; i < shares.count; i++) if (shares.time[i] === shares.time[i]) actions[shares.account[i]]++;
  // Like CooRTweet's first step: accounts with too few shares cannot reach minParticipation; drop them early.
  const keep = new Uint8Array(shares.count);
  for (let i = 0; i < shares.count; i++) {
    keep[i] = shares.time[i] === shares.time[i] && actions[shares.account[i]] >= o.minParticipation ? 1 : 0;
  }
  const scan = new WindowScan(shares, accountCount, keep, o.windowSeconds, o.nearText ?? null, o.similarity);

  // Pass 1: which shares take part in a co-action at all → participation. An edge needs both accounts at
  // minParticipation, so later passes skip every pair that cannot become an edge before storing it.
  const took = new Uint8Array(shares.count);
  scan.run(SCAN_TOOK, took, null, null);
  const participation = new Int32Array(accountCount);
  for (let i = 0; i < shares.count; i++) if (took[i]) participation[shares.account[i]]++;
  const eligible = new Uint8Array(accountCount);
  for (let a = 0; a < accountCount; a++) eligible[a] = participation[a] >= o.minParticipation ? 1 : 0;

  // Pass 2: co-action pairs per lower account; pass 3 stores them bucketed by that account, in scan order.
  // Counting each bucket with a dense per-partner slot then costs no hashing: a hash table of ~10^8 pairs
  // (10M retweets with viral posts) spends its time in cache misses and rehashes.
  const bucketStart = new Int32Array(accountCount + 1);
  scan.eligible = eligible;
  const pairCount = scan.run(SCAN_COUNT, null, bucketStart, null);
  if (pairCount >= 2 ** 31) {
    throw new Error(
      `co-action: ${pairCount} co-action pairs are too many to count; raise minParticipation or narrow the window`,
    );
  }
  for (let a = 0; a < accountCount; a++) bucketStart[a + 1] += bucketStart[a];
  const pairs: PairEvents = {
    fill: bucketStart.slice(0, accountCount),
    partner: new Int32Array(pairCount),
    dt: new Float64Array(pairCount),
    // bit 0: the earlier share is new for this pair; bit 1: the later share is (see symmetry).
    flags: new Uint8Array(pairCount),
    // Position of the pair in scan order: edges are numbered by their first pair, as a hash accumulator would.
    seq: new Int32Array(pairCount),
  };
  scan.run(SCAN_STORE, null, null, pairs);
  return aggregatePairs(pairs, bucketStart, accountCount, pairCount, o.minWeight, actions, participation);
}

const SCAN_TOOK = 0;
const SCAN_COUNT = 1;
const SCAN_STORE = 2;

interface PairEvents {
  fill: Int32Array;
  partner: Int32Array;
  dt: Float64Array;
  flags: Uint8Array;
  seq: Int32Array;
}

/**
 * Slides the Δt window over each object's time-ordered shares and visits every co-action pair (i earlier,
 * j later, different accounts). Each run visits the same pairs in the same order, so a run can count what
 * the next one stores.
 */
class WindowScan {
  private readonly order: Int32Array;
  private readonly start: Int32Array;
  /** Previous position (in `order`) of the same account within the same object, or -1. */
  private readonly prev: Int32Array;
  eligible: Uint8Array | null = null;

  constructor(
    private readonly shares: ShareTable,
    accountCount: number,
    keep: Uint8Array,
    private readonly window: number,
    private readonly near: NearTextIndex | null,
    private readonly similarity: number,
  ) {
    const { order, start } = groupByObject(shares, keep);
    this.order = order;
    this.start = start;
    this.prev = new Int32Array(order.length);
    const lastPos = new Int32Array(accountCount).fill(-1);
    const lastObj = new Int32Array(accountCount).fill(-1);
    for (let ob = 0; ob < shares.objectCount; ob++) {
      for (let k = start[ob]; k < start[ob + 1]; k++) {
        const a = shares.account[order[k]];
        this.prev[k] = lastObj[a] === ob ? lastPos[a] : -1;
        lastObj[a] = ob;
        lastPos[a] = k;
      }
    }
  }

  /** Returns the number of pairs visited (between eligible accounts from SCAN_COUNT on). */
  run(mode: number, took: Uint8Array | null, perAccount: Int32Array | null, out: PairEvents | null): number {
    const { order, start, prev, window: W, near, eligible } = this;
    const { account, time, post } = this.shares;
    const seenPostPairs = near ? new Set<number>() : null;
    const postCount = near ? post.reduce((m, p) => (p > m ? p : m), 0) + 1 : 0;
    let visited = 0;
    for (let ob = 0; ob < this.shares.objectCount; ob++) {
      const s = start[ob];
      const e = start[ob + 1];
      if (e - s < 2) continue;
      for (let i = s; i < e; i++) {
        const si = order[i];
        const ai = account[si];
        if (eligible && !eligible[ai]) continue;
        const ti = time[si];
        for (let j = i + 1; j < e; j++) {
          const sj = order[j];
          const dt = time[sj] - ti;
          if (dt > W) break;
          const aj = account[sj];
          if (aj === ai || (eligible && !eligible[aj])) continue;
          if (near) {
            const pi = post[si];
            const pj = post[sj];
            const key = pi < pj ? pi * postCount + pj : pj * postCount + pi;
            if (seenPostPairs!.has(key)) continue;
            if (signatureSimilarity(near.signatures, near.row[pi], near.row[pj], near.size) < this.similarity) continue;
            seenPostPairs!.add(key);
          }
          if (mode === SCAN_TOOK) {
            took![si] = 1;
            took![sj] = 1;
          } else if (mode === SCAN_COUNT) {
            perAccount![(ai < aj ? ai : aj) + 1]++;
          } else {
            const lo = ai < aj ? ai : aj;
            const k = out!.fill[lo]++;
            out!.partner[k] = ai < aj ? aj : ai;
            out!.dt[k] = dt;
            // i is a new earlier share for this pair unless a later share of aj before j already paired with
            // it; j is a new later share unless an earlier share of ai within Δt of j already paired with it.
            const p = prev[i];
            out!.flags[k] = (prev[j] > i ? 0 : 1) | (p >= 0 && time[sj] - time[order[p]] <= W ? 0 : 2);
            out!.seq[k] = visited;
          }
          visited++;
        }
      }
    }
    return visited;
  }
}

/**
 * Sums the stored pairs into edges, keeping edges of at least minWeight, numbered in first-seen scan order.
 * Each account's bucket is summed into edges in bucket order (sequential memory, a dense slot per partner);
 * a bit per pair then marks each edge's first pair, and an edge's final index is the number of first pairs
 * before its own, so the edges land in first-seen order with one scattered write per output column.
 */
function aggregatePairs(
  pairs: PairEvents,
  bucketStart: Int32Array,
  accountCount: number,
  pairCount: number,
  minWeight: number,
  actions: Int32Array,
  participation: Int32Array,
): CoactionGraph {
  const local = bucketEdges(pairs, bucketStart, accountCount);
  // The pairs are summed: release them before the output columns are allocated.
  pairs.partner = pairs.seq = new Int32Array(0);
  pairs.dt = new Float64Array(0);
  pairs.flags = new Uint8Array(0);
  const { edgeStart, lPartner, lFirst, lCount, lSum, lOlder, lNewer } = local;
  const m = edgeStart[accountCount];
  // Rank of each kept edge's first pair among the kept edges' first pairs.
  const firsts = new Int32Array((pairCount >>> 5) + 1);
  let n = 0;
  for (let l = 0; l < m; l++) {
    if (lCount[l] < minWeight) continue;
    firsts[lFirst[l] >>> 5] |= 1 << (lFirst[l] & 31);
    n++;
  }
  const rankBase = new Int32Array(firsts.length);
  for (let w = 1; w < firsts.length; w++) rankBase[w] = rankBase[w - 1] + popcount(firsts[w - 1]);
  const source = new Int32Array(n);
  const target = new Int32Array(n);
  const weight = new Float64Array(n);
  const avgDelta = new Float64Array(n);
  const symmetry = new Float64Array(n);
  for (let a = 0; a < accountCount; a++) {
    for (let l = edgeStart[a]; l < edgeStart[a + 1]; l++) {
      const c = lCount[l];
      if (c < minWeight) continue;
      const q = lFirst[l];
      const e = rankBase[q >>> 5] + popcount(firsts[q >>> 5] & ((1 << (q & 31)) - 1));
      source[e] = a;
      target[e] = lPartner[l];
      weight[e] = c;
      avgDelta[e] = lSum[l] / c;
      symmetry[e] = Math.min(lOlder[l], lNewer[l]) / Math.max(lOlder[l], lNewer[l]);
    }
  }
  const edges: EdgeList = { nodeCount: accountCount, directed: false, source, target, weight };
  return { edges, avgDelta, symmetry, actions, participation };
}

/** Edges of each account's bucket, in bucket order: edgeStart[a] … edgeStart[a+1]. */
function bucketEdges(pairs: PairEvents, bucketStart: Int32Array, accountCount: number) {
  const { partner, seq, dt, flags } = pairs;
  const stamp = new Int32Array(accountCount).fill(-1);
  let m = 0;
  for (let a = 0; a < accountCount; a++) {
    for (let k = bucketStart[a]; k < bucketStart[a + 1]; k++) {
      if (stamp[partner[k]] === a) continue;
      stamp[partner[k]] = a;
      m++;
    }
  }
  const edgeStart = new Int32Array(accountCount + 1);
  const lPartner = new Int32Array(m);
  const lFirst = new Int32Array(m);
  const lCount = new Int32Array(m);
  const lSum = new Float64Array(m);
  const lOlder = new Int32Array(m);
  const lNewer = new Int32Array(m);
  const slot = new Int32Array(accountCount);
  stamp.fill(-1);
  let l = 0;
  for (let a = 0; a < accountCount; a++) {
    for (let k = bucketStart[a]; k < bucketStart[a + 1]; k++) {
      const b = partner[k];
      let e: number;
      if (stamp[b] !== a) {
        stamp[b] = a;
        e = l++;
        slot[b] = e;
        lPartner[e] = b;
        lFirst[e] = seq[k];
      } else e = slot[b];
      lCount[e]++;
      lSum[e] += dt[k];
      lOlder[e] += flags[k] & 1;
      lNewer[e] += flags[k] >> 1;
    }
    edgeStart[a + 1] = l;
  }
  return { edgeStart, lPartner, lFirst, lCount, lSum, lOlder, lNewer };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
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

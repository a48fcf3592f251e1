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

import { COACTION_DEFAULTS } from './defaults';

export { COACTION_DEFAULTS };

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
  const emit = repeatedEdges(pairs, bucketStart, accountCount, pairCount, o.minWeight);
  // Pass 4 writes the edges in scan order, so every output column is written sequentially.
  scan.run(SCAN_EMIT, null, null, null, emit);
  const { source, target, weight, avgDelta, symmetry } = emit;
  const edges: EdgeList = { nodeCount: accountCount, directed: false, source, target, weight };
  return { edges, avgDelta, symmetry, actions, participation };
}

const SCAN_TOOK = 0;
const SCAN_COUNT = 1;
const SCAN_STORE = 2;
const SCAN_EMIT = 3;

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
  /** near_text: whether a post pair's signatures match, computed once for all the runs. */
  private readonly similar = new Map<number, boolean>();

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
  run(
    mode: number,
    took: Uint8Array | null,
    perAccount: Int32Array | null,
    out: PairEvents | null,
    emit: EdgeEmitter | null = null,
  ): number {
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
            let match = this.similar.get(key);
            if (match === undefined) {
              match = signatureSimilarity(near.signatures, near.row[pi], near.row[pj], near.size) >= this.similarity;
              this.similar.set(key, match);
            }
            if (!match) continue;
            seenPostPairs!.add(key);
          }
          if (mode === SCAN_TOOK) {
            took![si] = 1;
            took![sj] = 1;
          } else if (mode === SCAN_COUNT) {
            perAccount![(ai < aj ? ai : aj) + 1]++;
          } else if (mode === SCAN_EMIT) {
            if (emit!.first[visited >>> 5] & (1 << (visited & 31))) {
              const p = prev[i];
              const older = prev[j] > i ? 0 : 1;
              const newer = p >= 0 && time[sj] - time[order[p]] <= W ? 0 : 1;
              emitEdge(emit!, visited, ai < aj ? ai : aj, ai < aj ? aj : ai, dt, older, newer);
            }
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

/** The output columns, written in scan order, and what they need to know about edges seen more than once. */
interface EdgeEmitter {
  /** Bit per pair (by scan position): the pair is its edge's first. */
  first: Int32Array;
  minWeight: number;
  /** Edges of two or more pairs, ordered by their first pair's position: that position and the sums. */
  repeatFirst: Int32Array;
  repeatCount: Int32Array;
  repeatSum: Float64Array;
  repeatOlder: Int32Array;
  repeatNewer: Int32Array;
  nextRepeat: number;
  written: number;
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
  avgDelta: Float64Array;
  symmetry: Float64Array;
}

/**
 * Finds each edge's first pair and sums the edges of more than one pair, account bucket by account bucket
 * (sequential memory, a dense slot per partner instead of a hash table). Most edges of a big projection are
 * single pairs (114.9M of 116.9M on 10M viral retweets): those need no sums, the emitting scan knows them.
 */
function repeatedEdges(
  pairs: PairEvents,
  bucketStart: Int32Array,
  accountCount: number,
  pairCount: number,
  minWeight: number,
): EdgeEmitter {
  const { partner, seq, dt, flags } = pairs;
  const first = new Int32Array((pairCount >>> 5) + 1);
  const stamp = new Int32Array(accountCount).fill(-1);
  // Per partner in the current bucket: the pair that opened the edge, and its repeat record (or -1).
  const opener = new Int32Array(accountCount);
  const repeat = new Int32Array(accountCount);
  let cap = 1024;
  let rFirst = new Int32Array(cap);
  let rCount = new Int32Array(cap);
  let rSum = new Float64Array(cap);
  let rOlder = new Int32Array(cap);
  let rNewer = new Int32Array(cap);
  let repeats = 0;
  let singles = 0;
  for (let a = 0; a < accountCount; a++) {
    for (let k = bucketStart[a]; k < bucketStart[a + 1]; k++) {
      const b = partner[k];
      if (stamp[b] !== a) {
        stamp[b] = a;
        opener[b] = k;
        repeat[b] = -1;
        first[seq[k] >>> 5] |= 1 << (seq[k] & 31);
        singles++;
        continue;
      }
      let r = repeat[b];
      if (r < 0) {
        if (repeats === cap) {
          cap *= 2;
          rFirst = growI32(rFirst, cap);
          rCount = growI32(rCount, cap);
          rSum = growF64(rSum, cap);
          rOlder = growI32(rOlder, cap);
          rNewer = growI32(rNewer, cap);
        }
        r = repeats++;
        repeat[b] = r;
        singles--;
        const f = opener[b];
        rFirst[r] = seq[f];
        rCount[r] = 1;
        rSum[r] = dt[f];
        rOlder[r] = flags[f] & 1;
        rNewer[r] = flags[f] >> 1;
      }
      rCount[r]++;
      rSum[r] += dt[k];
      rOlder[r] += flags[k] & 1;
      rNewer[r] += flags[k] >> 1;
    }
  }
  // The pairs are summed: release them before the output columns are allocated.
  pairs.partner = pairs.seq = new Int32Array(0);
  pairs.dt = new Float64Array(0);
  pairs.flags = new Uint8Array(0);
  const byFirst = new Int32Array(repeats);
  for (let r = 0; r < repeats; r++) byFirst[r] = r;
  byFirst.sort((x, y) => rFirst[x] - rFirst[y]);
  let n = minWeight <= 1 ? singles : 0;
  for (let r = 0; r < repeats; r++) if (rCount[r] >= minWeight) n++;
  return {
    first,
    minWeight,
    repeatFirst: Int32Array.from(byFirst, (r) => rFirst[r]),
    repeatCount: Int32Array.from(byFirst, (r) => rCount[r]),
    repeatSum: Float64Array.from(byFirst, (r) => rSum[r]),
    repeatOlder: Int32Array.from(byFirst, (r) => rOlder[r]),
    repeatNewer: Int32Array.from(byFirst, (r) => rNewer[r]),
    nextRepeat: 0,
    written: 0,
    source: new Int32Array(n),
    target: new Int32Array(n),
    weight: new Float64Array(n),
    avgDelta: new Float64Array(n),
    symmetry: new Float64Array(n),
  };
}

/** Writes the edge whose first pair is at scan position q (lo < hi), unless it weighs less than minWeight. */
function emitEdge(x: EdgeEmitter, q: number, lo: number, hi: number, dt: number, older: number, newer: number): void {
  let count = 1;
  let sum = dt;
  if (x.nextRepeat < x.repeatFirst.length && x.repeatFirst[x.nextRepeat] === q) {
    const r = x.nextRepeat++;
    count = x.repeatCount[r];
    sum = x.repeatSum[r];
    older = x.repeatOlder[r];
    newer = x.repeatNewer[r];
  }
  if (count < x.minWeight) return;
  const e = x.written++;
  x.source[e] = lo;
  x.target[e] = hi;
  x.weight[e] = count;
  x.avgDelta[e] = sum / count;
  x.symmetry[e] = Math.min(older, newer) / Math.max(older, newer);
}

function growI32(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

function growF64(a: Float64Array, n: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(n);
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

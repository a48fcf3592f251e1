/**
 * Account → target bipartite graphs (targets being post objects: pages, URLs, domains, hashtags, images,
 * retweeted posts; and, on request, the accounts they retweet, reply to, mention, quote or comment on) and
 * their one-mode projection onto accounts: two accounts are linked by the number of targets they both engage
 * with (Newman 2001, "Scientific collaboration networks", Phys. Rev. E 64).
 */
import { INTERACTION_KIND_CODES, OBJECT_KINDS, type Dataset } from '../analysis/dataset';
import type { ObjectKind } from '../model/records';
import { PairAccumulator, type EdgeList } from './edge-list';

export interface BipartiteGraph {
  accountCount: number;
  targetCount: number;
  /** Per target: its index into ds.objects.values ("kind:value"), or -1 for an account target. */
  targetValue: Int32Array;
  /** Per target: the engaged account's index, or -1 for an object target. */
  targetAccount: Int32Array;
  /** Edges account → target, weight = number of the account's posts acting on the target. */
  account: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

export interface BipartiteOptions {
  objectKinds?: ObjectKind[];
  /** Also the accounts engaged with (every interaction kind but follow), weight = interactions. */
  accounts?: boolean;
  from?: number;
  to?: number;
}

export function buildBipartite(ds: Dataset, options: BipartiteOptions = {}): BipartiteGraph {
  const kinds = options.objectKinds ?? ['page', 'url', 'domain'];
  const wanted = new Uint8Array(OBJECT_KINDS.length);
  for (const k of kinds) wanted[OBJECT_KINDS.indexOf(k)] = 1;
  const from = options.from ?? -Infinity;
  const to = options.to ?? Infinity;
  const bounded = options.from !== undefined || options.to !== undefined;
  const inRange = (t: number) => !bounded || (t >= from && t <= to);
  const O = ds.objects;
  const A = ds.accounts.count;
  // Dense target ids in order of first engagement: objects by value index, accounts after them.
  const targetOf = new Int32Array(O.values.length + A).fill(-1);
  const targetValue: number[] = [];
  const targetAccount: number[] = [];
  const acc = new PairAccumulator(Math.max(A, O.values.length + A), true, {
    capacity: Math.max(1024, O.count),
  });
  const add = (account: number, key: number, value: number, engaged: number, weight: number) => {
    if (targetOf[key] < 0) {
      targetOf[key] = targetValue.length;
      targetValue.push(value);
      targetAccount.push(engaged);
    }
    acc.add(account, targetOf[key], weight);
  };
  for (let r = 0; r < O.count; r++) {
    if (!wanted[O.kind[r]]) continue;
    const p = O.post[r];
    if (!inRange(ds.posts.time[p])) continue;
    add(ds.posts.author[p], O.value[r], O.value[r], -1, 1);
  }
  if (options.accounts) {
    const I = ds.interactions;
    const follow = INTERACTION_KIND_CODES.indexOf('follow');
    for (let r = 0; r < I.count; r++) {
      const a = I.source[r];
      const b = I.target[r];
      if (I.kind[r] === follow || a === b || !inRange(I.time[r])) continue;
      add(a, O.values.length + b, -1, b, I.weight[r]);
    }
  }
  const { edges } = acc.toEdgeList();
  return {
    accountCount: A,
    targetCount: targetValue.length,
    targetValue: Int32Array.from(targetValue),
    targetAccount: Int32Array.from(targetAccount),
    account: edges.source,
    target: edges.target,
    weight: edges.weight,
  };
}

export interface ProjectionOptions {
  /** Targets engaged by more accounts are skipped (their pairs would swamp the graph; default 1000). */
  maxTargetDegree?: number;
  /** Edges sharing fewer targets are dropped (default 1). */
  minShared?: number;
}

export const PROJECTION_DEFAULTS = { maxTargetDegree: 1000, minShared: 1 };

/** What a projection left out, for the summary: targets engaged by more than maxTargetDegree accounts. */
export interface ProjectionStats {
  targets: number;
  skippedTargets: number;
  maxTargetDegree: number;
}

/**
 * Accounts linked by the number of targets they share (undirected), row by row as in a sparse product A·Aᵀ:
 * for each account, its co-engagers are counted in one dense array and only pairs reaching `minShared` are
 * kept. The work is the same Σ k(k−1)/2 over targets as a pair hash, but memory holds the kept edges only —
 * on a 1M-post project a projection has tens of millions of pairs sharing one target, which a hash of every
 * pair had to hold at once (2.8 GB) before dropping them.
 */
export function projectBipartite(
  bg: BipartiteGraph,
  options: ProjectionOptions = {},
  stats?: ProjectionStats,
): EdgeList {
  const maxDegree = options.maxTargetDegree ?? PROJECTION_DEFAULTS.maxTargetDegree;
  const minShared = options.minShared ?? PROJECTION_DEFAULTS.minShared;
  const A = bg.accountCount;
  const T = bg.targetCount;
  // Target → its accounts, ascending (CSR), for the targets kept; account → its kept targets (CSR).
  const tStart = new Int32Array(T + 1);
  for (let e = 0; e < bg.target.length; e++) tStart[bg.target[e] + 1]++;
  for (let t = 0; t < T; t++) tStart[t + 1] += tStart[t];
  const kept = (t: number) => tStart[t + 1] - tStart[t] <= maxDegree;
  let skipped = 0;
  for (let t = 0; t < T; t++) if (!kept(t)) skipped++;
  const aStart = new Int32Array(A + 1);
  for (let e = 0; e < bg.account.length; e++) if (kept(bg.target[e])) aStart[bg.account[e] + 1]++;
  for (let a = 0; a < A; a++) aStart[a + 1] += aStart[a];
  const aFill = aStart.slice(0, A);
  const targetsOf = new Int32Array(aStart[A]);
  for (let e = 0; e < bg.account.length; e++) if (kept(bg.target[e])) targetsOf[aFill[bg.account[e]]++] = bg.target[e];
  // Filled account by account, so each target's members come out ascending without a sort.
  const tFill = tStart.slice(0, T);
  const members = new Int32Array(bg.target.length);
  for (let a = 0; a < A; a++) for (let i = aStart[a]; i < aStart[a + 1]; i++) members[tFill[targetsOf[i]]++] = a;

  const shared = new Int32Array(A);
  const touched = new Int32Array(A);
  const source: number[] = [];
  const target: number[] = [];
  const weight: number[] = [];
  for (let a = 0; a < A; a++) {
    let n = 0;
    for (let i = aStart[a]; i < aStart[a + 1]; i++) {
      const t = targetsOf[i];
      // Members ascending: the ones after `a` are the pairs (a, b > a), each counted once per shared target.
      for (let j = tStart[t + 1] - 1; j >= tStart[t] && members[j] > a; j--) {
        const b = members[j];
        if (shared[b]++ === 0) touched[n++] = b;
      }
    }
    touched.subarray(0, n).sort();
    for (let k = 0; k < n; k++) {
      const b = touched[k];
      if (shared[b] >= minShared) {
        source.push(a);
        target.push(b);
        weight.push(shared[b]);
      }
      shared[b] = 0;
    }
  }
  if (stats) Object.assign(stats, { targets: T, skippedTargets: skipped, maxTargetDegree: maxDegree });
  return {
    nodeCount: A,
    directed: false,
    source: Int32Array.from(source),
    target: Int32Array.from(target),
    weight: Float64Array.from(weight),
  };
}
